// A real S3-compatible server for the tests and benchmarks: moto's standalone server
// (`moto_server`, from PyPI's moto[server], installed into ./.venv by scripts/test-all.ts under
// CI), a separate process speaking S3's REST API over HTTP, multipart uploads and ranged GETs
// included. Chosen over MinIO because it installs from PyPI in seconds and starts in about one;
// MinIO is only on the Go module proxy, a build of minutes. moto keeps objects in its memory, so
// a large object costs the server process that much RAM, not the API host under test.
// Each call starts its own process on a free loopback port in its own process group; stop()
// ends the group (scripts/process-group.ts).
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { AwsClient } from "aws4fetch";
import type { S3Settings } from "../src/config.ts";
import { spawnGroup } from "./process-group.ts";

/** ./.venv/bin/moto_server, or RUNCAMP_TEST_S3_SERVER: another moto_server (or a path that does not exist, to see the suites skip). */
export const s3ServerPath = process.env.RUNCAMP_TEST_S3_SERVER ?? resolve(import.meta.dirname, "../.venv/bin/moto_server");

/** Whether an S3-compatible server can be started here. */
export const s3ServerAvailable = () => existsSync(s3ServerPath);

export interface S3Server {
  /** `http://127.0.0.1:port` */
  endpoint: string;
  /** Settings for a new bucket `bucket` on this server (created by `createBucket`). */
  settings(bucket: string, prefix?: string): S3Settings;
  createBucket(bucket: string): Promise<void>;
  /** Every object key in the bucket under `prefix`. */
  listKeys(bucket: string, prefix?: string): Promise<string[]>;
  /** How many multipart uploads are open in the bucket. */
  openUploads(bucket: string): Promise<number>;
  stop(): Promise<void>;
}

const CREDENTIALS = { accessKeyId: "runcamp-test", secretAccessKey: "runcamp-test-secret", region: "us-east-1" };

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function checked(res: Response, what: string): Promise<string> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
  return text;
}

/** Starts moto_server and resolves once it answers. */
export async function startS3Server(): Promise<S3Server> {
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const group = spawnGroup(s3ServerPath, ["-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    group.child.stderr!.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    const endpoint = `http://127.0.0.1:${port}`;
    const aws = new AwsClient({ ...CREDENTIALS, service: "s3", retries: 0 });
    const started = Date.now();
    while (Date.now() - started < 30_000 && group.child.exitCode === null) {
      try {
        if ((await fetch(`${endpoint}/moto-api/`)).status < 500) {
          return {
            endpoint,
            settings: (bucket, prefix = "") => ({ bucket, prefix, endpoint, ...CREDENTIALS }),
            async createBucket(bucket) {
              await checked(await aws.fetch(`${endpoint}/${bucket}`, { method: "PUT" }), `create bucket ${bucket}`);
            },
            async listKeys(bucket, prefix = "") {
              const keys: string[] = [];
              let token: string | undefined;
              do {
                const url = new URL(`${endpoint}/${bucket}`);
                url.searchParams.set("list-type", "2");
                url.searchParams.set("prefix", prefix);
                if (token) url.searchParams.set("continuation-token", token);
                const xml = await checked(await aws.fetch(url.toString()), "list objects");
                keys.push(...[...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]));
                token = /<NextContinuationToken>([^<]*)</.exec(xml)?.[1];
              } while (token);
              return keys;
            },
            async openUploads(bucket) {
              const xml = await checked(await aws.fetch(`${endpoint}/${bucket}?uploads=`), "list multipart uploads");
              return [...xml.matchAll(/<Upload>/g)].length;
            },
            stop: () => group.stop(),
          };
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await group.stop();
    lastError = new Error(`moto_server did not answer on ${endpoint} within 30 s (exit ${group.child.exitCode}): ${stderr}`);
  }
  throw lastError;
}
