import { MISSING_COLOR, viridisGradient } from "../charts/color-scale.ts";
import type { Axis } from "../charts/field-axis.ts";
import { colorAt } from "../charts/palette.ts";
import { formatNumber } from "../format.ts";

/** What the explorers' colours mean: the continuous scale with its ends, or a swatch per category. */
export function ColorLegend({ axis }: { axis: Axis }) {
  return (
    <div class="color-legend">
      <span class="muted">colour: {axis.field}</span>
      {axis.kind === "numeric" ? (
        <>
          <span class="color-end">{formatNumber(axis.min)}</span>
          <i class="color-ramp" style={{ background: viridisGradient() }} />
          <span class="color-end">{formatNumber(axis.max)}</span>
        </>
      ) : (
        axis.categories.map((c, i) => (
          <span key={c} class="color-swatch">
            <i style={{ background: colorAt(i) }} />
            {c}
          </span>
        ))
      )}
      {axis.missing > 0 && (
        <span class="color-swatch">
          <i style={{ background: MISSING_COLOR }} />
          without it ({axis.missing})
        </span>
      )}
    </div>
  );
}
