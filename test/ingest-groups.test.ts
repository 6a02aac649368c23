// Group commit (src/api/metrics/ingest-groups.ts): ingests that arrive together are written in
// one transaction, a savepoint each. One refused inside a group — past its run's series limit,
// its run deleted meanwhile, or failing outright — rolls back alone: the others land and each
// caller gets its own answer. Checked on the committer itself (where the grouping is certain)
// and over HTTP on every host with many concurrent requests.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Client, InStatement, Transaction } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ingestGroups } from "../src/api/metrics/ingest-groups.ts";
import type { IngestWrite } from "../src/api/metrics/ingest-write.ts";
import { defaultLimits } from "../src/config.ts";
import { openDatabase } from "../src/hosts/node.ts";
import { hostsWithSqld, json, useHost } from "./support/hosts.ts";

const point = (step: number, value: number) => ({ step, value, epoch: null, time: 1_764_000_000 + step });

describe("the group committer", () => {
  const dir = mkdtempSync(join(tmpdir(), "runcamp-groups-"));
  let client: Client;
  let transactions = 0;
  // Every statement naming the series "boom" fails, as a disk or constraint error would.
  let counting: Pick<Client, "transaction">;
  beforeAll(async () => {
    client = await openDatabase(`file:${join(dir, "groups.db")}`);
    await client.execute("INSERT INTO repos (name, created_at) VALUES ('g', 0)");
    for (const id of ["a", "b", "c"]) {
      await client.execute({ sql: "INSERT INTO runs (repo_pk, id, created_at, updated_at) VALUES (1, ?, 0, 0)", args: [id] });
    }
    counting = {
      async transaction(mode?: "write" | "read" | "deferred") {
        transactions++;
        const tx = await client.transaction(mode);
        const failing = (stmt: InStatement) => typeof stmt !== "string" && (stmt.args as unknown[] | undefined)?.includes("boom");
        return new Proxy(tx, {
          get(target, prop) {
            if (prop === "execute") return (stmt: InStatement) => (failing(stmt) ? Promise.reject(new Error("disk says no")) : target.execute(stmt));
            const value = Reflect.get(target, prop);
            return typeof value === "function" ? value.bind(target) : value;
          },
        }) as Transaction;
      },
    };
  });
  afterAll(() => {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pkOf = async (id: string) => Number((await client.execute({ sql: "SELECT pk FROM runs WHERE id = ?", args: [id] })).rows[0].pk);
  const write = (runPk: number, names: string[], steps: number[], maxSeriesPerRun = 100): IngestWrite => ({
    runPk,
    reopen: false,
    maxSeriesPerRun,
    series: names.map((name) => ({ name, context: "{}", points: steps.map((s) => point(s, s / 2)) })),
  });

  test("ingests queued together share one transaction; refused ones roll back alone, each with its own answer", async () => {
    const [a, b, c] = [await pkOf("a"), await pkOf("b"), await pkOf("c")];
    const deleted = b + 1000; // a run that no longer exists
    const writeIngest = ingestGroups(counting);
    const before = transactions;
    const answers = await Promise.allSettled([
      writeIngest(write(a, ["loss"], [0, 1])),
      writeIngest(write(deleted, ["loss"], [0])),
      writeIngest(write(c, ["x", "y", "z"], [0], 2)),
      writeIngest(write(b, ["boom"], [0])),
      writeIngest(write(a, ["loss"], [2])),
      writeIngest(write(b, ["acc"], [5])),
    ]);
    expect(transactions - before).toBe(1);
    expect(answers.map((x) => (x.status === "fulfilled" ? x.value : String(x.reason)))).toEqual([
      { written: true },
      { written: false, gone: true },
      { written: false, held: 3 },
      "Error: disk says no",
      { written: true },
      { written: true },
    ]);
    const series = await client.execute("SELECT r.id, s.name, s.count FROM series s JOIN runs r ON r.pk = s.run_pk ORDER BY r.id, s.name");
    expect(series.rows.map((r) => [r.id, r.name, Number(r.count)])).toEqual([
      ["a", "loss", 3],
      ["b", "acc", 1],
    ]);
  });

  test("what arrives while a group is written goes in the next group", async () => {
    const a = await pkOf("a");
    const writeIngest = ingestGroups(counting);
    const before = transactions;
    const first = writeIngest(write(a, ["second"], [0]));
    await new Promise((r) => setTimeout(r, 0));
    const later = [writeIngest(write(a, ["second"], [1])), writeIngest(write(a, ["second"], [2]))];
    await Promise.all([first, ...later]);
    expect(transactions - before).toBeLessThanOrEqual(2);
    const count = await client.execute({ sql: "SELECT count FROM series WHERE run_pk = ? AND name = 'second'", args: [a] });
    expect(Number(count.rows[0].count)).toBe(3);
  });
});

describe.each(hostsWithSqld)("concurrent ingest on $name: a refused request rolls back alone", (factory) => {
  const api = useHost(factory, { limits: { ...defaultLimits, maxSeriesPerRun: 4 } });

  test("48 requests at once, 8 past their run's series limit: 40 land whole, 8 are 413s that leave nothing", async () => {
    const repo = "groups";
    const runs = Array.from({ length: 48 }, (_, i) => `r${i}`);
    for (const id of runs) expect((await api.call(`/v1/repos/${repo}/runs`, json("POST", { id }))).status).toBe(201);
    const bad = new Set(runs.filter((_, i) => i % 6 === 5));
    const answers = await Promise.all(
      runs.map(async (id) => {
        const names = bad.has(id) ? ["a", "b", "c", "d", "e", "f"] : ["loss"];
        const points = names.flatMap((name) => Array.from({ length: 50 }, (_, step) => ({ name, step, value: step / 3 })));
        const res = await api.call(`/v1/repos/${repo}/runs/${id}/metrics`, json("POST", { points }));
        return { id, status: res.status, body: await res.json() };
      }),
    );
    for (const { id, status, body } of answers) {
      if (bad.has(id)) {
        expect(status, id).toBe(413);
        expect(body.detail).toMatch(/at most 4 series/);
      } else {
        expect(status, id).toBe(200);
        expect(body).toEqual({ points: 50, series: 1 });
      }
    }
    for (const id of runs) {
      const listed = await (await api.call(`/v1/repos/${repo}/runs/${id}/metrics`)).json();
      if (bad.has(id)) expect(listed.items, id).toEqual([]);
      else expect(listed.items.map((s: { name: string; count: number }) => [s.name, s.count])).toEqual([["loss", 50]]);
    }
  });
});
