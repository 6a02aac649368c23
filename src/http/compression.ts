// Responses gzip-compressed for clients that accept it. A 1,000-bucket series answer is
// ~125 KB of JSON and ~50 KB gzipped; over a real network that is most of a chart read.
//
// What is compressed: JSON, problem+json, NDJSON, CSV and text/plain answers of more than
// MIN_BYTES, when Accept-Encoding allows gzip. What is not, and why:
// - artifact downloads (runcamp's and the MLflow dialect's, everything under .../artifacts/…)
//   and any 206 or response carrying an ETag or Accept-Ranges: their ETag and byte ranges are
//   those of the stored bytes, which a compressed body is not;
// - a body that already has a Content-Encoding, or Cache-Control: no-transform;
// - HEAD, 204 and 304 (no body), and other content types (the web UI's assets, images).
// Streamed answers (logs as text/plain) stay streamed: only the first MIN_BYTES are held to
// decide, then the compressor passes on what it is given.
//
// The compressor is the host's: the Node host's is node:zlib at level 1 (about half the CPU of
// CompressionStream's default level for ~7% more bytes, bench/RESULTS.md "Compressed
// responses"), and it compresses a JSON answer as bytes in one call; the Worker's passes the
// body on as it is, for workerd compresses a body whose Content-Encoding says gzip; the
// default is CompressionStream, which every runtime here has.
import type { MiddlewareHandler } from "hono";

export interface Compressor {
  (body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array>;
  /**
   * A whole body compressed in one call, for a host that has a synchronous compressor: JSON
   * answers are built whole, and taking them as bytes spares the stream a response would
   * otherwise be rebuilt as (on the Node host, ~1 ms of a 125 KB series answer's first read).
   */
  whole?: (body: Uint8Array) => Uint8Array<ArrayBuffer>;
}

// CompressionStream takes any BufferSource; the body's chunks are Uint8Arrays.
export const webGzip: Compressor = (body) => body.pipeThrough(new CompressionStream("gzip") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);

/** Below this many bytes gzip saves too little to pay for its header and the client's CPU. */
export const MIN_BYTES = 1024;

const COMPRESSIBLE = /^\s*(?:application\/(?:json|problem\+json|x-ndjson)|text\/(?:csv|plain))\s*(?:;|$)/i;
// The types whose answers are never streamed here (a handler builds them whole): what
// Compressor.whole may take as bytes. NDJSON, CSV and text (logs) may go on for a while.
const WHOLE = /^\s*application\/(?:json|problem\+json)\s*(?:;|$)/i;
const ARTIFACT_DOWNLOAD = /\/artifacts\/./;

/** Whether `header` (Accept-Encoding) allows gzip: named, or by *, with a q above 0. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let wildcard = false;
  for (const part of header.split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (coding.trim() === "gzip") return allowed;
    if (coding.trim() === "*") wildcard = allowed;
  }
  return wildcard;
}

/** The body's first `bytes` (or all of it, if shorter), and a stream of the whole body. */
async function peek(body: ReadableStream<Uint8Array>, bytes: number): Promise<{ size: number; done: boolean; stream: ReadableStream<Uint8Array> }> {
  const reader = body.getReader();
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < bytes) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    size += next.value.byteLength;
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of head) controller.enqueue(chunk);
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { size, done, stream };
}

export function compressResponses(compress: Compressor): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get("content-type");
    if (!type || !COMPRESSIBLE.test(type)) return;
    const whole = compress.whole && WHOLE.test(type) ? compress.whole : undefined;
    if (
      c.req.method === "HEAD" ||
      res.status === 204 ||
      res.status === 206 ||
      res.status === 304 ||
      // Not asked of what goes whole: res.body makes the Node host's answer a stream.
      (!whole && !res.body) ||
      ARTIFACT_DOWNLOAD.test(c.req.path) ||
      res.headers.has("etag") ||
      res.headers.has("accept-ranges") ||
      res.headers.has("content-encoding") ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get("cache-control") ?? "")
    )
      return;
    // The answer depends on Accept-Encoding from here on, compressed or not: caches must key on it.
    const vary = res.headers.get("vary");
    if (vary !== "*" && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? ""))
      res.headers.set("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    if (!acceptsGzip(c.req.header("accept-encoding"))) return;
    const length = Number(res.headers.get("content-length") ?? Number.NaN);
    if (length < MIN_BYTES) return;
    if (whole) {
      const bytes = new Uint8Array(await res.arrayBuffer());
      const headers = new Headers(res.headers);
      const small = bytes.byteLength < MIN_BYTES;
      if (!small) {
        headers.delete("content-length");
        headers.set("content-encoding", "gzip");
      }
      // Unset first: replacing c.res copies the old answer's headers (done above) and rebuilds
      // the new one around its body as a stream, which bytes need not be.
      c.res = undefined;
      c.res = new Response(small ? bytes : whole(bytes), { status: res.status, headers });
      return;
    }
    const { size, done, stream: body } = await peek(res.body!, MIN_BYTES);
    // Hono copies the replaced response's headers onto the new one: fixed up after.
    if (done && size < MIN_BYTES) {
      c.res = new Response(body, res);
      return;
    }
    c.res = new Response(compress(body), res);
    c.res.headers.delete("content-length");
    c.res.headers.set("content-encoding", "gzip");
  };
}
