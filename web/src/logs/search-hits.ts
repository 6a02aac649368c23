// A search's hits in a styled line: found in the line's plain text (the escapes removed), as
// the server's `q` finds them (case-sensitive), then cut along the ANSI segments, so a hit across a colour change is
// marked in both parts and the styles stay as they were.
import type { AnsiSegment, AnsiStyle } from "./ansi.ts";

export interface Piece {
  text: string;
  style: AnsiStyle;
  hit: boolean;
}

/** The segments cut at the hits of `q` in their joined text. */
export function markHits(segments: AnsiSegment[], q: string): Piece[] {
  if (!q) return segments.map((s) => ({ ...s, hit: false }));
  const text = segments.map((s) => s.text).join("");
  const hits: [number, number][] = [];
  for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + q.length)) hits.push([at, at + q.length]);
  const out: Piece[] = [];
  let offset = 0;
  for (const seg of segments) {
    const end = offset + seg.text.length;
    let cut = offset;
    for (const [from, to] of hits) {
      if (to <= cut || from >= end) continue;
      if (from > cut) out.push({ text: text.slice(cut, from), style: seg.style, hit: false });
      const stop = Math.min(to, end);
      out.push({ text: text.slice(Math.max(from, cut), stop), style: seg.style, hit: true });
      cut = stop;
    }
    if (cut < end) out.push({ text: text.slice(cut, end), style: seg.style, hit: false });
    offset = end;
  }
  return out;
}
