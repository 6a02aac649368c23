// ANSI escape codes in a log line → styled text segments. Only SGR (`ESC [ … m`: colours,
// bold, dim, italic, underline) is kept, as a style per segment; every other escape (cursor
// moves, erase, OSC titles and links, lone ESC) and C0 control (but tab) is dropped. The text
// stays text: the view renders segments as text nodes in spans, never as markup.
//
//   ESC [ 31 m      fg 1 (red)          ESC [ 38;5;n m    fg from the 256-colour table
//   ESC [ 1 m       bold                ESC [ 38;2;r;g;b m  fg as RGB   (48;… for bg)
//   ESC [ 0 m / m   reset               ESC [ 39 m / 49 m   default fg / bg
//
// A colour 0–15 stays an index (the view maps it to a class, so the palette lives in CSS);
// others become `rgb(r, g, b)`.

export interface AnsiStyle {
  /** 0–15 (the basic and bright colours) or a CSS colour. */
  fg?: number | string;
  bg?: number | string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface AnsiSegment {
  text: string;
  style: AnsiStyle;
}

// CSI (ESC [ params intermediates final), OSC (ESC ] … BEL or ESC \), any other escape (ESC,
// intermediates, a final byte; or a lone ESC), or a C0/DEL control other than tab.
const ESCAPE = /\u001b\[([0-?]*)[ -/]*([@-~])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[ -/]*[0-~]?|[\u0000-\u0008\u000a-\u001a\u001c-\u001f\u007f]/g;

/** The line split into runs of one style; escapes removed. */
export function parseAnsi(line: string): AnsiSegment[] {
  const out: AnsiSegment[] = [];
  let style: AnsiStyle = {};
  let last = 0;
  const push = (text: string) => {
    if (!text) return;
    const prev = out.at(-1);
    if (prev && prev.style === style) prev.text += text;
    else out.push({ text, style });
  };
  for (const m of line.matchAll(ESCAPE)) {
    push(line.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] === "m") style = applySgr(style, m[1]);
  }
  push(line.slice(last));
  return out;
}

/** The escapes removed: what a search or a copy sees. */
export const stripAnsi = (line: string) => line.replace(ESCAPE, "");

function applySgr(current: AnsiStyle, params: string): AnsiStyle {
  const codes = params === "" ? [0] : params.split(/[;:]/).map((p) => (p === "" ? 0 : Number(p)));
  const s: AnsiStyle = { ...current };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 0) for (const k of Object.keys(s) as (keyof AnsiStyle)[]) delete s[k];
    else if (c === 1) s.bold = true;
    else if (c === 2) s.dim = true;
    else if (c === 3) s.italic = true;
    else if (c === 4) s.underline = true;
    else if (c === 22) s.bold = s.dim = undefined;
    else if (c === 23) s.italic = undefined;
    else if (c === 24) s.underline = undefined;
    else if (c >= 30 && c <= 37) s.fg = c - 30;
    else if (c >= 90 && c <= 97) s.fg = c - 90 + 8;
    else if (c === 39) s.fg = undefined;
    else if (c >= 40 && c <= 47) s.bg = c - 40;
    else if (c >= 100 && c <= 107) s.bg = c - 100 + 8;
    else if (c === 49) s.bg = undefined;
    else if (c === 38 || c === 48) {
      const [color, used] = extendedColor(codes, i + 1);
      if (color !== undefined) s[c === 38 ? "fg" : "bg"] = color;
      i += used;
    }
  }
  return s;
}

/** `5;n` or `2;r;g;b` after a 38/48: the colour and how many codes it took. */
function extendedColor(codes: number[], at: number): [number | string | undefined, number] {
  if (codes[at] === 5 && at + 1 < codes.length) return [color256(codes[at + 1]), 2];
  if (codes[at] === 2 && at + 3 < codes.length) {
    const [r, g, b] = codes.slice(at + 1, at + 4).map(byte);
    return [`rgb(${r}, ${g}, ${b})`, 4];
  }
  return [undefined, codes.length - at];
}

const byte = (n: number) => Math.max(0, Math.min(255, Math.trunc(n) || 0));

function color256(n: number): number | string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined;
  if (n < 16) return n;
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return `rgb(${v}, ${v}, ${v})`;
  }
  const i = n - 16;
  const level = (x: number) => (x ? 55 + x * 40 : 0);
  return `rgb(${level(Math.floor(i / 36))}, ${level(Math.floor(i / 6) % 6)}, ${level(i % 6)})`;
}
