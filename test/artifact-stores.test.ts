// What only object stores do, on the Node host with a real S3-compatible server (moto's, in its
// own process): presigned multipart uploads (create → PUT parts → complete, checked against the
// declared size and SHA-256; abort), an upload cut off mid-body leaving nothing (no row, no
// object, no open multipart upload), an upload its server abandoned cleaned up a day later, and
// `npm run artifacts:move` between libSQL and S3 (checked copies, atomic switches, idempotent);
// and where the store signs no URLs, presigned and MLflow multipart uploads refused as such.
import { execFile } from "node:child_process";
import { createHash, randomFillSync } from "node:crypto";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { PART_BYTES } from "../src/api/artifacts/object-store.ts";
import { defaultLimits } from "../src/config.ts";
import { json, nodeS3Host, nodeSocketHost, uniqueRepo, useHost } from "./support/hosts.ts";
import { s3ServerAvailable, s3ServerPath } from "./support/processes.ts";

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const root = join(import.meta.dirname, "..");

function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  for (let at = 0; at < n; at += 65536) randomFillSync(out, at, Math.min(65536, n - at));
  return out;
}

const withS3 = s3ServerAvailable() || process.env.CI === "true";
if (!withS3) test.skip(`object stores: no S3-compatible server at ${s3ServerPath} (.venv/bin/pip install 'moto[server]')`, () => {});

