// The data the browser tests look at, written through the API as a training script would: a
// "cifar" repo with an augmentation campaign (3 augmentations × 2 learning rates × 2 seeds),
// each run with train/val loss and val accuracy curves and a test accuracy value, one of
// them with NaN and ±Infinity points; one run still running; and a small second repo.
export const AUGS = ["none", "flip", "crop"] as const;
export const LRS = [0.001, 0.003] as const;
export const SEEDS = [0, 1] as const;
export const TRAIN_STEPS = 3000;
export const VAL_EVERY = 100;

export interface SeededRun {
  id: string;
  aug: string;
  lr: number;
  seed: number;
}

type Call = (method: string, path: string, body?: unknown) => Promise<unknown>;

export function apiCaller(origin: string, token?: string): Call {
  return async (method, path, body) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(origin + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
}

// Deterministic noise, so screenshots and numbers are the same on every run.
function noise(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

export async function seed(call: Call): Promise<SeededRun[]> {
  await call("PUT", "/v1/repos/cifar", { description: "CIFAR-10 augmentation sweeps" });
  await call("POST", "/v1/repos/cifar/campaigns", { id: "augment-grid", name: "augment-grid", params: { augs: AUGS, lrs: LRS, seeds: SEEDS } });
  const runs: SeededRun[] = [];
  let i = 0;
  for (const aug of AUGS) {
    for (const lr of LRS) {
      for (const s of SEEDS) {
        const id = `${aug}-lr${String(lr).replace("0.", "")}-s${s}`;
        runs.push({ id, aug, lr, seed: s });
        await call("POST", "/v1/repos/cifar/runs", {
          id,
          name: `resnet ${aug} lr=${lr} s${s}`,
          experiment: "resnet",
          params: { lr, aug, seed: s, optimizer: { name: "sgd", momentum: 0.9 }, epochs: 30 },
          tags: s === 0 ? ["baseline"] : [],
          campaign: "augment-grid",
          provenance: { git: { commit: "3f2c1ab", dirty: false }, host: "gpu-01", argv: ["train.py", `--aug=${aug}`] },
        });
        const rand = noise(++i);
        const quality = { none: 0, flip: 0.04, crop: 0.07 }[aug] + (lr === 0.003 ? 0.02 : 0);
        const points = [];
        for (let step = 0; step < TRAIN_STEPS; step++) {
          const epoch = Math.floor(step / 100);
          points.push({
            name: "loss",
            context: { subset: "train" },
            step,
            epoch,
            time: 1764147000 + step * 2 + i * 10_000,
            value: 2.3 * Math.exp(-step / (700 + quality * 4000)) + 0.15 + rand() * 0.08,
          });
          if (step % VAL_EVERY === 0) {
            points.push({
              name: "loss",
              context: { subset: "val" },
              step,
              epoch,
              time: 1764147000 + step * 2 + i * 10_000,
              value: 2.3 * Math.exp(-step / (800 + quality * 4000)) + 0.3 + rand() * 0.05,
            });
            points.push({
              name: "acc",
              context: { subset: "val" },
              step,
              epoch,
              time: 1764147000 + step * 2 + i * 10_000,
              value: 0.1 + (0.72 + quality) * (1 - Math.exp(-step / 900)) + rand() * 0.01,
            });
          }
        }
        if (id === "crop-lr003-s1") {
          // A diverging stretch: NaN (a gap) and ±Infinity (marked on the plot's edge).
          points.push({ name: "loss", context: { subset: "train" }, step: 1500, epoch: 15, value: "NaN" });
          points.push({ name: "loss", context: { subset: "train" }, step: 1501, epoch: 15, value: "Infinity" });
          points.push({ name: "loss", context: { subset: "train" }, step: 1502, epoch: 15, value: "-Infinity" });
          points.push({ name: "loss", context: { subset: "train" }, step: 2200, epoch: 22, value: 9.5 }); // a spike
        }
        await call("POST", `/v1/repos/cifar/runs/${id}/metrics`, { points });
        await call("PUT", `/v1/repos/cifar/runs/${id}/values`, [{ name: "acc", context: { subset: "test" }, value: 0.8 + quality + rand() * 0.02 }]);
        await call("PATCH", `/v1/repos/cifar/runs/${id}`, { status: "finished" });
      }
    }
  }
  await call("POST", "/v1/repos/cifar/runs", { id: "live-run", name: "resnet live", experiment: "resnet", params: { lr: 0.01, aug: "flip", seed: 9 } });
  await call("POST", "/v1/repos/cifar/runs/live-run/metrics", {
    points: Array.from({ length: 50 }, (_, step) => ({ name: "loss", step, value: 2 - step / 50 })),
  });
  await call("POST", "/v1/repos/cifar/runs", { id: "old-debug", name: "debug run", experiment: "debug", params: { lr: 0.1 } });
  await call("PATCH", "/v1/repos/cifar/runs/old-debug", { archived: true, status: "killed" });
  await call("POST", "/v1/repos/mnist/runs", { id: "mlp-1", name: "mlp", params: { lr: 0.01 } });
  return runs;
}
