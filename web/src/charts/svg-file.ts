// A chart the page already draws as an SVG element (the critical-difference diagram) as the
// export menu's files. The page styles it through CSS classes and `currentColor`, which a file
// on its own does not have: each element's computed colours and type are written onto it.
import type { ChartFile } from "./chart-export-menu.tsx";

const STYLES = ["fill", "stroke", "stroke-width", "stroke-dasharray", "opacity", "font-family", "font-size", "font-weight"] as const;
const SVG_NS = "http://www.w3.org/2000/svg";

/** The element as a standalone SVG document, every element carrying its computed style. */
function standalone(svg: SVGSVGElement, title: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll("*")];
  const copies = [copy, ...copy.querySelectorAll("*")];
  originals.forEach((element, i) => {
    const computed = getComputedStyle(element);
    const target = copies[i] as SVGElement;
    target.removeAttribute("class");
    for (const name of STYLES) target.style.setProperty(name, computed.getPropertyValue(name));
  });
  const box = svg.viewBox.baseVal;
  copy.setAttribute("xmlns", SVG_NS);
  copy.setAttribute("width", String(box.width));
  copy.setAttribute("height", String(box.height));
  // The page's background behind it, so that light text of the dark theme stays readable.
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", getComputedStyle(document.body).backgroundColor);
  const name = document.createElementNS(SVG_NS, "title");
  name.textContent = title; // text, never markup: a group's name may hold anything
  copy.prepend(name, background);
  return new XMLSerializer().serializeToString(copy);
}

async function png(svgText: string, width: number, height: number): Promise<Blob> {
  const scale = window.devicePixelRatio || 1;
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.getContext("2d")!.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((done, fail) => canvas.toBlob((b) => (b ? done(b) : fail(new Error("the PNG could not be encoded"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function svgElementFile(title: string, svg: SVGSVGElement): ChartFile {
  const box = svg.viewBox.baseVal;
  return { title, svg: () => standalone(svg, title), png: () => png(standalone(svg, title), box.width, box.height) };
}
