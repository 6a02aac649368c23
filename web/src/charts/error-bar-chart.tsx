// Group means with their 95% confidence intervals (mean ± ci95) as points with error bars,
// one per group, drawn by uPlot on a canvas, with the export menu of every chart.
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import { formatNumber } from "../format.ts";
import { cssColor, theme } from "../theme.ts";
import { ChartExportMenu } from "./chart-export-menu.tsx";
import type { ChartPicture, PicturePosition } from "./chart-picture.ts";
import { colorAt } from "./palette.ts";

export interface ErrorBar {
  label: string;
  mean: number;
  /** Half-width of the interval; NaN when there are fewer than two runs. */
  ci95: number;
}

interface Props {
  /** The exported picture's title and file name. */
  title: string;
  bars: ErrorBar[];
  color?: string;
  height?: number;
}

export function ErrorBarChart({ title, bars, color = colorAt(0), height = 260 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const colors = theme.value;
  useEffect(() => {
    const el = box.current!;
    const xs = bars.map((_, i) => i);
    const finite = (v: number) => (Number.isFinite(v) ? v : null);
    const data: uPlot.AlignedData = [
      xs,
      bars.map((b) => finite(b.mean)),
      bars.map((b) => finite(b.mean - (Number.isFinite(b.ci95) ? b.ci95 : 0))),
      bars.map((b) => finite(b.mean + (Number.isFinite(b.ci95) ? b.ci95 : 0))),
    ];
    const crowded = bars.reduce((n, b) => Math.max(n, b.label.length), 0) * 7 * bars.length > el.clientWidth * 0.9;
    // The y range covers the whiskers, not only the means.
    const edges = [...data[2], ...data[3]].filter((v): v is number => v != null);
    const yMin = edges.length ? Math.min(...edges) : 0;
    const yMax = edges.length ? Math.max(...edges) : 1;
    const pad = (yMax - yMin) * 0.1 || Math.abs(yMax) * 0.1 || 1;
    const axisColor = cssColor("--chart-axis");
    const whiskers = (u: uPlot) => {
      const ctx = u.ctx;
      const cap = 6 * uPlot.pxRatio;
      ctx.save();
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5 * uPlot.pxRatio;
      for (let i = 0; i < xs.length; i++) {
        const lo = data[2][i];
        const hi = data[3][i];
        if (lo == null || hi == null || lo === hi) continue;
        const x = u.valToPos(i, "x", true);
        const y0 = u.valToPos(lo, "y", true);
        const y1 = u.valToPos(hi, "y", true);
        ctx.beginPath();
        ctx.moveTo(x, y0);
        ctx.lineTo(x, y1);
        ctx.moveTo(x - cap, y0);
        ctx.lineTo(x + cap, y0);
        ctx.moveTo(x - cap, y1);
        ctx.lineTo(x + cap, y1);
        ctx.stroke();
      }
      ctx.restore();
    };
    const plot = new uPlot(
      {
        width: el.clientWidth,
        height,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, Math.max(0.5, xs.length - 0.5)] }, y: { range: [yMin - pad, yMax + pad] } },
        series: [
          {},
          { label: "mean", stroke: color, fill: color, width: 0, paths: () => null, points: { show: true, size: 9, fill: color, stroke: color } },
          { show: false },
          { show: false },
        ],
        axes: [
          // Labels turn when they would not fit side by side.
          {
            stroke: axisColor,
            grid: { show: false },
            splits: () => xs,
            values: () => bars.map((b) => b.label),
            ...(crowded ? { rotate: -35, size: 90 } : { size: 40 }),
          },
          {
            stroke: axisColor,
            grid: { stroke: cssColor("--chart-grid") },
            size: 56,
            values: (_u, splits) => splits.map((v) => (v == null ? "" : formatNumber(v))),
          },
        ],
        hooks: {
          draw: [
            whiskers,
            () => {
              el.dataset.painted = String(Number(el.dataset.painted ?? 0) + 1);
            },
          ],
        },
      },
      data,
      el,
    );
    plotRef.current = plot;
    const resize = new ResizeObserver(() => el.clientWidth !== plot.width && plot.setSize({ width: el.clientWidth, height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plotRef.current = null;
      plot.destroy();
    };
  }, [bars, color, height, colors]);

  const picture = (): ChartPicture | null =>
    plotRef.current && {
      title,
      plot: plotRef.current,
      lines: [{ series: 1, label: "mean ± 95% CI", color, dots: true }],
      extraSvg: (at) => whiskersSvg(bars, color, at),
    };
  return (
    <div class="chart-canvas">
      <div ref={box} class="error-bars" data-bars={bars.length} />
      <ChartExportMenu picture={picture} />
    </div>
  );
}

function whiskersSvg(bars: ErrorBar[], color: string, at: PicturePosition): string {
  const cap = 6;
  let d = "";
  bars.forEach((b, i) => {
    if (!Number.isFinite(b.mean) || !Number.isFinite(b.ci95) || b.ci95 === 0) return;
    const x = at.x(i).toFixed(1);
    const y0 = at.y(b.mean - b.ci95).toFixed(1);
    const y1 = at.y(b.mean + b.ci95).toFixed(1);
    const [left, right] = [(at.x(i) - cap).toFixed(1), (at.x(i) + cap).toFixed(1)];
    d += `M${x} ${y0}V${y1}M${left} ${y0}H${right}M${left} ${y1}H${right}`;
  });
  return d ? `<path class="whiskers" d="${d}" fill="none" stroke="${color}" stroke-width="1.5"/>` : "";
}
