// A run's logs on every host: append (idempotent per seq, all or none, within the run's byte
// limit, whatever the run's status), read back filtered and paged, as JSON or plain text; and
// the run's failure reason beside them.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { defaultLimits } from "../src/config.ts";
import { hostsWithSqld, json, uniqueRepo, useHost } from "./support/hosts.ts";

const ADMIN = "logs-admin-token-for-the-tests";
const LIMIT = 200_000;

interface Line {
  seq: number;
  stream?: string;
  time?: number;
  text: string;
}

describe.each(hostsWithSqld)("run logs on $name", (factory) => {
  const api = useHost(factory, { adminToken: ADMIN, limits: { ...defaultLimits, maxLogBytesPerRun: LIMIT } });
  const call = (path: string, init: RequestInit = {}, token = ADMIN) =>
    api.call(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });

  async function newRun(label: string) {
    const repo = uniqueRepo(label);
    expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
    return { repo, path: `/v1/repos/${repo}/runs/r` };
  }
  async function append(path: string, lines: Line[]) {
    const res = await call(`${path}/logs`, json("POST", { lines }));
    expect(res.status).toBe(200);
    return res.json();
  }
  async function read(path: string, query = "") {
    const res = await call(`${path}/logs${query}`);
    expect(res.status).toBe(200);
    return res.json() as Promise<{ items: Required<Line>[]; next_after: number | null }>;
  }
  const texts = (page: { items: Line[] }) => page.items.map((line) => line.text);

  test("lines read back in seq order with their stream and time; a re-sent seq keeps the stored line", async () => {
    const { path } = await newRun("basic");
    const before = Date.now() / 1000;
    expect(
      await append(path, [
        { seq: 1, stream: "stderr", time: 1764000000.25, text: "warning: lr high" },
        { seq: 0, text: "epoch 1 loss 0.31" },
      ]),
    ).toEqual({ lines: 2, bytes: 33 });
    const page = await read(path);
    expect(page.next_after).toBeNull();
    expect(page.items[0]).toMatchObject({ seq: 0, stream: "stdout", text: "epoch 1 loss 0.31" });
    expect(page.items[0].time).toBeGreaterThanOrEqual(before - 1);
    expect(page.items[1]).toEqual({ seq: 1, stream: "stderr", time: 1764000000.25, text: "warning: lr high" });
    // A retry (same seqs, whatever their text) stores nothing; a new seq beside it lands.
    expect(
      await append(path, [
        { seq: 1, text: "changed" },
        { seq: 2, text: "é" },
        { seq: 2, text: "dup in one request" },
      ]),
    ).toEqual({ lines: 1, bytes: 35 });
    expect(texts(await read(path))).toEqual(["epoch 1 loss 0.31", "warning: lr high", "é"]);
  });

  test("stream, q, tail, after and limit select; next_after pages to the end", async () => {
    const { path } = await newRun("select");
    const lines = Array.from({ length: 30 }, (_, seq) => ({
      seq,
      stream: seq % 3 === 0 ? "stderr" : "stdout",
      text: `line ${seq}${seq % 5 === 0 ? " Loss" : ""}`,
    }));
    expect((await append(path, lines)).lines).toBe(30);
    expect(texts(await read(path, "?stream=stderr&limit=3"))).toEqual(["line 0 Loss", "line 3", "line 6"]);
    expect((await read(path, "?stream=stderr&limit=3")).next_after).toBe(6);
    // q is a case-sensitive substring; % and _ are plain characters.
    expect(texts(await read(path, "?q=Loss"))).toEqual(["line 0 Loss", "line 5 Loss", "line 10 Loss", "line 15 Loss", "line 20 Loss", "line 25 Loss"]);
    expect((await read(path, "?q=loss")).items).toEqual([]);
    expect((await read(path, "?q=%25")).items).toEqual([]);
    expect(texts(await read(path, "?q=_"))).toEqual([]);
    // tail: the last N lines of what stream and q keep.
    expect(texts(await read(path, "?tail=2"))).toEqual(["line 28", "line 29"]);
    expect(texts(await read(path, "?tail=2&q=Loss"))).toEqual(["line 20 Loss", "line 25 Loss"]);
    expect(texts(await read(path, "?tail=3&stream=stderr"))).toEqual(["line 21", "line 24", "line 27"]);
    // after/limit page through everything, once each.
    const seen: number[] = [];
    let after: number | null = -1;
    while (after !== null) {
      const page = await read(path, `?limit=7${after >= 0 ? `&after=${after}` : ""}`);
      seen.push(...page.items.map((line) => line.seq));
      after = page.next_after;
    }
    expect(seen).toEqual(lines.map((line) => line.seq));
    expect((await read(path, "?after=29")).items).toEqual([]);
    for (const bad of ["?limit=0", "?limit=10001", "?tail=0", "?after=-1", "?stream=stdin", "?q="]) {
      expect((await call(`${path}/logs${bad}`)).status, bad).toBe(400);
    }
  });

  test("Accept: text/plain answers the lines verbatim, each followed by a newline", async () => {
    const { path } = await newRun("plain");
    const lines = ["<script>alert(1)</script>", "\u001b[31mred\u001b[0m\ttab\r", "ünïcödé ✓"];
    await append(
      path,
      lines.map((text, seq) => ({ seq, text })),
    );
    const res = await call(`${path}/logs`, { headers: { accept: "text/plain" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toBe(lines.map((text) => `${text}\n`).join(""));
    const tail = await call(`${path}/logs?tail=1`, { headers: { accept: "text/plain" } });
    expect(await tail.text()).toBe("ünïcödé ✓\n");
  });

  test("Accept: text/plain streams the whole selection, past any page: in order, by stream, with tail, after and limit", async () => {
    const { path } = await newRun("plain-whole");
    const total = 23_456;
    const lines = Array.from({ length: total }, (_, seq) => ({ seq, stream: seq % 4 === 0 ? "stderr" : "stdout", text: String(seq) }));
    for (let i = 0; i < total; i += 10_000) await append(path, lines.slice(i, i + 10_000));
    const text = async (query = "") => {
      const res = await call(`${path}/logs${query}`, { headers: { accept: "text/plain" } });
      expect(res.status, query).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      return res.text();
    };
    const asText = (picked: Line[]) => picked.map((line) => `${line.text}\n`).join("");
    expect(await text()).toBe(asText(lines));
    const stderr = lines.filter((line) => line.stream === "stderr");
    expect(await text("?stream=stderr")).toBe(asText(stderr));
    expect(await text("?tail=12000")).toBe(asText(lines.slice(-12_000)));
    expect(await text("?tail=5001&stream=stderr")).toBe(asText(stderr.slice(-5001)));
    expect(await text("?q=234")).toBe(asText(lines.filter((line) => line.text.includes("234"))));
    expect(await text("?after=20000")).toBe(asText(lines.slice(20_001)));
    expect(await text("?tail=100&after=23400")).toBe(asText(lines.slice(23_401)));
    // An explicit limit caps the count, as the first page of that size did.
    expect(await text("?limit=7&after=9")).toBe(asText(lines.slice(10, 17)));
    // The JSON answer still pages: 1,000 lines by default.
    const page = await read(path);
    expect(page.items.length).toBe(1000);
    expect(page.next_after).toBe(999);
  });

  test("Accept: text/plain of an empty log, or a selection that keeps nothing, is an empty 200; an unknown run a 404", async () => {
    const { repo, path } = await newRun("plain-empty");
    for (const query of ["", "?tail=5", "?stream=stderr"]) {
      const res = await call(`${path}/logs${query}`, { headers: { accept: "text/plain" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await res.text()).toBe("");
    }
    await append(path, [{ seq: 0, text: "only stdout" }]);
    const none = await call(`${path}/logs?stream=stderr&tail=3`, { headers: { accept: "text/plain" } });
    expect(await none.text()).toBe("");
    const missing = await call(`/v1/repos/${repo}/runs/nope/logs`, { headers: { accept: "text/plain" } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
  });

  test("10,000 lines land in one request and read back in one page of limit=10000", async () => {
    const { path } = await newRun("max");
    const lines = Array.from({ length: 10_000 }, (_, seq) => ({ seq, text: `l${seq}` }));
    expect((await append(path, lines)).lines).toBe(10_000);
    const page = await read(path, "?limit=10000");
    expect(page.items.length).toBe(10_000);
    expect(page.items[9_999]).toMatchObject({ seq: 9_999, text: "l9999" });
    expect(page.next_after).toBeNull();
    expect((await read(path, "?limit=9999")).next_after).toBe(9_998);
  });

  test("refused: NUL in a text (naming the line), 10,001 lines, none, a bad seq; nothing stored", async () => {
    const { path } = await newRun("refused");
    const res = await call(
      `${path}/logs`,
      json("POST", {
        lines: [
          { seq: 0, text: "ok" },
          { seq: 1, text: "a\u0000b" },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain("lines.1.text");
    const many = Array.from({ length: 10_001 }, (_, seq) => ({ seq, text: "x" }));
    expect((await call(`${path}/logs`, json("POST", { lines: many }))).status).toBe(400);
    for (const body of [
      { lines: [] },
      { lines: [{ seq: -1, text: "x" }] },
      { lines: [{ seq: 1.5, text: "x" }] },
      { lines: [{ seq: 0, stream: "stdin", text: "x" }] },
      { lines: [{ seq: 0 }] },
    ]) {
      expect((await call(`${path}/logs`, json("POST", body))).status, JSON.stringify(body)).toBe(400);
    }
    expect((await read(path)).items).toEqual([]);
  });

  test("past the run's byte limit: 413 saying the limit and what the run holds, nothing of the request stored", async () => {
    const { path } = await newRun("limit");
    const big = "x".repeat(65_536);
    expect(
      await append(
        path,
        [0, 1, 2].map((seq) => ({ seq, text: big })),
      ),
    ).toEqual({ lines: 3, bytes: 3 * 65_536 });
    const res = await call(
      `${path}/logs`,
      json("POST", {
        lines: [
          { seq: 3, text: "small" },
          { seq: 4, text: big },
        ],
      }),
    );
    expect(res.status).toBe(413);
    const problem = await res.json();
    expect(problem.detail).toContain(`at most ${LIMIT} bytes`);
    expect(problem.detail).toContain(`holds ${3 * 65_536} bytes`);
    expect((await read(path, "?after=2")).items).toEqual([]);
    // Re-sent lines add nothing, so a retry of stored lines still answers 200.
    expect(await append(path, [{ seq: 0, text: big }])).toEqual({ lines: 0, bytes: 3 * 65_536 });
  });

  test("accepted whatever the run's status; an unknown run or repo is a 404", async () => {
    const { repo, path } = await newRun("status");
    expect((await call(path, json("PATCH", { status: "failed" }))).status).toBe(200);
    expect((await append(path, [{ seq: 0, text: "Traceback (most recent call last):" }])).lines).toBe(1);
    expect((await call(path)).status).toBe(200);
    expect((await (await call(path)).json()).status).toBe("failed");
    expect((await call(`/v1/repos/${repo}/runs/nope/logs`, json("POST", { lines: [{ seq: 0, text: "x" }] }))).status).toBe(404);
    expect((await call(`/v1/repos/${repo}/runs/nope/logs`)).status).toBe(404);
    expect((await call(`/v1/repos/${uniqueRepo("none")}/runs/r/logs`)).status).toBe(404);
  });

  test("a read token reads logs but cannot append", async () => {
    const { path } = await newRun("scopes");
    await append(path, [{ seq: 0, text: "hello" }]);
    const issued = await (await call("/v1/tokens", json("POST", { scope: "read" }))).json();
    expect((await call(`${path}/logs`, {}, issued.token)).status).toBe(200);
    expect((await call(`${path}/logs`, json("POST", { lines: [{ seq: 1, text: "x" }] }), issued.token)).status).toBe(403);
    expect(texts(await read(path))).toEqual(["hello"]);
  });

  test("deleting a run, or its repo, deletes its logs", async () => {
    const { repo, path } = await newRun("delete");
    await append(path, [{ seq: 0, text: "doomed" }]);
    const rows = async () =>
      (await api.host.query("SELECT count(*) AS n FROM run_logs l JOIN runs r ON r.pk = l.run_pk JOIN repos p ON p.pk = r.repo_pk WHERE p.name = ?", [repo]))[0]
        .n;
    const all = async () => Number((await api.host.query("SELECT count(*) AS n FROM run_logs"))[0].n);
    expect(Number(await rows())).toBe(1);
    const before = await all();
    expect((await call(path, { method: "DELETE" })).status).toBe(204);
    expect(await all()).toBe(before - 1);

    const other = await newRun("delete-repo");
    await append(other.path, [
      { seq: 0, text: "a" },
      { seq: 1, text: "b" },
    ]);
    const withRepo = await all();
    expect((await call(`/v1/repos/${other.repo}`, { method: "DELETE" })).status).toBe(204);
    expect(await all()).toBe(withRepo - 2);
  });
});

describe.each(hostsWithSqld)("a run's failure on $name", (factory) => {
  const api = useHost(factory);
  let repo = "";
  beforeAll(async () => {
    repo = uniqueRepo("failure");
    expect((await api.call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
  });

  test("null until set; PATCH sets and clears it; GET, lists and search show it", async () => {
    const path = `/v1/repos/${repo}/runs/r`;
    expect((await (await api.call(path)).json()).failure).toBeNull();
    const failure = { type: "ValueError", message: "lr must be positive\n  at line 3" };
    const patched = await api.call(path, json("PATCH", { status: "failed", failure }));
    expect(patched.status).toBe(200);
    expect((await patched.json()).failure).toEqual(failure);
    expect((await (await api.call(path)).json()).failure).toEqual(failure);
    const list = await (await api.call(`/v1/repos/${repo}/runs`)).json();
    expect(list.items[0].failure).toEqual(failure);
    const found = await (await api.call(`/v1/repos/${repo}/runs?filter=${encodeURIComponent('status = "failed"')}`)).json();
    expect(found.items.map((run: { failure: unknown }) => run.failure)).toEqual([failure]);
    const cleared = await api.call(path, json("PATCH", { failure: null }));
    expect((await cleared.json()).failure).toBeNull();
  });

  test("refused: a type past 255 characters or empty, a message past 4,096, unknown fields, NUL", async () => {
    const path = `/v1/repos/${repo}/runs/r`;
    for (const failure of [
      { type: "E".repeat(256), message: "" },
      { type: "", message: "m" },
      { type: "E", message: "m".repeat(4097) },
      { type: "E", message: "m", extra: 1 },
      { type: "E", message: "a\u0000b" },
      { type: "E" },
      "ValueError",
    ]) {
      const res = await api.call(path, json("PATCH", { failure }));
      expect(res.status, JSON.stringify(failure).slice(0, 80)).toBe(400);
    }
  });
});

test("openapi.yaml describes the read both ways: a JSON page, or the whole selection as text/plain, limit with no default", () => {
  const spec = parse(readFileSync(new URL("../openapi.yaml", import.meta.url), "utf8"));
  const read = spec.paths["/v1/repos/{repo}/runs/{run}/logs"].get;
  expect(Object.keys(read.responses["200"].content)).toEqual(["application/json", "text/plain"]);
  expect(read.responses["200"].content["text/plain"].schema.description).toContain("the whole selection");
  expect(read.description).toContain("With Accept: text/plain, every line that stream, q, tail and after select");
  const limit = read.parameters.find((p: { name: string }) => p.name === "limit");
  expect(limit.schema.default).toBeUndefined();
  expect(limit.description).toContain("default: every line selected");
});
