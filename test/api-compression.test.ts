// Compressed responses (src/http/compression.ts): a large JSON answer comes gzipped to a
// client that accepts gzip and decodes to the same JSON; without Accept-Encoding it comes as
// is; small answers and artifact downloads (their ETag and ranges are the stored bytes') never
// come compressed.
import { gunzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { hosts, json, uniqueRepo, useHost } from "./support/hosts.ts";

/** The body as text, whether the host's client inflated it or not. */
async function decodedBody(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return new TextDecoder().decode(gzipped ? gunzipSync(bytes) : bytes);
}

describe.each(hosts)("compressed responses on $name", (factory) => {
  const api = useHost(factory);
  const repo = uniqueRepo("gzip");
  const run = `/v1/repos/${repo}/runs/r`;
  const series = `${run}/metrics/loss?points=1000&format=columnar`;

  test("a large JSON answer comes gzipped when accepted, and decodes to the plain answer", async () => {
    expect((await api.call(`/v1/repos/${repo}/runs`, json("POST", { id: "r" }))).status).toBe(201);
    const steps = Array.from({ length: 5000 }, (_, i) => i);
    const body = { series: [{ name: "loss", steps, values: steps.map((s) => 1 / (1 + s) + Math.random()) }] };
    expect((await api.call(`${run}/metrics`, json("POST", body))).status).toBe(200);

    const plain = await api.host.request(series, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toMatch(/accept-encoding/i);
    const plainText = await plain.text();
    expect(plainText.length).toBeGreaterThan(10_000);

    // As sent on the wire (Miniflare's fetch inflates the body and drops the header).
    const wire = await api.host.raw("GET", series, { "accept-encoding": "gzip" });
    expect(wire.status).toBe(200);
    expect(wire.headers["content-encoding"]).toBe("gzip");
    expect(wire.headers.vary).toMatch(/accept-encoding/i);
    const gzipped = await api.host.request(series, { headers: { "accept-encoding": "gzip" } });
    expect(JSON.parse(await decodedBody(gzipped))).toEqual(JSON.parse(plainText));

    const refused = await api.host.request(series, { headers: { "accept-encoding": "gzip;q=0, identity" } });
    expect(refused.headers.get("content-encoding")).toBeNull();
  });

  test("a small answer stays plain", async () => {
    const res = await api.host.request(`/v1/repos/${repo}`, { headers: { "accept-encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect((await res.json()).name).toBe(repo);
  });

  test("an artifact download stays identity, with its ETag and ranges", async () => {
    const text = JSON.stringify({ rows: Array.from({ length: 2000 }, (_, i) => ({ i, label: `row ${i}` })) });
    const url = `${run}/artifacts/table.json`;
    const put = await api.call(url, { method: "PUT", headers: { "content-type": "application/json" }, body: text });
    expect(put.status).toBeLessThan(300);

    const whole = await api.host.request(url, { headers: { "accept-encoding": "gzip" } });
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-encoding")).toBeNull();
    const etag = whole.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(await whole.text()).toBe(text);

    const part = await api.host.request(url, { headers: { "accept-encoding": "gzip", range: "bytes=10-19" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-encoding")).toBeNull();
    expect(part.headers.get("etag")).toBe(etag);
    expect(await part.text()).toBe(text.slice(10, 20));
  });

  test("fields keeps only the columns asked for, and needs format=columnar", async () => {
    const res = await api.call(`${series}&fields=steps,values`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["context", "name", "next_cursor", "steps", "summary", "values"]);
    const full = await (await api.call(series)).json();
    expect(body.steps).toEqual(full.steps);
    expect(body.values).toEqual(full.values);

    const buckets = await (await api.call(`${series}&fields=buckets`)).json();
    expect(buckets.buckets).toEqual(full.buckets);
    expect(buckets.steps).toBeUndefined();

    for (const [query, detail] of [
      ["points=10&fields=steps", "format=columnar"],
      ["format=columnar&fields=steps,color", "must be one of"],
      ["format=columnar&fields=", "at least one"],
    ]) {
      const bad = await api.call(`${run}/metrics/loss?${query}`);
      expect(bad.status, query).toBe(400);
      expect(JSON.stringify(await bad.json()), query).toContain(detail);
    }
  });
});
