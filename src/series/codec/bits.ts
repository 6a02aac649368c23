// Integer and bit-stream primitives shared by the block and summary formats (./block.ts,
// ./chunk-summary.ts). Pure and runtime-agnostic, like they are.
//
// varint: unsigned LEB128. svarint: bit 0 of the first byte is the sign, bits 1-6 the low 6
// bits of the magnitude, bit 7 "more follows" with the rest of the magnitude as a varint; it
// costs what zigzag costs without computing 2·x, so magnitudes up to 2^53-1 stay exact.
// Bit streams are most significant bit first, padded with zero bits to a whole byte.
// 32-bit bitwise operators only ever see values known to fit in 32 bits.

export function putVarint(buf: Uint8Array, pos: number, v: number): number {
  while (v >= 0x80000000) {
    buf[pos++] = (v % 128) + 128;
    v = Math.floor(v / 128);
  }
  while (v >= 128) {
    buf[pos++] = (v & 127) | 128;
    v >>>= 7;
  }
  buf[pos++] = v;
  return pos;
}

export function putSigned(buf: Uint8Array, pos: number, v: number): number {
  const m = Math.abs(v);
  const low = (m % 64) * 2 + (v < 0 ? 1 : 0);
  const rest = Math.floor(m / 64);
  if (rest === 0) {
    buf[pos++] = low;
    return pos;
  }
  buf[pos++] = low + 128;
  return putVarint(buf, pos, rest);
}

/** The bytes putSigned writes for v. */
export function signedBytes(v: number): number {
  let m = Math.floor(Math.abs(v) / 64);
  let size = 1;
  for (; m > 0; m = Math.floor(m / 128)) size++;
  return size;
}

/** A cursor over a block's bytes. Reading past the end yields zeros; callers check where they stop. */
export class ByteReader {
  buf: Uint8Array;
  pos: number;
  constructor(buf: Uint8Array, pos: number) {
    this.buf = buf;
    this.pos = pos;
  }
  varint(): number {
    const buf = this.buf;
    let b = buf[this.pos++];
    if (b < 128) return b;
    let v = b & 127;
    let mul = 128;
    do {
      b = buf[this.pos++] | 0;
      v += (b & 127) * mul;
      mul *= 128;
    } while (b >= 128);
    return v;
  }
  signed(): number {
    const b = this.buf[this.pos++] | 0;
    let m = (b >> 1) & 63;
    if (b >= 128) m += this.varint() * 64;
    return b & 1 ? -m : m;
  }
}

/** Appends bit fields to a byte buffer, a 32-bit word at a time. */
export class BitWriter {
  buf: Uint8Array;
  pos: number;
  private acc = 0; // the `bits` pending bits (0..31), in the low bits
  private bits = 0;
  constructor(buf: Uint8Array, pos: number) {
    this.buf = buf;
    this.pos = pos;
  }
  /** The low `n` bits of v (n in 0..32, v an unsigned 32-bit integer below 2^n). */
  put(v: number, n: number): void {
    const free = 32 - this.bits;
    if (n < free) {
      this.acc = (this.acc << n) | v;
      this.bits += n;
      return;
    }
    // Fill the word with v's top `free` bits, write it, keep the rest.
    const rest = n - free;
    const word = free === 32 ? v : (this.acc << free) | (v >>> rest);
    const buf = this.buf;
    const p = this.pos;
    buf[p] = word >>> 24;
    buf[p + 1] = word >>> 16;
    buf[p + 2] = word >>> 8;
    buf[p + 3] = word;
    this.pos = p + 4;
    this.acc = rest === 0 ? 0 : v & ((1 << rest) - 1);
    this.bits = rest;
  }
  /** Writes what is pending, padded with zero bits to a byte; returns the position after it. */
  flush(): number {
    for (let left = this.bits; left > 0; left -= 8) this.buf[this.pos++] = left >= 8 ? this.acc >>> (left - 8) : this.acc << (8 - left);
    this.acc = 0;
    this.bits = 0;
    return this.pos;
  }
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * A bit stream's section copied (reused) as big-endian 32-bit words followed by two zero
 * words, so that every read of up to 32 bits is two word loads and shifts (peekWord), in
 * bounds while the stream is well formed. Decoders keep the bit position in a local and call
 * peekWord (a plain function: V8 inlines it). Words, not bytes: the XOR value decoder, which
 * reads two or three times a value, ran ~1.5x slower with five byte loads a read.
 */
export class PaddedBits {
  words = new Uint32Array(16);
  size = 0;
  private lastByte = 0;

  load(data: Uint8Array, pos: number, end: number): Uint32Array {
    const size = end - pos;
    const n = (size + 3) >>> 2;
    this.size = size;
    this.lastByte = size > 0 ? data[end - 1] : 0;
    if (this.words.length < n + 2) this.words = new Uint32Array(2 * n + 2);
    const w = this.words;
    const bytes = new Uint8Array(w.buffer, 0, 4 * (n + 2));
    bytes.set(data.subarray(pos, end));
    bytes.fill(0, size);
    if (LITTLE_ENDIAN_HOST) {
      for (let i = 0; i < n; i++) {
        const x = w[i];
        w[i] = ((x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;
      }
    }
    return w;
  }

  /** Whether a stream read up to `bit` ended exactly at the section's end, padded with zero bits. */
  endsAt(bit: number): boolean {
    const pad = (8 - (bit & 7)) & 7;
    return Math.ceil(bit / 8) === this.size && (this.size === 0 || (this.lastByte & ((1 << pad) - 1)) === 0);
  }
}

/** The 32 bits of a PaddedBits section from bit position `bit` on, as an unsigned integer. */
export function peekWord(w: Uint32Array, bit: number): number {
  const q = bit >>> 5;
  const s = bit & 31;
  return s === 0 ? w[q] : ((w[q] << s) | (w[q + 1] >>> (32 - s))) >>> 0;
}

/** The 32 bits of b from bit position `bit` on, as an unsigned integer (zeros past the end). */
export function peek32(b: Uint8Array, bit: number): number {
  const q = bit >>> 3;
  const s = bit & 7;
  const w = (b[q] << 24) | (b[q + 1] << 16) | (b[q + 2] << 8) | b[q + 3];
  return s === 0 ? w >>> 0 : ((w << s) | (b[q + 4] >>> (8 - s))) >>> 0;
}