describe.runIf(withS3)("artifacts in S3", () => {
  const api = useHost(nodeS3Host, { limits: { ...defaultLimits, maxArtifactBytes: 64 * MiB } });
  const repo = uniqueRepo("s3");
  const base = `/v1/repos/${repo}/runs/r/artifacts`;
  const uploads = `/v1/repos/${repo}/runs/r/artifact-uploads`;
  const count = async (sql: string, args: (string | number)[] = []) => Number((await api.host.query(sql, args))[0].n);

  beforeAll(async () => {
    expect((await api.call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
  });

  async function sendParts(upload: { part_size: number; parts: { number: number; url: string }[] }, bytes: Uint8Array) {
    const sent = [];
    for (const part of upload.parts) {
      const body = bytes.slice((part.number - 1) * upload.part_size, part.number * upload.part_size);
      const res = await fetch(part.url, { method: "PUT", body });
      expect(res.status).toBe(200);
      sent.push({ number: part.number, etag: res.headers.get("etag")! });
    }
    return sent;
  }

  test("a presigned upload: parts straight to the store, checked on completion, then readable like any artifact", async () => {
    const bytes = randomBytes(2 * PART_BYTES + 12345);
    const created = await api.call(uploads, json("POST", { path: "ckpt/model.bin", size: bytes.byteLength, sha256: sha256(bytes) }));
    expect(created.status).toBe(201);
    const upload = await created.json();
    expect(upload.part_size).toBe(PART_BYTES);
    expect(upload.parts.map((p: { number: number }) => p.number)).toEqual([1, 2, 3]);
    // Invisible until complete.
    expect((await api.call(`${base}/ckpt/model.bin`)).status).toBe(404);
    const parts = await sendParts(upload, bytes);
    const done = await api.call(`${uploads}/${upload.upload_id}/complete`, json("POST", { parts }));
    expect(done.status).toBe(201);
    expect(await done.json()).toMatchObject({ path: "ckpt/model.bin", size: bytes.byteLength, sha256: sha256(bytes) });
    const got = await api.call(`${base}/ckpt/model.bin`, { headers: { range: `bytes=${PART_BYTES - 5}-${PART_BYTES + 4}` } });
    expect(got.status).toBe(206);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes.slice(PART_BYTES - 5, PART_BYTES + 5));
    expect(sha256(new Uint8Array(await (await api.call(`${base}/ckpt/model.bin`)).arrayBuffer()))).toBe(sha256(bytes));
    expect(await api.host.objects!.openUploads()).toBe(0);
    // Completing again: the upload is gone.
    expect((await api.call(`${uploads}/${upload.upload_id}/complete`, json("POST", { parts }))).status).toBe(404);
  });

  test("bytes that are not the declared ones are refused and discarded; wrong part lists leave the upload open; abort drops it", async () => {
    const bytes = randomBytes(PART_BYTES + 100);
    const keysBefore = (await api.host.objects!.keys()).length;
    const rowsBefore = await count("SELECT count(*) AS n FROM artifacts");
    const lie = await (await api.call(uploads, json("POST", { path: "lie.bin", size: bytes.byteLength, sha256: "0".repeat(64) }))).json();
    const parts = await sendParts(lie, bytes);
    expect((await api.call(`${uploads}/${lie.upload_id}/complete`, json("POST", { parts: parts.slice(0, 1) }))).status).toBe(400);
    expect((await api.call(`${uploads}/${lie.upload_id}/complete`, json("POST", { parts: [parts[0], { ...parts[1], etag: '"nope"' }] }))).status).toBe(400);
    const refused = await api.call(`${uploads}/${lie.upload_id}/complete`, json("POST", { parts }));
    expect(refused.status).toBe(400);
    expect((await refused.json()).detail).toMatch(/not the declared ones/);
    expect((await api.call(`${base}/lie.bin`)).status).toBe(404);

    const dropped = await (await api.call(uploads, json("POST", { path: "dropped.bin", size: 10, sha256: sha256(new Uint8Array(10)) }))).json();
    expect(await api.host.objects!.openUploads()).toBe(1);
    expect((await api.call(`${uploads}/${dropped.upload_id}`, { method: "DELETE" })).status).toBe(204);
    expect((await api.call(`${uploads}/${dropped.upload_id}`, { method: "DELETE" })).status).toBe(404);

    expect(await api.host.objects!.openUploads()).toBe(0);
    expect((await api.host.objects!.keys()).length).toBe(keysBefore);
    expect(await count("SELECT count(*) AS n FROM artifacts")).toBe(rowsBefore);
  });

  test("MLflow's server-info offers multipart uploads (its client then sends parts to the store: clients/python/tests/test_mlflow_multipart.py)", async () => {
    expect((await (await api.host.request("/api/3.0/mlflow/server-info")).json()).multipart_uploads_enabled).toBe(true);
  });

  test("an upload past the limit is refused before anything is stored; bad bodies are 400s", async () => {
    expect((await api.call(uploads, json("POST", { path: "huge.bin", size: 65 * MiB, sha256: "a".repeat(64) }))).status).toBe(413);
    for (const body of [
      { path: "a/../b", size: 1, sha256: "a".repeat(64) },
      { path: "x", size: 0, sha256: "a".repeat(64) },
      { path: "x", size: 1, sha256: "A" },
    ])
      expect((await api.call(uploads, json("POST", body))).status).toBe(400);
    expect(await api.host.objects!.openUploads()).toBe(0);
  });

  test("a client that drops the connection mid-upload leaves no row, no object and no open multipart upload", async () => {
    const keysBefore = (await api.host.objects!.keys()).length;
    const rowsBefore = await count("SELECT count(*) AS n FROM artifacts");
    const controller = new AbortController();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        // Three parts' worth, then the client dies: the store holds an open multipart upload.
        if (sent >= 3 * PART_BYTES) {
          await vi.waitUntil(async () => (await api.host.objects!.openUploads()) === 1, { timeout: 10_000, interval: 50 });
          controller.abort();
          return;
        }
        c.enqueue(randomBytes(MiB));
        sent += MiB;
      },
    });
    await expect(api.host.request(`${base}/cut.bin`, { method: "PUT", body, signal: controller.signal, duplex: "half" } as RequestInit)).rejects.toThrow();
    await vi.waitUntil(async () => (await count("SELECT count(*) AS n FROM artifacts")) === rowsBefore, { timeout: 10_000, interval: 50 });
    expect(await api.host.objects!.openUploads()).toBe(0);
    expect((await api.host.objects!.keys()).length).toBe(keysBefore);
  });

  test("an upload its server abandoned (invisible row, open multipart upload) is dropped and aborted by the run's first upload a day later", async () => {
    // What a server killed mid-upload leaves: the row without a path, the store's upload open.
    const created = await (await api.call(uploads, json("POST", { path: "crashed.bin", size: 10, sha256: "b".repeat(64) }))).json();
    expect(await api.host.objects!.openUploads()).toBe(1);
    expect((await api.call(`${base}/crashed.bin`)).status).toBe(404);
    const day = 24 * 60 * 60 * 1000;
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + day + 60_000 });
    try {
      expect((await api.call(`${base}/later.txt`, { method: "PUT", body: "later" })).status).toBe(201);
    } finally {
      vi.useRealTimers();
    }
    expect(await count("SELECT count(*) AS n FROM artifacts WHERE pk = ?", [Number(created.upload_id)])).toBe(0);
    expect(await api.host.objects!.openUploads()).toBe(0);
    expect(await count("SELECT count(*) AS n FROM artifact_object_deletes")).toBe(0);
  });
});

