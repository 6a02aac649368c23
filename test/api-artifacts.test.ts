// Artifacts on every host and every store (libSQL parts; an S3-compatible server; R2 under
// Miniflare): byte-exact round trips of a large binary, ranges, ETags, the size limit enforced
// while streaming, path rules, atomic replacement, deletion (no orphan parts or objects) and
// confusion matrices (validation and the classification report).
import { createHash, randomFillSync } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { PART_BYTES } from "../src/api/artifacts/libsql-store.ts";
import { defaultLimits } from "../src/config.ts";
import { apiHosts, json, nodeS3Host, nodeSocketHost, uniqueRepo, useHost, workerR2Host } from "./support/hosts.ts";
import { s3ServerAvailable, s3ServerPath } from "./support/processes.ts";

const MiB = 1024 * 1024;
const LIMIT = 21 * MiB;
const SECRET = "Zq7-SECRET-canary-4c1d";
const CONFUSION = "application/vnd.runcamp.confusion+json";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  for (let at = 0; at < n; at += 65536) randomFillSync(out, at, Math.min(65536, n - at));
  return out;
}

/** A body without a content-length: the bytes arrive as a stream in `piece`-sized chunks. */
function streamOf(bytes: Uint8Array, piece = 256 * 1024): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(at, at + piece));
      at += piece;
    },
  });
}

const put = (body: BodyInit, contentType = "application/octet-stream", headers: Record<string, string> = {}): RequestInit => ({
  method: "PUT",
  body,
  headers: { "content-type": contentType, ...headers },
  // A stream body needs half-duplex in fetch (ignored for other bodies).
  ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
});

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

// Under CI the S3-compatible server must be there (scripts/test-all.ts installs it); elsewhere
// its absence skips that host, saying so.
const withS3 = s3ServerAvailable() || process.env.CI === "true";
const storeHosts = [...apiHosts, ...(withS3 ? [nodeS3Host] : []), workerR2Host];
if (!withS3) test.skip(`artifacts on node → S3: no S3-compatible server at ${s3ServerPath} (.venv/bin/pip install 'moto[server]')`, () => {});

