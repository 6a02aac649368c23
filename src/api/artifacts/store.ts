// Where an artifact's bytes live, behind a small interface: the metadata (path, size, content
// type, SHA-256, which store and under which key) is always a row of `artifacts` in libSQL;
// the bytes are written and read through an ArtifactStore:
//   libsql  artifact_parts rows, keyed by the artifact's pk (./libsql-store.ts), the default;
//   s3      an object in an S3-compatible bucket (./object-store.ts over ./s3-bucket.ts);
//   r2      an object in R2 through the Worker's binding (./object-store.ts over ./r2-bucket.ts).
// Every store writes while the artifact's row is invisible (path NULL) and the upload's last
// batch names it, so nothing is half-visible. Deleting is store-independent SQL
// (deleteArtifactBytesOf in src/runs-core/run-delete.ts): parts go in the same batch as the
// rows, objects are queued there and removed after the commit (./object-deletes.ts).
import { sha256 } from "@noble/hashes/sha2.js";
import type { ArtifactStoreName } from "../../config.ts";
import { tooLarge } from "../../http/problems.ts";

/** An incremental SHA-256 (WebCrypto has none). */
export interface Sha256 {
  update(bytes: Uint8Array): void | Promise<void>;
  digest(): Promise<Uint8Array>;
}
export type Sha256Factory = () => Sha256;

// Workers have a native incremental digest (crypto.DigestStream); elsewhere the default is
// @noble/hashes, pure JS and several times slower than native code, so hosts that have a
// native hash pass it in (src/hosts/node.ts: node:crypto).
type DigestStream = WritableStream<Uint8Array> & { digest: Promise<ArrayBuffer> };
const NativeDigestStream = (globalThis.crypto as { DigestStream?: new (algorithm: string) => DigestStream } | undefined)?.DigestStream;

export const defaultSha256: Sha256Factory = () => {
  if (NativeDigestStream) {
    const stream = new NativeDigestStream("SHA-256");
    const writer = stream.getWriter();
    return {
      update: (bytes) => writer.write(bytes),
      digest: async () => {
        await writer.close();
        return new Uint8Array(await stream.digest);
      },
    };
  }
  const hash = sha256.create();
  return { update: (bytes) => void hash.update(bytes), digest: async () => hash.digest() };
};

export interface StoredBytes {
  size: number;
  /** Lowercase hex SHA-256 of the bytes. */
  sha256: string;
}

/** Which bytes: the artifact row's pk and, in an object store, its object key. */
export interface BytesRef {
  pk: number;
  key: string | null;
}

export interface ArtifactStore {
  readonly name: ArtifactStoreName;
  /** The object key a new upload writes to (unique per upload); null in libSQL, where bytes are keyed by pk. */
  newKey(): string | null;
  /**
   * Streams `body` into the bytes `ref` names (a row readers cannot see yet), hashing it on the
   * way. Past `maxBytes` it stops reading and throws a 413. What a failed write leaves is
   * removed with the row (deleteArtifactBytesOf); an object store aborts its multipart upload.
   */
  write(ref: BytesRef, body: ReadableStream<Uint8Array>, maxBytes: number): Promise<StoredBytes>;
  /** Bytes [start, end) of `ref`, read as the stream is consumed. */
  read(ref: BytesRef, start: number, end: number): ReadableStream<Uint8Array>;
}

/** Lowercase hex of `bytes`. */
export const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * Hashes and counts what flows through `body`, refusing with a 413 past `maxBytes`: the checks
 * every store's write makes, in one place.
 */
export async function* meteredChunks(body: ReadableStream<Uint8Array>, maxBytes: number, hash: Sha256): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let size = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(`The artifact exceeds the limit of ${maxBytes} bytes.`);
      await hash.update(value);
      yield value;
    }
  } finally {
    // Refused, or the store failed while the body was still coming: stop reading it.
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/** A stream of `bytes` (one chunk). */
export function bytesStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      if (bytes.byteLength) controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** All of a stream's bytes, or a 413 past `maxBytes` (for bodies that must be parsed whole). */
export async function readAllBytes(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(`The body exceeds the limit of ${maxBytes} bytes.`);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
