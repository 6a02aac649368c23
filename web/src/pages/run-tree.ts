// The runs table's rows as a tree: a run whose parent (MLflow's nested runs) is on the same
// page is drawn under it, in the page's order; a run whose parent is elsewhere (another page,
// or filtered out) stays at the top level. Children show only under an open parent.

export interface TreeRow<R> {
  run: R;
  depth: number;
  /** How many runs of the page are directly under this one. */
  children: number;
}

export function treeRows<R extends { id: string; parent: string | null }>(runs: readonly R[], open: ReadonlySet<string>): TreeRow<R>[] {
  const onPage = new Set(runs.map((r) => r.id));
  const under = new Map<string, R[]>();
  for (const run of runs) {
    if (run.parent === null || !onPage.has(run.parent) || run.parent === run.id) continue;
    const list = under.get(run.parent) ?? [];
    list.push(run);
    under.set(run.parent, list);
  }
  const rows: TreeRow<R>[] = [];
  const placed = new Set<string>();
  const visit = (run: R, depth: number, shown: boolean) => {
    placed.add(run.id);
    const kids = (under.get(run.id) ?? []).filter((k) => !placed.has(k.id));
    if (shown) rows.push({ run, depth, children: kids.length });
    for (const kid of kids) visit(kid, depth + 1, shown && open.has(run.id));
  };
  for (const run of runs) if (!placed.has(run.id) && !isNested(run, onPage)) visit(run, 0, true);
  // Runs in a parent loop (a → b → a) have no top: each becomes one.
  for (const run of runs) if (!placed.has(run.id)) visit(run, 0, true);
  return rows;
}

const isNested = (run: { id: string; parent: string | null }, onPage: ReadonlySet<string>) =>
  run.parent !== null && run.parent !== run.id && onPage.has(run.parent);
