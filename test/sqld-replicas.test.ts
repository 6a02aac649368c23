// Several API hosts on one sqld primary (docs/deploy-lab.md): a host on an embedded replica
// (LIBSQL_SYNC_URL) reads its own writes at once and the others' within the sync interval; a
// host pointed at a plain sqld replica (--primary-grpc-url) would not read its own writes, so
// it is refused at start. Real sqld processes, skipped where ../shared/tools/sqld is absent.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { defaultLimits } from "../src/config.ts";
import { openDatabase, startNodeServer } from "../src/hosts/node.ts";
import { type Sqld, startSqld } from "./support/processes.ts";
import { sqldAvailable } from "./support/sqld.ts";

const config = { limits: { ...defaultLimits }, corsOrigins: [] };
type Running = Awaited<ReturnType<typeof startNodeServer>>;

describe.skipIf(!sqldAvailable())("hosts on a sqld primary and its replicas", () => {
  const dir = mkdtempSync(join(tmpdir(), "runcamp-replicas-"));
  let primary: Sqld | undefined;
  let replica: Sqld | undefined;
  const hosts: Running[] = [];

  beforeAll(async () => {
    primary = await startSqld({ grpc: true });
    (await openDatabase(primary.url)).close(); // migrations, as `npm run db:migrate` would
    replica = await startSqld({ primaryGrpcUrl: primary.grpcUrl });
  }, 60_000);
  afterAll(async () => {
    try {
      for (const host of hosts) await host.close();
    } finally {
      await replica?.close();
      await primary?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const start = async (options: Partial<Parameters<typeof startNodeServer>[0]> & { url: string }) => {
    const host = await startNodeServer({ host: "127.0.0.1", port: 0, config, ...options });
    hosts.push(host);
    return (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${host.port}${path}`, init);
  };
  const json = (method: string, body: unknown): RequestInit => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  test("a Node host pointed at a plain sqld replica is refused at start, saying what to use instead", async () => {
    await expect(startNodeServer({ url: replica!.url, host: "127.0.0.1", port: 0, config })).rejects.toThrow(
      /is a sqld replica.*would not read its own writes.*LIBSQL_SYNC_URL/s,
    );
  });

  test("a host on an embedded replica reads its own writes at once: runs, a campaign, an artifact", async () => {
    const call = await start({ url: `file:${join(dir, "replica-a.db")}`, replica: { syncUrl: primary!.url, syncIntervalSeconds: 1 } });
    for (let i = 0; i < 50; i++) {
      const created = await call("/v1/repos/lab/runs", json("POST", { id: `r${i}`, params: { i } }));
      expect(created.status, await created.clone().text()).toBe(201);
      const read = await call(`/v1/repos/lab/runs/r${i}`);
      expect(read.status, `r${i}`).toBe(200);
      expect(((await read.json()) as { params: unknown }).params).toEqual({ i });
    }
    const campaign = await call("/v1/repos/lab/campaigns", json("POST", { id: "grid", name: "grid" }));
    expect(campaign.status, await campaign.clone().text()).toBe(201);
    expect(await campaign.json()).toMatchObject({ id: "grid", name: "grid", run_count: 0 });
    const bytes = new Uint8Array(600_000).map((_, i) => i % 251);
    const put = await call("/v1/repos/lab/runs/r0/artifacts/model.bin", {
      method: "PUT",
      headers: { "content-type": "application/octet-stream" },
      body: bytes,
    });
    expect(put.status, await put.clone().text()).toBeLessThan(300);
    const got = await call("/v1/repos/lab/runs/r0/artifacts/model.bin");
    expect(got.status).toBe(200);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
    const ingest = await call("/v1/repos/lab/runs/r1/metrics", json("POST", { points: [{ name: "loss", step: 0, value: 0.5 }] }));
    expect(ingest.status).toBe(200);
    expect(((await (await call("/v1/repos/lab/runs/r1/metrics/loss")).json()) as { points: unknown[] }).points).toHaveLength(1);
  }, 60_000);

  test("a host straight on the primary sees the replica host's writes, and the replica host sees its writes within the sync interval", async () => {
    const onReplica = await start({ url: `file:${join(dir, "replica-b.db")}`, replica: { syncUrl: primary!.url, syncIntervalSeconds: 1 } });
    const onPrimary = await start({ url: primary!.url });
    expect((await onReplica("/v1/repos/shared/runs", json("POST", { id: "from-replica" }))).status).toBe(201);
    expect((await onPrimary("/v1/repos/shared/runs/from-replica")).status).toBe(200);
    expect((await onPrimary("/v1/repos/shared/runs", json("POST", { id: "from-primary" }))).status).toBe(201);
    const deadline = Date.now() + 5_000;
    let status = 0;
    while (Date.now() < deadline && (status = (await onReplica("/v1/repos/shared/runs/from-primary")).status) !== 200) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  }, 60_000);
});
