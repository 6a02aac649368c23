// Reading nested params by dotted path (`optimizer.lr`), as the campaign summary's group_by
// and the compare page's color and group controls name them.

export function paramAt(params: Record<string, unknown>, path: string): unknown {
  let x: unknown = params;
  for (const key of path.split(".")) {
    if (x === null || typeof x !== "object" || Array.isArray(x)) return undefined;
    x = (x as Record<string, unknown>)[key];
  }
  return x;
}

/** Every leaf path in these params objects, sorted. */
export function paramPaths(all: Record<string, unknown>[]): string[] {
  const out = new Set<string>();
  const walk = (value: unknown, prefix: string) => {
    if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length) {
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else if (prefix) out.add(prefix);
  };
  for (const p of all) walk(p, "");
  return [...out].sort();
}

/** The paths whose value is not the same in every one of these params objects. */
export function varyingParamPaths(all: Record<string, unknown>[]): string[] {
  return paramPaths(all).filter((path) => new Set(all.map((p) => JSON.stringify(paramAt(p, path)) ?? "null")).size > 1);
}

export const paramText = (x: unknown) => (x === undefined ? "—" : typeof x === "string" ? x : JSON.stringify(x));
