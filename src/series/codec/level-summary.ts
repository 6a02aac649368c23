// The summary of one row of a summary level (../levels.ts): the entries of a group of
// consecutive units of the level below (blocks for level 1), one entry per unit, each with
// the same fields as a chunk summary (./chunk-summary.ts) over all the unit's points. A
// whole-series read then buckets a few thousand entries instead of every 64-point chunk.
// Pure and runtime-agnostic, like ./block.ts.
//
// Layout, version 1 (little-endian):
//
//   0      u8       version (1)
//          varint   the last step of the block just before the row's first block, plus 1
//                   (0: the row starts the series), so a read can tell a row that follows
//                   the previous one from one after a stretch no row covers
//          varint   k, the number of entries (≥ 1)
//          varint   the first entry's first step
//   then per entry:
//          varint   count (≥ 1)
//          varint   first step − the previous entry's last step (0 for the first entry)
//          varint   last step − first step
//          varint   0 when every value is NaN, else min step − first step + 1; if not 0,
//                   varint max step − first step, f64 min, f64 max (first occurrences)
//          f64      the last point's value
//          varint   the last point's epoch: 0 = null, else epoch + 1
//          svarint  the last point's time in ms, minus the previous entry's (absolute for
//                   the first)
//
// Rows are self-delimiting: several concatenated in step order decode as one sequence.

import { ByteReader, putSigned, putVarint } from "./bits.ts";
import { ChunkSummaries, readEntryV1 } from "./chunk-summary.ts";

export const LEVEL_VERSION = 1;

/** Appends to `into` one entry summarising entries [from, to) of `src` (consecutive, in step order). */
export function appendCollapsed(into: ChunkSummaries, src: ChunkSummaries, from = 0, to = src.length): void {
  into.reserve(1);
  const j = into.length++;
  let total = 0;
  let lowAt = -1;
  let highAt = -1;
  for (let i = from; i < to; i++) {
    total += src.count[i];
    if (src.minStep[i] < 0) continue;
    // Strict comparisons: on ties the earlier entry, so the earlier step, wins.
    if (lowAt < 0 || src.min[i] < src.min[lowAt]) lowAt = i;
    if (highAt < 0 || src.max[i] > src.max[highAt]) highAt = i;
  }
  const z = to - 1;
  into.firstStep[j] = src.firstStep[from];
  into.lastStep[j] = src.lastStep[z];
  into.count[j] = total;
  into.minStep[j] = lowAt < 0 ? -1 : src.minStep[lowAt];
  into.maxStep[j] = highAt < 0 ? -1 : src.maxStep[highAt];
  into.min[j] = lowAt < 0 ? 0 : src.min[lowAt];
  into.max[j] = highAt < 0 ? 0 : src.max[highAt];
  into.lastValue[j] = src.lastValue[z];
  into.lastEpoch[j] = src.lastEpoch[z];
  into.lastTime[j] = src.lastTime[z];
}

/** One level row's summary: `entries` (in step order, at least one) after a block ending at `prevLast` (-1: none). */
export function encodeLevel(entries: ChunkSummaries, prevLast: number): Uint8Array {
  const k = entries.length;
  const out = new Uint8Array(40 + k * 80);
  const view = new DataView(out.buffer);
  out[0] = LEVEL_VERSION;
  let pos = putVarint(out, 1, prevLast + 1);
  pos = putVarint(out, pos, k);
  pos = putVarint(out, pos, entries.firstStep[0]);
  let prevEnd = entries.firstStep[0];
  let prevTime = 0;
  for (let i = 0; i < k; i++) {
    const first = entries.firstStep[i];
    const last = entries.lastStep[i];
    pos = putVarint(out, pos, entries.count[i]);
    pos = putVarint(out, pos, first - prevEnd);
    pos = putVarint(out, pos, last - first);
    if (entries.minStep[i] < 0) out[pos++] = 0;
    else {
      pos = putVarint(out, pos, entries.minStep[i] - first + 1);
      pos = putVarint(out, pos, entries.maxStep[i] - first);
      view.setFloat64(pos, entries.min[i], true);
      view.setFloat64(pos + 8, entries.max[i], true);
      pos += 16;
    }
    view.setFloat64(pos, entries.lastValue[i], true);
    pos += 8;
    pos = putVarint(out, pos, entries.lastEpoch[i] + 1);
    pos = putSigned(out, pos, entries.lastTime[i] - prevTime);
    prevTime = entries.lastTime[i];
    prevEnd = last;
  }
  return out.slice(0, pos);
}

function corrupt(why: string): Error {
  return new Error(`corrupt level summary: ${why}`);
}

/** Where each decoded row starts in the entries, and the last step before its first block (-1: none). */
export interface LevelRowBounds {
  start: number[];
  prevLast: number[];
}

/**
 * Appends the entries of one level row's summary, or of several concatenated in step order,
 * to `into`; each row's first entry index and prevLast go to `rows` when given. An entry that
 * does not follow the previous one throws.
 */
export function decodeLevel(bytes: Uint8Array, into = new ChunkSummaries(), rows?: LevelRowBounds): ChunkSummaries {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const r = new ByteReader(bytes, 0);
  while (r.pos < bytes.length) {
    if (bytes[r.pos] !== LEVEL_VERSION) throw corrupt(`unknown version ${bytes[r.pos]}`);
    r.pos++;
    const prevLast = r.varint() - 1;
    const k = r.varint();
    if (!(k >= 1)) throw corrupt(`${k} entries`);
    into.reserve(k);
    rows?.start.push(into.length);
    rows?.prevLast.push(prevLast);
    let prevEnd = r.varint();
    if (into.length > 0 && !(prevEnd > into.lastStep[into.length - 1])) throw corrupt("entries out of step order");
    let prevTime = 0;
    for (let c = 0; c < k; c++) {
      const j = into.length++;
      const count = r.varint();
      const gap = r.varint();
      if (!(count >= 1) || c > 0 !== gap > 0) throw corrupt(`entry ${c}`);
      const first = prevEnd + gap;
      const last = first + r.varint();
      into.count[j] = count;
      prevTime = readEntryV1(r, view, into, j, first, last, prevTime, "entry", c, corrupt);
      prevEnd = last;
    }
  }
  if (r.pos !== bytes.length) throw corrupt("length");
  return into;
}
