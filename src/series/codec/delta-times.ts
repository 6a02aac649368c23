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

import { BitWriter, ByteReader, peek32, putSigned, signedBytes } from "./bits.ts";

const MAX_MS = 2 ** 52 - 1; // the bound on times, as in ./block.ts

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
  // Width w escapes every delta whose (delta − m + 1) needs more than w bits. On a tie the
  // wider w wins: fewer escapes decode faster.
  let w = 0;
  if (widest > 1) {
    let best = Infinity;
    let escapes = 0;
    for (let k = widest; k > 32; k--) escapes += ESCAPE_COST[k];
    for (let k = Math.min(32, widest); k >= 1; k--) {
      const cost = (n - 1) * k + escapes;
      if (cost < best) {
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

const NO_BYTES = new Uint8Array(0);
const NO_TIMES = new Float64Array(0);
const NO_READER = new ByteReader(NO_BYTES, 0);

/**
 * Decodes a times section into `out` as far as asked: downsample wants one or two times of a
 * block, and a full decode of every block's times was most of a downsample's cost. Codes are
 * read in place: the values section follows, so reads a few bytes past the codes stay inside
 * the block. The section's structure is checked once the last time is decoded.
 */
export class DeltaTimes {
  // Placeholders until load: shared, since a DeltaTimes is made per block read.
  private data: Uint8Array = NO_BYTES;
  private out: Float64Array = NO_TIMES;
  private n = 0;
  private end = 0;
  private m = 0;
  private w = 0;
  private codeBit = 0; // bit position of the next code in data
  private escapes = NO_READER; // at the next escape
  private codesEnd = 0;
  private t = 0;
  /** How many times are decoded. */
  decoded = 0;

  /** False when the section cannot be one of n times. */
  load(data: Uint8Array, pos: number, end: number, n: number, out: Float64Array): boolean {
    const r = new ByteReader(data, pos);
    this.data = data;
    this.out = out;
    this.n = n;
    this.end = end;
    this.t = out[0] = r.signed();
    this.decoded = 1;
    if (!(Math.abs(this.t) <= MAX_MS)) return false;
    if (n === 1) return r.pos === end;
    this.m = r.signed();
    this.w = data[r.pos++];
    if (!(this.w <= 32)) return false;
    this.codeBit = 8 * r.pos;
    this.codesEnd = r.pos + Math.ceil(((n - 1) * this.w) / 8);
    this.escapes = r;
    r.pos = this.codesEnd;
    return this.codesEnd <= end;
  }

  /** Decodes up to time i (i < n); false when the section turns out malformed. */
  decodeTo(i: number): boolean {
    const { data, out, m, w } = this;
    let t = this.t;
    let k = this.decoded;
    if (w === 0) {
      for (; k <= i; k++) out[k] = t += m;
    } else {
      const escapeCode = 2 ** w - 1;
      const shift = 32 - w;
      let bit = this.codeBit;
      for (; k <= i; k++, bit += w) {
        const code = peek32(data, bit) >>> shift;
        t += code === escapeCode ? this.escapes.signed() : code + m;
        if (!(Math.abs(t) <= MAX_MS)) return false;
        out[k] = t;
      }
      this.codeBit = bit;
    }
    this.t = t;
    this.decoded = k;
    // With w = 0 times move one way: the ends bound every time between them.
    return Math.abs(t) <= MAX_MS && (k < this.n || this.complete());
  }

  /** After the last time: the codes end in zero padding where the escapes begin, and the escapes at the section's end. */
  private complete(): boolean {
    const pad = (8 - (((this.n - 1) * this.w) & 7)) & 7;
    return this.escapes.pos === this.end && (this.w === 0 || (this.data[this.codesEnd - 1] & ((1 << pad) - 1)) === 0);
  }
}
