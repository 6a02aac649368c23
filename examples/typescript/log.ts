// A small runcamp logger in TypeScript with the SDK as a package (`npm install` here links
// ../../clients/typescript as @runcamp/client): a run with params, metric series with contexts
// (one value NaN, one name with a "/"), a value, the run finished, then read back.
//   npm install && node log.ts [base-url] [run-id]   (Node >= 22.18 runs .ts as is; or bun/deno)
import { Run, runs, series } from "@runcamp/client";

const url = process.argv[2] ?? "http://127.0.0.1:8787";
const run = await Run.start({
  url,
  repo: "examples",
  id: process.argv[3] ?? `typescript-${Date.now()}`,
  experiment: "any-language",
  params: { lr: 0.001, optimizer: "adam", layers: 2 },
  tags: ["typescript"],
});
for (let epoch = 0; epoch < 3; epoch++) {
  // Batched and sent in the background; NaN and ±Infinity are sent as the API's strings.
  run.track(1 / (epoch + 1), "loss", { step: epoch, epoch, context: { subset: "train" } });
  run.track(epoch === 1 ? Number.NaN : 1.5 / (epoch + 1), "loss", { step: epoch, epoch, context: { subset: "val" } });
  run.track(10 - epoch, "grad/norm", { step: epoch, epoch });
}
run.setValue("acc", 0.9, { subset: "test" });
await run.finish();

// Read back one series as columns (the SDK escapes "/" in names), and every run of the repo
// (the SDK follows the list's pages of up to 1,000).
const val = await series({ url, repo: "examples", run: run.id, name: "loss", context: { subset: "val" } });
const norm = await series({ url, repo: "examples", run: run.id, name: "grad/norm" });
const all = await runs({ url, repo: "examples" });
console.log(
  `run ${run.id}: val loss ${JSON.stringify(val.values.map(String))} at steps ${JSON.stringify(val.steps)}; grad/norm ${JSON.stringify(norm.values)}; ${all.length} runs in the repo`,
);
