// src/app.ts and everything it imports must run on Workers: no Node built-ins may be
// reachable from it (type-only imports are erased and do not count).
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, resolve } from "node:path";
import { expect, test } from "vitest";

const importPattern = /^\s*(import|export)\s+(type\s+)?(?:[\s\S]*?\sfrom\s+)?["']([^"']+)["']/gm;

function valueImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specifiers: string[] = [];
  for (const match of source.matchAll(importPattern)) if (!match[2]) specifiers.push(match[3]);
  for (const match of source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) specifiers.push(match[1]);
  return specifiers;
}

function reachable(entry: string) {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImports(file)) {
      if (spec.startsWith(".")) {
        if (spec.endsWith(".ts")) visit(resolve(dirname(file), spec));
      } else packages.set(spec, file);
    }
  };
  visit(entry);
  return { files: seen, packages };
}

const isNodeBuiltin = (spec: string) => spec.startsWith("node:") || builtinModules.includes(spec.split("/")[0]);

for (const entry of ["src/app.ts", "src/hosts/worker.ts"]) {
  test(`no Node built-in or Node-only client is reachable from ${entry}`, () => {
    const { files, packages } = reachable(resolve(import.meta.dirname, "..", entry));
    expect(files.size).toBeGreaterThan(5);
    const offenders = [...packages].filter(([spec]) => isNodeBuiltin(spec) || spec === "@libsql/client" || spec === "drizzle-orm/libsql");
    expect(offenders, "imports that would break the Worker build: [specifier, importing file]").toEqual([]);
  });
}

test("the checker sees Node imports (it would catch a violation)", () => {
  const { packages } = reachable(resolve(import.meta.dirname, "../src/hosts/node.ts"));
  expect([...packages.keys()].some(isNodeBuiltin)).toBe(true);
});
