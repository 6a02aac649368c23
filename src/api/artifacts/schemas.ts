// Request and response shapes of the artifact routes. Types come from these schemas.
import * as v from "valibot";
import { Context, IntegerQuery, PageQuery, RunParams } from "../../http/schemas.ts";
import { jsonQuery } from "../../http/validation.ts";
import { CONTROL_FREE } from "../../lib/text.ts";

export const MAX_PATH_LENGTH = 1024;
export const MAX_LABEL_LENGTH = 255;

// Paths are keys, not file names on the server; the rules keep every path reachable by the one
// URL that names it (URL parsers rewrite "." and ".." segments and may merge "//") and safe to
// write under a directory when a client downloads a run's artifacts (no "..", no "\").
// The same rules as one pattern, for the spec: segments that are neither "." nor "..", of
// characters other than '/', '\' and control characters. The checks below say which rule a
// path breaks; the pattern lets a client (or a fuzzer) know every rule up front.
const CHAR = String.raw`[^/\\\u0000-\u001f\u007f-\u009f]`; // not '/', '\' or a control character
const FIRST = String.raw`[^./\\\u0000-\u001f\u007f-\u009f]`; // the same, and not '.'
const SEGMENT = String.raw`(?:${FIRST}${CHAR}*|\.${FIRST}${CHAR}*|\.\.${CHAR}+)`;
export const ARTIFACT_PATH_PATTERN = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`);

export const ArtifactPath = v.pipe(
  v.string(),
  v.minLength(1, "must not be empty"),
  v.maxLength(MAX_PATH_LENGTH, `must be at most ${MAX_PATH_LENGTH} characters`),
  v.regex(/^[^\u0000-\u001f\u007f-\u009f\\]*$/, "must not contain control characters or backslashes"),
  v.check((path) => !path.startsWith("/"), "must not start with '/'"),
  v.check((path) => path.split("/").every((segment) => segment !== ""), "must not contain an empty segment ('//') or end with '/'"),
  v.check((path) => path.split("/").every((segment) => segment !== "." && segment !== ".."), "must not contain a '.' or '..' segment"),
  v.description(
    "The artifact's path in the run: 1-1,024 characters, '/' separating segments; no empty, '.' or '..' segment, no leading '/', no control characters or backslashes. Sent URL-encoded segment by segment.",
  ),
  v.metadata({ pattern: ARTIFACT_PATH_PATTERN.source }),
);

export const ArtifactParams = v.object({ ...RunParams.entries, path: ArtifactPath });

export const ArtifactView = v.pipe(
  v.object({
    path: v.string(),
    size: v.pipe(v.number(), v.description("Bytes")),
    content_type: v.string(),
    sha256: v.pipe(v.string(), v.description("Lowercase hex SHA-256 of the bytes; the ETag of a download, quoted")),
    created_at: v.pipe(v.string(), v.description("When this version was stored")),
    step: v.pipe(v.nullable(v.number()), v.description("The step it was logged at (an image per epoch); null: not logged per step")),
    context: v.pipe(Context, v.description("The context it was logged in, like a series' ({} when none)")),
  }),
  v.metadata({ ref: "Artifact" }),
);
export type ArtifactView = v.InferOutput<typeof ArtifactView>;

export const ArtifactContextParam = jsonQuery(
  Context,
  'JSON: the context the artifact belongs to, like a series\' context, e.g. {"subset":"val"}. Default: {}.',
);
export const PutArtifactQuery = v.object({
  step: v.optional(
    v.pipe(
      IntegerQuery(Number.MAX_SAFE_INTEGER, 0),
      v.description("The step the artifact was logged at (an image per epoch): an integer from 0. The path stays its key: give each step its own path."),
    ),
  ),
  context: v.optional(ArtifactContextParam.schema),
});

export const ListArtifactsQuery = v.object({
  ...PageQuery.entries,
  prefix: v.optional(v.pipe(v.string(), v.maxLength(MAX_PATH_LENGTH), v.description("Only paths that start with this text, e.g. `reports/`"))),
});

export const VIEWS = ["metrics"] as const;
export const ReadArtifactQuery = v.object({
  view: v.optional(
    v.pipe(
      v.picklist(VIEWS),
      v.description("metrics: a confusion matrix artifact's classification report (accuracy, per-class precision, recall, F1, support, averages)"),
    ),
  ),
});

const Label = v.pipe(v.union([v.pipe(v.string(), v.maxLength(MAX_LABEL_LENGTH), v.regex(CONTROL_FREE)), v.number()]), v.metadata({ ref: "ConfusionLabel" }));

const ClassScores = v.object({
  precision: v.number(),
  recall: v.number(),
  f1: v.number(),
  support: v.pipe(v.number(), v.description("Samples of the class (its row sum); for an average, all samples")),
});

export const ConfusionMetricsView = v.pipe(
  v.object({
    labels: v.array(Label),
    total: v.pipe(v.number(), v.description("Samples counted: the sum of the matrix")),
    accuracy: v.pipe(v.number(), v.description("Trace / total")),
    classes: v.array(v.object({ label: Label, ...ClassScores.entries })),
    macro_avg: v.pipe(ClassScores, v.description("Unweighted mean over the classes")),
    weighted_avg: v.pipe(ClassScores, v.description("Mean over the classes weighted by support")),
  }),
  v.description("scikit-learn's classification_report over the matrix (rows: true class, columns: predicted class); a ratio whose denominator is 0 is 0."),
  v.metadata({ ref: "ConfusionMetrics" }),
);
export type ConfusionMetricsView = v.InferOutput<typeof ConfusionMetricsView>;

/** The body of a confusion matrix artifact (content type application/vnd.runcamp.confusion+json). */
export const ConfusionBody = v.pipe(
  v.object({
    labels: v.pipe(v.array(Label), v.minLength(1)),
    matrix: v.pipe(v.array(v.array(v.pipe(v.number(), v.integer(), v.minValue(0)))), v.minLength(1)),
  }),
  v.description(
    "A square matrix of non-negative integers with one row and one column per label, in the order of labels; matrix[i][j] counts the samples of true class labels[i] predicted as labels[j]. Labels are distinct strings or numbers.",
  ),
  v.metadata({ ref: "ConfusionMatrix" }),
);

/** A stored JSON artifact comes back as uploaded; with view=metrics the answer is ConfusionMetrics. */
export const ArtifactJson = v.union([ConfusionMetricsView, v.unknown()]);

// Presigned multipart uploads (./presigned.ts): large artifacts sent straight to the object store.
const MAX_PARTS = 10_000;

export const UploadParams = v.object({
  ...RunParams.entries,
  upload: v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, "must be an upload id as created"), v.description("The upload_id its creation answered")),
});

export const CreateUploadBody = v.object({
  path: ArtifactPath,
  size: v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.description("The artifact's size in bytes, as it will be sent")),
  sha256: v.pipe(
    v.string(),
    v.regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits"),
    v.description("Lowercase hex SHA-256 of the bytes: checked on completion"),
  ),
  content_type: v.optional(v.pipe(v.string(), v.maxLength(255), v.regex(/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;[\u0020-\u007e\t]*)?$/, "must be type/subtype"))),
});

export const UploadView = v.pipe(
  v.object({
    upload_id: v.string(),
    part_size: v.pipe(v.number(), v.description("Bytes of every part but the last, which holds the rest")),
    parts: v.pipe(
      v.array(v.object({ number: v.number(), url: v.pipe(v.string(), v.description("PUT the part's bytes here; keep the ETag header of the answer")) })),
      v.description("One presigned URL per part, numbered from 1"),
    ),
    expires_at: v.pipe(v.string(), v.description("When the URLs stop working; complete before then")),
  }),
  v.metadata({ ref: "ArtifactUpload" }),
);
export type UploadView = v.InferOutput<typeof UploadView>;

export const CompleteUploadBody = v.object({
  parts: v.pipe(
    v.array(
      v.object({ number: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PARTS)), etag: v.pipe(v.string(), v.minLength(1), v.maxLength(256)) }),
    ),
    v.minLength(1),
    v.maxLength(MAX_PARTS),
    v.description("Every part, in order, with the ETag its PUT answered"),
  ),
});
