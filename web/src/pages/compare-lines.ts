// How the compare page draws its runs: a line per run (coloured by its index or by a param), or
// a line per group of runs sharing their values of the group params (each group its own colour);
// the dash by a stroke param; and, faceted by a param, which small chart each run falls in.

import type { LineSpec } from "../charts/chart-model.ts";
import type { GroupStyle } from "../charts/group-lines.ts";
import { colorAt } from "../charts/palette.ts";
import { paramAt, paramText } from "../params.ts";
import type { CompareRun } from "./compare-data.ts";

/** How the page draws runs: each run's line, or the groups they fall in. */
export type Lines = { kind: "runs"; specOf(run: string): LineSpec } | { kind: "groups"; groups: LineSpec[]; groupOf(run: string): string; style: GroupStyle };

/** Small multiples: one chart per value of a param, in `values` order. */
export interface Facets {
  path: string;
  values: string[];
  of(run: string): string;
}

/** Solid, dashed, dotted, dash-dot (canvas and SVG dash arrays, in pixels), cycled over a stroke param's values. */
export const DASHES: readonly number[][] = [[], [6, 4], [1.5, 3], [7, 3, 1.5, 3]];

const sortedDistinct = (xs: string[]) => [...new Set(xs)].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));

/** The distinct values of `path` among `runs`, in order, and each run's value (as text). */
export function valuesOf(runs: CompareRun[], path: string): { values: string[]; of(run: string): string } {
  const byRun = new Map(runs.map((r) => [r.id, paramText(paramAt(r.params, path))]));
  return { values: sortedDistinct([...byRun.values()]), of: (run) => byRun.get(run) ?? paramText(undefined) };
}

export function facetsOf(runs: CompareRun[], path: string): Facets | null {
  return path && runs.length ? { path, ...valuesOf(runs, path) } : null;
}

export interface LinesChoice {
  colorBy: string;
  strokeBy: string;
  groupBy: string[];
  style: GroupStyle;
}

/**
 * Line specs for `runs`; `ids` gives the colours before the runs' params have loaded. A group's
 * dash is its runs' stroke value when they share one, else solid.
 */
export function linesFor(runs: CompareRun[], ids: string[], c: LinesChoice): Lines {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const stroke = c.strokeBy ? valuesOf(runs, c.strokeBy) : null;
  const dashOf = (value: string) => DASHES[stroke!.values.indexOf(value) % DASHES.length];
  if (c.groupBy.length) {
    const keyOf = (r: CompareRun | undefined) => JSON.stringify(c.groupBy.map((p) => (r ? (paramAt(r.params, p) ?? null) : null)));
    const keys = sortedDistinct(runs.map(keyOf));
    const groups: LineSpec[] = keys.map((key, i) => {
      const values = JSON.parse(key) as unknown[];
      const members = runs.filter((r) => keyOf(r) === key);
      const strokes = stroke ? new Set(members.map((r) => stroke.of(r.id))) : null;
      return {
        key: `group:${key}`,
        label: `${c.groupBy.map((p, j) => `${p}=${paramText(values[j])}`).join(", ")} (${members.length})`,
        color: colorAt(i),
        band: true,
        dash: strokes?.size === 1 ? dashOf([...strokes][0]) : undefined,
      };
    });
    return { kind: "groups", groups, groupOf: (id) => `group:${keyOf(byId.get(id))}`, style: c.style };
  }
  const order = runs.length ? runs.map((r) => r.id) : ids;
  const index = new Map(order.map((id, i) => [id, i]));
  const colors = c.colorBy ? valuesOf(runs, c.colorBy) : null;
  return {
    kind: "runs",
    specOf: (id) => {
      const run = byId.get(id);
      const color = colors && run ? colors.of(id) : null;
      const dash = stroke && run ? stroke.of(id) : null;
      const label =
        (run?.name || id) + (color !== null ? ` · ${c.colorBy}=${color}` : "") + (dash !== null && c.strokeBy !== c.colorBy ? ` · ${c.strokeBy}=${dash}` : "");
      return {
        key: `run:${id}`,
        label,
        color: colorAt(color !== null ? colors!.values.indexOf(color) : (index.get(id) ?? 0)),
        band: false,
        dash: dash !== null ? dashOf(dash) : undefined,
      };
    },
  };
}
