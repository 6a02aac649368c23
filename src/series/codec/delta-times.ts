// The times section of a version-2 block (./block.ts): millisecond times as deltas, packed at
// the one bit width that costs least for the block, with the rare outlier (a pause for an
// evaluation, a clock step back) escaped. The SDK stamps each point with time.time() when it
// is logged, so consecutive points are a few µs to a few ms apart: deltas of 0..3 ms pack in
// 2 bits, and a regular stride (every delta equal) in none.
//
//   svarint  the first time (ms)
//   if n > 1:
//     svarint  m, the smallest delta
//     u8       w, bits per delta (0..32); 0 when every delta is m
//     (n−1)×w  bits, MSB first, zero-padded to a byte: delta − m, or 2^w − 1 for an escape
//     svarint  per escape, in order: the delta itself
//
// Deltas of times within ±2^52 ms stay safe integers; `delta − m` may not, but anything that
// large is escaped, and escapes store the delta, not the difference.

import { BitWriter, ByteReader, PaddedBits, peek32, putSigned, signedBytes } from "./bits.ts";

const MAX_MS = 2 ** 52 - 1; // the bound on times, as in ./block.ts
const padded = new PaddedBits();

const ESCAPE_COST = new Float64Array(35); // by bit length of (delta − m + 1): bits its escapes cost

/** Writes ms[0..n) at buf[pos]; returns the position after. */
export function putDeltaTimes(buf: Uint8Array, pos: number, ms: Float64Array, n: number): number {
  pos = putSigned(buf, pos, ms[0]);
  if (n === 1) return pos;
  let m = Infinity;
  for (let i = 1; i < n; i++) m = Math.min(m, ms[i] - ms[i - 1]);
  ESCAPE_COST.fill(0);
  let widest = 0;
  for (let i = 1; i < n; i++) {
    const d = ms[i] - ms[i - 1];
    const size = bitLength(d - m + 1);
    ESCAPE_COST[size] += 8 * signedBytes(d);
    widest = Math.max(widest, size);
  }
  // Width w escapes every delta whose (delta − m + 1) needs more than w bits.
  let w = 0;
  if (widest > 1) {
    let best = Infinity;
    let escapes = 0;
    for (let k = widest; k > 32; k--) escapes += ESCAPE_COST[k];
    for (let k = Math.min(32, widest); k >= 1; k--) {
      const cost = (n - 1) * k + escapes;
      if (cost <= best) {
        best = cost;
        w = k;
      }
      escapes += ESCAPE_COST[k];
    }
  }
  pos = putSigned(buf, pos, m);
  buf[pos++] = w;
  if (w === 0) return pos;
  const escapeCode = 2 ** w - 1;
  const bitsOut = new BitWriter(buf, pos);
  for (let i = 1; i < n; i++) bitsOut.put(Math.min(ms[i] - ms[i - 1] - m, escapeCode), w);
  pos = bitsOut.flush();
  for (let i = 1; i < n; i++) {
    const d = ms[i] - ms[i - 1];
    if (d - m >= escapeCode) pos = putSigned(buf, pos, d);
  }
  return pos;
}

/** Bits in the binary form of x ≥ 1, 34 for anything at or above 2^33. */
function bitLength(x: number): number {
  return x >= 2 ** 33 ? 34 : x >= 2 ** 32 ? 33 : 32 - Math.clz32(x);
}

/** Decodes n times from data[pos..end) into out; false unless the section is exactly that long and consistent. */
export function readDeltaTimes(data: Uint8Array, pos: number, end: number, n: number, out: Float64Array): boolean {
  const r = new ByteReader(data, pos);
  let t = r.signed();
  out[0] = t;
  if (n === 1) return r.pos === end && Math.abs(t) <= MAX_MS;
  const m = r.signed();
  const w = data[r.pos++];
  if (!(w <= 32)) return false;
  if (w === 0) {
    for (let i = 1; i < n; i++) out[i] = t += m;
    // A constant delta: the times in between lie between the ends.
    return r.pos === end && Math.abs(out[0]) <= MAX_MS && Math.abs(t) <= MAX_MS;
  }
  const escapeCode = 2 ** w - 1;
  const codesEnd = r.pos + Math.ceil(((n - 1) * w) / 8);
  if (codesEnd > end) return false;
  const codes = padded.load(data, r.pos, codesEnd);
  r.pos = codesEnd;
  const shift = 32 - w;
  let bit = 0;
  for (let i = 1; i < n; i++, bit += w) {
    const code = peek32(codes, bit) >>> shift;
    t += code === escapeCode ? r.signed() : code + m;
    if (!(Math.abs(t) <= MAX_MS)) return false;
    out[i] = t;
  }
  return padded.endsAt(bit) && r.pos === end && Math.abs(out[0]) <= MAX_MS;
}
