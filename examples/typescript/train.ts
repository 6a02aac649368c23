// A toy training loop logged with the runcamp TypeScript SDK (Node ≥ 22, Bun or Deno).
//   npm start                                   # the server on 127.0.0.1:8787
//   cd examples/typescript && npm install && node train.ts [url]
import { createRuncampClient, Run } from "@runcamp/client";

const url = process.argv[2] ?? "http://127.0.0.1:8787";
const run = await Run.start({ url, repo: "examples", experiment: "toy-mlp-ts", params: { lr: 3e-4, epochs: 5 }, tags: ["example"] });
console.log(`run ${run.id} on ${url}`);

let valLoss = 0;
for (let epoch = 0; epoch < 5; epoch++) {
  for (let batch = 0; batch < 200; batch++) {
    const loss = 2.3 * Math.exp(-(epoch * 200 + batch) / 300) + Math.random() * 0.05;
    run.track(loss, "loss", { epoch, context: { subset: "train" } }); // batched, sent in the background
  }
  valLoss = 2.3 * Math.exp(-((epoch + 1) * 200) / 300) + 0.1;
  run.track({ loss: valLoss, acc: 1 - valLoss / 3 }, undefined, { epoch, context: { subset: "val" } });
}
run.setValue("acc", 1 - valLoss / 3 - 0.01, { subset: "test" });
run.logConfusionMatrix(
  ["cat", "dog"],
  [
    [45, 5],
    [8, 42],
  ],
); // the server reports its metrics
run.addTag("done");
await run.finish();

// The typed low-level client: every endpoint of openapi.yaml.
const api = createRuncampClient({ url });
const { data } = await api.GET("/v1/repos/{repo}/runs/{run}/metrics/{name}", {
  params: { path: { repo: "examples", run: run.id, name: "loss" }, query: { context: { subset: "val" } } },
});
console.log(
  "val loss:",
  data?.points.map((p) => p.value),
);
