// A confusion matrix as a heatmap that is also a real table: rows are true classes, columns
// predicted ones (scikit-learn's layout), each cell shows its count and is coloured by its
// share of the row (recall's view: where did the samples of this class go), so a rare class
// reads as clearly as a common one. Screen readers get the table, with each cell's meaning
// in its aria-label.

import { theme } from "../theme.ts";

type Label = string | number;

// From the panel's colour to the UI's accent (darkened on white, brightened on the dark panel):
// rgb at share 0 and at share 1, per theme.
const SCALES = {
  light: [
    [255, 255, 255],
    [31, 78, 156],
  ],
  dark: [
    [27, 31, 40],
    [77, 139, 240],
  ],
};

export function shareColor(share: number, scheme: keyof typeof SCALES): string {
  const [low, high] = SCALES[scheme];
  const c = low.map((lo, i) => Math.round(lo + (high[i] - lo) * share));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

const percent = (x: number) => `${(x * 100).toFixed(x >= 0.995 || x === 0 ? 0 : 1)}%`;

export function ConfusionHeatmap({ labels, matrix, caption }: { labels: Label[]; matrix: number[][]; caption: string }) {
  const scheme = theme.value;
  const rowSums = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  return (
    <div class="heatmap-scroll">
      <table class="heatmap">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <td class="heatmap-corner" rowSpan={2}>
              <span class="axis-y">true ↓</span>
            </td>
            <th scope="colgroup" colSpan={labels.length} class="axis-x">
              predicted →
            </th>
          </tr>
          <tr>
            {labels.map((l) => (
              <th key={String(l)} scope="col" class="label-col">
                {String(l)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((row, i) => (
            <tr key={String(labels[i])}>
              <th scope="row" class="label-row">
                {String(labels[i])}
              </th>
              {row.map((count, j) => {
                const share = rowSums[i] ? count / rowSums[i] : 0;
                const what = `true ${labels[i]}, predicted ${labels[j]}: ${count} (${percent(share)} of ${labels[i]})`;
                return (
                  <td
                    key={String(labels[j])}
                    class={`cell${i === j ? " diagonal" : ""}${share > 0.5 ? " dark" : ""}`}
                    style={{ background: shareColor(share, scheme) }}
                    aria-label={what}
                    title={what}
                    data-share={share.toFixed(4)}
                  >
                    {count.toLocaleString("en")}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="heatmap-legend" aria-hidden="true">
        <span>0%</span>
        <i style={{ background: `linear-gradient(to right, ${shareColor(0, scheme)}, ${shareColor(1, scheme)})` }} />
        <span>100% of the true class</span>
      </p>
    </div>
  );
}
