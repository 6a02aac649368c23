// The runs table's tree (web/src/pages/run-tree.ts): children under their parent in page
// order, only under an open parent; orphans and parent loops at the top, no run lost or doubled.
import fc from "fast-check";
import { expect, test } from "vitest";
import { treeRows } from "../web/src/pages/run-tree.ts";

const run = (id: string, parent: string | null = null) => ({ id, parent });
const shape = (rows: ReturnType<typeof treeRows<{ id: string; parent: string | null }>>) => rows.map((r) => `${"  ".repeat(r.depth)}${r.run.id}:${r.children}`);

test("children go under their parent, shown only when it is open", () => {
  const runs = [run("c1", "p"), run("p"), run("q"), run("c2", "p"), run("g", "c1"), run("orphan", "elsewhere")];
  expect(shape(treeRows(runs, new Set()))).toEqual(["p:2", "q:0", "orphan:0"]);
  expect(shape(treeRows(runs, new Set(["p"])))).toEqual(["p:2", "  c1:1", "  c2:0", "q:0", "orphan:0"]);
  expect(shape(treeRows(runs, new Set(["p", "c1"])))).toEqual(["p:2", "  c1:1", "    g:0", "  c2:0", "q:0", "orphan:0"]);
  // An open child under a closed parent stays hidden.
  expect(shape(treeRows(runs, new Set(["c1"])))).toEqual(["p:2", "q:0", "orphan:0"]);
});

test("a parent loop or a run its own parent still shows every run once", () => {
  expect(shape(treeRows([run("a", "b"), run("b", "a"), run("s", "s")], new Set(["a", "b"])))).toEqual(["s:0", "a:1", "  b:0"]);
});

test("fully open, every run appears exactly once, each under its parent when that is on the page", () => {
  const ids = ["a", "b", "c", "d", "e", "f"];
  const pages = fc
    .uniqueArray(fc.constantFrom(...ids), { minLength: 1 })
    .chain((page) =>
      fc.tuple(fc.constant(page), fc.array(fc.option(fc.constantFrom(...ids, "x"), { nil: null }), { minLength: page.length, maxLength: page.length })),
    );
  fc.assert(
    fc.property(pages, ([page, parents]) => {
      const runs = page.map((id, i) => run(id, parents[i]));
      const rows = treeRows(runs, new Set(ids));
      expect(rows.map((r) => r.run.id).sort()).toEqual([...page].sort());
      rows.forEach((row, i) => {
        if (row.depth > 0) {
          const above = rows
            .slice(0, i)
            .reverse()
            .find((r) => r.depth === row.depth - 1);
          expect(above?.run.id).toBe(row.run.parent);
        }
      });
    }),
    { numRuns: 300 },
  );
});
