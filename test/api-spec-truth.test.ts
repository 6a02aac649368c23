// What openapi.yaml says about a request is what the server does with it: the cases the API
// fuzzer (tools/schemathesis/run.sh) found where the two disagreed, each pinned on every host.
// (useHost's call also checks every answer against the route's documented responses.)
import { describe, expect, test } from "vitest";
import { hosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

describe.each(hosts)("the spec tells the truth on $name", (factory) => {
  const api = useHost(factory);
  const call = api.call;

  async function newRun(label: string) {
    const repo = uniqueRepo(label);
    expect((await call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
    return `/v1/repos/${repo}/runs/r`;
  }

  async function errors(res: Response, status = 400) {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    return ((await res.json()).errors ?? []) as { path: string; message: string }[];
  }

  test("a method a path does not serve is 405 with Allow; an unknown path stays 404", async () => {
    const health = await call("/health", { method: "POST" });
    expect(health.status).toBe(405);
    expect(health.headers.get("allow")).toBe("GET, HEAD");
    expect((await health.json()).type).toBe("https://runcamp.dev/problems/method-not-allowed");
    const repos = await call("/v1/repos/x", { method: "POST" });
    expect(repos.status).toBe(405);
    expect(repos.headers.get("allow")?.split(", ").sort()).toEqual(["DELETE", "GET", "HEAD", "PUT"]);
    expect((await call("/v1/nothing-here")).status).toBe(404);
    // A literal path beside a parameter one (/runs/close-stale, /runs/{run}) allows its own methods.
    const closeStale = await call("/v1/repos/x/runs/close-stale", { method: "OPTIONS" });
    expect(closeStale.status).toBe(405);
    expect(closeStale.headers.get("allow")).toBe("POST");
  });

  test("an empty body is an empty artifact, and close-stale takes no body", async () => {
    const run = await newRun("empty-bodies");
    const put = await call(`${run}/artifacts/marker`, { method: "PUT" });
    expect(put.status).toBe(201);
    expect(await put.json()).toMatchObject({ size: 0, content_type: "application/octet-stream" });
    const repo = run.split("/")[3];
    expect((await call(`/v1/repos/${repo}/runs/close-stale`, { method: "POST" })).status).toBe(200);
  });

  test("PUT /repos/{repo} documents its body as optional, and it is", async () => {
    expect((await call(`/v1/repos/${uniqueRepo("no-body")}`, { method: "PUT" })).status).toBe(201);
  });

  test("?reopen= takes true or false only", async () => {
    const run = await newRun("reopen-query");
    const ndjson = { method: "POST", headers: { "content-type": "application/x-ndjson" }, body: '{"name":"m","step":0,"value":1}' };
    expect(await errors(await call(`${run}/metrics?reopen=null`, ndjson))).toMatchObject([{ path: "reopen" }]);
    expect(await errors(await call(`${run}/metrics?reopen=true&reopen=true`, ndjson))).toMatchObject([{ path: "reopen" }]);
    expect((await call(`${run}/metrics?reopen=false`, ndjson)).status).toBe(200);
  });

  test("integer query parameters accept exactly the documented range, without leading zeros", async () => {
    for (const bad of ["0", "01", "1001", "1e2", "-1"]) expect(await errors(await call(`/v1/repos?limit=${bad}`)), bad).toMatchObject([{ path: "limit" }]);
    expect((await call("/v1/repos?limit=1000")).status).toBe(200);
    const run = await newRun("steps");
    expect((await call(`${run}/metrics`, json("POST", { points: [{ name: "m", step: Number.MAX_SAFE_INTEGER, value: 1 }] }))).status).toBe(200);
    const top = await call(`${run}/metrics/m?from=${Number.MAX_SAFE_INTEGER}&to=${Number.MAX_SAFE_INTEGER}`);
    expect((await top.json()).points.map((p: { step: number }) => p.step)).toEqual([Number.MAX_SAFE_INTEGER]);
    expect(await errors(await call(`${run}/metrics/m?from=${Number.MAX_SAFE_INTEGER + 1}`))).toMatchObject([{ path: "from" }]);
  });

  test("a cursor is base64url text; anything else is refused as not issued here", async () => {
    expect(await errors(await call("/v1/repos?cursor=%C3%A9t%C3%A9"))).toMatchObject([{ path: "cursor" }]);
    expect(await errors(await call("/v1/repos?cursor="))).toMatchObject([{ path: "cursor" }]);
  });

  test("ingest points and bodies are strict, and a null context is the empty one", async () => {
    const run = await newRun("ingest-strict");
    expect(await errors(await call(`${run}/metrics`, json("POST", { points: [], extra: 1 })))).toEqual([{ path: "extra", message: "is not a known field" }]);
    expect(await errors(await call(`${run}/metrics`, json("POST", { points: [{ name: "m", step: 0, value: 1, unit: "s" }] })))).toEqual([
      { path: "points.0.unit", message: "is not a known field" },
    ]);
    expect((await call(`${run}/metrics`, json("POST", { points: [{ name: "m", context: null, step: 0, value: 1 }] }))).status).toBe(200);
    expect((await (await call(`${run}/metrics/m?context=%7B%7D`)).json()).points).toHaveLength(1);
  });

  test("metrics/query takes runs or a selection (filter and/or status; neither: every run), and names the field at fault", async () => {
    const run = await newRun("query-one-of");
    const repo = run.split("/")[3];
    const query = (body: unknown) => call(`/v1/repos/${repo}/metrics/query`, json("POST", body));
    const metrics = [{ name: "m" }];
    expect(await errors(await query({ runs: ["r"], filter: "", metrics }))).toEqual([
      { path: "body", message: "give runs, or filter and/or status, not both" },
    ]);
    expect(await errors(await query({ runs: ["r"], status: ["finished"], metrics }))).toEqual([
      { path: "body", message: "give runs, or filter and/or status, not both" },
    ]);
    expect(await errors(await query({ status: ["done"], metrics }))).toMatchObject([{ path: "status.0" }]);
    expect(await errors(await query({ runs: ["r"], metrics: [{ name: 5 }] }))).toMatchObject([{ path: "metrics.0.name" }]);
    expect(await errors(await query({ filter: "", metrics, points: 0 }))).toMatchObject([{ path: "points" }]);
    expect((await query({ runs: ["r"], metrics })).status).toBe(200);
    expect((await query({ filter: "", metrics })).status).toBe(200);
    expect((await query({ status: ["running"], metrics })).status).toBe(200);
    // No selection reads what an empty filter does: every unarchived run of the repo.
    expect((await call(`${run}/metrics`, json("POST", { points: [{ name: "m", step: 3, value: 0.5 }] }))).status).toBe(200);
    const everyRun = await query({ metrics });
    expect(everyRun.status).toBe(200);
    const body = await everyRun.json();
    expect(body.items.map((item: { run: string; points: unknown[] }) => [item.run, item.points.length])).toEqual([["r", 1]]);
    expect(body).toEqual(await (await query({ filter: "", metrics })).json());
  });

  test("contexts in the query string are JSON: one context or an array of them", async () => {
    const run = await newRun("json-query");
    const repo = run.split("/")[3];
    expect((await call(`/v1/repos/${repo}/campaigns`, json("POST", { id: "c", name: "c" }))).status).toBe(201);
    const summary = (contexts: string) => call(`/v1/repos/${repo}/campaigns/c/summary?contexts=${encodeURIComponent(contexts)}`);
    expect((await summary('{"subset":"val"}')).status).toBe(200);
    expect((await summary('[{"subset":"val"},{}]')).status).toBe(200);
    for (const bad of ["[]", "[1]", '{"a":[1]}', "subset"]) expect(await errors(await summary(bad)), bad).toMatchObject([{ path: "contexts" }]);
  });
});
