// The values section of a version-2 block (./block.ts) when it is XOR-compressed, as in
// Facebook's Gorilla: each value's 64 bits are XORed with the previous value's, so a value
// equal to the previous costs one bit, and the XOR of two close values (or of two values
// logged from float32, whose low 29 mantissa bits are zero) is mostly zero bits at both ends.
// Bit patterns go through unchanged, so NaN payloads, ±Infinity and -0 read back exactly.
//
// Values go last to first, so the first 64 bits are the block's last value: downsample takes
// a bucket's last point from a block it needs nothing else from without decoding the rest.
//
//   last value    64 bits, raw
//   then per value, going back:
//     0                    same bits as the previous value
//     1 0 <bits>           XOR has its nonzero bits inside the current window: the window's
//                          `len` bits (XOR >> trail)
//     1 1 <5> <6> <bits>   a new window: leading zero bits (0..31), len (1..64; 64 as 0),
//                          then the window's len bits; trail = 64 − lead − len
//
// The encoder opens a new window when the XOR does not fit the current one, or when the new
// window's 11-bit header is cheaper than the current window's unused bits (plain Gorilla keeps
// a window that only ever widens). Words are handled as two unsigned 32-bit halves: no BigInt.

import { type BitWriter, PaddedBits, peekWord } from "./bits.ts";

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;

const padded = new PaddedBits();
const one = new Float64Array(1);
const oneWords = new Uint32Array(one.buffer);

function ctz32(x: number): number {
  return 31 - Math.clz32(x & -x);
}

/** Writes the len bits of the 64-bit XOR (xh:xl) above its `trail` low bits. */
function putWindow(w: BitWriter, xh: number, xl: number, trail: number, len: number): void {
  let hi: number;
  let lo: number;
  if (trail >= 32) {
    hi = 0;
    lo = xh >>> (trail - 32);
  } else if (trail === 0) {
    hi = xh;
    lo = xl;
  } else {
    hi = xh >>> trail;
    lo = ((xl >>> trail) | (xh << (32 - trail))) >>> 0;
  }
  if (len > 32) {
    w.put(hi, len - 32);
    w.put(lo, 32);
  } else w.put(lo, len);
}

/**
 * Writes values[from..to) (at least one), last to first. Gives up, returning false, when
 * 128 values cost 8 bytes each or more: noise that XOR cannot shrink is stored raw, and
 * trying the whole block first would triple the encoder's time on it.
 */
export function putXorValues(w: BitWriter, values: ArrayLike<number>, from: number, to: number): boolean {
  const start = w.pos;
  one[0] = values[to - 1];
  let ph = oneWords[HI];
  let pl = oneWords[LO];
  w.put(ph, 32);
  w.put(pl, 32);
  let lead = -1; // no window yet
  let trail = 0;
  for (let i = to - 2; i >= from; i--) {
    const done = to - 1 - i;
    if (done % 128 === 0 && w.pos - start >= 8 * done) return false;
    one[0] = values[i];
    const h = oneWords[HI];
    const l = oneWords[LO];
    const xh = (h ^ ph) >>> 0;
    const xl = (l ^ pl) >>> 0;
    ph = h;
    pl = l;
    if (xh === 0 && xl === 0) {
      w.put(0, 1);
      continue;
    }
    const newLead = Math.min(31, xh !== 0 ? Math.clz32(xh) : 32 + Math.clz32(xl));
    const newTrail = xl !== 0 ? ctz32(xl) : 32 + ctz32(xh);
    const newLen = 64 - newLead - newTrail;
    const len = 64 - lead - trail;
    if (lead >= 0 && newLead >= lead && newTrail >= trail && len <= newLen + 11) {
      w.put(2, 2);
      putWindow(w, xh, xl, trail, len);
    } else {
      lead = newLead;
      trail = newTrail;
      w.put(3, 2);
      w.put(lead, 5);
      w.put(newLen & 63, 6);
      putWindow(w, xh, xl, trail, newLen);
    }
  }
  return true;
}

/**
 * Decodes n values from data[pos..end) into out (n ≤ out.length, out 8-aligned, as a
 * Float64Array of its own is). Returns false unless the bits end exactly at `end` (zero
 * padding), so a truncated, extended or garbled section is never taken for values.
 */
export function readXorValues(data: Uint8Array, pos: number, end: number, n: number, out: Float64Array): boolean {
  const words = new Uint32Array(out.buffer, out.byteOffset, 2 * n);
  const b = padded.load(data, pos, end);
  let h = peekWord(b, 0);
  let l = peekWord(b, 32);
  let bit = 64;
  words[2 * n - 2 + HI] = h;
  words[2 * n - 2 + LO] = l;
  let trail = -1; // no window yet
  let len = 0;
  for (let i = n - 2; i >= 0; i--) {
    let next = peekWord(b, bit);
    if (next >= 0x80000000) {
      if (next >= 0xc0000000) {
        len = (next >>> 19) & 63 || 64;
        trail = 64 - ((next >>> 25) & 31) - len;
        if (trail < 0) return false;
        bit += 13;
      } else if (trail < 0) return false;
      else bit += 2;
      next = peekWord(b, bit);
      let mh = 0;
      let ml: number;
      if (len > 32) {
        mh = next >>> (64 - len);
        bit += len - 32;
        ml = peekWord(b, bit);
        bit += 32;
      } else {
        ml = next >>> (32 - len);
        bit += len;
      }
      if (trail >= 32) h ^= ml << (trail - 32);
      else if (trail === 0) {
        h ^= mh;
        l ^= ml;
      } else {
        h ^= (mh << trail) | (ml >>> (32 - trail));
        l ^= ml << trail;
      }
    } else bit += 1;
    words[2 * i + HI] = h;
    words[2 * i + LO] = l;
  }
  return padded.endsAt(bit);
}
