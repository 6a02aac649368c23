// The layer rules of src/ (.dependency-cruiser.cjs, explained in docs/ARCHITECTURE.md):
// no import cycles; series/ and filter/ never import api/, http/ or hosts/; the engine is
// reached through src/series/index.ts only; lib/ is pure; only hosts/node.ts uses Node
// built-ins; resource folders under src/api/ import src/runs-core/, never each other (but
// for the compositions the config names); runs-core/ imports no resource. A broken rule
// fails here with the offending import named.
import { cruise } from "dependency-cruiser";
import { expect, test } from "vitest";
// @ts-expect-error: a CommonJS config without type declarations
import config from "../.dependency-cruiser.cjs";

test("src/ keeps its layer rules", async () => {
  const result = await cruise(["src"], { ruleSet: { forbidden: config.forbidden }, ...config.options, validate: true });
  const output = result.output as {
    summary: { violations: { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }[]; totalCruised: number };
  };
  const violations = output.summary.violations.map(
    (v) => `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (cycle ${v.cycle.map((c) => c.name).join(" -> ")})` : ""}`,
  );
  expect(violations).toEqual([]);
  // The cruise saw the app, not an empty folder.
  expect(output.summary.totalCruised).toBeGreaterThan(50);
});
