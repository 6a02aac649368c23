// The Lambda handler (src/hosts/lambda.ts), bundled as `npm run build:lambda` bundles it for
// upload, fed API Gateway events as AWS delivers them, REST API (payload v1) and HTTP API
// (payload v2), without AWS: its database a libSQL server
// (tools/libsql-http, the local endpoint), as a function's is Turso or sqld. A run created,
// points ingested and read back, a 404 and a 400 as problem+json, a binary artifact up and
// down base64-encoded, and refusals when the function is not configured.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LambdaEvent } from "hono/aws-lambda";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildLambda } from "../scripts/build-lambda.ts";
import type { lambdaHandler as LambdaHandlerFactory } from "../src/hosts/lambda.ts";
import { openDatabase } from "../src/hosts/node.ts";
import { type LibsqlHttpServer, startLibsqlHttpServer } from "../tools/libsql-http/server.ts";

const TOKEN = "lambda-test-token";
const dir = mkdtempSync(join(tmpdir(), "runcamp-lambda-"));
let sql: LibsqlHttpServer;
let lambdaHandler: typeof LambdaHandlerFactory;

beforeAll(async () => {
  const bundle = join(dir, "lambda/index.mjs");
  await buildLambda(bundle);
  ({ lambdaHandler } = await import(bundle));
  const file = join(dir, "runcamp.db");
  (await openDatabase(`file:${file}`)).close(); // migrations, as `npm run db:migrate` does before deploying
  sql = await startLibsqlHttpServer({ file, port: 0 });
});
afterAll(async () => {
  await sql?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Request {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

interface Result {
  statusCode: number;
  body: string;
  isBase64Encoded: boolean;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
}

/** A REST API (payload format 1.0) proxy event. */
function v1Event({ method, path, query, headers = {}, body }: Request): LambdaEvent {
  const binary = body instanceof Uint8Array;
  const all = { host: "abc123.execute-api.eu-west-1.amazonaws.com", ...headers };
  return {
    resource: "/{proxy+}",
    path,
    httpMethod: method,
    headers: all,
    multiValueHeaders: Object.fromEntries(Object.entries(all).map(([k, v]) => [k, [v]])),
    queryStringParameters: query ?? null,
    multiValueQueryStringParameters: query ? Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])) : null,
    pathParameters: { proxy: path.slice(1) },
    stageVariables: null,
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      httpMethod: method,
      path: `/prod${path}`,
      stage: "prod",
      requestId: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
      resourceId: "123456",
      resourcePath: "/{proxy+}",
      identity: { sourceIp: "203.0.113.7", userAgent: "test" },
    },
    body: body === undefined ? null : binary ? Buffer.from(body).toString("base64") : body,
    isBase64Encoded: binary,
  } as unknown as LambdaEvent;
}

/** An HTTP API (payload format 2.0) event. */
function v2Event({ method, path, query, headers = {}, body }: Request): LambdaEvent {
  const binary = body instanceof Uint8Array;
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: query ? new URLSearchParams(query).toString() : "",
    headers: { host: "abc123.execute-api.eu-west-1.amazonaws.com", ...headers },
    queryStringParameters: query,
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "abc123.execute-api.eu-west-1.amazonaws.com",
      domainPrefix: "abc123",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "test" },
      requestId: "JKJaXmPLvHcESHA=",
      routeKey: "$default",
      stage: "$default",
      time: "07/Dec/2026:17:40:00 +0000",
      timeEpoch: 1796665200000,
    },
    body: body === undefined ? undefined : binary ? Buffer.from(body).toString("base64") : body,
    isBase64Encoded: binary,
  } as unknown as LambdaEvent;
}

const header = (result: Result, name: string) => result.headers?.[name] ?? result.multiValueHeaders?.[name]?.[0];
const auth = { authorization: `Bearer ${TOKEN}` };
const jsonHeaders = { ...auth, "content-type": "application/json" };

