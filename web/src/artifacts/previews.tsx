// What a run's artifact looks like on its page, by content type: an image inline, a CSV as a
// table of its first rows, a confusion matrix as a heatmap with its classification report,
// text (a log, notes, JSON) as text.
// The bytes come through apiFetch (with the token) and are shown from a blob: an image's
// object URL goes to an <img>, so an SVG is rendered as a picture (no script, no access to
// the page) and never inserted into the DOM as markup.
import { useEffect, useState } from "preact/hooks";
import { fetchArtifact, fetchArtifactHead, fetchConfusion, fetchConfusionMetrics, isConfusion, mediaType } from "../api/artifacts.ts";
import type { Artifact } from "../api/types.ts";
import { ProblemNote } from "../components/problem-note.tsx";
import { formatBytes } from "../format.ts";
import { useAsync } from "../use-async.ts";
import { ConfusionHeatmap } from "./confusion-heatmap.tsx";
import { ConfusionMetricsTable } from "./confusion-metrics.tsx";
import { parseCsvPreview } from "./csv-preview.ts";
import { isText, TextPreview } from "./text-preview.tsx";

const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"]);
/** Images larger than this are not fetched for the page (download them instead). */
const MAX_IMAGE_BYTES = 16 * 1024 * 1024;
/** A CSV preview reads this much of the file (one Range request). */
const CSV_PREVIEW_BYTES = 256 * 1024;

export type PreviewKind = "image" | "csv" | "confusion" | "text";

export function previewKind(artifact: Pick<Artifact, "content_type" | "path">): PreviewKind | null {
  const type = mediaType(artifact.content_type);
  if (IMAGE_TYPES.has(type)) return "image";
  if (type === "text/csv") return "csv";
  if (isConfusion(type)) return "confusion";
  if (isText(type, artifact.path)) return "text";
  return null;
}

interface Props {
  repo: string;
  run: string;
  artifact: Artifact;
}

export function ArtifactPreview(props: Props) {
  const kind = previewKind(props.artifact);
  if (kind === "image") return <ImagePreview {...props} />;
  if (kind === "csv") return <CsvPreview {...props} />;
  if (kind === "confusion") return <ConfusionPreview {...props} />;
  if (kind === "text") return <TextPreview {...props} />;
  return null;
}

export function ImagePreview({ repo, run, artifact }: Props) {
  const [url, setUrl] = useState<string | null>(null);
  const tooLarge = artifact.size > MAX_IMAGE_BYTES;
  const loaded = useAsync(async (signal) => (tooLarge ? null : fetchArtifact(repo, run, artifact.path, signal)), [repo, run, artifact.path, artifact.sha256]);
  useEffect(() => {
    if (!loaded.data) return;
    // The type as stored, so the browser decodes it as that image type and nothing else.
    const object = URL.createObjectURL(new Blob([loaded.data], { type: mediaType(artifact.content_type) }));
    setUrl(object);
    return () => URL.revokeObjectURL(object);
  }, [loaded.data]);
  if (tooLarge) return <p class="muted">Too large to show here ({formatBytes(artifact.size)}): download it.</p>;
  return (
    <>
      <ProblemNote error={loaded.error} />
      {url ? <img class="artifact-image" src={url} alt={artifact.path} /> : !loaded.error && <p class="muted">Loading…</p>}
    </>
  );
}

function CsvPreview({ repo, run, artifact }: Props) {
  const csv = useAsync(
    async (signal) => {
      const head = await fetchArtifactHead(repo, run, artifact.path, artifact.size, CSV_PREVIEW_BYTES, signal);
      return parseCsvPreview(head.data, head.complete);
    },
    [repo, run, artifact.path, artifact.sha256],
  );
  if (!csv.data) return csv.error ? <ProblemNote error={csv.error} /> : <p class="muted">Loading…</p>;
  const { header, rows, total, errors } = csv.data;
  if (!header.length) return <p class="muted">The file is empty.</p>;
  const note =
    total === null
      ? `The first ${rows.length.toLocaleString("en")} rows (the file is ${formatBytes(artifact.size)}; download it for the rest).`
      : total > rows.length
        ? `The first ${rows.length.toLocaleString("en")} of ${total.toLocaleString("en")} rows.`
        : `${total.toLocaleString("en")} row${total === 1 ? "" : "s"}.`;
  return (
    <>
      <div class="table-scroll csv-scroll">
        <table class="data csv">
          <thead>
            <tr>
              {header.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {header.map((_, j) => (
                  <td key={j}>{r[j] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class={`muted hint csv-note${total === null || total > rows.length ? " truncated" : ""}`}>{note}</p>
      {errors.map((e) => (
        <p key={e} class="muted hint">
          Not quite CSV at {e}
        </p>
      ))}
    </>
  );
}

function ConfusionPreview({ repo, run, artifact }: Props) {
  const report = useAsync(
    (signal) => Promise.all([fetchConfusion(repo, run, artifact.path, signal), fetchConfusionMetrics(repo, run, artifact.path, signal)]),
    [repo, run, artifact.path, artifact.sha256],
  );
  if (!report.data) return report.error ? <ProblemNote error={report.error} /> : <p class="muted">Loading…</p>;
  const [cm, metrics] = report.data;
  return (
    <div class="confusion">
      <ConfusionHeatmap
        labels={cm.labels}
        matrix={cm.matrix}
        caption={`Confusion matrix ${artifact.path}: rows are the true class, columns the predicted class`}
      />
      <ConfusionMetricsTable metrics={metrics} />
    </div>
  );
}
