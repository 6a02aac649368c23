// The Node host's gzip (src/hosts/node-gzip.ts): a one-chunk body compressed whole, a body that
// goes on streamed with each chunk flushed, so a reader gets the first part before the last
// is written; both inflate to exactly the bytes given.
import { gunzipSync, inflateRawSync } from "node:zlib";
import { expect, test } from "vitest";
import { nodeGzip } from "../src/hosts/node-gzip.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

test("a one-chunk body inflates to itself, and so does an empty one", async () => {
  const json = JSON.stringify({ values: Array.from({ length: 5000 }, (_, i) => i / 7) });
  const out = await readAll(nodeGzip(new Response(json).body!));
  expect(text(gunzipSync(out))).toBe(json);
  expect(out.length).toBeLessThan(json.length / 2);
  const empty = await readAll(nodeGzip(new ReadableStream({ start: (c) => c.close() })));
  expect(gunzipSync(empty).length).toBe(0);
});

test("a body that goes on is streamed: what was written can be inflated before the body ends", async () => {
  let push!: ReadableStreamDefaultController<Uint8Array>;
  const source = new ReadableStream<Uint8Array>({ start: (c) => void (push = c) });
  const reader = nodeGzip(source).getReader();
  const got: Uint8Array[] = [];
  const drained = (async () => {
    for (let next = await reader.read(); !next.done; next = await reader.read()) got.push(next.value);
  })();
  push.enqueue(bytes("first line\n"));
  // Nothing more comes for a while (a log being followed): the first line arrives anyway.
  await expect.poll(() => partialText(got), { timeout: 2_000 }).toBe("first line\n");
  push.enqueue(bytes("second line\n"));
  await expect.poll(() => partialText(got), { timeout: 2_000 }).toBe("first line\nsecond line\n");
  push.close();
  await drained;
  expect(text(gunzipSync(concat(got)))).toBe("first line\nsecond line\n");
});

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** What the gzip bytes so far inflate to (a stream cut after a sync flush inflates cleanly). */
function partialText(parts: Uint8Array[]): string {
  const all = concat(parts);
  if (all.length <= 10) return "";
  try {
    return text(inflateRawSync(all.subarray(10), { finishFlush: 2 /* Z_SYNC_FLUSH */ }));
  } catch {
    return "";
  }
}