describe("presigned uploads on a libSQL store", () => {
  const api = useHost(nodeSocketHost);
  test("are a 409 that says to PUT the body, and store nothing", async () => {
    const repo = uniqueRepo("nopresign");
    expect((await api.call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
    const res = await api.call(`/v1/repos/${repo}/runs/r/artifact-uploads`, json("POST", { path: "a.bin", size: 10, sha256: "a".repeat(64) }));
    expect(res.status).toBe(409);
    expect((await res.json()).detail).toMatch(/PUT/);
    expect(Number((await api.host.query("SELECT count(*) AS n FROM artifacts"))[0].n)).toBe(0);
  });

  test("MLflow's multipart upload answers the message its client falls back to a PUT on; server-info says none", async () => {
    const res = await api.host.request("/api/2.0/mlflow-artifacts/mpu/create/0/abc/artifacts/ckpt", json("POST", { path: "/tmp/w.bin", num_parts: 2 }));
    expect(res.status).toBe(501);
    expect((await res.json()).message).toMatch(/^Multipart upload is not supported for the current artifact repository/);
    expect((await (await api.host.request("/api/3.0/mlflow/server-info")).json()).multipart_uploads_enabled).toBe(false);
  });
});

describe.runIf(withS3)("npm run artifacts:move", () => {
  const api = useHost(nodeS3Host, { limits: { ...defaultLimits }, artifacts: { uploadsTo: "libsql" } });
  const repo = uniqueRepo("move");
  const files: Record<string, Uint8Array<ArrayBuffer>> = {
    "big.bin": randomBytes(PART_BYTES + 777),
    "empty.txt": new Uint8Array(0),
    "eval/cm.json": new TextEncoder().encode('{"labels": ["a", "b"], "matrix": [[1, 2], [3, 4]]}'),
  };
  const type = (path: string) => (path.endsWith(".json") ? "application/vnd.runcamp.confusion+json" : "application/octet-stream");

  async function move(to: string) {
    const { settings, url } = api.host.s3!;
    const env = {
      ...process.env,
      LIBSQL_URL: url,
      RUNCAMP_S3: `s3://${settings.bucket}/${settings.prefix}`,
      RUNCAMP_S3_ENDPOINT: settings.endpoint,
      RUNCAMP_S3_ACCESS_KEY_ID: settings.accessKeyId,
      RUNCAMP_S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
    };
    const { stdout } = await promisify(execFile)(join(root, "node_modules/.bin/node"), [join(root, "scripts/artifacts-move.ts"), repo, "--to", to], { env });
    return stdout;
  }

  async function expectAllReadable(store: string) {
    for (const [path, bytes] of Object.entries(files)) {
      const res = await api.call(`/v1/repos/${repo}/runs/r/artifacts/${path}`);
      expect(sha256(new Uint8Array(await res.arrayBuffer())), path).toBe(sha256(bytes));
    }
    const rows = await api.host.query("SELECT a.store FROM artifacts a JOIN runs r ON r.pk = a.run_pk WHERE r.id = 'r'");
    expect(rows.map((r) => r.store)).toEqual(Object.keys(files).map(() => store));
    expect(await api.call(`/v1/repos/${repo}/runs/r/artifacts/eval/cm.json?view=metrics`).then((r) => r.status)).toBe(200);
  }

  test("moves a repo's artifacts to S3 and back, checked, idempotent, readable throughout; nothing left behind", async () => {
    expect((await api.call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
    for (const [path, bytes] of Object.entries(files))
      expect(
        (await api.call(`/v1/repos/${repo}/runs/r/artifacts/${path}`, { method: "PUT", body: bytes, headers: { "content-type": type(path) } })).status,
      ).toBe(201);
    await expectAllReadable("libsql");

    const out = await move("s3");
    expect(out).toMatch(/\[1\/3\] r: big\.bin \(8\.0 MiB\) moved/);
    expect(out).toMatch(/: 3 moved to s3 .*, 0 already there, 0 changed meanwhile, 0 failed/);
    await expectAllReadable("s3");
    expect(Number((await api.host.query("SELECT count(*) AS n FROM artifact_parts"))[0].n)).toBe(0);
    expect((await api.host.objects!.keys()).length).toBe(3);

    expect(await move("s3")).toMatch(/: 0 moved to s3 .*, 3 already there/);

    expect(await move("libsql")).toMatch(/: 3 moved to libsql .*, 0 failed/);
    await expectAllReadable("libsql");
    expect(await api.host.objects!.keys()).toEqual([]);
    expect(Number((await api.host.query("SELECT count(*) AS n FROM artifact_object_deletes"))[0].n)).toBe(0);
  });
});
