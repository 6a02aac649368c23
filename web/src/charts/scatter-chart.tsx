// A scatter of runs on one canvas: a dot per run that has both an x and a y (a run missing
// either is left out, and counted), coloured by a third column and sized by a fourth. Hover
// names the nearest run and its values (HTML, so every value is text); a click opens it.
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { formatValue } from "../format.ts";
import { colorOf } from "./color-scale.ts";
import type { Axis, Tick } from "./field-axis.ts";
import { colorAt } from "./palette.ts";
import type { Trend } from "./trend.ts";
import { useWidth } from "./use-width.ts";

export interface ScatterRun {
  id: string;
  name: string;
  columns: Record<string, unknown>;
}

interface Props {
  runs: ScatterRun[];
  x: Axis;
  y: Axis;
  color: Axis | null;
  size: Axis | null;
  /** The line to draw, fitted on the axes' positions (trendOf); null for none. */
  trend: Trend | null;
  onOpen(run: ScatterRun): void;
}

const HEIGHT = 460;
const LEFT = 72;
const RIGHT = 20;
const TOP = 14;
const BOTTOM = 40;
const PAD = 10;
const PLOT_H = HEIGHT - TOP - BOTTOM;
/** The room a tick label needs: a number's width along x, a line's height along y. */
const X_TICK_GAP = 70;
const Y_TICK_GAP = 28;

interface Dot {
  run: ScatterRun;
  cx: number;
  cy: number;
  r: number;
}

const thin = (ticks: Tick[], room: number, gap: number) => {
  const every = Math.max(1, Math.ceil(ticks.length / Math.max(1, Math.floor(room / gap))));
  return ticks.filter((_, i) => i % every === 0);
};

export function ScatterChart({ runs, x, y, color, size, trend, onOpen }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useWidth(box, 10);
  const dots = useRef<Dot[]>([]);
  const [hover, setHover] = useState<Dot | null>(null);
  const plotW = width - LEFT - RIGHT;
  const px = (p: number) => LEFT + PAD + p * (plotW - 2 * PAD);
  const py = (p: number) => TOP + PAD + (1 - p) * (PLOT_H - 2 * PAD);

  // Drawn in the commit that brings the data, not a frame later.
  useLayoutEffect(() => {
    if (!width) return;
    const ratio = window.devicePixelRatio || 1;
    const c = canvas.current!;
    c.width = Math.round(width * ratio);
    c.height = Math.round(HEIGHT * ratio);
    const ctx = c.getContext("2d")!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, HEIGHT);
    const styles = getComputedStyle(c);
    ctx.font = `12px ${styles.fontFamily}`;
    ctx.strokeStyle = "rgba(120, 128, 145, 0.18)";
    ctx.fillStyle = styles.color;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const t of thin(x.ticks, plotW, X_TICK_GAP)) {
      ctx.beginPath();
      ctx.moveTo(px(t.pos), TOP);
      ctx.lineTo(px(t.pos), TOP + PLOT_H);
      ctx.stroke();
      ctx.fillText(t.label, px(t.pos), TOP + PLOT_H + 6, X_TICK_GAP - 4);
    }
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const t of thin(y.ticks, PLOT_H, Y_TICK_GAP)) {
      ctx.beginPath();
      ctx.moveTo(LEFT, py(t.pos));
      ctx.lineTo(LEFT + plotW, py(t.pos));
      ctx.stroke();
      ctx.fillText(t.label, LEFT - 6, py(t.pos), LEFT - 10);
    }
    const drawn: Dot[] = [];
    for (const run of runs) {
      const a = x.pos(run.columns[x.field]);
      const b = y.pos(run.columns[y.field]);
      if (a === null || b === null) continue;
      const s = size?.pos(run.columns[size.field]);
      drawn.push({ run, cx: px(a), cy: py(b), r: size ? 2.5 + 9 * (s ?? 0) : 4 });
    }
    ctx.globalAlpha = 0.8;
    ctx.lineWidth = 0.75;
    ctx.strokeStyle = "#ffffff";
    for (const d of drawn) {
      ctx.beginPath();
      ctx.arc(d.cx, d.cy, d.r, 0, 2 * Math.PI);
      ctx.fillStyle = color ? colorOf(color, d.run.columns[color.field]) : colorAt(0);
      ctx.fill();
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    if (trend) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(LEFT, TOP, plotW, PLOT_H);
      ctx.clip();
      ctx.beginPath();
      ctx.moveTo(px(0), py(trend.intercept));
      ctx.lineTo(px(1), py(trend.intercept + trend.slope));
      ctx.strokeStyle = "#d0343f";
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.stroke();
      ctx.restore();
    }
    dots.current = drawn;
    const el = box.current!;
    el.dataset.points = String(drawn.length);
    el.dataset.trend = trend ? "1" : "0";
    // When the page's data was drawn, on the page's own clock (bench/ui.ts reads it).
    if (runs.length) el.dataset.paintedAt = String(performance.now());
  }, [width, runs, x, y, color, size, trend]);

  const nearest = (e: MouseEvent): Dot | null => {
    const r = canvas.current!.getBoundingClientRect();
    const mx = e.clientX - r.left;
    const my = e.clientY - r.top;
    let best: Dot | null = null;
    let bestD = Infinity;
    for (const d of dots.current) {
      const dist = Math.hypot(d.cx - mx, d.cy - my);
      if (dist <= Math.max(8, d.r + 3) && dist < bestD) [best, bestD] = [d, dist];
    }
    return best;
  };
  const fields = [x, y, color, size].filter((a): a is Axis => a !== null).map((a) => a.field);

  return (
    <div class="scatter-chart" ref={box} style={{ height: `${HEIGHT}px` }} data-runs={runs.length}>
      <canvas
        ref={canvas}
        style={{ width: `${width}px`, height: `${HEIGHT}px`, cursor: hover ? "pointer" : "default" }}
        onPointerMove={(e) => setHover(nearest(e))}
        onPointerLeave={() => setHover(null)}
        onClick={(e) => {
          const d = nearest(e);
          if (d) onOpen(d.run);
        }}
      />
      <span class="scatter-axis-name x" style={{ left: `${LEFT}px`, width: `${plotW}px` }}>
        {x.field}
        {x.kind === "numeric" && x.log ? " (log)" : ""}
      </span>
      <span class="scatter-axis-name y" style={{ width: `${PLOT_H}px`, top: `${TOP + PLOT_H}px` }}>
        {y.field}
        {y.kind === "numeric" && y.log ? " (log)" : ""}
      </span>
      {hover && (
        <div class="chart-tip scatter-tip" role="tooltip" style={{ left: `${Math.min(hover.cx + 12, width - 240)}px`, top: `${Math.max(0, hover.cy - 12)}px` }}>
          <strong>{hover.run.name || hover.run.id}</strong>
          {[...new Set(fields)].map((f) => (
            <div key={f}>
              <span class="muted">{f}</span> {formatValue(hover.run.columns[f]) || "—"}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
