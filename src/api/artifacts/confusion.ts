// Confusion matrices, the first-class report among artifacts: checking one on upload and
// computing its classification report.
//
// The body is JSON {"labels": [...], "matrix": [[...]]}: matrix[i][j] counts the samples of
// true class labels[i] predicted as labels[j] (scikit-learn's confusion_matrix orientation).
// The report uses scikit-learn's classification_report definitions with zero_division=0:
//   support_i   = row sum i                 tp_i = matrix[i][i]
//   precision_i = tp_i / column sum i       recall_i = tp_i / support_i
//   f1_i        = 2·tp_i / (2·tp_i + fp_i + fn_i)   (= harmonic mean of precision and recall)
//   accuracy    = trace / total; macro avg = unweighted mean over classes; weighted avg =
//   mean weighted by support. A ratio whose denominator is 0 is 0.
import { badRequest } from "../../http/problems.ts";
import { nameIssue } from "../../lib/text.ts";
import { type ConfusionMetricsView, MAX_LABEL_LENGTH } from "./schemas.ts";

export const CONFUSION_TYPE = "application/vnd.runcamp.confusion+json";

export type Label = string | number;
export interface Confusion {
  labels: Label[];
  matrix: number[][];
}

/** True for the confusion media type, whatever its parameters and case. */
export const isConfusionType = (contentType: string) => contentType.split(";")[0].trim().toLowerCase() === CONFUSION_TYPE;

/** Equal labels, equal keys: the string "1" and the number 1 are two labels. */
export const labelKey = (label: Label) => `${typeof label}:${label}`;

const invalid = (path: string, message: string) => badRequest("The confusion matrix is invalid.", [{ path, message }]);

/** The confusion matrix in `bytes`, or a 400 whose field error says what is wrong (never quoting it). */
export function parseConfusion(bytes: Uint8Array): Confusion {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw invalid("body", "is not valid UTF-8 JSON");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw invalid("body", 'must be an object {"labels": [...], "matrix": [[...]]}');
  const { labels, matrix } = body as { labels?: unknown; matrix?: unknown };
  if (!Array.isArray(labels)) throw invalid("labels", "must be an array");
  if (labels.length === 0) throw invalid("labels", "must name at least one class");
  const seen = new Set<string>();
  labels.forEach((label, i) => {
    const ok = (typeof label === "string" && label.length <= MAX_LABEL_LENGTH) || (typeof label === "number" && Number.isFinite(label));
    if (!ok) throw invalid(`labels.${i}`, `must be a string of at most ${MAX_LABEL_LENGTH} characters or a number`);
    const issue = typeof label === "string" ? nameIssue(label) : null;
    if (issue) throw invalid(`labels.${i}`, issue);
    const key = labelKey(label as Label);
    if (seen.has(key)) throw invalid(`labels.${i}`, "repeats an earlier label");
    seen.add(key);
  });
  const n = labels.length;
  if (!Array.isArray(matrix)) throw invalid("matrix", "must be an array of rows");
  if (matrix.length !== n) throw invalid("matrix", `must have ${n} rows, one per label`);
  let total = 0;
  matrix.forEach((row: unknown, i) => {
    if (!Array.isArray(row)) throw invalid(`matrix.${i}`, "must be an array of counts");
    if (row.length !== n) throw invalid(`matrix.${i}`, `must have ${n} counts, one per label (the matrix is square)`);
    row.forEach((count: unknown, j) => {
      if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) throw invalid(`matrix.${i}.${j}`, "must be a non-negative integer");
      total += count;
    });
  });
  if (!Number.isSafeInteger(total)) throw invalid("matrix", "counts must sum to at most 2^53 - 1");
  return { labels: labels as Label[], matrix: matrix as number[][] };
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function confusionMetrics({ labels, matrix }: Confusion): ConfusionMetricsView {
  const n = labels.length;
  const predicted = new Array<number>(n).fill(0);
  let total = 0;
  let trace = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      predicted[j] += matrix[i][j];
      total += matrix[i][j];
    }
    trace += matrix[i][i];
  }
  const classes = labels.map((label, i) => {
    const tp = matrix[i][i];
    const support = matrix[i].reduce((a, b) => a + b, 0);
    const fp = predicted[i] - tp;
    const fn = support - tp;
    return { label, precision: ratio(tp, predicted[i]), recall: ratio(tp, support), f1: ratio(2 * tp, 2 * tp + fp + fn), support };
  });
  const average = (weight: (c: (typeof classes)[number]) => number) => {
    const weights = classes.map(weight);
    const sum = weights.reduce((a, b) => a + b, 0);
    const mean = (key: "precision" | "recall" | "f1") =>
      ratio(
        classes.reduce((acc, c, i) => acc + c[key] * weights[i], 0),
        sum,
      );
    return { precision: mean("precision"), recall: mean("recall"), f1: mean("f1"), support: total };
  };
  return {
    labels,
    total,
    accuracy: ratio(trace, total),
    classes,
    macro_avg: average(() => 1),
    weighted_avg: average((c) => c.support),
  };
}
