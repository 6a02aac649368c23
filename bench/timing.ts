// Latency helpers shared by the benchmarks.
export type Call = (method: string, path: string, body?: unknown) => Promise<unknown>;

export interface Latency {
  p50: number;
  p95: number;
  n: number;
}

function summarize(ms: number[]): Latency {
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))];
  return { p50: at(50), p95: at(95), n: ms.length };
}

/** p50/p95 of `times` GETs of `path` after five warm-up calls. */
export async function timeGets(call: Call, path: string, times: number): Promise<Latency> {
  for (let i = 0; i < 5; i++) await call("GET", path);
  return timeEach(
    call,
    Array.from({ length: times }, () => path),
  );
}

/** p50/p95 of one GET of each path, in order, without warm-up. */
export async function timeEach(call: Call, paths: string[]): Promise<Latency> {
  const ms: number[] = [];
  for (const path of paths) {
    const t0 = performance.now();
    await call("GET", path);
    ms.push(performance.now() - t0);
  }
  return summarize(ms);
}
