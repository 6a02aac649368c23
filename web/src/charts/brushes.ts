// Brushes of the parallel coordinates: a range of a numeric axis (in the column's own units,
// so a URL reads `{"params.lr":[0.001,0.01]}`) or the categories a drag covered on a
// categorical one. A run matches when it matches every brush (they AND together); a run
// without the value has no place on the axis, so it never matches a brush there.
import { type Axis, categoryOf, finiteOf } from "./field-axis.ts";

export type Brush = [number, number] | string[];
export type Brushes = Record<string, Brush>;

const isRange = (b: unknown): b is [number, number] => Array.isArray(b) && b.length === 2 && b.every((x) => typeof x === "number" && Number.isFinite(x));
const isCategories = (b: unknown): b is string[] => Array.isArray(b) && b.every((x) => typeof x === "string");

/** The `brush` URL parameter; anything unreadable in it is dropped rather than failing the page. */
export function parseBrushes(text: string | undefined): Brushes {
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  const out: Brushes = {};
  for (const [field, b] of Object.entries(value)) if (isRange(b) || isCategories(b)) out[field] = b;
  return out;
}

export const brushesText = (brushes: Brushes) => (Object.keys(brushes).length ? JSON.stringify(brushes) : null);

/** The brush a drag from position `a` to `b` (0 bottom, 1 top) makes on `axis`; null when it covers nothing. */
export function brushFromDrag(axis: Axis, a: number, b: number): Brush | null {
  const [lo, hi] = [Math.max(0, Math.min(a, b)), Math.min(1, Math.max(a, b))];
  if (axis.kind === "numeric") return [axis.valueAt(lo), axis.valueAt(hi)];
  const covered = axis.ticks.filter((t) => t.pos >= lo && t.pos <= hi).map((t) => t.label);
  return covered.length ? covered : null;
}

/** Where a brush sits on its axis, 0–1 from the bottom. */
export function brushSpan(axis: Axis, brush: Brush): [number, number] | null {
  if (axis.kind === "numeric" && isRange(brush)) {
    const clamp = (x: number) => Math.max(axis.min, Math.min(axis.max, x));
    const lo = axis.pos(clamp(brush[0]));
    const hi = axis.pos(clamp(brush[1]));
    return lo === null || hi === null ? null : [lo, hi];
  }
  const at = brush.map((c) => axis.ticks.find((t) => t.label === c)?.pos).filter((p) => p !== undefined);
  return at.length ? [Math.min(...at), Math.max(...at)] : null;
}

export function matchesBrush(axis: Axis, brush: Brush, value: unknown): boolean {
  if (axis.kind === "numeric") {
    const x = finiteOf(value);
    if (x === null || axis.pos(x) === null || !isRange(brush)) return false;
    return x >= brush[0] && x <= brush[1];
  }
  const c = categoryOf(value);
  return c !== null && (brush as string[]).includes(c);
}

/** Whether a run's columns match every brush on the shown axes (brushes on other fields are ignored). */
export function matchesAll(axes: Axis[], brushes: Brushes, columns: Record<string, unknown>): boolean {
  for (const axis of axes) {
    const brush = brushes[axis.field];
    if (brush && !matchesBrush(axis, brush, columns[axis.field])) return false;
  }
  return true;
}
