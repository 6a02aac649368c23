// A 1 GiB artifact through the Node host (its own process, as `npm start` runs it) into a real
// S3-compatible server and back: byte-exact, and the host's RSS grows by less than 64 MiB over
// what it used after a warm-up, since an upload holds one 8 MiB part and a download streams.
// About a minute of 1 GiB through moto: run by CI (CI=true) and on demand
// (RUNCAMP_TEST_BIG=1), not by every local `npm test`.
import { createHash, randomFillSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type S3Server, type Server, s3ServerAvailable, spawnServer, startS3Server } from "./support/processes.ts";

const root = resolve(import.meta.dirname, "..");
const MiB = 1024 * 1024;
const SIZE = 1024 * MiB;
const RSS_GROWTH_LIMIT = 64 * MiB;
const run = process.env.CI === "true" || process.env.RUNCAMP_TEST_BIG === "1";
const why = run ? "" : " (skipped: runs under CI=true or RUNCAMP_TEST_BIG=1)";

/** Resident memory of process `pid` (VmRSS), in bytes. */
const rss = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;

/** `total` bytes in 1 MiB chunks: one random block, each chunk stamped with its index. */
function* chunks(total: number): Generator<Uint8Array<ArrayBuffer>> {
  const block = new Uint8Array(MiB);
  randomFillSync(block);
  for (let i = 0; i * MiB < total; i++) {
    const chunk = block.slice(0, Math.min(MiB, total - i * MiB));
    new DataView(chunk.buffer).setUint32(0, i);
    yield chunk;
  }
}

describe.runIf(run && (s3ServerAvailable() || process.env.CI === "true"))(`a 1 GiB artifact on S3 through the Node host${why}`, () => {
  let s3: S3Server;
  let server: Server;
  let base: string;
  const dir = mkdtempSync(join(tmpdir(), "runcamp-s3-memory-"));

  beforeAll(async () => {
    s3 = await startS3Server();
    await s3.createBucket("runcamp-memory");
    const settings = s3.settings("runcamp-memory", "big");
    server = spawnServer(join(root, "node_modules/.bin/node"), [join(root, "src/hosts/node.ts")], {
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        LIBSQL_URL: `file:${join(dir, "runcamp.db")}`,
        RUNCAMP_ADMIN_TOKEN: "",
        RUNCAMP_MAX_ARTIFACT_BYTES: String(2 * SIZE),
        RUNCAMP_S3: `s3://${settings.bucket}/${settings.prefix}`,
        RUNCAMP_S3_ENDPOINT: settings.endpoint,
        RUNCAMP_S3_ACCESS_KEY_ID: settings.accessKeyId,
        RUNCAMP_S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    base = await new Promise<string>((ready, fail) => {
      let out = "";
      server.child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (found) ready(found[1]);
      });
      server.child.on("exit", (code) => fail(new Error(`server exited (${code}) before listening`)));
    });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await s3?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("round trip byte-exact; the host's RSS grows by less than 64 MiB", { timeout: 300_000 }, async () => {
    const pid = server.child.pid!;
    const runs = await fetch(`${base}/v1/repos/mem/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"id": "r"}' });
    expect(runs.status).toBe(201);
    const url = `${base}/v1/repos/mem/runs/r/artifacts/big.bin`;
    // Warm-up: one multipart upload and download, so the baseline holds the code paths' memory.
    const warm = new Uint8Array(64 * MiB);
    expect((await fetch(url, { method: "PUT", body: warm })).status).toBe(201);
    await (await fetch(url)).arrayBuffer();
    const baseline = rss(pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rss(pid));
    }, 50);
    try {
      const sent = createHash("sha256");
      const source = chunks(SIZE);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = source.next();
          if (next.done) return controller.close();
          sent.update(next.value);
          controller.enqueue(next.value);
        },
      });
      const put = await fetch(url, { method: "PUT", body, duplex: "half" } as RequestInit);
      expect(put.status).toBe(200);
      const digest = sent.digest("hex");
      expect((await put.json()).sha256).toBe(digest);

      const got = createHash("sha256");
      let size = 0;
      const reader = (await fetch(url)).body!.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        got.update(read.value);
        size += read.value.byteLength;
      }
      expect(size).toBe(SIZE);
      expect(got.digest("hex")).toBe(digest);
    } finally {
      clearInterval(sampler);
    }
    console.log(
      `1 GiB round trip: RSS ${(baseline / MiB).toFixed(0)} MiB before, peak ${(peak / MiB).toFixed(0)} MiB (+${((peak - baseline) / MiB).toFixed(1)} MiB)`,
    );
    expect(peak - baseline).toBeLessThan(RSS_GROWTH_LIMIT);
  });
});
