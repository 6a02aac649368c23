// One axis of the explorers (parallel coordinates, scatter) over one column's values across
// runs. A column whose every present value is a number is numeric: linear, or log when asked
// (a value ≤ 0 then has no place). Any other column (strings, booleans, a mix) is categorical:
// its distinct values as text, ordered with numbers inside them read as numbers, evenly spaced.
// A run without the value (null: the run lacks the field) or with a non-finite one has no place
// on the axis — it is left off, never drawn as 0 — and `missing` counts those runs.
import { formatNumber, formatValue } from "../format.ts";

export interface Tick {
  /** 0 at the bottom (or left) of the axis, 1 at the top (or right). */
  pos: number;
  label: string;
}

interface AxisBase {
  field: string;
  /** Where a value sits, 0–1; null where it has no place. */
  pos(value: unknown): number | null;
  ticks: Tick[];
  /** Runs whose value has no place on this axis. */
  missing: number;
}

export interface NumericAxis extends AxisBase {
  kind: "numeric";
  min: number;
  max: number;
  log: boolean;
  /** The value at a position (the inverse of pos). */
  valueAt(pos: number): number;
}

export interface CategoricalAxis extends AxisBase {
  kind: "categorical";
  categories: string[];
}

export type Axis = NumericAxis | CategoricalAxis;

const WIRE_NON_FINITE = new Set(["NaN", "Infinity", "-Infinity"]);

/** A number with a place on a numeric axis; null for a missing or non-finite value. */
export function finiteOf(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A categorical value's text; null when the run lacks the value. */
export const categoryOf = (value: unknown): string | null => (value === null || value === undefined ? null : formatValue(value));

const isNumeric = (values: unknown[]) =>
  values.some((v) => v !== null && v !== undefined) &&
  values.every((v) => v === null || v === undefined || typeof v === "number" || (typeof v === "string" && WIRE_NON_FINITE.has(v)));

const byText = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/** "Nice" round ticks (1, 2 or 5 × a power of ten) inside [min, max]. */
function linearTicks(min: number, max: number, count = 5): number[] {
  if (min === max) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}

function logTicks(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(min)); e <= Math.floor(Math.log10(max)); e++) out.push(10 ** e);
  return out.length >= 2 ? out : [min, max];
}

export function numericAxis(field: string, values: unknown[], log: boolean): NumericAxis {
  const placed = (v: unknown) => {
    const x = finiteOf(v);
    return x === null || (log && x <= 0) ? null : x;
  };
  let min = Infinity;
  let max = -Infinity;
  let missing = 0;
  for (const v of values) {
    const x = placed(v);
    if (x === null) missing++;
    else {
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  if (min > max) [min, max] = log ? [1, 10] : [0, 1];
  const t = log ? Math.log10 : (x: number) => x;
  const lo = t(min);
  const span = t(max) - lo;
  const pos = (v: unknown) => {
    const x = placed(v);
    return x === null ? null : span === 0 ? 0.5 : (t(x) - lo) / span;
  };
  const valueAt = (p: number) => {
    const y = span === 0 ? lo : lo + p * span;
    return log ? 10 ** y : y;
  };
  const ticks = (log ? logTicks(min, max) : linearTicks(min, max)).map((x) => ({ pos: pos(x) ?? 0.5, label: formatNumber(x) }));
  return { kind: "numeric", field, min, max, log, pos, valueAt, ticks, missing };
}

export function categoricalAxis(field: string, values: unknown[]): CategoricalAxis {
  const texts = values.map(categoryOf);
  const categories = [...new Set(texts.filter((t) => t !== null))].sort(byText);
  const index = new Map(categories.map((c, i) => [c, i]));
  const at = (i: number) => (categories.length === 1 ? 0.5 : i / (categories.length - 1));
  const pos = (v: unknown) => {
    const t = categoryOf(v);
    const i = t === null ? undefined : index.get(t);
    return i === undefined ? null : at(i);
  };
  return {
    kind: "categorical",
    field,
    categories,
    pos,
    ticks: categories.map((label, i) => ({ pos: at(i), label })),
    missing: texts.filter((t) => t === null).length,
  };
}

/** The axis a column's values call for: numeric when they are all numbers, else categorical. */
export function axisFor(field: string, values: unknown[], log = false): Axis {
  return isNumeric(values) ? numericAxis(field, values, log) : categoricalAxis(field, values);
}
