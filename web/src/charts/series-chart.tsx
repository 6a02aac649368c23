// One chart of lines over steps (or epochs, or time), drawn by uPlot on a canvas. Dragging
// across it reports the x range to zoom to (the page re-fetches that range at full
// resolution); a double click reports a reset. Hover shows the nearest line's step and value.
// Its corner menu exports it as PNG or SVG; it redraws in the colours of a new theme.
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import { formatNumber } from "../format.ts";
import { cssColor, theme } from "../theme.ts";
import { ChartExportMenu } from "./chart-export-menu.tsx";
import type { ChartModel, Line } from "./chart-model.ts";
import type { ChartPicture } from "./chart-picture.ts";
import { withAlpha } from "./palette.ts";
import type { XAxis } from "./x-axis.ts";

export interface SeriesChartProps {
  /** What the chart shows (the metric and its context): the exported picture's title and file name. */
  title: string;
  model: ChartModel;
  log: boolean;
  /** Line keys switched off in the legend. */
  hidden: ReadonlySet<string>;
  /** The zoomed x range; null shows all the data. */
  xRange: [number, number] | null;
  /** A fixed y range (facets sharing their axes); absent fits the data. */
  yRange?: [number, number] | null;
  onZoom(range: [number, number] | null): void;
  height?: number;
}