describe.each([
  { payload: "v1 (REST API)", event: v1Event },
  { payload: "v2 (HTTP API)", event: v2Event },
])("the Lambda handler, API Gateway payload $payload", ({ payload, event }) => {
  const repo = `lambda-${payload.slice(0, 2)}`;
  let handler: ReturnType<typeof lambdaHandler>;
  const call = async (request: Request) => (await handler(event(request))) as Result;
  beforeAll(() => {
    handler = lambdaHandler({ LIBSQL_URL: sql.url, RUNCAMP_ADMIN_TOKEN: TOKEN });
  });

  test("a run is created, its points ingested and read back", async () => {
    const created = await call({ method: "POST", path: `/v1/repos/${repo}/runs`, headers: jsonHeaders, body: JSON.stringify({ id: "r1" }) });
    expect(created.statusCode, created.body).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ id: "r1", repo, status: "running" });
    const points = [1, 2, 3].map((step) => ({ name: "loss", step, value: 1 / step }));
    const ingested = await call({ method: "POST", path: `/v1/repos/${repo}/runs/r1/metrics`, headers: jsonHeaders, body: JSON.stringify({ points }) });
    expect([ingested.statusCode, JSON.parse(ingested.body)]).toEqual([200, { points: 3, series: 1 }]);
    const read = await call({ method: "GET", path: `/v1/repos/${repo}/runs/r1/metrics/loss`, query: { limit: "2" }, headers: auth });
    expect(read.statusCode).toBe(200);
    expect(read.isBase64Encoded).toBe(false);
    const page = JSON.parse(read.body) as { points: { step: number; value: number }[]; next_cursor: string | null };
    expect(page.points.map((p) => [p.step, p.value])).toEqual([
      [1, 1],
      [2, 0.5],
    ]);
    expect(page.next_cursor).not.toBeNull(); // the query string reached the app: a page of 2 of 3
  });

  test("an unknown run is a 404 and a bad point a 400, both problem+json", async () => {
    const missing = await call({ method: "GET", path: `/v1/repos/${repo}/runs/nope`, headers: auth });
    expect(missing.statusCode).toBe(404);
    expect(header(missing, "content-type")).toBe("application/problem+json");
    expect(JSON.parse(missing.body)).toMatchObject({ status: 404 });
    const bad = await call({
      method: "POST",
      path: `/v1/repos/${repo}/runs/r1/metrics`,
      headers: jsonHeaders,
      body: JSON.stringify({ points: [{ name: "loss", value: 1 }] }),
    });
    expect(bad.statusCode).toBe(400);
    expect(header(bad, "content-type")).toBe("application/problem+json");
    expect(JSON.parse(bad.body)).toMatchObject({ status: 400 });
    expect(bad.body).toMatch(/step/); // the invalid point named, with what it lacks
  });

  test("a binary artifact goes up and comes back base64-encoded, byte for byte", async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7) % 256);
    const put = await call({
      method: "PUT",
      path: `/v1/repos/${repo}/runs/r1/artifacts/model/weights.bin`,
      headers: { ...auth, "content-type": "application/octet-stream" },
      body: bytes,
    });
    expect(put.statusCode, put.body).toBe(201);
    const got = await call({ method: "GET", path: `/v1/repos/${repo}/runs/r1/artifacts/model/weights.bin`, headers: auth });
    expect(got.statusCode).toBe(200);
    expect(got.isBase64Encoded).toBe(true);
    expect(new Uint8Array(Buffer.from(got.body, "base64"))).toEqual(bytes);
  });

  test("a request without the token is a 401", async () => {
    const res = await call({ method: "GET", path: `/v1/repos/${repo}/runs` });
    expect(res.statusCode).toBe(401);
    expect(header(res, "content-type")).toBe("application/problem+json");
  });
});

test("a function without a libSQL server or a token answers 503 saying which, and serves nothing", async () => {
  const request = v2Event({ method: "GET", path: "/v1/repos", headers: auth });
  for (const [env, reason] of [
    [{ RUNCAMP_ADMIN_TOKEN: TOKEN }, /LIBSQL_URL is not configured/],
    [{ LIBSQL_URL: `file:${join(dir, "local.db")}`, RUNCAMP_ADMIN_TOKEN: TOKEN }, /must be a libSQL server/],
    [{ LIBSQL_URL: sql.url }, /RUNCAMP_ADMIN_TOKEN is not configured/],
  ] as const) {
    const res = (await lambdaHandler(env)(request)) as Result;
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body).detail).toMatch(reason);
  }
});
