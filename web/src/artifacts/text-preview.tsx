// A text artifact (a log, notes, a JSON report) shown as text: its first TEXT_HEAD bytes from
// one Range request, and with "show all" the rest, for files up to TEXT_WHOLE. The text goes
// into a <pre> as a text node, so markup in it (a <script>, an <img onerror>) is shown, never
// parsed. Bytes are decoded as UTF-8; a character cut at the end of the head shows as �.
import { useState } from "preact/hooks";
import { fetchArtifactHead } from "../api/artifacts.ts";
import type { Artifact } from "../api/types.ts";
import { ProblemNote } from "../components/problem-note.tsx";
import { formatBytes } from "../format.ts";
import { useAsync } from "../use-async.ts";

/** Shown at first. */
export const TEXT_HEAD = 16 * 1024;
/** "show all" reads files up to this size; larger ones are downloaded. */
export const TEXT_WHOLE = 1024 * 1024;

const TEXT_TYPES = new Set(["text/plain", "text/markdown", "text/x-log", "application/json", "application/x-ndjson", "text/x-python", "application/yaml"]);
const TEXT_EXTENSION = /\.(txt|md|markdown|json|jsonl|ndjson|log|yaml|yml|py|ini|toml|cfg)$/i;

/** A text artifact by type, or an untyped one (application/octet-stream) by extension. */
export function isText(type: string, path: string): boolean {
  return TEXT_TYPES.has(type) || (type === "application/octet-stream" && TEXT_EXTENSION.test(path));
}

export function TextPreview({ repo, run, artifact }: { repo: string; run: string; artifact: Artifact }) {
  const [whole, setWhole] = useState(false);
  const text = useAsync(
    async (signal) => {
      const head = await fetchArtifactHead(repo, run, artifact.path, artifact.size, whole ? TEXT_WHOLE : TEXT_HEAD, signal);
      return { text: new TextDecoder().decode(head.data), complete: head.complete };
    },
    [repo, run, artifact.path, artifact.sha256, whole],
  );
  if (!text.data) return text.error ? <ProblemNote error={text.error} /> : <p class="muted">Loading…</p>;
  const { complete } = text.data;
  return (
    <>
      <pre class="artifact-text">{text.data.text}</pre>
      {!complete && (
        <p class="muted hint text-note">
          The first {formatBytes(whole ? TEXT_WHOLE : TEXT_HEAD)} of {formatBytes(artifact.size)}.{" "}
          {artifact.size <= TEXT_WHOLE ? (
            <button type="button" class="link" onClick={() => setWhole(true)}>
              show all
            </button>
          ) : (
            "Download it for the rest."
          )}
        </p>
      )}
    </>
  );
}
