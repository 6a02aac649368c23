// Pieces every exported SVG is written with. The SVG is XML built as text, so any text from the
// data (a param value, a run name) goes through `escapeXml` and stays text, markup included.

export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A coordinate to a tenth of a pixel: enough for a picture, and a file a third the size. */
export const n = (v: number) => (Math.round(v * 10) / 10).toString();
