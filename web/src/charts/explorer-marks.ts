// What the explorers (parallel coordinates, scatter) show around their data — axis lines, tick
// labels, axis names, brushes — as marks that both exported files draw the same way: the PNG on
// a canvas over the chart's own, the SVG as elements. On the page some of these are HTML over
// the canvas (so every label is text), which a canvas copy alone would leave out. Coordinates
// are CSS pixels of the chart; a text's `y` is its vertical middle.
import { escapeXml, n } from "./svg-markup.ts";

export type Mark =
  | {
      kind: "text";
      /** The SVG element's class: "tick", "axis-name", … (the tests find texts by it). */
      role: string;
      x: number;
      y: number;
      text: string;
      color: string;
      anchor: "start" | "middle" | "end";
      size: number;
      mono?: boolean;
      /** Degrees, counter-clockwise around (x, y). */
      rotate?: number;
      /** Cut with an ellipsis at this width on the PNG, as the page cuts it; the SVG keeps the whole text. */
      maxWidth?: number;
    }
  | { kind: "line"; role: string; x1: number; y1: number; x2: number; y2: number; color: string }
  | { kind: "rect"; role: string; x: number; y: number; width: number; height: number; fill: string; stroke: string };

const SANS = "system-ui, sans-serif";
const MONO = "ui-monospace, monospace";
const ANCHOR_ALIGN = { start: "left", middle: "center", end: "right" } as const;

/** The text cut to `width` with an ellipsis, as CSS's text-overflow does on the page. */
function fitted(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let end = text.length;
  while (end > 0 && ctx.measureText(`${text.slice(0, end)}…`).width > width) end--;
  return `${text.slice(0, end)}…`;
}

export function drawMarks(ctx: CanvasRenderingContext2D, marks: Mark[]) {
  ctx.textBaseline = "middle";
  for (const m of marks) {
    if (m.kind === "line") {
      ctx.beginPath();
      ctx.moveTo(m.x1, m.y1);
      ctx.lineTo(m.x2, m.y2);
      ctx.strokeStyle = m.color;
      ctx.lineWidth = 1;
      ctx.stroke();
    } else if (m.kind === "rect") {
      ctx.fillStyle = m.fill;
      ctx.fillRect(m.x, m.y, m.width, m.height);
      ctx.strokeStyle = m.stroke;
      ctx.strokeRect(m.x, m.y, m.width, m.height);
    } else {
      ctx.save();
      ctx.translate(m.x, m.y);
      if (m.rotate) ctx.rotate((-m.rotate * Math.PI) / 180);
      ctx.font = `${m.size}px ${m.mono ? MONO : SANS}`;
      ctx.fillStyle = m.color;
      ctx.textAlign = ANCHOR_ALIGN[m.anchor];
      ctx.fillText(m.maxWidth ? fitted(ctx, m.text, m.maxWidth) : m.text, 0, 0);
      ctx.restore();
    }
  }
}

export function marksSvg(marks: Mark[]): string {
  return marks
    .map((m) => {
      if (m.kind === "line") return `<line class="${m.role}" x1="${n(m.x1)}" y1="${n(m.y1)}" x2="${n(m.x2)}" y2="${n(m.y2)}" stroke="${m.color}"/>`;
      if (m.kind === "rect")
        return `<rect class="${m.role}" x="${n(m.x)}" y="${n(m.y)}" width="${n(m.width)}" height="${n(m.height)}" fill="${m.fill}" stroke="${m.stroke}"/>`;
      const turn = m.rotate ? ` transform="rotate(${-m.rotate} ${n(m.x)} ${n(m.y)})"` : "";
      return `<text class="${m.role}" x="${n(m.x)}" y="${n(m.y)}" dy="0.35em" text-anchor="${m.anchor}" font-family="${m.mono ? MONO : SANS}" font-size="${m.size}" fill="${m.color}"${turn}>${escapeXml(m.text)}</text>`;
    })
    .join("");
}