describe.each(storeHosts)("artifacts on $name", (factory) => {
  // Bun.serve sends a streamed body of more than one chunk chunked, dropping the app's
  // Content-Length (docs/deploy.md says so); the bytes, ETag and Content-Range are the same.
  const expectLength = (res: Response, length: number, label = "") => {
    const sent = res.headers.get("content-length");
    if (factory.name === "bun" && sent === null) return;
    expect(sent, label).toBe(String(length));
  };
  const api = useHost(factory, { limits: { ...defaultLimits, maxArtifactBytes: LIMIT } });
  const call = api.call;
  const repo = uniqueRepo("artifacts");
  const base = (run: string) => `/v1/repos/${repo}/runs/${run}/artifacts`;
  const count = async (sql: string, args: (string | number)[] = []) => Number((await api.host.query(sql, args))[0].n);
  /** Parts, objects and open multipart uploads: whatever holds bytes. */
  const storedPieces = async () =>
    (await count("SELECT count(*) AS n FROM artifact_parts")) +
    ((await api.host.objects?.keys())?.length ?? 0) +
    ((await api.host.objects?.openUploads()) ?? 0);
  /** Bytes no visible artifact owns: parts, objects, open uploads. */
  async function orphans(): Promise<number> {
    const parts = await count("SELECT count(*) AS n FROM artifact_parts WHERE artifact_pk NOT IN (SELECT pk FROM artifacts WHERE path IS NOT NULL)");
    if (!api.host.objects) return parts;
    const owned = new Set(
      (await api.host.query("SELECT object_key FROM artifacts WHERE path IS NOT NULL AND object_key IS NOT NULL")).map((r) => r.object_key),
    );
    const stray = (await api.host.objects.keys()).filter((key) => !owned.has(key));
    return parts + stray.length + (await api.host.objects.openUploads());
  }
  /** The artifact at `path` is held by the host's store: as its parts in libSQL, or as one object. */
  async function expectStored(path: string, size: number) {
    const [row] = await api.host.query("SELECT pk, store, object_key FROM artifacts WHERE path = ?", [path]);
    expect(row.store).toBe(api.host.artifactStore);
    const parts = await count("SELECT count(*) AS n FROM artifact_parts WHERE artifact_pk = ?", [Number(row.pk)]);
    if (api.host.objects) {
      expect(parts).toBe(0);
      expect(await api.host.objects.keys()).toContain(row.object_key);
    } else {
      expect(row.object_key).toBeNull();
      expect(parts).toBe(Math.ceil(size / PART_BYTES));
    }
  }

  async function expectProblem(res: Response, status: number, path?: string): Promise<Problem> {
    const text = await res.text();
    expect(res.status, text).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/\n\s+at /);
    const problem = JSON.parse(text) as Problem;
    if (path !== undefined) expect(problem.errors?.map((e) => e.path)).toContain(path);
    return problem;
  }

  beforeAll(async () => {
    for (const id of ["r1", "r2", "gone", "odd"]) expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id }))).status).toBe(201);
  });

  describe("a 20 MiB binary", () => {
    const big = randomBytes(20 * MiB + 12345);
    const url = `${base("r1")}/models/ckpt%20final.bin`;
    let etag: string;

    beforeAll(async () => {
      const res = await call(url, put(big));
      expect(res.status).toBe(201);
      const stored = await res.json();
      expect(stored).toMatchObject({ path: "models/ckpt final.bin", size: big.byteLength, content_type: "application/octet-stream", sha256: sha256(big) });
      etag = `"${sha256(big)}"`;
      expect(res.headers.get("etag")).toBe(etag);
    });

    test("downloads byte-identical, with its content type, length and ETag", async () => {
      const res = await call(url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/octet-stream");
      expectLength(res, big.byteLength);
      expect(res.headers.get("etag")).toBe(etag);
      expect(res.headers.get("accept-ranges")).toBe("bytes");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      const got = new Uint8Array(await res.arrayBuffer());
      expect(got.byteLength).toBe(big.byteLength);
      expect(sha256(got)).toBe(sha256(big));
      await expectStored("models/ckpt final.bin", big.byteLength);
    });

    test("Range: first bytes, a middle range across parts, a suffix, an open end; past the end is a 416", async () => {
      const size = big.byteLength;
      const cases: [string, number, number][] = [
        ["bytes=0-99", 0, 100],
        [`bytes=${PART_BYTES - 10}-${3 * PART_BYTES + 5}`, PART_BYTES - 10, 3 * PART_BYTES + 6],
        ["bytes=-1000", size - 1000, size],
        [`bytes=${size - 7}-`, size - 7, size],
        [`bytes=${size - 3}-${size + 100}`, size - 3, size],
        ["bytes=5-5", 5, 6],
      ];
      for (const [range, start, end] of cases) {
        const res = await call(url, { headers: { range } });
        expect(res.status, range).toBe(206);
        expect(res.headers.get("content-range"), range).toBe(`bytes ${start}-${end - 1}/${size}`);
        expectLength(res, end - start, range);
        const got = new Uint8Array(await res.arrayBuffer());
        expect(sha256(got), range).toBe(sha256(big.subarray(start, end)));
      }
      for (const range of [`bytes=${size}-`, `bytes=${size + 5}-${size + 10}`, "bytes=-0"]) {
        const res = await call(url, { headers: { range } });
        await expectProblem(res, 416);
        expect(res.headers.get("content-range")).toBe(`bytes */${size}`);
      }
    });

    test("If-None-Match with the ETag is a 304; If-Range with another ETag sends everything", async () => {
      for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
        const res = await call(url, { headers: { "if-none-match": inm } });
        expect(res.status, inm).toBe(304);
        expect(res.headers.get("etag")).toBe(etag);
        expect((await res.arrayBuffer()).byteLength).toBe(0);
      }
      const stale = await call(url, { method: "HEAD", headers: { "if-none-match": '"not-it"' } });
      expect(stale.status).toBe(200);
      const full = await call(url, { method: "HEAD", headers: { range: "bytes=0-9", "if-range": '"older"' } });
      expect(full.status).toBe(200);
      const partial = await call(url, { headers: { range: "bytes=0-9", "if-range": etag } });
      expect(partial.status).toBe(206);
      expect(new Uint8Array(await partial.arrayBuffer())).toEqual(big.slice(0, 10));
    });

    test("HEAD answers the headers without a body", async () => {
      const res = await call(url, { method: "HEAD" });
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).toBe(etag);
      expect(res.headers.get("content-type")).toBe("application/octet-stream");
      expect((await res.arrayBuffer()).byteLength).toBe(0);
    });
  });

  test("an upload over the limit is a 413 and stores nothing: declared length or streamed; the previous version stays", async () => {
    const url = `${base("r2")}/big.bin`;
    const small = randomBytes(1000);
    expect((await call(url, put(small))).status).toBe(201);
    const piecesBefore = await storedPieces();
    const over = randomBytes(LIMIT + 1);
    await expectProblem(await call(url, put(over)), 413);
    await expectProblem(await call(`${base("r2")}/other.bin`, put(streamOf(over))), 413);
    expect(await storedPieces()).toBe(piecesBefore);
    expect(await count("SELECT count(*) AS n FROM artifacts WHERE path IS NULL")).toBe(0);
    const list = await (await call(base("r2"))).json();
    expect(list.items.map((a: { path: string }) => a.path)).toEqual(["big.bin"]);
    const got = new Uint8Array(await (await call(url)).arrayBuffer());
    expect(got).toEqual(small);
    // Exactly at the limit is fine.
    const exact = randomBytes(LIMIT);
    const res = await call(`${base("r2")}/exact.bin`, put(streamOf(exact)));
    expect(res.status).toBe(201);
    expect((await res.json()).sha256).toBe(sha256(exact));
    expect((await call(`${base("r2")}/exact.bin`, { method: "DELETE" })).status).toBe(204);
  });

  test("re-uploading a path replaces it: one version, its bytes, 200 instead of 201", async () => {
    const url = `${base("r2")}/reports/replace.csv`;
    const v1 = randomBytes(3 * PART_BYTES + 1);
    const v2 = new TextEncoder().encode("label,precision\ncat,0.9\n");
    expect((await call(url, put(v1, "text/csv"))).status).toBe(201);
    const second = await call(url, put(v2, "text/csv; charset=utf-8"));
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ size: v2.byteLength, sha256: sha256(v2), content_type: "text/csv; charset=utf-8" });
    const res = await call(url);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await res.text()).toBe("label,precision\ncat,0.9\n");
    expect(await count("SELECT count(*) AS n FROM artifacts WHERE path = ?", ["reports/replace.csv"])).toBe(1);
    await expectStored("reports/replace.csv", v2.byteLength);
    expect(await orphans()).toBe(0);
  });

  test("a text artifact is bytes: a Latin-1 CSV (not UTF-8) is stored and read back as sent", async () => {
    const url = `${base("r2")}/reports/latin1.csv`;
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31, 0x0a]); // "café,1\n" in ISO-8859-1
    const res = await call(url, put(latin1, "text/csv; charset=iso-8859-1"));
    expect(res.status).toBe(201);
    expect(new Uint8Array(await (await call(url)).arrayBuffer())).toEqual(latin1);
    expect((await call(url, { method: "DELETE" })).status).toBe(204);
  });

  test("an empty body is an empty artifact; no content type means application/octet-stream", async () => {
    const url = `${base("r2")}/empty`;
    const res = await call(url, { method: "PUT", body: new Uint8Array(0) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ size: 0, content_type: "application/octet-stream", sha256: sha256(new Uint8Array(0)) });
    const got = await call(url);
    expect(got.headers.get("content-length")).toBe("0");
    expect((await got.arrayBuffer()).byteLength).toBe(0);
    await expectProblem(await call(url, { headers: { range: "bytes=0-" } }), 416);
    expect((await call(url, { method: "DELETE" })).status).toBe(204);
  });

  test("the list: ordered by path, paginated, filtered by prefix", async () => {
    const paths = ["b/2.txt", "a/1.txt", "b/1.txt", "b10.txt", "c.txt"];
    for (const p of paths) expect((await call(`${base("odd")}/${p}`, put(p, "text/plain"))).status).toBe(201);
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { path: string; size: number; content_type: string; sha256: string; created_at: string }[]; next_cursor: string | null } = await (
        await call(`${base("odd")}?limit=2${cursor ? `&cursor=${cursor}` : ""}`)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      for (const item of page.items) {
        expect(item.size).toBe(item.path.length);
        expect(item.content_type).toBe("text/plain");
        expect(item.sha256).toBe(sha256(new TextEncoder().encode(item.path)));
        expect(Date.parse(item.created_at)).toBeGreaterThan(0);
      }
      all.push(...page.items.map((i) => i.path));
      cursor = page.next_cursor;
    } while (cursor);
    expect(all).toEqual([...paths].sort());
    const prefixed = await (await call(`${base("odd")}?prefix=b/`)).json();
    expect(prefixed.items.map((i: { path: string }) => i.path)).toEqual(["b/1.txt", "b/2.txt"]);
    const none = await (await call(`${base("odd")}?prefix=zz`)).json();
    expect(none).toEqual({ items: [], next_cursor: null });
    await expectProblem(await call(`${base("odd")}?cursor=${SECRET}`), 400, "cursor");
  });

  test("step and context: stored with the artifact, listed and replaced with it; none is step null and context {}", async () => {
    const ctx = encodeURIComponent(JSON.stringify({ subset: "val", fold: 2 }));
    const first = await call(`${base("r2")}/pred/3.png?step=3&context=${ctx}`, put("png-3", "image/png"));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ path: "pred/3.png", step: 3, context: { fold: 2, subset: "val" } });
    expect((await call(`${base("r2")}/pred/0.png?step=0`, put("png-0", "image/png"))).status).toBe(201);
    expect((await call(`${base("r2")}/pred/plain.png`, put("png", "image/png"))).status).toBe(201);
    const listed = await (await call(`${base("r2")}?prefix=pred/`)).json();
    expect(listed.items.map((i: { path: string; step: number | null; context: object }) => [i.path, i.step, i.context])).toEqual([
      ["pred/0.png", 0, {}],
      ["pred/3.png", 3, { fold: 2, subset: "val" }],
      ["pred/plain.png", null, {}],
    ]);
    // A new version carries its own metadata: none given, none kept.
    expect(await (await call(`${base("r2")}/pred/3.png`, put("again", "image/png"))).json()).toMatchObject({ step: null, context: {} });
    for (const p of ["pred/0.png", "pred/3.png", "pred/plain.png"]) expect((await call(`${base("r2")}/${p}`, { method: "DELETE" })).status).toBe(204);
  });

  test("a bad step or context is a 400 naming it, and stores nothing (the previous version stays)", async () => {
    const url = `${base("r2")}/strip/1.png`;
    expect((await call(`${url}?step=1`, put("kept", "image/png"))).status).toBe(201);
    const bad: [string, string][] = [
      ["step=-1", "step"],
      ["step=1.5", "step"],
      ["step=three", "step"],
      ["step=9007199254740992", "step"],
      [`context=${encodeURIComponent("{not json")}`, "context"],
      [`context=${encodeURIComponent('["val"]')}`, "context"],
      [`context=${encodeURIComponent('{"subset":{"deep":1}}')}`, "context"],
      [`context=${encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, i]))))}`, "context"],
    ];
    for (const [q, path] of bad) await expectProblem(await call(`${url}?${q}`, put("replaced", "image/png")), 400, path);
    const got = await call(url);
    expect(await got.text()).toBe("kept");
    expect((await (await call(`${base("r2")}?prefix=strip/`)).json()).items.map((i: { step: number }) => i.step)).toEqual([1]);
    expect(await orphans()).toBe(0);
    expect((await call(url, { method: "DELETE" })).status).toBe(204);
  });

  test("DELETE removes one artifact and its parts; a second DELETE is a 404", async () => {
    const url = `${base("r2")}/to-delete.bin`;
    expect((await call(url, put(randomBytes(2 * PART_BYTES)))).status).toBe(201);
    expect((await call(url, { method: "DELETE" })).status).toBe(204);
    await expectProblem(await call(url), 404);
    await expectProblem(await call(url, { method: "DELETE" }), 404);
    expect(await orphans()).toBe(0);
  });

  test("deleting a run or a repo deletes its artifacts: no rows, no parts left", async () => {
    const otherRepo = uniqueRepo("artifacts-del");
    expect((await call(`/v1/repos/${otherRepo}/runs`, json("POST", { id: "x" }))).status).toBe(201);
    for (const p of ["a.bin", "b/c.bin"]) {
      expect((await call(`${base("gone")}/${p}`, put(randomBytes(PART_BYTES + 5)))).status).toBe(201);
      expect((await call(`/v1/repos/${otherRepo}/runs/x/artifacts/${p}`, put(randomBytes(10)))).status).toBe(201);
    }
    const runPk = Number((await api.host.query("SELECT r.pk FROM runs r JOIN repos p ON p.pk = r.repo_pk WHERE p.name = ? AND r.id = 'gone'", [repo]))[0].pk);
    const pksBefore = await api.host.query("SELECT pk FROM artifacts WHERE run_pk = ?", [runPk]);
    expect(pksBefore.length).toBe(2);
    expect((await call(`/v1/repos/${repo}/runs/gone`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`/v1/repos/${otherRepo}`, { method: "DELETE" })).status).toBe(204);
    expect(await count("SELECT count(*) AS n FROM artifacts WHERE run_pk = ?", [runPk])).toBe(0);
    const pks = pksBefore.map((r) => Number(r.pk));
    expect(await count(`SELECT count(*) AS n FROM artifact_parts WHERE artifact_pk IN (${pks.join(",")})`)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM artifacts WHERE run_pk NOT IN (SELECT pk FROM runs)")).toBe(0);
    expect(await orphans()).toBe(0);
  });

  test("an upload to a run that does not exist is a 404 and stores nothing", async () => {
    const before = await count("SELECT count(*) AS n FROM artifacts");
    await expectProblem(await call(`${base("nope")}/a.bin`, put(randomBytes(100))), 404);
    await expectProblem(await call(`/v1/repos/${uniqueRepo("none")}/runs/x/artifacts/a.bin`, put(randomBytes(100))), 404);
    expect(await count("SELECT count(*) AS n FROM artifacts")).toBe(before);
  });

  describe("bad paths and bad uploads leave everything as it was", () => {
    async function snapshot() {
      const list = await (await call(`${base("odd")}?limit=1000`)).json();
      return { list, rows: await count("SELECT count(*) AS n FROM artifacts"), pieces: await storedPieces() };
    }
    let before: Awaited<ReturnType<typeof snapshot>>;
    beforeEach(async () => {
      before = await snapshot();
    });
    afterEach(async () => {
      expect(await snapshot()).toEqual(before);
    });

    test("traversal and odd paths are a 400 naming the path, on PUT, GET and DELETE", async () => {
      const bad = [
        "a%2F..%2Fsecret", // "a/../secret" once decoded
        "..%2Fsecret",
        "%2e%2e%2Fsecret",
        "x/%2e%2e%2F..%2Fsecret",
        "a/%2E%2E%2Fb",
        "a%2F.%2Fb",
        "a//b",
        "a/",
        "%2Fabsolute",
        "nul%00byte",
        "tab%09in",
        "nel%C2%85in", // U+0085, a C1 control
        "back%5Cslash",
        `${"x".repeat(1025)}`,
        `${SECRET}%00`,
      ];
      for (const path of bad) {
        for (const init of [put("x"), {}, { method: "DELETE" }]) {
          const res = await call(`${base("odd")}/${path}`, init);
          await expectProblem(res, 400, "path");
        }
      }
    });

    test("a content type that is not a media type is a 400", async () => {
      for (const type of ["nonsense", "text/", "a/b/c", `text/plain; x=${"y".repeat(300)}`]) {
        await expectProblem(await call(`${base("odd")}/typed.bin`, put("x", type)), 400, "content-type");
      }
    });

    test("confusion matrices are checked on upload: 400 with the reason", async () => {
      const cases: [unknown, string][] = [
        [`{"labels": ["a"], "matrix": [[1]]`, "body"],
        [[1, 2], "body"],
        [{ matrix: [[1]] }, "labels"],
        [{ labels: [], matrix: [] }, "labels"],
        [
          {
            labels: ["a", "a"],
            matrix: [
              [1, 0],
              [0, 1],
            ],
          },
          "labels.1",
        ],
        [
          {
            labels: ["a", { x: 1 }],
            matrix: [
              [1, 0],
              [0, 1],
            ],
          },
          "labels.1",
        ],
        [{ labels: ["a", "b"] }, "matrix"],
        [{ labels: ["a", "b"], matrix: [[1, 0]] }, "matrix"],
        [
          {
            labels: ["a", "b"],
            matrix: [
              [1, 0],
              [0, 1],
              [0, 0],
            ],
          },
          "matrix",
        ],
        [{ labels: ["a", "b"], matrix: [[1, 0], [0]] }, "matrix.1"],
        [{ labels: ["a", "b"], matrix: [[1, 0], 7] }, "matrix.1"],
        [
          {
            labels: ["a", "b"],
            matrix: [
              [1, -1],
              [0, 1],
            ],
          },
          "matrix.0.1",
        ],
        [
          {
            labels: ["a", "b"],
            matrix: [
              [1, 0.5],
              [0, 1],
            ],
          },
          "matrix.0.1",
        ],
        [
          {
            labels: ["a", "b"],
            matrix: [
              [1, 0],
              [SECRET, 1],
            ],
          },
          "matrix.1.0",
        ],
        [
          {
            labels: [SECRET, "b"],
            matrix: [
              [1, 0],
              [null, 1],
            ],
          },
          "matrix.1.0",
        ],
      ];
      cases.push([
        JSON.stringify({
          labels: ["a\u0007", "b"],
          matrix: [
            [1, 0],
            [0, 1],
          ],
        }),
        "labels.0",
      ]);
      for (const [body, path] of cases) {
        const text = typeof body === "string" ? body : JSON.stringify(body);
        await expectProblem(await call(`${base("odd")}/cm.json`, put(text, CONFUSION)), 400, path);
      }
      await expectProblem(await call(`${base("odd")}/cm.json`, put(new Uint8Array([0xff, 0xfe, 0x7b]), CONFUSION)), 400, "body");
    });

    test("view=metrics of an artifact that is not a confusion matrix is a 400; of a missing one a 404", async () => {
      await expectProblem(await call(`${base("odd")}/c.txt?view=metrics`), 400, "view");
      await expectProblem(await call(`${base("odd")}/none.json?view=metrics`), 404);
      await expectProblem(await call(`${base("odd")}/c.txt?view=other`), 400, "view");
    });
  });

  test("a confusion matrix is stored as sent; view=metrics is its classification report", async () => {
    // Computed by hand. Rows are true classes, columns predictions:
    //        cat dog bird   support  predicted
    //  cat    5   1   0        6        7
    //  dog    2   3   0        5        4
    //  bird   0   0   0        0        0
    const text = '{"labels": ["cat", "dog", "bird"],\n "matrix": [[5, 1, 0], [2, 3, 0], [0, 0, 0]]}';
    const url = `${base("r1")}/eval/confusion.json`;
    const res = await call(url, put(text, CONFUSION));
    expect(res.status).toBe(201);
    expect(await (await call(url)).text()).toBe(text);
    const metrics = await (await call(`${url}?view=metrics`)).json();
    const [pCat, rCat, pDog, rDog] = [5 / 7, 5 / 6, 3 / 4, 3 / 5];
    const f1Cat = (2 * 5) / (2 * 5 + 2 + 1);
    const f1Dog = (2 * 3) / (2 * 3 + 1 + 2);
    expect(metrics.labels).toEqual(["cat", "dog", "bird"]);
    expect(metrics.total).toBe(11);
    expect(metrics.accuracy).toBeCloseTo(8 / 11, 14);
    expect(metrics.classes).toEqual([
      { label: "cat", precision: expect.closeTo(pCat, 14), recall: expect.closeTo(rCat, 14), f1: expect.closeTo(f1Cat, 14), support: 6 },
      { label: "dog", precision: expect.closeTo(pDog, 14), recall: expect.closeTo(rDog, 14), f1: expect.closeTo(f1Dog, 14), support: 5 },
      { label: "bird", precision: 0, recall: 0, f1: 0, support: 0 },
    ]);
    expect(metrics.macro_avg.precision).toBeCloseTo((pCat + pDog) / 3, 14);
    expect(metrics.macro_avg.recall).toBeCloseTo((rCat + rDog) / 3, 14);
    expect(metrics.macro_avg.f1).toBeCloseTo((f1Cat + f1Dog) / 3, 14);
    expect(metrics.macro_avg.support).toBe(11);
    expect(metrics.weighted_avg.precision).toBeCloseTo((6 * pCat + 5 * pDog) / 11, 14);
    expect(metrics.weighted_avg.recall).toBeCloseTo((6 * rCat + 5 * rDog) / 11, 14);
    expect(metrics.weighted_avg.f1).toBeCloseTo((6 * f1Cat + 5 * f1Dog) / 11, 14);
    // An all-zero matrix: every ratio is 0, nothing divides by zero.
    const zero = `${base("r1")}/eval/zero.json`;
    expect(
      (
        await call(
          zero,
          put(
            JSON.stringify({
              labels: [0, 1],
              matrix: [
                [0, 0],
                [0, 0],
              ],
            }),
            CONFUSION,
          ),
        )
      ).status,
    ).toBe(201);
    expect(await (await call(`${zero}?view=metrics`)).json()).toEqual({
      labels: [0, 1],
      total: 0,
      accuracy: 0,
      classes: [
        { label: 0, precision: 0, recall: 0, f1: 0, support: 0 },
        { label: 1, precision: 0, recall: 0, f1: 0, support: 0 },
      ],
      macro_avg: { precision: 0, recall: 0, f1: 0, support: 0 },
      weighted_avg: { precision: 0, recall: 0, f1: 0, support: 0 },
    });
  });
});

