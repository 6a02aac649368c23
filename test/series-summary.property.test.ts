// The series summary is kept incrementally on appends and recounted in SQL when an overwrite
// may have removed the extreme; either way it must equal a summary computed from scratch.

import { type Client, createClient } from "@libsql/client";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ingestPoints, readSeries } from "../src/api/metrics/service.ts";
import { createRun } from "../src/api/runs/service.ts";
import { defaultLimits } from "../src/config.ts";
import type { Deps } from "../src/deps.ts";
import { migrateDatabase } from "../src/hosts/node.ts";
import { toWire } from "../src/lib/numbers.ts";

let client: Client;
let deps: Deps;
beforeAll(async () => {
  client = createClient({ url: ":memory:" });
  await migrateDatabase(client);
  deps = { client, config: { limits: defaultLimits, corsOrigins: [] } };
});
afterAll(() => client.close());

const value = fc.oneof(
  { weight: 8, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
  // Zeros of both signs: the summary keeps the sign of the last value.
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0) },
);
// Steps cluster so batches overwrite, fill gaps and append across several 1,024-point blocks.
const batch = fc.array(fc.record({ step: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 40 })), value }), {
  minLength: 1,
  maxLength: 1500,
});

let runNumber = 0;
// Summaries live in REAL columns, which do not keep the sign of zero: a flag restores it for
// the last value (a point's), min and max keep none (raw points keep -0, see test/blocks.test.ts).
const unsigned = (x: number) => toWire(x === 0 ? 0 : x);

test("after random appends and overwrites the summary equals one computed from all points", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 6 }), async (batches) => {
      const runId = `r${runNumber++}`;
      await createRun(deps, "prop", { id: runId });
      const model = new Map<number, number>();
      for (const points of batches) {
        await ingestPoints(
          deps,
          "prop",
          runId,
          points.map((p) => ({ name: "m", context: "{}", step: p.step, value: p.value, epoch: null, time: 1 })),
          "refuse",
        );
        for (const p of points) model.set(p.step, p.value);
        const steps = [...model.keys()].sort((a, b) => a - b);
        const finite = [...model.values()].filter((x) => !Number.isNaN(x));
        const { summary } = await readSeries(deps, "prop", runId, "m", undefined, { points: 1, limit: 0, format: "rows" });
        expect(summary).toMatchObject({
          count: model.size,
          first_step: steps[0],
          last_step: steps.at(-1),
          last: toWire(model.get(steps.at(-1)!)!),
          min: finite.length ? unsigned(Math.min(...finite)) : null,
          max: finite.length ? unsigned(Math.max(...finite)) : null,
        });
      }
    }),
    { numRuns: 200 },
  );
});