const timeFormat = new Intl.DateTimeFormat("en-CA", { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

export function formatX(x: number, axis: XAxis): string {
  if (axis === "time") return timeFormat.format(new Date(x * 1000)).replace(",", "");
  if (axis === "epoch") return `epoch ${formatNumber(x)}`;
  if (axis === "relative") return `+${formatNumber(x)} s`;
  if (axis === "metric") return `x ${formatNumber(x)}`;
  return `step ${Math.round(x).toLocaleString("en")}`;
}

/** The index nearest `idx` where the line has a point, looking at most `reach` columns away. */
function nearestPoint(values: ArrayLike<number | null | undefined>, idx: number, reach = 64): number | null {
  for (let d = 0; d <= reach; d++) {
    if (idx - d >= 0 && values[idx - d] !== undefined) return idx - d;
    if (idx + d < values.length && values[idx + d] !== undefined) return idx + d;
  }
  return null;
}

function infinityMarks(lines: Line[], hidden: ReadonlySet<string>) {
  return (u: uPlot) => {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    const r = 5 * uPlot.pxRatio;
    for (const line of lines) {
      if (hidden.has(line.spec.key) || !line.infinities.length) continue;
      ctx.fillStyle = line.spec.color;
      for (const m of line.infinities) {
        const x = u.valToPos(m.x, "x", true);
        const y = m.sign > 0 ? top + r : top + height - r;
        ctx.beginPath();
        ctx.moveTo(x - r, m.sign > 0 ? y + r : y - r);
        ctx.lineTo(x + r, m.sign > 0 ? y + r : y - r);
        ctx.lineTo(x, m.sign > 0 ? y - r : y + r);
        ctx.closePath();
        ctx.fill();
      }
    }
  };
}

export function SeriesChart({ title, model, log, hidden, xRange, yRange = null, onZoom, height = 240 }: SeriesChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const tip = useRef<HTMLDivElement>(null);
  const zoom = useRef(onZoom);
  zoom.current = onZoom;
  // Hover reads the latest model, so new labels (run names arriving after the curves) show
  // without redrawing: the chart is rebuilt only when what it draws changes.
  const current = useRef(model);
  current.current = model;
  const drawn = model.lines.map((l) => `${l.spec.key}${l.spec.color}${l.spec.dash ?? ""}${l.lo ?? ""}`).join("|");
  const colors = theme.value;

  useEffect(() => {
    const el = box.current!;
    const lines = model.lines;
    const series: uPlot.Series[] = [{ label: model.axis }];
    const bands: uPlot.Band[] = [];
    for (const line of lines) {
      const show = !hidden.has(line.spec.key);
      series[line.y] = { label: line.spec.label, stroke: line.spec.color, dash: line.spec.dash, width: 1.5, points: { show: false }, spanGaps: false, show };
      if (line.lo !== undefined && line.hi !== undefined) {
        const edge = { label: "", stroke: "transparent", width: 0, points: { show: false }, show };
        series[line.lo] = edge;
        series[line.hi] = edge;
        bands.push({ series: [line.hi, line.lo], fill: withAlpha(line.spec.color, lines.length > 1 ? 0.18 : 0.24) });
      }
    }
    let focused: number | null = null;
    const axis = { stroke: cssColor("--chart-axis"), grid: { stroke: cssColor("--chart-grid") }, ticks: { stroke: cssColor("--chart-tick") } };
    const opts: uPlot.Options = {
      width: el.clientWidth,
      height,
      series,
      bands,
      legend: { show: false },
      focus: { alpha: lines.length > 1 ? 0.3 : 1 },
      cursor: {
        drag: { x: true, y: false, setScale: false },
        points: { show: false },
        focus: { prox: 24 },
        bind: { dblclick: () => null },
      },
      scales: {
        x: { time: model.axis === "time", ...(xRange ? { auto: false, range: () => xRange } : {}) },
        y: { ...(log ? { distr: 3 } : {}), ...(yRange ? { auto: false, range: () => yRange } : {}) },
      },
      axes: [
        axis,
        {
          ...axis,
          size: 56,
          values: (_u, splits) => splits.map((v) => (v == null ? "" : formatNumber(v))),
        },
      ],
      hooks: {
        draw: [
          infinityMarks(lines, hidden),
          // Stamps for tests and bench/ui.ts: how many paints, when the last one happened, and
          // the axes' ranges drawn.
          (u) => {
            el.dataset.painted = String(Number(el.dataset.painted ?? 0) + 1);
            el.dataset.paintedAt = String(performance.now());
            el.dataset.scales = JSON.stringify({ x: [u.scales.x.min, u.scales.x.max], y: [u.scales.y.min, u.scales.y.max] });
          },
        ],
        setSelect: [
          (u) => {
            if (u.select.width < 3) return;
            const x0 = u.posToVal(u.select.left, "x");
            const x1 = u.posToVal(u.select.left + u.select.width, "x");
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            zoom.current([x0, x1]);
          },
        ],
        setSeries: [
          (_u, i) => {
            focused = i;
          },
        ],
        setCursor: [(u) => showTip(u, current.current, hidden, focused, tip.current!)],
      },
    };
    const plot = new uPlot(opts, model.data, el);
    plotRef.current = plot;
    const reset = () => zoom.current(null);
    plot.over.addEventListener("dblclick", reset);
    plot.over.addEventListener("mouseleave", () => (tip.current!.hidden = true));
    const resize = new ResizeObserver(() => {
      if (el.clientWidth && el.clientWidth !== plot.width) plot.setSize({ width: el.clientWidth, height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      plotRef.current = null;
      plot.destroy();
    };
  }, [model.data, drawn, model.axis, log, hidden, xRange, yRange, height, colors]);

  const picture = (): ChartPicture | null =>
    plotRef.current && {
      title,
      plot: plotRef.current,
      lines: current.current.lines
        .filter((l) => !hidden.has(l.spec.key))
        .map((l) => ({
          series: l.y,
          label: l.spec.label,
          color: l.spec.color,
          dash: l.spec.dash,
          band: l.lo !== undefined && l.hi !== undefined ? [l.lo, l.hi] : undefined,
        })),
    };
  return (
    <div class="chart-canvas">
      <div ref={box} data-lines={model.lines.filter((l) => !hidden.has(l.spec.key)).length} />
      <div ref={tip} class="chart-tip" hidden />
      <ChartExportMenu picture={picture} />
    </div>
  );
}

function showTip(u: uPlot, model: ChartModel, hidden: ReadonlySet<string>, focused: number | null, tip: HTMLDivElement) {
  const idx = u.cursor.idx;
  if (idx == null || u.cursor.left == null || u.cursor.left < 0) {
    tip.hidden = true;
    return;
  }
  const visible = model.lines.filter((l) => !hidden.has(l.spec.key));
  // Few lines: all of them; many: the one under the cursor (uPlot's focus, else the nearest in y).
  let shown = visible;
  if (visible.length > 6) {
    let best = visible.find((l) => l.y === focused);
    if (!best) {
      let bestDist = Infinity;
      for (const l of visible) {
        const at = nearestPoint(u.data[l.y], idx, 4);
        const v = at === null ? null : u.data[l.y][at];
        if (v == null) continue;
        const d = Math.abs(u.valToPos(v, "y") - (u.cursor.top ?? 0));
        if (d < bestDist) [best, bestDist] = [l, d];
      }
    }
    shown = best ? [best] : [];
  }
  const rows: string[] = [];
  let header = formatX(u.data[0][idx], model.axis);
  for (const l of shown) {
    const at = nearestPoint(u.data[l.y], idx);
    if (at === null) continue;
    const v = u.data[l.y][at];
    const step = l.steps[at];
    const n = l.counts?.[at];
    if (shown.length === 1 && step !== undefined) header = `step ${step.toLocaleString("en")}`;
    const detail = [step !== undefined && shown.length > 1 ? `step ${step.toLocaleString("en")}` : "", n !== undefined ? `${n} run${n === 1 ? "" : "s"}` : ""]
      .filter(Boolean)
      .join(", ");
    rows.push(
      `<div class="tip-row"><i style="background:${l.spec.color}"></i><span class="tip-label">${escapeHtml(l.spec.label)}</span><b>${v == null ? "NaN" : formatNumber(v)}</b>${detail ? `<small>${detail}</small>` : ""}</div>`,
    );
  }
  if (!rows.length) {
    tip.hidden = true;
    return;
  }
  tip.innerHTML = `<div class="tip-x">${header}</div>${rows.join("")}`;
  tip.hidden = false;
  const left = u.cursor.left + u.over.offsetLeft;
  const flip = left > u.over.clientWidth * 0.6;
  tip.style.left = flip ? "" : `${left + 14}px`;
  tip.style.right = flip ? `${u.root.clientWidth - left + 14}px` : "";
  tip.style.top = `${(u.cursor.top ?? 0) + u.over.offsetTop + 10}px`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
