// The compression middleware with a host's whole-body compressor (src/http/compression.ts):
// a JSON answer is compressed in one call, keeping its status and headers; a small one stays
// as it was; a text answer still streams (a followed log must not wait for its end).
import { gunzipSync, gzipSync } from "node:zlib";
import { Hono } from "hono";
import { expect, test } from "vitest";
import { type Compressor, compressResponses } from "../src/http/compression.ts";

function counting() {
  const calls = { stream: 0, whole: 0 };
  const gzip = ((body: ReadableStream<Uint8Array>) => {
    calls.stream++;
    return body.pipeThrough(new CompressionStream("gzip") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  }) as Compressor;
  gzip.whole = (bytes) => {
    calls.whole++;
    return gzipSync(bytes);
  };
  return { gzip, calls };
}

const accept = { headers: { "accept-encoding": "gzip" } };

test("a JSON answer is compressed whole, with its status and headers", async () => {
  const { gzip, calls } = counting();
  const body = JSON.stringify({ values: Array.from({ length: 2000 }, (_, i) => i / 3) });
  const app = new Hono()
    .use(compressResponses(gzip))
    .get("/", (c) => c.body(body, 201, { "content-type": "application/json", "x-kept": "yes", vary: "Origin" }));
  const res = await app.request("/", accept);
  expect(res.status).toBe(201);
  expect(res.headers.get("content-encoding")).toBe("gzip");
  expect(res.headers.get("x-kept")).toBe("yes");
  expect(res.headers.get("vary")).toBe("Origin, Accept-Encoding");
  expect(res.headers.get("content-type")).toBe("application/json");
  expect(new TextDecoder().decode(gunzipSync(new Uint8Array(await res.arrayBuffer())))).toBe(body);
  expect(calls).toEqual({ stream: 0, whole: 1 });
});

test("a small JSON answer, or one to a client without gzip, stays as it was", async () => {
  const { gzip, calls } = counting();
  const big = JSON.stringify({ text: "x".repeat(5000) });
  const app = new Hono()
    .use(compressResponses(gzip))
    .get("/small", (c) => c.json({ ok: true }, 202))
    .get("/big", (c) => c.body(big, 200, { "content-type": "application/json" }));
  const small = await app.request("/small", accept);
  expect(small.status).toBe(202);
  expect(small.headers.get("content-encoding")).toBeNull();
  expect(await small.json()).toEqual({ ok: true });
  const plain = await app.request("/big");
  expect(plain.headers.get("content-encoding")).toBeNull();
  expect(await plain.text()).toBe(big);
  expect(calls).toEqual({ stream: 0, whole: 0 });
});

test("a text answer that goes on is streamed: its first part arrives before it ends", async () => {
  const { gzip, calls } = counting();
  let push!: ReadableStreamDefaultController<Uint8Array>;
  const source = new ReadableStream<Uint8Array>({ start: (c) => void (push = c) });
  const app = new Hono().use(compressResponses(gzip)).get("/log", (c) => c.body(source, 200, { "content-type": "text/plain; charset=utf-8" }));
  push.enqueue(new TextEncoder().encode(`${"a line of a log\n".repeat(100)}`));
  const res = await app.request("/log", accept);
  expect(res.headers.get("content-encoding")).toBe("gzip");
  expect(calls).toEqual({ stream: 1, whole: 0 });
  // The response came while the body is still open: nothing waited for its end.
  push.enqueue(new TextEncoder().encode("the last line\n"));
  push.close();
  const text = new TextDecoder().decode(gunzipSync(new Uint8Array(await res.arrayBuffer())));
  expect(text.endsWith("the last line\n")).toBe(true);
});
