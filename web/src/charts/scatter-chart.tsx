// A scatter of runs on one canvas: a dot per run that has both an x and a y (a run missing
// either is left out, and counted), coloured by a third column and sized by a fourth. Hover
// names the nearest run and its values (HTML, so every value is text); a click opens it. The
// Export menu writes what is shown as PNG or SVG (scatter-picture.ts).
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { formatValue } from "../format.ts";
import { ChartExportMenu } from "./chart-export-menu.tsx";
import { drawMarks } from "./explorer-marks.ts";
import { explorerFile } from "./explorer-picture.ts";
import type { Axis } from "./field-axis.ts";
import { axisName, type Dot, gridMarks, HEIGHT, LEFT, PLOT_H, placeDots, type ScatterRun, scatterFrame, TOP, TREND_COLOR } from "./scatter-layout.ts";
import { scatterPicture } from "./scatter-picture.ts";
import type { Trend } from "./trend.ts";
import { useWidth } from "./use-width.ts";

interface Props {
  /** The exported picture's title and file name. */
  title: string;
  runs: ScatterRun[];
  x: Axis;
  y: Axis;
  color: Axis | null;
  size: Axis | null;
  /** The line to draw, fitted on the axes' positions (trendOf); null for none. */
  trend: Trend | null;
  onOpen(run: ScatterRun): void;
}

export function ScatterChart({ title, runs, x, y, color, size, trend, onOpen }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useWidth(box, 10);
  const dots = useRef<Dot[]>([]);
  const [hover, setHover] = useState<Dot | null>(null);
  const frame = scatterFrame(width);
  const { plotW, px, py } = frame;

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
    drawMarks(ctx, gridMarks(frame, x, y, getComputedStyle(c).color));
    const drawn = placeDots(runs, frame, x, y, color, size);
    ctx.globalAlpha = 0.8;
    ctx.lineWidth = 0.75;
    ctx.strokeStyle = "#ffffff";
    for (const d of drawn) {
      ctx.beginPath();
      ctx.arc(d.cx, d.cy, d.r, 0, 2 * Math.PI);
      ctx.fillStyle = d.color;
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
      ctx.strokeStyle = TREND_COLOR;
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
        {axisName(x)}
      </span>
      <span class="scatter-axis-name y" style={{ width: `${PLOT_H}px`, top: `${TOP + PLOT_H}px` }}>
        {axisName(y)}
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
      {width > 0 && (
        <ChartExportMenu file={() => explorerFile(scatterPicture({ title, canvas: canvas.current!, width, dots: dots.current, x, y, color, trend }))} />
      )}
    </div>
  );
}
