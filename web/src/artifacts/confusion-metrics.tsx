// A confusion matrix's classification report laid out as scikit-learn prints it: a row per
// class (precision, recall, F1, support), then accuracy (in the F1 column, over all samples)
// and the macro and weighted averages. For a campaign, each score of the summed matrix has
// beside it the score's mean ± ci95 across the runs' own matrices.
import type { AcrossRuns, ConfusionGroup, ConfusionMetrics } from "../api/types.ts";

const score = (x: number) => x.toFixed(4);
const COLUMNS = ["Precision", "Recall", "F1", "Support"];

function Across({ a }: { a: AcrossRuns | undefined }) {
  if (!a || a.mean === null) return null;
  return (
    <span class="across" title={`across ${a.n} run${a.n === 1 ? "" : "s"}: min ${a.min?.toFixed(4)}, max ${a.max?.toFixed(4)}`}>
      {score(a.mean)}
      {a.ci95 !== null && ` ± ${score(a.ci95)}`}
    </span>
  );
}

type Scores = { precision: number; recall: number; f1: number };
type ScoresAcross = { precision: AcrossRuns; recall: AcrossRuns; f1: AcrossRuns };

function ScoreCells({ s, across }: { s: Scores; across?: ScoresAcross }) {
  return (
    <>
      {(["precision", "recall", "f1"] as const).map((k) => (
        <td key={k} class={`num ${k}`}>
          <span class="val">{score(s[k])}</span>
          <Across a={across?.[k]} />
        </td>
      ))}
    </>
  );
}

export function ConfusionMetricsTable({ metrics, across }: { metrics: ConfusionMetrics; across?: ConfusionGroup["across_runs"] }) {
  const acrossOf = (label: string | number) => across?.classes.find((c) => c.label === label);
  return (
    <table class="data confusion-metrics">
      {across && <caption>Scores of the summed matrix; below each, its mean ± ci95 across the runs' own matrices.</caption>}
      <thead>
        <tr>
          <th>Class</th>
          {COLUMNS.map((c) => (
            <th key={c} class="num">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {metrics.classes.map((c) => (
          <tr key={String(c.label)} data-row="class">
            <th scope="row">{String(c.label)}</th>
            <ScoreCells s={c} across={acrossOf(c.label)} />
            <td class="num support">{c.support.toLocaleString("en")}</td>
          </tr>
        ))}
      </tbody>
      <tbody class="totals">
        <tr data-row="accuracy">
          <th scope="row">accuracy</th>
          <td />
          <td />
          <td class="num f1">
            <span class="val">{score(metrics.accuracy)}</span>
            <Across a={across?.accuracy} />
          </td>
          <td class="num support">{metrics.total.toLocaleString("en")}</td>
        </tr>
        <tr data-row="macro avg">
          <th scope="row">macro avg</th>
          <ScoreCells s={metrics.macro_avg} across={across?.macro_avg} />
          <td class="num support">{metrics.macro_avg.support.toLocaleString("en")}</td>
        </tr>
        <tr data-row="weighted avg">
          <th scope="row">weighted avg</th>
          <ScoreCells s={metrics.weighted_avg} across={across?.weighted_avg} />
          <td class="num support">{metrics.weighted_avg.support.toLocaleString("en")}</td>
        </tr>
      </tbody>
    </table>
  );
}
