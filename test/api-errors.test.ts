// Bad input across the API: every rejection is an RFC 9457 problem+json with the right
// status, names the offending field where there is one, echoes nothing back, and leaves the
// stored data exactly as it was (each test re-reads the fixture and compares).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { defaultLimits } from "../src/config.ts";
import { apiHosts, type Host, json, useHost } from "./support/hosts.ts";

const SECRET = "Zq7-SECRET-canary-4c1d";
const REPO = "errors-fixture";
const RUN = `/v1/repos/${REPO}/runs/r1`;
const enc = (s: string) => new TextEncoder().encode(s);

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

describe.each(apiHosts)("bad input on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;
  beforeAll(async () => {
    const setup: [string, RequestInit][] = [
      [`/v1/repos/${REPO}`, json("PUT", { description: "fixture" })],
      [`/v1/repos/${REPO}/campaigns`, json("POST", { id: "c1", name: "grid", params: { seeds: [1, 2] } })],
      [`/v1/repos/${REPO}/campaigns`, json("POST", { id: "c2", name: "other" })],
      [`/v1/repos/${REPO}/runs`, json("POST", { id: "r1", name: "first", campaign: "c1", params: { lr: 0.1, opt: { name: "adam" } }, tags: ["a"] })],
      [`/v1/repos/${REPO}/runs`, json("POST", { id: "r2" })],
      [
        `${RUN}/values`,
        json("PUT", [
          { name: "acc", context: { subset: "test" }, value: 0.9 },
          { name: "note", value: "ok" },
        ]),
      ],
    ];
    for (const [path, init] of setup) expect((await api.host.request(path, init)).status).toBeLessThan(300);
  });

  async function read(path: string) {
    const res = await call(path);
    expect(res.status, path).toBe(200);
    return res.json();
  }

  /** Everything a client can read: the repo list, the fixture repo, its runs (in full) and campaigns (with runs). */
  async function snapshot() {
    const repos = await read("/v1/repos?limit=1000");
    const runs = await read(`/v1/repos/${REPO}/runs?limit=1000`);
    const campaigns = await read(`/v1/repos/${REPO}/campaigns?limit=1000`);
    return {
      repos,
      repo: await read(`/v1/repos/${REPO}`),
      runs: await Promise.all(runs.items.map((r: { id: string }) => read(`/v1/repos/${REPO}/runs/${r.id}`))),
      campaigns: await Promise.all(campaigns.items.map((k: { id: string }) => read(`/v1/repos/${REPO}/campaigns/${k.id}`))),
    };
  }

  /** Asserts a problem+json answer with `status`; `path`, when given, must be among the field errors. */
  async function expectProblem(res: Response, status: number, path?: string): Promise<Problem> {
    const text = await res.text();
    expect(res.status, text).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(text) as Problem;
    expect(problem).toMatchObject({ type: expect.stringMatching(/^https?:\/\//), title: expect.any(String), status, detail: expect.any(String) });
    expect(problem.title.length).toBeGreaterThan(0);
    expect(problem.detail.length).toBeGreaterThan(0);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/\n\s+at /); // no stack trace
    if (path !== undefined) {
      expect(problem.errors, text).toBeDefined();
      expect(problem.errors!.map((e) => e.path)).toContain(path);
      for (const e of problem.errors!) expect(e.message.length).toBeGreaterThan(0);
    }
    return problem;
  }

  /** Sends `requests`, each expected to fail with `status` (and field `path`). */
  async function rejects(status: number, requests: [string, RequestInit?][], path?: string) {
    for (const [url, init] of requests) {
      await expectProblem(await call(url, init), status, path);
    }
  }

  // Every test in this file leaves the stored data exactly as it found it.
  let before: Awaited<ReturnType<typeof snapshot>>;
  beforeEach(async () => {
    before = await snapshot();
  });
  afterEach(async () => {
    expect(await snapshot()).toEqual(before);
  });

  const raw = (method: string, body: BodyInit, contentType?: string): RequestInit => ({
    method,
    body,
    headers: contentType ? { "content-type": contentType } : {},
  });

  // The endpoints that take a JSON body, with a body each would accept.
  const jsonEndpoints: [string, string, unknown][] = [
    ["PUT", `/v1/repos/${REPO}`, { description: "changed" }],
    ["POST", `/v1/repos/${REPO}/runs`, { id: "new-run" }],
    ["PATCH", RUN, { name: "changed" }],
    ["PUT", `${RUN}/values`, [{ name: "acc", context: { subset: "test" }, value: 0.1 }]],
    ["POST", `/v1/repos/${REPO}/campaigns`, { id: "new-campaign", name: "new" }],
    ["PATCH", `/v1/repos/${REPO}/campaigns/c1`, { name: "changed" }],
  ];

  describe("body format", () => {
    test("malformed JSON is a 400 on every JSON endpoint", async () => {
      for (const body of ['{"name": "x",', "{'a': 1}", "[1, 2", `{"id": "${SECRET}`, "nul", "{} trailing"]) {
        await rejects(
          400,
          jsonEndpoints.map(([method, path]) => [path, raw(method, body, "application/json")]),
        );
      }
    });

    test("a JSON content type with an empty body is a 400 where a body is required", async () => {
      await rejects(
        400,
        jsonEndpoints
          .filter(([, path]) => path !== `/v1/repos/${REPO}`)
          .map(([method, path]) => [path, { method, headers: { "content-type": "application/json" } }]),
      );
    });

    test("a body that is not JSON-typed is a 415, even when the bytes are valid JSON", async () => {
      for (const [method, path, body] of jsonEndpoints) {
        const text = JSON.stringify(body);
        await rejects(415, [
          [path, raw(method, text, "text/plain")],
          [path, raw(method, text, "application/x-www-form-urlencoded")],
          [path, raw(method, text, "application/jsonx")],
          [path, raw(method, enc(text))], // bytes with no content type at all
        ]);
      }
    });

    test("the JSON body of each endpoint must have the right top-level shape", async () => {
      await rejects(400, [
        [`/v1/repos/${REPO}/runs`, json("POST", [])],
        [`/v1/repos/${REPO}/campaigns`, json("POST", [])],
        [RUN, json("PATCH", [])],
        [`/v1/repos/${REPO}/campaigns/c1`, json("PATCH", [])],
        [`/v1/repos/${REPO}`, json("PUT", [])],
        [`/v1/repos/${REPO}/runs`, json("POST", "a string")],
        [RUN, json("PATCH", null)],
        [`${RUN}/values`, json("PUT", { name: "acc", value: 1 })],
        [`/v1/repos/${REPO}/campaigns`, json("POST", 42)],
        [`/v1/repos/${REPO}`, json("PUT", ["description"])],
      ]);
    });
  });

  describe("unknown fields", () => {
    test("unknown fields in create and patch bodies are a 400 naming the field", async () => {
      await rejects(400, [[`/v1/repos/${REPO}/runs`, json("POST", { id: "x1", colour: SECRET })]], "colour");
      await rejects(400, [[RUN, json("PATCH", { name: "ok", colour: SECRET })]], "colour");
      await rejects(400, [[RUN, json("PATCH", { id: "renamed" })]], "id");
      await rejects(400, [[RUN, json("PATCH", { created_at: "2020-01-01T00:00:00.000Z" })]], "created_at");
      await rejects(400, [[RUN, json("PATCH", { tags: { add: ["b"], replace: ["c"] } })]], "tags.replace");
      await rejects(400, [[`/v1/repos/${REPO}/campaigns`, json("POST", { name: "n", colour: SECRET })]], "colour");
      await rejects(400, [[`/v1/repos/${REPO}/campaigns/c1`, json("PATCH", { colour: SECRET })]], "colour");
      await rejects(400, [[`/v1/repos/${REPO}`, json("PUT", { description: "d", colour: SECRET })]], "colour");
      await rejects(400, [[`${RUN}/values`, json("PUT", [{ name: "acc", value: 1, colour: SECRET }])]], "0.colour");
    });
  });

  describe("path parameters", () => {
    const badRepos = ["ABC", "a".repeat(300), "a".repeat(65), "-x", "_x", ".x", "a%20b", "caf%C3%A9", "x%2Fy"];

    test.each(badRepos)("repo name %s is a 400 on every repo endpoint", async (name) => {
      await rejects(
        400,
        [
          [`/v1/repos/${name}`],
          [`/v1/repos/${name}`, { method: "PUT" }],
          [`/v1/repos/${name}`, json("PUT", { description: "d" })],
          [`/v1/repos/${name}`, { method: "DELETE" }],
          [`/v1/repos/${name}/runs`],
          [`/v1/repos/${name}/runs`, json("POST", {})],
          [`/v1/repos/${name}/runs/r1`],
          [`/v1/repos/${name}/runs/r1`, json("PATCH", { name: "x" })],
          [`/v1/repos/${name}/runs/r1/values`, json("PUT", [{ name: "a", value: 1 }])],
          [`/v1/repos/${name}/campaigns`, json("POST", { name: "n" })],
          [`/v1/repos/${name}/campaigns`],
        ],
        "repo",
      );
    });

    test("dot segments and empty segments are answered 4xx problem+json and create nothing", async () => {
      for (const path of ["/v1/repos/%2E%2E", "/v1/repos/%2e%2e/runs", "/v1/repos/..", "/v1/repos/", "/v1/repos//runs", "/v1/repos/%2E"]) {
        for (const init of [undefined, { method: "PUT" }, json("POST", {})]) {
          const res = await call(path, init);
          expect(res.status, path).toBeGreaterThanOrEqual(400);
          expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
          expect((await res.json()).status).toBe(res.status);
        }
      }
    });

    // Refused before routing, as ambiguous paths (src/http/request-path.ts): no repo or run is read from them.
    test.each(["..%2Fx", "x%2F", "a%00", "%2561", "%E0%A4%A"])("a path segment %s is a 400 naming the path on every endpoint", async (segment) => {
      await rejects(
        400,
        [
          [`/v1/repos/${segment}`],
          [`/v1/repos/${segment}`, { method: "PUT" }],
          [`/v1/repos/${segment}`, { method: "DELETE" }],
          [`/v1/repos/${segment}/runs`, json("POST", {})],
          [`/v1/repos/${REPO}/runs/${segment}`],
          [`/v1/repos/${REPO}/runs/${segment}`, json("PATCH", { name: "x" })],
          [`/v1/repos/${REPO}/runs/${segment}`, { method: "DELETE" }],
          [`/v1/repos/${REPO}/runs/${segment}/values`, json("PUT", [{ name: "a", value: 1 }])],
        ],
        "path",
      );
    });

    test.each(["a%20b", "a.b", "x".repeat(65), "caf%C3%A9", "a%2Fb"])("run id %s is a 400 on every run endpoint", async (id) => {
      await rejects(
        400,
        [
          [`/v1/repos/${REPO}/runs/${id}`],
          [`/v1/repos/${REPO}/runs/${id}`, json("PATCH", { name: "x" })],
          [`/v1/repos/${REPO}/runs/${id}`, { method: "DELETE" }],
          [`/v1/repos/${REPO}/runs/${id}/values`, json("PUT", [{ name: "a", value: 1 }])],
        ],
        "run",
      );
    });

    test.each(["a b", "a.b", "x".repeat(65), "", "café", "a/b"])("a run or campaign id %j in a create body is a 400", async (id) => {
      await rejects(400, [[`/v1/repos/${REPO}/runs`, json("POST", { id })]], "id");
      await rejects(400, [[`/v1/repos/${REPO}/campaigns`, json("POST", { id, name: "n" })]], "id");
    });

    test("ids of the wrong JSON type are a 400", async () => {
      for (const id of [5, null, true, ["r1"], { id: "r1" }]) {
        await rejects(400, [[`/v1/repos/${REPO}/runs`, json("POST", { id })]], "id");
      }
    });

    test("campaign ids with illegal characters in the path are a 400", async () => {
      await rejects(
        400,
        [
          [`/v1/repos/${REPO}/campaigns/a.b`],
          [`/v1/repos/${REPO}/campaigns/a%20b`, json("PATCH", { name: "x" })],
          [`/v1/repos/${REPO}/campaigns/${"c".repeat(65)}`, { method: "DELETE" }],
        ],
        "campaign",
      );
    });
  });

  describe("fields", () => {
    test.each([
      ["an array", [1, 2]],
      ["a string", "lr=0.1"],
      ["a number", 3],
      ["a boolean", true],
      ["null", null],
    ])("params that are %s are a 400 on run and campaign create and patch", async (_label, params) => {
      await rejects(400, [[`/v1/repos/${REPO}/runs`, json("POST", { id: "p1", params })]], "params");
      await rejects(400, [[RUN, json("PATCH", { params })]], "params");
      await rejects(400, [[`/v1/repos/${REPO}/campaigns`, json("POST", { name: "p", params })]], "params");
      await rejects(400, [[`/v1/repos/${REPO}/campaigns/c1`, json("PATCH", { params })]], "params");
    });

    test("provenance must be an object", async () => {
      for (const provenance of [["git"], "abc", 1]) {
        await rejects(400, [[`/v1/repos/${REPO}/runs`, json("POST", { id: "p1", provenance })]], "provenance");
      }
    });

    test("run fields of the wrong type or shape are a 400 naming the field", async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ name: 5 }, "name"],
        [{ name: "n".repeat(256) }, "name"],
        [{ experiment: ["e"] }, "experiment"],
        [{ description: "d".repeat(65537) }, "description"],
        [{ tags: "a" }, "tags"],
        [{ tags: ["has space"] }, "tags.0"],
        [{ tags: [""] }, "tags.0"],
        [{ tags: [1] }, "tags.0"],
        [{ campaign: "" }, "campaign"],
        [{ campaign: 7 }, "campaign"],
      ];
      for (const [body, path] of cases) {
        await rejects(400, [[`/v1/repos/${REPO}/runs`, json("POST", { id: "f1", ...body })]], path);
      }
      const patches: [Record<string, unknown>, string][] = [
        [{ status: "done" }, "status"],
        [{ status: null }, "status"],
        [{ archived: "yes" }, "archived"],
        [{ archived: 1 }, "archived"],
        [{ tags: ["a"] }, "tags"],
        [{ tags: [] }, "tags"],
        [{ tags: { add: "a" } }, "tags.add"],
        [{ tags: { remove: ["bad tag"] } }, "tags.remove.0"],
        [{ name: null }, "name"],
      ];
      for (const [body, path] of patches) await rejects(400, [[RUN, json("PATCH", body)]], path);
    });

    test("campaign names must be 1-255 characters of text", async () => {
      for (const name of ["", "n".repeat(256), 5, null]) {
        await rejects(400, [[`/v1/repos/${REPO}/campaigns`, json("POST", { name })]], "name");
        await rejects(400, [[`/v1/repos/${REPO}/campaigns/c1`, json("PATCH", { name })]], "name");
      }
      await rejects(400, [[`/v1/repos/${REPO}/campaigns`, json("POST", { description: "no name" })]], "name");
    });

    test("params over 256 KiB are a 413 on create and on a patch that grows them past the limit", async () => {
      const big = { blob: SECRET + "x".repeat(defaultLimits.maxParamsBytes) };
      await rejects(413, [
        [`/v1/repos/${REPO}/runs`, json("POST", { id: "big", params: big })],
        [RUN, json("PATCH", { params: big })],
        [`/v1/repos/${REPO}/campaigns`, json("POST", { name: "big", params: big })],
        [`/v1/repos/${REPO}/campaigns/c1`, json("PATCH", { params: big })],
      ]);
      // Two halves that are each fine but exceed the limit once merged.
      const half = "y".repeat(defaultLimits.maxParamsBytes / 2 + 16);
      const grown = await call(`/v1/repos/${REPO}/runs`, json("POST", { id: "grows", params: { a: half } }));
      expect(grown.status).toBe(201);
      const stored = await read(`/v1/repos/${REPO}/runs/grows`);
      await expectProblem(await call(`/v1/repos/${REPO}/runs/grows`, json("PATCH", { params: { b: half }, name: "not applied" })), 413);
      expect(await read(`/v1/repos/${REPO}/runs/grows`)).toEqual(stored);
      expect((await call(`/v1/repos/${REPO}/runs/grows`, { method: "DELETE" })).status).toBe(204);
    });
  });

  describe("values", () => {
    test.each([
      ["a nested object", { k: { deep: 1 } }, "0.context.k"],
      ["an array", ["subset", "val"], "0.context"],
      ["an array value", { k: [1] }, "0.context.k"],
      ["a null value", { k: null }, "0.context.k"],
      ["a string", "subset=val", "0.context"],
      ["17 keys", Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, i])), "0.context"],
    ])("a context that is %s is a 400", async (_label, context, path) => {
      await rejects(400, [[`${RUN}/values`, json("PUT", [{ name: "acc", context, value: 1 }])]], path);
    });

    test.each([
      ["a missing value", { name: "acc" }, "0.value"],
      ["a name that is not a string", { name: 7, value: 1 }, "0.name"],
      ["an empty name", { name: "", value: 1 }, "0.name"],
      ["a missing name", { value: 1 }, "0.name"],
      ["a 256-character name", { name: "n".repeat(256), value: 1 }, "0.name"],
    ])("%s is a 400", async (_label, item, path) => {
      await rejects(400, [[`${RUN}/values`, json("PUT", [item])]], path);
    });

    test("an item that is not an object is a 400", async () => {
      for (const item of ["acc", 1, null, [["acc", 1]]]) {
        await rejects(400, [[`${RUN}/values`, json("PUT", [item])]], "0");
      }
    });

    test("a value over 64 KiB is a 400", async () => {
      await rejects(400, [[`${RUN}/values`, json("PUT", [{ name: "report", value: { text: "v".repeat(70_000) } }])]], "0.value");
    });

    test("one bad item rejects the whole request: the good items before it are not written", async () => {
      await rejects(
        400,
        [
          [
            `${RUN}/values`,
            json("PUT", [
              { name: "acc", context: { subset: "test" }, value: 0.1 },
              { name: "fresh", value: 1 },
              { name: "bad", value: { text: "v".repeat(70_000) } },
            ]),
          ],
          [
            `${RUN}/values`,
            json("PUT", [
              { name: "fresh", value: 1 },
              { name: "bad", context: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, i])), value: 1 },
            ]),
          ],
        ],
        undefined,
      );
    });
  });

  describe("paging", () => {
    const lists = ["/v1/repos", `/v1/repos/${REPO}/runs`, `/v1/repos/${REPO}/campaigns`];

    test.each(["0", "1001", "abc", "-1", "1.5", "", "1e2", SECRET])("limit=%j is a 400 on every list", async (limit) => {
      await rejects(
        400,
        lists.map((l) => [`${l}?limit=${encodeURIComponent(limit)}`]),
        "limit",
      );
    });

    test("limit=1000 is accepted", async () => {
      for (const l of lists) expect((await call(`${l}?limit=1000`)).status).toBe(200);
    });

    test("garbage and foreign cursors are a 400 on every list", async () => {
      const b64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, "");
      const nameCursor = (await read(`/v1/repos/${REPO}/campaigns?limit=1`)).next_cursor;
      const runCursor = (await read(`/v1/repos/${REPO}/runs?limit=1`)).next_cursor;
      expect(typeof nameCursor).toBe("string");
      expect(typeof runCursor).toBe("string");
      const garbage = ["garbage!!", "%%%", SECRET, b64({ a: 1 }), b64([]), b64(["a", "b"]), b64([1.5, "x"]), b64([null]), b64([[1]]), "x".repeat(3000)];
      for (const cursor of garbage) {
        await rejects(
          400,
          lists.map((l) => [`${l}?cursor=${encodeURIComponent(cursor)}`]),
        );
      }
      // A run cursor means nothing to the repo or campaign list, and a name cursor nothing to the run list.
      await rejects(400, [
        [`/v1/repos?cursor=${encodeURIComponent(runCursor)}`],
        [`/v1/repos/${REPO}/campaigns?cursor=${encodeURIComponent(runCursor)}`],
        [`/v1/repos/${REPO}/runs?cursor=${encodeURIComponent(nameCursor)}`],
      ]);
    });

    test("forged cursors are a 400 on cursor: a run cursor with a bad row key, a name cursor of the wrong type or spelling", async () => {
      const b64url = (text: string) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      const unb64url = (cursor: string) => atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
      // A run cursor is [sort key, row key, sort fingerprint]: forge the row key and the sort key.
      const runCursor = (await read(`/v1/repos/${REPO}/runs?limit=1`)).next_cursor as string;
      const [key, pk, fingerprint] = JSON.parse(unb64url(runCursor));
      expect(JSON.parse(unb64url(b64url(JSON.stringify([key, pk, fingerprint]))))).toEqual([key, pk, fingerprint]);
      const runForgeries = [
        [key, -5, fingerprint],
        [key, 0, fingerprint],
        [key, 1.5, fingerprint],
        [key, String(pk), fingerprint],
        [key, pk, fingerprint, 1],
        [{}, pk, fingerprint],
        [key, pk],
      ].map((forged) => b64url(JSON.stringify(forged)));
      // The genuine key spelled another way: not a cursor this server writes.
      runForgeries.push(b64url(JSON.stringify([key, pk, fingerprint], null, 1)));
      await rejects(
        400,
        runForgeries.map((cursor) => [`/v1/repos/${REPO}/runs?cursor=${cursor}`]),
        "cursor",
      );
      const nameForgeries = ["[5]", "[-5]", '["a",1]', "[null]", '[ "a"]', '["\\u0061"]'].map(b64url);
      for (const list of ["/v1/repos", `/v1/repos/${REPO}/campaigns`]) {
        await rejects(
          400,
          nameForgeries.map((cursor) => [`${list}?cursor=${cursor}`]),
          "cursor",
        );
      }
    });

    test("an unknown sort is a 400", async () => {
      for (const sort of ["nope", "params", "created_at sideways", "created_at;drop table runs"]) {
        await rejects(400, [[`/v1/repos/${REPO}/runs?sort=${encodeURIComponent(sort)}`]], "sort");
      }
    });
  });

  describe("not found and conflicts", () => {
    test("a missing run is a 404 for GET, PATCH, DELETE and PUT values", async () => {
      await rejects(404, [
        [`/v1/repos/${REPO}/runs/nope`],
        [`/v1/repos/${REPO}/runs/nope`, json("PATCH", { name: "x" })],
        [`/v1/repos/${REPO}/runs/nope`, { method: "DELETE" }],
        [`/v1/repos/${REPO}/runs/nope/values`, json("PUT", [{ name: "a", value: 1 }])],
      ]);
    });

    test("a missing repo is a 404 for reads and run-level writes, and is not created by them", async () => {
      const ghost = "errors-ghost";
      await rejects(404, [
        [`/v1/repos/${ghost}`],
        [`/v1/repos/${ghost}`, { method: "DELETE" }],
        [`/v1/repos/${ghost}/runs`],
        [`/v1/repos/${ghost}/runs/r1`],
        [`/v1/repos/${ghost}/runs/r1`, json("PATCH", { name: "x" })],
        [`/v1/repos/${ghost}/runs/r1`, { method: "DELETE" }],
        [`/v1/repos/${ghost}/runs/r1/values`, json("PUT", [{ name: "a", value: 1 }])],
        [`/v1/repos/${ghost}/campaigns`],
        [`/v1/repos/${ghost}/campaigns/c1`],
        [`/v1/repos/${ghost}/campaigns/c1`, json("PATCH", { name: "x" })],
      ]);
      // Naming a campaign in a repo that does not exist is a 400 on campaign (what the client
      // must create), and must not create the repo.
      const problem = await expectProblem(await call(`/v1/repos/${ghost}/runs`, json("POST", { id: "r1", campaign: "c1" })), 400, "campaign");
      expect(problem.detail).toContain('"c1"');
      await expectProblem(await call(`/v1/repos/${ghost}`), 404);
    });

    // A 404 would read as "run not found" (or repo): the campaign is a field of the body.
    test("a run naming a campaign that does not exist is a 400 on campaign naming it, and nothing is written", async () => {
      const cases: [string, RequestInit, string][] = [
        [`/v1/repos/${REPO}/runs`, json("POST", { id: "orphan", campaign: "no-such-campaign" }), "no-such-campaign"],
        [`/v1/repos/${REPO}/runs`, json("POST", { campaign: "no such name" }), "no such name"],
        [RUN, json("PATCH", { campaign: "no-such-campaign", name: "not applied" }), "no-such-campaign"],
        [RUN, json("PATCH", { campaign: "grid-typo", status: "finished", params: { lr: 1 } }), "grid-typo"],
      ];
      for (const [path, init, campaign] of cases) {
        const problem = await expectProblem(await call(path, init), 400, "campaign");
        expect(problem.detail).toContain(`"${campaign}"`);
        expect(problem.errors).toEqual([{ path: "campaign", message: expect.any(String) }]);
      }
      await expectProblem(await call(`/v1/repos/${REPO}/runs/orphan`), 404);
    });

    test("a duplicate campaign name is a 409, on create and on rename", async () => {
      await rejects(409, [
        [`/v1/repos/${REPO}/campaigns`, json("POST", { name: "grid" })],
        [`/v1/repos/${REPO}/campaigns`, json("POST", { id: "c3", name: "grid" })],
        [`/v1/repos/${REPO}/campaigns/c2`, json("PATCH", { name: "grid", description: "not applied" })],
      ]);
    });

    test("an unknown route is a 404 problem, a method its path does not serve a 405", async () => {
      await rejects(404, [["/v1/nothing"], ["/v2/repos"]]);
      await rejects(405, [
        [`/v1/repos/${REPO}`, json("POST", {})],
        [`/v1/repos/${REPO}/runs`, { method: "DELETE" }],
      ]);
    });
  });

  describe("no echo", () => {
    test("error bodies never echo the secret sent in an invalid field", async () => {
      const requests: [string, RequestInit][] = [
        [`/v1/repos/${REPO}/runs`, raw("POST", `{"name": "${SECRET}`, "application/json")],
        [`/v1/repos/${REPO}/runs`, json("POST", { id: `${SECRET} !` })],
        [`/v1/repos/${REPO}/runs`, json("POST", { name: SECRET, params: SECRET })],
        [`/v1/repos/${REPO}/runs`, json("POST", { name: SECRET.repeat(20) })],
        [`/v1/repos/${REPO}/runs`, json("POST", { tags: [`${SECRET} tag`] })],
        [`/v1/repos/${REPO}/runs`, json("POST", { provenance: [SECRET] })],
        [`/v1/repos/${REPO}/runs`, json("POST", { description: SECRET.repeat(4000) })],
        [RUN, json("PATCH", { status: SECRET })],
        [RUN, json("PATCH", { archived: SECRET })],
        [RUN, json("PATCH", { tags: { add: [`${SECRET}!`] } })],
        [`${RUN}/values`, json("PUT", [{ name: SECRET.repeat(30), value: 1 }])],
        [`${RUN}/values`, json("PUT", [{ name: "acc", context: { k: { x: SECRET } }, value: 1 }])],
        [`${RUN}/values`, json("PUT", [{ name: "acc", context: { k: [SECRET] }, value: 1 }])],
        [`${RUN}/values`, json("PUT", [{ name: "acc", value: { report: SECRET.repeat(5000) } }])],
        [`${RUN}/values`, json("PUT", { [SECRET]: 1 })],
        [`/v1/repos/${REPO}/campaigns`, json("POST", { name: SECRET, params: [SECRET] })],
        [`/v1/repos/${REPO}`, raw("PUT", SECRET, "text/plain")],
        [`/v1/repos/${REPO}/runs?limit=${SECRET}`, {}],
        [`/v1/repos/${REPO}/runs?sort=${SECRET}`, {}],
        [`/v1/repos/${REPO}/runs?cursor=${SECRET}`, {}],
        [`/v1/repos/${SECRET.toUpperCase()}/runs`, {}],
        [`/v1/repos/${REPO}/runs/${SECRET}.x`, {}],
      ];
      for (const [path, init] of requests) {
        const res = await call(path, init);
        expect(res.status, path).toBeGreaterThanOrEqual(400);
        const text = await res.text();
        expect(text, `${init.method ?? "GET"} ${path}`).not.toContain(SECRET);
        expect(text).not.toContain(SECRET.toUpperCase());
        expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      }
    });
  });

  describe("request body limit", () => {
    const limit = 1024;
    let small: Host;
    beforeAll(async () => {
      small = await factory.start({ limits: { ...defaultLimits, maxBodyBytes: limit } });
    });
    afterAll(() => small.close());

    /** A JSON run body of exactly `size` bytes. */
    const runBody = (size: number) => {
      const shell = JSON.stringify({ description: "" });
      return JSON.stringify({ description: "d".repeat(size - shell.length) });
    };
    const streamOf = (text: string, chunk = 256) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = enc(text);
          for (let i = 0; i < bytes.length; i += chunk) controller.enqueue(bytes.slice(i, i + chunk));
          controller.close();
        },
      });
    const streamed = (method: string, text: string): RequestInit =>
      ({ method, headers: { "content-type": "application/json" }, body: streamOf(text), duplex: "half" }) as RequestInit;

    async function runCount(repo: string) {
      const res = await small.request(`/v1/repos/${repo}`);
      return res.status === 404 ? null : (await res.json()).run_count;
    }

    test("a body over the limit with a content-length is a 413 and writes nothing", async () => {
      expect((await small.request("/v1/repos/limits", { method: "PUT" })).status).toBe(201);
      expect((await small.request("/v1/repos/limits/runs", json("POST", { id: "r" }))).status).toBe(201);
      const stored = await (await small.request("/v1/repos/limits/runs/r")).json();
      const over = runBody(limit + 1);
      for (const [path, init] of [
        ["/v1/repos/limits/runs", { method: "POST", headers: { "content-type": "application/json", "content-length": String(over.length) }, body: over }],
        ["/v1/repos/limits/runs/r", { method: "PATCH", headers: { "content-type": "application/json" }, body: over }],
        ["/v1/repos/limits/runs/r/values", json("PUT", [{ name: "v", value: "x".repeat(limit) }])],
        ["/v1/repos/limits", json("PUT", { description: "x".repeat(limit) })],
        ["/v1/repos/limits/campaigns", json("POST", { name: "x".repeat(255), description: SECRET + "x".repeat(limit) })],
      ] as [string, RequestInit][]) {
        const res = await small.request(path, init);
        expect(res.status, path).toBe(413);
        await expectProblem(res, 413);
      }
      expect(await runCount("limits")).toBe(1);
      expect(await (await small.request("/v1/repos/limits/runs/r")).json()).toEqual(stored);
      expect(await (await small.request("/v1/repos/limits")).json()).toMatchObject({ description: "", campaign_count: 0 });
    });

    test("a body of exactly the limit is accepted", async () => {
      const res = await small.request("/v1/repos/limits-exact/runs", json("POST", JSON.parse(runBody(limit))));
      expect(res.status).toBe(201);
    });

    test("a streamed (chunked) body without content-length is cut off at the limit with a 413", async () => {
      // workerd answers 413 as soon as the limit is crossed and closes the connection, so a
      // client still streaming the rest may see the reset instead of the answer. Either way
      // nothing may be stored.
      let res: Response | undefined;
      try {
        res = await small.request("/v1/repos/limits-stream/runs", streamed("POST", runBody(limit * 4)));
      } catch (err) {
        if (factory.inProcess) throw err;
        expect(String((err as Error).cause ?? err)).toMatch(/ECONNRESET|EPIPE|socket/i);
      }
      if (res) await expectProblem(res, 413);
      expect(await runCount("limits-stream")).toBeNull();
      // A streamed body under the limit goes through.
      const ok = await small.request("/v1/repos/limits-stream/runs", streamed("POST", JSON.stringify({ id: "streamed", name: "s" })));
      expect(ok.status).toBe(201);
      expect(await ok.json()).toMatchObject({ id: "streamed", name: "s" });
      expect(await runCount("limits-stream")).toBe(1);
    });
  });
});
