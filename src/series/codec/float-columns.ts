// How float summaries are kept in REAL columns (see the note in src/db/schema.ts): NaN as NULL,
// ±Infinity clamped to ±MAX_VALUE, with bits in a `flags` column to restore them exactly. A
// REAL column stores -0.0 as 0: a bit restores the sign of the last value (a point's value,
// read back exactly); min and max compare -0 and 0 as equal and keep no sign.
import { isNegativeZero } from "../../lib/numbers.ts";

export const FLAG = {
  lastNaN: 1,
  lastPosInf: 2,
  lastNegInf: 4,
  minNegInf: 8,
  maxPosInf: 16,
  // A min of +Infinity or a max of -Infinity: every non-NaN value was that infinity.
  minPosInf: 32,
  maxNegInf: 64,
  lastNegZero: 128,
} as const;

/** The REAL column value for x: NaN → null, ±Infinity → ±MAX_VALUE. */
export function toColumn(x: number | null): number | null {
  if (x === null || Number.isNaN(x)) return null;
  if (x === Infinity) return Number.MAX_VALUE;
  if (x === -Infinity) return -Number.MAX_VALUE;
  return x;
}

/** Flags describing which of last/min/max are non-finite. */
export function summaryFlags(last: number | null, min: number | null, max: number | null): number {
  let flags = 0;
  if (last !== null && Number.isNaN(last)) flags |= FLAG.lastNaN;
  if (last === Infinity) flags |= FLAG.lastPosInf;
  if (last === -Infinity) flags |= FLAG.lastNegInf;
  if (last !== null && isNegativeZero(last)) flags |= FLAG.lastNegZero;
  if (min === -Infinity) flags |= FLAG.minNegInf;
  if (min === Infinity) flags |= FLAG.minPosInf;
  if (max === Infinity) flags |= FLAG.maxPosInf;
  if (max === -Infinity) flags |= FLAG.maxNegInf;
  return flags;
}

export function lastFromColumn(value: number | null, flags: number): number | null {
  if (flags & FLAG.lastNaN) return NaN;
  if (flags & FLAG.lastPosInf) return Infinity;
  if (flags & FLAG.lastNegInf) return -Infinity;
  if (flags & FLAG.lastNegZero && value === 0) return -0;
  return value;
}

export function minFromColumn(value: number | null, flags: number): number | null {
  return flags & FLAG.minNegInf ? -Infinity : flags & FLAG.minPosInf ? Infinity : value;
}

export function maxFromColumn(value: number | null, flags: number): number | null {
  return flags & FLAG.maxPosInf ? Infinity : flags & FLAG.maxNegInf ? -Infinity : value;
}
