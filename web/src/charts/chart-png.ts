// A chart as PNG: the chart's own canvas (axes, grid, lines, what its hooks draw) at device pixel
// ratio, on the page's background, with the title above and the legend below.
import { type ChartPicture, LEGEND_PAD, legendLayout, pictureColors, SWATCH, TITLE_HEIGHT } from "./chart-picture.ts";

export function pngBlob(picture: ChartPicture): Promise<Blob> {
  const { plot, title, lines } = picture;
  const source = plot.ctx.canvas;
  const ratio = source.width / plot.width;
  const legend = legendLayout(lines, plot.width);
  const canvas = document.createElement("canvas");
  canvas.width = source.width;
  canvas.height = Math.round((TITLE_HEIGHT + plot.height + legend.height) * ratio);
  const ctx = canvas.getContext("2d")!;
  const colors = pictureColors();
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(source, 0, Math.round(TITLE_HEIGHT * ratio));
  ctx.scale(ratio, ratio);
  ctx.textBaseline = "middle";
  ctx.fillStyle = colors.text;
  ctx.font = "600 14px system-ui, sans-serif";
  ctx.fillText(title, LEGEND_PAD, TITLE_HEIGHT / 2);
  ctx.font = "12px system-ui, sans-serif";
  const top = TITLE_HEIGHT + plot.height;
  for (const { line, x, y } of legend.entries) {
    ctx.fillStyle = line.color;
    ctx.fillRect(x, top + y - 2, SWATCH, 4);
    ctx.fillStyle = colors.muted;
    ctx.fillText(line.label, x + SWATCH + 6, top + y);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the browser could not encode the PNG"))), "image/png"),
  );
}
