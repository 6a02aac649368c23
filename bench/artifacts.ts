// Artifact benchmark, run by bench/run.ts against a fresh server of its own: upload and
// download MiB/s of a 64 MiB artifact, and the server's resident memory meanwhile (sampled
// from /proc every 10 ms), to show that an upload streams into parts instead of being held
// whole. The size does not scale with BENCH_SCALE: a smaller artifact would not show it.
import { readFileSync } from "node:fs";
import type { Row } from "./run.ts";

const MiB = 1024 * 1024;
const SIZE = 64 * MiB;
const ROUNDS = 3;

/** The process's resident set in bytes (Linux); null elsewhere. */
function rss(pid: number): number | null {
  try {
    const found = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return found ? Number(found[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Runs `task` while sampling the server's RSS; returns its seconds and the peak RSS seen. */
async function sampled(pid: number, task: () => Promise<void>): Promise<{ seconds: number; peak: number | null }> {
  let peak = rss(pid);
  const timer = setInterval(() => {
    const now = rss(pid);
    if (now !== null && (peak === null || now > peak)) peak = now;
  }, 10);
  const t0 = performance.now();
  try {
    await task();
  } finally {
    clearInterval(timer);
  }
  return { seconds: (performance.now() - t0) / 1000, peak };
}

const mib = (bytes: number | null) => (bytes === null ? "n/a" : `${(bytes / MiB).toFixed(0)} MiB`);

export async function benchArtifacts(base: string, serverPid: number, label = ""): Promise<Row[]> {
  const run = `${base}/v1/repos/bench-artifacts/runs/a`;
  const created = await fetch(`${base}/v1/repos/bench-artifacts/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"id":"a"}' });
  if (!created.ok) throw new Error(`creating the run: ${created.status}`);
  // Incompressible, deterministic bytes.
  const body = new Uint8Array(SIZE);
  let x = 0x9e3779b9;
  const words = new Uint32Array(body.buffer);
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  const baseline = rss(serverPid);
  const uploads: { seconds: number; peak: number | null }[] = [];
  const downloads: { seconds: number; peak: number | null }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // The same path each round: every upload after the first also replaces 64 MiB.
    uploads.push(
      await sampled(serverPid, async () => {
        const res = await fetch(`${run}/artifacts/checkpoint.bin`, { method: "PUT", headers: { "content-type": "application/octet-stream" }, body });
        if (!res.ok) throw new Error(`upload: ${res.status} ${await res.text()}`);
      }),
    );
    downloads.push(
      await sampled(serverPid, async () => {
        const res = await fetch(`${run}/artifacts/checkpoint.bin`);
        if (!res.ok || !res.body) throw new Error(`download: ${res.status}`);
        let received = 0;
        const reader = res.body.getReader();
        for (let r = await reader.read(); !r.done; r = await reader.read()) received += r.value.byteLength;
        if (received !== SIZE) throw new Error(`download: ${received} of ${SIZE} bytes`);
      }),
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const peakOf = (rounds: { peak: number | null }[]) =>
    rounds.reduce<number | null>((m, r) => (r.peak !== null && (m === null || r.peak > m) ? r.peak : m), null);
  const rate = (rounds: { seconds: number }[]) => `${(SIZE / MiB / median(rounds.map((r) => r.seconds))).toFixed(0)} MiB/s`;
  return [
    {
      what: `${label}Artifact upload, 64 MiB over HTTP (median of ${ROUNDS}); server RSS before → peak`,
      result: `${rate(uploads)}; RSS ${mib(baseline)} → ${mib(peakOf(uploads))}`,
      target: "(streamed: RSS must not grow by the artifact's size)",
      ok: null,
    },
    {
      what: `${label}Artifact download, the same 64 MiB (median of ${ROUNDS}); server RSS peak`,
      result: `${rate(downloads)}; RSS peak ${mib(peakOf(downloads))}`,
      target: "(no target)",
      ok: null,
    },
  ];
}
