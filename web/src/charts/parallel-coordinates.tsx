// Parallel coordinates: a vertical axis per column, a polyline per run, all on one canvas
// (redrawn whole on every brush move: a thousand paths in SVG would be a thousand DOM nodes to
// restyle). Axis names, ticks and brushes are HTML over the canvas, so every label is text.
// Dragging along an axis brushes it; a click on an axis without a drag clears its brush. A run
// without a column's value leaves a gap at that axis rather than dropping to its bottom.
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { type Brush, type Brushes, brushFromDrag, brushSpan, matchesAll } from "./brushes.ts";
import { colorOf } from "./color-scale.ts";
import type { Axis } from "./field-axis.ts";
import { colorAt } from "./palette.ts";
import { useWidth } from "./use-width.ts";

export interface PlotRun {
  id: string;
  columns: Record<string, unknown>;
}

interface Props {
  runs: PlotRun[];
  axes: Axis[];
  brushes: Brushes;
  color: Axis | null;
  onBrush(field: string, brush: Brush | null): void;
}

const HEIGHT = 420;
const TOP = 44;
const BOTTOM = 30;
const SIDE = 80;
const PLOT = HEIGHT - TOP - BOTTOM;
/** How far from an axis (CSS px) a drag still brushes it. */
const REACH = 24;
const MIN_LABEL_GAP = 14;
const DIMMED = "rgba(150, 156, 168, 0.22)";

const axisX = (i: number, n: number, width: number) => (n === 1 ? width / 2 : SIDE + (i * (width - 2 * SIDE)) / (n - 1));
const yOf = (pos: number) => TOP + (1 - pos) * PLOT;
const posOf = (y: number) => Math.max(0, Math.min(1, 1 - (y - TOP) / PLOT));

function tracePath(ctx: CanvasRenderingContext2D, run: PlotRun, axes: Axis[], xs: number[]) {
  let pen = false;
  axes.forEach((axis, i) => {
    const p = axis.pos(run.columns[axis.field]);
    if (p === null) pen = false;
    else if (pen) ctx.lineTo(xs[i], yOf(p));
    else {
      ctx.moveTo(xs[i], yOf(p));
      pen = true;
    }
  });
}

function draw(canvas: HTMLCanvasElement, width: number, runs: PlotRun[], axes: Axis[], brushes: Brushes, color: Axis | null) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(HEIGHT * ratio);
  const ctx = canvas.getContext("2d")!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, HEIGHT);
  const xs = axes.map((_, i) => axisX(i, axes.length, width));
  const matching = runs.filter((r) => matchesAll(axes, brushes, r.columns));
  if (matching.length < runs.length) {
    // The runs outside the brushes as one grey path, under the others.
    ctx.beginPath();
    for (const r of runs) if (!matchesAll(axes, brushes, r.columns)) tracePath(ctx, r, axes, xs);
    ctx.strokeStyle = DIMMED;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  ctx.globalAlpha = 0.8;
  ctx.lineWidth = 1.25;
  for (const r of matching) {
    ctx.beginPath();
    tracePath(ctx, r, axes, xs);
    ctx.strokeStyle = color ? colorOf(color, r.columns[color.field]) : colorAt(0);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  return matching.length;
}

/** Tick labels that fit: every k-th when a categorical axis has more than its height holds. */
function shownTicks(axis: Axis) {
  const every = Math.max(1, Math.ceil(axis.ticks.length / Math.floor(PLOT / MIN_LABEL_GAP)));
  return axis.ticks.filter((_, i) => i % every === 0);
}

export function ParallelCoordinates({ runs, axes, brushes, color, onBrush }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useWidth(box, 10);
  const [drag, setDrag] = useState<{ axis: number; from: number; to: number } | null>(null);
  const dragBrush = drag && brushFromDrag(axes[drag.axis], drag.from, drag.to);
  // While dragging, the drawing shows the brush being made in place of the axis's own.
  const shown: Brushes = { ...brushes };
  if (drag) {
    if (dragBrush) shown[axes[drag.axis].field] = dragBrush;
    else delete shown[axes[drag.axis].field];
  }

  // Drawn in the commit that brings the data, not a frame later.
  useLayoutEffect(() => {
    if (!width || !axes.length) return;
    const matching = draw(canvas.current!, width, runs, axes, shown, color);
    const el = box.current!;
    el.dataset.matching = String(matching);
    // When the page's data was drawn, on the page's own clock (bench/ui.ts reads it).
    if (runs.length) el.dataset.paintedAt = String(performance.now());
  }, [width, runs, axes, JSON.stringify(shown), color]);

  const xs = axes.map((_, i) => axisX(i, axes.length, width));
  const nearestAxis = (x: number) => {
    let best = -1;
    xs.forEach((ax, i) => {
      if (Math.abs(ax - x) <= REACH && (best < 0 || Math.abs(ax - x) < Math.abs(xs[best] - x))) best = i;
    });
    return best;
  };
  const local = (e: PointerEvent) => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  return (
    <div class="pc-chart" ref={box} style={{ height: `${HEIGHT}px` }} data-runs={runs.length}>
      <canvas
        ref={canvas}
        style={{ width: `${width}px`, height: `${HEIGHT}px` }}
        onPointerDown={(e) => {
          const { x, y } = local(e);
          const axis = nearestAxis(x);
          if (axis < 0 || y < TOP - REACH || y > TOP + PLOT + REACH) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          setDrag({ axis, from: posOf(y), to: posOf(y) });
        }}
        onPointerMove={(e) => drag && setDrag({ ...drag, to: posOf(local(e).y) })}
        onPointerUp={() => {
          if (!drag) return;
          const field = axes[drag.axis].field;
          onBrush(field, Math.abs(drag.to - drag.from) * PLOT < 4 ? null : dragBrush);
          setDrag(null);
        }}
      />
      {width > 0 &&
        axes.map((axis, i) => {
          const span = shown[axis.field] && brushSpan(axis, shown[axis.field]);
          return (
            <div
              key={axis.field}
              class="pc-axis"
              data-field={axis.field}
              data-kind={axis.kind}
              style={{ left: `${xs[i]}px`, top: `${TOP}px`, height: `${PLOT}px` }}
            >
              <span class="pc-axis-name" title={axis.field}>
                {axis.field}
              </span>
              {shownTicks(axis).map((t) => (
                <span key={t.label} class="pc-tick" style={{ top: `${(1 - t.pos) * PLOT}px` }}>
                  {t.label}
                </span>
              ))}
              {span && <div class="pc-brush" style={{ top: `${(1 - span[1]) * PLOT}px`, height: `${Math.max(2, (span[1] - span[0]) * PLOT)}px` }} />}
              {axis.missing > 0 && (
                <span class="pc-missing" title={`${axis.missing} run${axis.missing === 1 ? "" : "s"} without a value here: not drawn on this axis`}>
                  {axis.missing} without
                </span>
              )}
            </div>
          );
        })}
    </div>
  );
}
