// Group commit (src/api/metrics/ingest-groups.ts): ingests that arrive together are written in
// one transaction, a savepoint each. One refused inside a group — past its run's series limit,
// its run deleted meanwhile, or failing outright — rolls back alone: the others land and each
// caller gets its own answer. Checked on the committer itself (where the grouping is certain)
// and over HTTP on every host with many concurrent requests. Both ways of writing a group are
// checked: statement by statement with savepoints (a local file) and in a few batches for the
// whole group (a libSQL server, where each statement is a round trip).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Client, InStatement, Transaction } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type GroupWriter, ingestGroups } from "../src/api/metrics/ingest-groups.ts";
import { writeIngestGroupPipelined } from "../src/api/metrics/ingest-pipelined.ts";
import { type IngestWrite, type NotRunning, writeIngestGroup } from "../src/api/metrics/ingest-write.ts";
import { defaultLimits } from "../src/config.ts";
import { openDatabase } from "../src/hosts/node.ts";
import { columnsOf } from "../src/series/index.ts";
import { apiHosts, json, useHost } from "./support/hosts.ts";

const point = (step: number, value: number) => ({ step, value, epoch: null, time: 1_764_000_000 + step });

// The pipelined writer meets the failing statement in its write batch, rolls the group back
// and writes it again the savepoint way: two transactions.
describe.each<[string, GroupWriter, number]>([
  ["statement by statement, a savepoint each", writeIngestGroup, 1],
  ["in batches for the whole group", writeIngestGroupPipelined, 2],
])("the group committer, %s", (_label, writeGroup, transactionsWithAFailure) => {
  const dir = mkdtempSync(join(tmpdir(), "runcamp-groups-"));
  let client: Client;
  let transactions = 0;
  // Every statement naming the series "boom" fails, as a disk or constraint error would.
  let counting: Pick<Client, "transaction" | "protocol">;
  beforeAll(async () => {
    client = await openDatabase(`file:${join(dir, "groups.db")}`);
    await client.execute("INSERT INTO repos (name, created_at) VALUES ('g', 0)");
    for (const id of ["a", "b", "c"]) {
      await client.execute({ sql: "INSERT INTO runs (repo_pk, id, created_at, updated_at) VALUES (1, ?, 0, 0)", args: [id] });
    }
    counting = {
      protocol: "file",
      async transaction(mode?: "write" | "read" | "deferred") {
        transactions++;
        const tx = await client.transaction(mode);
        const failing = (stmt: InStatement) => typeof stmt !== "string" && (stmt.args as unknown[] | undefined)?.includes("boom");
        return new Proxy(tx, {
          get(target, prop) {
            if (prop === "execute") return (stmt: InStatement) => (failing(stmt) ? Promise.reject(new Error("disk says no")) : target.execute(stmt));
            if (prop === "batch") return (stmts: InStatement[]) => (stmts.some(failing) ? Promise.reject(new Error("disk says no")) : target.batch(stmts));
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
  const write = (runPk: number, names: string[], steps: number[], maxSeriesPerRun = 100) => ({
    runPk,
    reopen: false,
    maxSeriesPerRun,
    series: names.map((name) => ({ name, context: "{}", columns: columnsOf(steps.map((s) => point(s, s / 2))) })),
  });

  test("ingests queued together share one transaction; refused ones roll back alone, each with its own answer", async () => {
    const [a, b, c] = [await pkOf("a"), await pkOf("b"), await pkOf("c")];
    const deleted = b + 1000; // a run that no longer exists
    const writeIngest = ingestGroups(counting, { writeGroup });
    const before = transactions;
    const answers = await Promise.allSettled([
      writeIngest(write(a, ["loss"], [0, 1])),
      writeIngest(write(deleted, ["loss"], [0])),
      writeIngest(write(c, ["x", "y", "z"], [0], 2)),
      writeIngest(write(b, ["boom"], [0])),
      writeIngest(write(a, ["loss"], [2])),
      writeIngest(write(b, ["acc"], [5])),
    ]);
    expect(transactions - before).toBe(transactionsWithAFailure);
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

  test("runs found by the group itself: a missing repo or run, a finished run refused, reopened or logged to, each its own answer", async () => {
    for (const id of ["done1", "done2", "done3"]) {
      await client.execute({ sql: "INSERT INTO runs (repo_pk, id, status, created_at, updated_at) VALUES (1, ?, 'finished', 0, 0)", args: [id] });
    }
    const toFind = (repo: string, runId: string, notRunning: NotRunning, name = "found"): IngestWrite => ({
      find: { repo, runId, notRunning },
      maxSeriesPerRun: 100,
      series: [{ name, context: "{}", columns: columnsOf([point(0, 1)]) }],
    });
    const writeIngest = ingestGroups(counting, { writeGroup });
    const before = transactions;
    const answers = await Promise.all([
      writeIngest(toFind("g", "a", "refuse")),
      writeIngest(toFind("nope", "a", "refuse")),
      writeIngest(toFind("g", "nobody", "refuse")),
      writeIngest(toFind("g", "done1", "refuse")),
      writeIngest(toFind("g", "done2", "reopen")),
      writeIngest(toFind("g", "done3", "log")),
      writeIngest(write(await pkOf("c"), ["found"], [0])),
    ]);
    expect(transactions - before).toBe(1);
    expect(answers).toEqual([
      { written: true },
      { written: false, noRepo: true },
      { written: false, gone: true },
      { written: false, status: "finished" },
      { written: true },
      { written: true },
      { written: true },
    ]);
    const landed = await client.execute("SELECT r.id, r.status FROM series s JOIN runs r ON r.pk = s.run_pk WHERE s.name = 'found' ORDER BY r.id");
    expect(landed.rows.map((r) => [r.id, r.status])).toEqual([
      ["a", "running"],
      ["c", "running"],
      ["done2", "running"],
      ["done3", "finished"],
    ]);
  });

  test("what arrives while a group is written goes in the next group", async () => {
    const a = await pkOf("a");
    const writeIngest = ingestGroups(counting, { writeGroup });
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

describe.each(apiHosts)("concurrent ingest on $name: a refused request rolls back alone", (factory) => {
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

describe("the two group writers store the same", () => {
  const dir = mkdtempSync(join(tmpdir(), "runcamp-groups-same-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Groups of appends, overwrites of earlier steps (inside and across blocks), new series and
  // a finished run reopened, some runs twice in a group: what each writer leaves must match.
  test("series, blocks and run status after the same groups", async () => {
    const open = async (name: string) => {
      const client = await openDatabase(`file:${join(dir, `${name}.db`)}`);
      await client.execute("INSERT INTO repos (name, created_at) VALUES ('g', 0)");
      for (const id of ["a", "b", "c"])
        await client.execute({ sql: "INSERT INTO runs (repo_pk, id, status, created_at, updated_at) VALUES (1, ?, 'finished', 0, 0)", args: [id] });
      return client;
    };
    const [left, right] = [await open("savepoints"), await open("pipelined")];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const groups: IngestWrite[][] = [];
    const next = new Map<string, number>();
    for (let g = 0; g < 12; g++) {
      groups.push(
        Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
          const runPk = 1 + Math.floor(random() * 3);
          const names = ["loss", "acc", `m${Math.floor(random() * 4)}`].slice(0, 1 + Math.floor(random() * 3));
          return {
            runPk,
            reopen: random() < 0.3,
            maxSeriesPerRun: 100,
            series: names.map((name) => {
              const key = `${runPk}/${name}`;
              const start = next.get(key) ?? 0;
              // Mostly appends; a third rewrite from an earlier step.
              const from = random() < 0.33 ? Math.floor(random() * start) : start;
              const n = 1 + Math.floor(random() * 1500);
              next.set(key, Math.max(start, from + n));
              return {
                name,
                context: "{}",
                columns: columnsOf(Array.from({ length: n }, (_, i) => point(from + i, random() < 0.05 ? Number.NaN : random() - 0.5))),
              };
            }),
          };
        }),
      );
    }
    for (const group of groups) {
      const [l, r] = [await writeIngestGroup(left, group), await writeIngestGroupPipelined(right, group)];
      expect(r).toEqual(l);
    }
    const dump = async (client: Client) => ({
      runs: (await client.execute("SELECT id, status, ended_at FROM runs ORDER BY id")).rows.map((row) => ({ ...row })),
      series: (
        await client.execute(
          "SELECT r.id, s.name, s.context, s.count, s.first_step, s.last_step, s.last_value, s.last_time, s.min, s.max, s.flags, s.version FROM series s JOIN runs r ON r.pk = s.run_pk ORDER BY r.id, s.name",
        )
      ).rows.map((row) => ({ ...row })),
      blocks: (
        await client.execute(
          "SELECT r.id, s.name, b.first_step, b.last_step, b.count, b.min, b.max, b.flags, hex(b.data) AS data, hex(b.summary) AS summary FROM series_blocks b JOIN series s ON s.pk = b.series_pk JOIN runs r ON r.pk = s.run_pk ORDER BY r.id, s.name, b.first_step",
        )
      ).rows.map((row) => ({ ...row })),
    });
    const [l, r] = [await dump(left), await dump(right)];
    expect(l.blocks.length).toBeGreaterThan(20);
    expect(l.runs.some((run) => run.status === "running")).toBe(true);
    expect(r).toEqual(l);
    left.close();
    right.close();
  });
});
