// The small "Export" menu at a chart's corner: the chart as PNG or SVG, named after its title.
// `file` is asked for when a format is chosen, so it describes what is drawn at that moment.
// A uPlot chart hands its `ChartPicture` through `pictureFile`; the explorers, which draw their
// own canvas, hand theirs through `explorerFile` (explorer-picture.ts).
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

/** A chart as the menu writes it, whatever draws it. */
export interface ChartFile {
  title: string;
  png(): Promise<Blob>;
  /** The SVG document's text. */
  svg(): string;
}

export const pictureFile = (picture: ChartPicture | null): ChartFile | null =>
  picture && { title: picture.title, png: () => pngBlob(picture), svg: () => chartSvg(picture) };

async function exportChart(file: ChartFile, format: "png" | "svg") {
  const blob = format === "png" ? await file.png() : new Blob([file.svg()], { type: "image/svg+xml" });
  saveBlob(blob, exportFileName(file.title, format));
}

export function ChartExportMenu({ file }: { file(): ChartFile | null }) {
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
                const f = file();
                close();
                opener.current?.focus();
                if (f) void exportChart(f, format);
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
