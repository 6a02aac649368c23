// The small "Export" menu at a chart's corner: the chart as PNG or SVG, named after its title.
// `picture` is asked for when a format is chosen, so it describes what is drawn at that moment.
import { useRef, useState } from "preact/hooks";
import { useEscape } from "../components/use-escape.ts";
import { saveBlob } from "../save-file.ts";
import { type ChartPicture, exportFileName } from "./chart-picture.ts";
import { pngBlob } from "./chart-png.ts";
import { chartSvg } from "./chart-svg.ts";

const FORMATS = [
  { format: "png", label: "PNG image" },
  { format: "svg", label: "SVG (vector)" },
] as const;

async function exportChart(picture: ChartPicture, format: "png" | "svg") {
  const blob = format === "png" ? await pngBlob(picture) : new Blob([chartSvg(picture)], { type: "image/svg+xml" });
  saveBlob(blob, exportFileName(picture.title, format));
}

export function ChartExportMenu({ picture }: { picture(): ChartPicture | null }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => setOpen(false);
  useEscape(open, close, opener);
  return (
    <div class="chart-export popover-anchor">
      <button ref={opener} type="button" aria-haspopup="menu" aria-expanded={open} title="Export this chart" onClick={() => setOpen(!open)}>
        Export ▾
      </button>
      {open && (
        <div class="popover menu" role="menu" aria-label="Export chart">
          {FORMATS.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              onClick={() => {
                const p = picture();
                close();
                opener.current?.focus();
                if (p) void exportChart(p, format);
              }}
            >
              {label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
