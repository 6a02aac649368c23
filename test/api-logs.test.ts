// A run's logs on every host: append (idempotent per seq, all or none, within the run's byte
// limit, whatever the run's status), read back filtered and paged, as JSON or plain text; and
// the run's failure reason beside them.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { defaultLimits } from "../src/config.ts";
import { apiHosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

const ADMIN = "logs-admin-token-for-the-tests";
const LIMIT = 200_000;

interface Line {
  seq: number;
  stream?: string;
  time?: number;
  text: string;
}

describe.each(apiHosts)("run logs on $name", (factory) => {
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
      {},
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

  const post = (path: string, body: unknown) => call(`${path}/logs`, json("POST", body));
  const errorsOf = async (res: Response) => ((await res.json()).errors as { path: string; message: string }[]).map((e) => `${e.path}: ${e.message}`);

  test("a chunk stores the same lines as the lines form: its text split on every newline, empty lines and a trailing newline included", async () => {
    const texts = ["epoch 1", "", "\u001b[31mred\u001b[0m\r", "ünï ✓ 😀", "", ""];
    const asLines = await newRun("chunk-same-a");
    const asChunks = await newRun("chunk-same-b");
    const time = 1764000000.125;
    await append(asLines.path, [
      ...texts.map((text, i) => ({ seq: i, stream: "stderr", time, text })),
      { seq: 6, stream: "stdout", time: time + 1, text: "" },
      { seq: 7, stream: "stdout", time: time + 1, text: "last" },
    ]);
    const res = await post(asChunks.path, {
      chunks: [
        { stream: "stderr", first_seq: 0, time, text: texts.join("\n") },
        { first_seq: 6, time: time + 1, text: "" },
        { first_seq: 7, time: time + 1, text: "last" },
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ lines: 8, bytes: new TextEncoder().encode(`${texts.join("")}last`).length });
    expect(await read(asChunks.path)).toEqual(await read(asLines.path));
    // No time: the server's, the same for every line of the chunk.
    const before = Date.now() / 1000;
    await post(asChunks.path, { chunks: [{ first_seq: 8, text: "a\nb" }] });
    const [a, b] = (await read(asChunks.path, "?after=7")).items;
    expect(a.time).toBeGreaterThanOrEqual(before - 1);
    expect(b.time).toBe(a.time);
    expect([a.stream, b.stream]).toEqual(["stdout", "stdout"]);
  });

  test("a chunk re-sent, or sent once as lines and once as a chunk, is stored once; both forms may share a body", async () => {
    const { path } = await newRun("chunk-retry");
    const chunk = { first_seq: 0, time: 1764000000, text: "a\nb\nc" };
    expect(await (await post(path, { chunks: [chunk] })).json()).toEqual({ lines: 3, bytes: 3 });
    expect(await (await post(path, { chunks: [chunk] })).json()).toEqual({ lines: 0, bytes: 3 });
    expect(await append(path, [{ seq: 1, text: "b" }])).toEqual({ lines: 0, bytes: 3 });
    // Lines and chunks together: lines first, then the chunks; of a seq given twice, the first counts.
    const both = await post(path, {
      lines: [
        { seq: 3, text: "d" },
        { seq: 4, text: "e" },
      ],
      chunks: [
        { first_seq: 2, text: "C\nD\nE\nf" },
        { first_seq: 6, stream: "stderr", text: "g" },
      ],
    });
    expect(await both.json()).toEqual({ lines: 4, bytes: 7 });
    expect(texts(await read(path))).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    expect((await read(path, "?stream=stderr")).items.map((line) => line.seq)).toEqual([6]);
  });

  test("a chunk with a bad line is refused whole, naming the chunk and the line (from 1); nothing of the body stored", async () => {
    const { path } = await newRun("chunk-bad");
    const cases: [string, string][] = [
      ["ok\nok\na\u0000b", "chunks.1.text: line 3 must not contain NUL characters"],
      [`ok\n${"x".repeat(65_537)}`, "chunks.1.text: line 2 must be at most 65,536 characters"],
      ["x\n\ud800", "chunks.1.text: line 2 must not contain unpaired surrogates (not Unicode)"],
      ["\udc00", "chunks.1.text: line 1 must not contain unpaired surrogates (not Unicode)"],
    ];
    for (const [text, error] of cases) {
      const res = await post(path, {
        lines: [{ seq: 100, text: "fine" }],
        chunks: [
          { first_seq: 0, text: "fine" },
          { first_seq: 10, text },
        ],
      });
      expect(res.status, error).toBe(400);
      expect(await errorsOf(res)).toEqual([error]);
    }
    // 65,536 characters (UTF-16 units) is a line's most, in a chunk as in a line; a pair is two.
    const longest = `${"x".repeat(65_534)}😀`;
    expect(await (await post(path, { chunks: [{ first_seq: 0, text: `${longest}\n${"y".repeat(65_536)}` }] })).json()).toMatchObject({ lines: 2 });
    expect((await post(path, { chunks: [{ first_seq: 2, text: `${longest}x` }] })).status).toBe(400);
    expect((await read(path)).items.map((line) => line.seq)).toEqual([0, 1]);
  });

  test("a chunk's first_seq: a safe non-negative integer whose last line's seq is one too; hostile ones refused, nothing stored", async () => {
    const { path } = await newRun("chunk-seq");
    const max = Number.MAX_SAFE_INTEGER;
    for (const [chunk, error] of [
      [{ first_seq: -1, text: "x" }, "chunks.0.first_seq: must be at least 0"],
      [{ first_seq: 1.5, text: "x" }, "chunks.0.first_seq: must be an integer"],
      [{ first_seq: 2 ** 53, text: "x" }, "chunks.0.first_seq: must be an integer"],
      [{ first_seq: 1e300, text: "x" }, "chunks.0.first_seq: must be an integer"],
      [{ first_seq: "0", text: "x" }, "chunks.0.first_seq: expected number"],
      [{ text: "x" }, "chunks.0.first_seq: is required"],
      [{ first_seq: max, text: "x\ny" }, "chunks.0.first_seq: with the chunk's lines, passes the largest seq (2^53 - 1)"],
      [{ first_seq: max - 5, text: "\n".repeat(6) }, "chunks.0.first_seq: with the chunk's lines, passes the largest seq (2^53 - 1)"],
      [{ first_seq: 0, stream: "stdin", text: "x" }, 'chunks.0.stream: expected ("stdout" | "stderr")'],
      [{ first_seq: 0, time: "now", text: "x" }, "chunks.0.time: expected number"],
      [{ first_seq: 0, text: ["x"] }, "chunks.0.text: expected string"],
      [{ first_seq: 0, text: "x", seq: 0 }, "chunks.0.seq: is not a known field"],
    ] as const) {
      const res = await post(path, { chunks: [chunk] });
      expect(res.status, error).toBe(400);
      expect(await errorsOf(res), error).toEqual([error]);
    }
    for (const body of [{}, { chunks: [] }, { chunks: {} }, { lines: [], chunks: [{ first_seq: 0, text: "x" }] }]) {
      expect((await post(path, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await read(path)).items).toEqual([]);
    // The largest seq itself is fine, as the last line of a chunk.
    expect(await (await post(path, { chunks: [{ first_seq: max - 2, text: "a\nb\nc" }] })).json()).toMatchObject({ lines: 3 });
    expect((await read(path, "?tail=1")).items[0]).toMatchObject({ seq: max, text: "c" });
  });

  test("at most 10,000 lines a request, counted after splitting the chunks; past the run's byte limit a chunk is a 413", async () => {
    const { path } = await newRun("chunk-limits");
    const numbered = (from: number, n: number) => Array.from({ length: n }, (_, i) => String(from + i)).join("\n");
    expect(await (await post(path, { chunks: [{ first_seq: 0, text: numbered(0, 10_000) }] })).json()).toMatchObject({ lines: 10_000 });
    const tooMany = [
      { chunks: [{ first_seq: 10_000, text: numbered(10_000, 10_001) }] },
      { chunks: [{ first_seq: 10_000, text: "\n".repeat(10_000) }] },
      {
        chunks: [
          { first_seq: 10_000, text: numbered(10_000, 5_000) },
          { first_seq: 15_000, text: numbered(15_000, 5_001) },
        ],
      },
      { lines: [{ seq: 10_000, text: "x" }], chunks: [{ first_seq: 10_001, text: numbered(10_001, 10_000) }] },
    ];
    for (const body of tooMany) {
      const res = await post(path, body);
      expect(res.status).toBe(400);
      expect((await errorsOf(res))[0]).toMatch(/10,000 lines/);
    }
    expect((await read(path, "?tail=1")).items[0].seq).toBe(9_999);

    const { path: full } = await newRun("chunk-bytes");
    const big = "x".repeat(65_536);
    expect(await (await post(full, { chunks: [{ first_seq: 0, text: [big, big, big].join("\n") }] })).json()).toEqual({ lines: 3, bytes: 3 * 65_536 });
    const res = await post(full, { chunks: [{ first_seq: 3, text: `small\n${big}` }] });
    expect(res.status).toBe(413);
    expect((await res.json()).detail).toContain(`holds ${3 * 65_536} bytes and these lines would add ${65_536 + 5}`);
    expect((await read(full, "?after=2")).items).toEqual([]);
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

describe.each(apiHosts)("a run's failure on $name", (factory) => {
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