describe.each(storeHosts.filter((h) => h.inProcess))("uploads and other writers on $name", (factory) => {
  const api = useHost(factory);
  const repo = uniqueRepo("artifacts-lock");

  test("a slow upload does not hold back other writes, and lands whole", async () => {
    expect((await api.call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
    const bytes = randomBytes(6 * PART_BYTES + 3);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let at = 0;
    const slow = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (at === 5 * PART_BYTES) await gate; // park mid-upload, after parts were written
        if (at >= bytes.byteLength) return controller.close();
        controller.enqueue(bytes.slice(at, at + PART_BYTES));
        at += PART_BYTES;
      },
    });
    const upload = api.call(`/v1/repos/${repo}/runs/r/artifacts/slow.bin`, put(slow));
    // While the upload is parked, points, values and another artifact go through.
    const points = await api.call(`/v1/repos/${repo}/runs/r/metrics`, json("POST", { points: [{ name: "loss", step: 0, value: 1 }] }));
    expect(points.status).toBe(200);
    expect((await api.call(`/v1/repos/${repo}/runs/r/values`, json("PUT", [{ name: "acc", value: 0.5 }]))).status).toBe(200);
    expect((await api.call(`/v1/repos/${repo}/runs/r/artifacts/fast.txt`, put("fast", "text/plain"))).status).toBe(201);
    // Not visible before it is complete.
    expect((await api.call(`/v1/repos/${repo}/runs/r/artifacts/slow.bin`)).status).toBe(404);
    release();
    const res = await upload;
    expect(res.status).toBe(201);
    expect((await res.json()).sha256).toBe(sha256(bytes));
    expect(sha256(new Uint8Array(await (await api.call(`/v1/repos/${repo}/runs/r/artifacts/slow.bin`)).arrayBuffer()))).toBe(sha256(bytes));
  });
});

