import { useState } from "preact/hooks";
import { artifactUrl, fetchArtifact } from "../api/artifacts.ts";
import { ProblemNote } from "../components/problem-note.tsx";
import { saveBlob } from "../save-file.ts";

/**
 * A download link for an artifact. Its href is the API URL (to copy, or for a server without
 * tokens), but a click fetches the bytes with the token and hands them to the browser as a
 * file: a plain link cannot send the Authorization header.
 */
export function DownloadLink({ repo, run, path }: { repo: string; run: string; path: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = path.split("/").pop()!;
  return (
    <>
      <a
        class="download"
        href={artifactUrl(repo, run, path)}
        download={name}
        aria-label={`Download ${path}`}
        aria-busy={busy}
        onClick={async (e) => {
          e.preventDefault();
          if (busy) return;
          setBusy(true);
          setError(null);
          try {
            saveBlob(await fetchArtifact(repo, run, path), name);
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? "Downloading…" : "Download"}
      </a>
      <ProblemNote error={error} />
    </>
  );
}
