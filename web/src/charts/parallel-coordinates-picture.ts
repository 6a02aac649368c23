// Parallel coordinates as an exported picture (explorer-picture.ts). The axes — their lines,
// names, tick labels, brushes and counts of runs without a value — are HTML on the page; here
// they are marks at the same places, drawn into the PNG over the canvas. The SVG has them and
// one path per run from the data, the runs outside the brushes grey and under the others, as
// the canvas draws them.

import { cssColor } from "../theme.ts";
import { type Brushes, brushSpan, matchesAll } from "./brushes.ts";
import { type Mark, marksSvg } from "./explorer-marks.ts";
import type { ExplorerPicture } from "./explorer-picture.ts";
import type { Axis } from "./field-axis.ts";
import { axisX, DIMMED, HEIGHT, PLOT, type PlotRun, runColor, shownTicks, TOP, yOf } from "./parallel-coordinates-layout.ts";
import { escapeXml, n } from "./svg-markup.ts";

interface Drawn {
  title: string;
  canvas: HTMLCanvasElement;
  width: number;
  runs: PlotRun[];
  axes: Axis[];
  /** The brushes as drawn (a drag under way included). */
  brushes: Brushes;
  color: Axis | null;
}

// The brush's fill as styles.css has it (.pc-brush); its edge is the accent colour.
const BRUSH_FILL = "rgba(47, 111, 222, 0.28)";

function axisMarks({ axes, brushes }: Drawn, xs: number[]): Mark[] {
  const [name, tick, muted, accent] = ["--fg", "--fg-2", "--muted", "--accent"].map(cssColor);
  return axes.flatMap((axis, i): Mark[] => {
    const x = xs[i];
    const span = brushes[axis.field] && brushSpan(axis, brushes[axis.field]);
    return [
      { kind: "line", role: "axis", x1: x, y1: TOP, x2: x, y2: TOP + PLOT, color: tick },
      { kind: "text", role: "axis-name", x, y: TOP - 17, text: axis.field, color: name, anchor: "middle", size: 11, mono: true, maxWidth: 150 },
      ...shownTicks(axis).map(
        (t): Mark => ({ kind: "text", role: "tick", x: x + 5, y: yOf(t.pos), text: t.label, color: tick, anchor: "start", size: 11, maxWidth: 80 }),
      ),
      ...(span
        ? [
            {
              kind: "rect",
              role: "brush",
              x: x - 7,
              y: yOf(span[1]),
              width: 14,
              height: Math.max(2, (span[1] - span[0]) * PLOT),
              fill: BRUSH_FILL,
              stroke: accent,
            } as const,
          ]
        : []),
      ...(axis.missing > 0
        ? [{ kind: "text", role: "missing", x, y: TOP + PLOT + 15, text: `${axis.missing} without`, color: muted, anchor: "middle", size: 11 } as const]
        : []),
    ];
  });
}

/** A run's polyline as path data; a run without a value at an axis leaves a gap there. */
function runPath(run: PlotRun, axes: Axis[], xs: number[]): string {
  let d = "";
  let pen = false;
  axes.forEach((axis, i) => {
    const p = axis.pos(run.columns[axis.field]);
    if (p === null) pen = false;
    else {
      d += `${pen ? "L" : "M"}${n(xs[i])} ${n(yOf(p))}`;
      pen = true;
    }
  });
  return d;
}

function runsSvg({ runs, axes, brushes, color }: Drawn, xs: number[]): string {
  const matching = runs.map((r) => matchesAll(axes, brushes, r.columns));
  const path = (r: PlotRun, style: string, state: string) =>
    `<path class="run ${state}" data-run="${escapeXml(r.id)}" d="${runPath(r, axes, xs)}" fill="none" ${style}/>`;
  const dimmed = runs.filter((_, i) => !matching[i]).map((r) => path(r, `stroke="${DIMMED}" stroke-width="1"`, "dimmed"));
  const shown = runs
    .filter((_, i) => matching[i])
    .map((r) => path(r, `stroke="${runColor(r, color)}" stroke-opacity="0.8" stroke-width="1.25" stroke-linejoin="round"`, "matching"));
  return [...dimmed, ...shown].join("");
}

export function parallelPicture(drawn: Drawn): ExplorerPicture {
  const xs = drawn.axes.map((_, i) => axisX(i, drawn.axes.length, drawn.width));
  const overlay = axisMarks(drawn, xs);
  return {
    title: drawn.title,
    canvas: drawn.canvas,
    width: drawn.width,
    height: HEIGHT,
    overlay,
    svg: () => `<g class="runs">${runsSvg(drawn, xs)}</g><g class="axes">${marksSvg(overlay)}</g>`,
    color: drawn.color,
  };
}