describe("raw paths on the node socket", () => {
  const api = useHost(nodeSocketHost);
  const repo = uniqueRepo("artifacts-raw");

  /** Sends `path` exactly as written (fetch would resolve "." and ".." segments first). */
  function raw(method: string, path: string, body?: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      api.host.request("/health").then((res) => {
        const url = new URL(res.url);
        const req = httpRequest({ host: "127.0.0.1", port: Number(url.port), method, path }, (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (d) => {
            text += d;
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        });
        req.on("error", reject);
        req.end(body);
      }, reject);
    });
  }

  test("'..' and '%2e%2e' segments sent raw are resolved as URL segments before routing: nothing escapes the run", async () => {
    expect((await api.call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
    // [raw path after .../artifacts/, status, the artifact path it named]
    const cases: [string, number, string | null][] = [
      ["a/../../../secret", 405, null], // now /v1/repos/<repo>/runs/secret: a run, which takes no PUT
      ["%2e%2e/secret", 404, null], // now .../runs/r/secret: no route
      ["a/%2E%2E/%2e%2e/secret", 404, null],
      ["a/../b", 201, "b"], // the URL of b
      ["a/./c", 201, "a/c"],
    ];
    for (const [path, status, stored] of cases) {
      const res = await raw("PUT", `/v1/repos/${repo}/runs/r/artifacts/${path}`, "x");
      expect(res.status, `${path}: ${res.text}`).toBe(status);
      if (stored !== null) expect(JSON.parse(res.text).path).toBe(stored);
    }
    const list = await (await api.call(`/v1/repos/${repo}/runs/r/artifacts`)).json();
    expect(list.items.map((a: { path: string }) => a.path)).toEqual(["a/c", "b"]);
  });
});
