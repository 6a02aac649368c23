// The "compare to baseline" table: per group, its pairs, the mean difference with its 95%
// interval drawn on one axis shared by all rows (zero marked), the p-values and d_z, and the
// runs left without a partner.
import type { CompareRow } from "../api/types.ts";
import { fromWire } from "../api/wire.ts";
import { formatNumber } from "../format.ts";
import { paramText } from "../params.ts";

const PLOT_WIDTH = 180;
const num = (x: CompareRow["mean_diff"]) => (x === null ? "—" : formatNumber(fromWire(x)));

/** Where x falls on the shared axis [lo, hi], in pixels. */
const scale = (lo: number, hi: number) => (x: number) => 6 + ((x - lo) / (hi - lo || 1)) * (PLOT_WIDTH - 12);

function IntervalPlot({ row, at }: { row: CompareRow; at: (x: number) => number }) {
  const mean = fromWire(row.mean_diff);
  const low = fromWire(row.ci95_low);
  const high = fromWire(row.ci95_high);
  const significant = Number.isFinite(low) && (low > 0 || high < 0);
  return (
    <svg
      class={`interval${significant ? " significant" : ""}`}
      width={PLOT_WIDTH}
      height={18}
      role="img"
      aria-label={`${num(row.mean_diff)} [${num(row.ci95_low)}, ${num(row.ci95_high)}]`}
    >
      <line class="zero" x1={at(0)} x2={at(0)} y1={0} y2={18} />
      {Number.isFinite(low) && Number.isFinite(high) && <line class="ci" x1={at(low)} x2={at(high)} y1={9} y2={9} />}
      {Number.isFinite(mean) && <circle class="mean" cx={at(mean)} cy={9} r={3.5} />}
    </svg>
  );
}

export function CompareTable({ rows, by }: { rows: CompareRow[]; by: string }) {
  const ends = rows.flatMap((r) => [r.ci95_low, r.ci95_high, r.mean_diff].map(fromWire)).filter(Number.isFinite);
  const lo = Math.min(0, ...ends);
  const hi = Math.max(0, ...ends);
  const at = scale(lo, hi);
  return (
    <table class="data compare-baseline">
      <thead>
        <tr>
          <th>params.{by}</th>
          <th class="num">pairs</th>
          <th>difference, 95% CI</th>
          <th class="num">mean diff [CI]</th>
          <th class="num">p (t)</th>
          <th class="num">p (Wilcoxon)</th>
          <th class="num">p (Holm)</th>
          <th class="num">d_z</th>
          <th>unpaired</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={JSON.stringify(r.group)}>
            <td>{paramText(r.group)}</td>
            <td class="num">{r.n_pairs}</td>
            <td>
              <IntervalPlot row={r} at={at} />
            </td>
            <td class="num">
              {num(r.mean_diff)}
              {r.ci95_low !== null && (
                <span class="ci">
                  {" "}
                  [{num(r.ci95_low)}, {num(r.ci95_high)}]
                </span>
              )}
            </td>
            <td class="num">{num(r.p_ttest)}</td>
            <td class="num" title={r.wilcoxon_method ?? undefined}>
              {num(r.p_wilcoxon)}
            </td>
            <td class="num">{num(r.p_holm)}</td>
            <td class="num">{num(r.effect_size)}</td>
            <td class="muted">
              {r.unpaired.map((u) => u.run).join(", ")}
              {r.reason && <div class="reason">{r.reason}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
