// Where an artifact's bytes live, behind a small interface: the metadata (path, size, content
// type, SHA-256) is always a row of `artifacts` in libSQL; the bytes are written, read and
// deleted through an ArtifactStore. Today the only store is libSQL itself, so an artifact
// works the same on Node and on the Worker. An object store (S3, R2) for large artifacts
// would implement the same three operations keyed by the artifact's pk (an object key such as
// `artifacts/<pk>`); its deletes, which cannot join a libSQL transaction, would be queued as
// rows in the same batch that deletes the metadata and carried out after the commit.
//
// Storage in libSQL: table artifact_parts, one row per PART_BYTES of the artifact (the last
// one shorter), keyed by (artifact_pk, seq), seq counting from 0. An upload is streamed:
// what arrives is copied into parts, and every PARTS_PER_WRITE parts go to the database in
// one write batch taken under the app's write lock, so an upload holds at most that many
// parts in memory and never holds the lock (or a transaction) while its client is sending.
// Over libSQL's HTTP protocol (the Worker) a blob travels base64 in JSON, which is why the
// parts are kept moderate.
import type { Client, InStatement } from "@libsql/client";
import { sha256 } from "@noble/hashes/sha2.js";
import { tooLarge } from "../../http/problems.ts";
import type { WriteLock } from "../../http/write-lock.ts";
import { deletePartsOf } from "../../runs-core/run-delete.ts";

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

export const PART_BYTES = 256 * 1024;
const PARTS_PER_WRITE = 4;
/** Parts fetched per query when reading. */
const PARTS_PER_READ = 4;

export interface StoredBytes {
  size: number;
  /** Lowercase hex SHA-256 of the bytes. */
  sha256: string;
}

export interface ArtifactStore {
  /**
   * Streams `body` into the bytes of artifact `pk` (a row readers cannot see yet), hashing it
   * on the way. Past `maxBytes` it stops reading and throws a 413. After a failure the
   * caller discards whatever was written with `deleteStatements`.
   */
  write(pk: number, body: ReadableStream<Uint8Array>, maxBytes: number): Promise<StoredBytes>;
  /** Bytes [start, end) of artifact `pk`, read as the stream is consumed. */
  read(pk: number, start: number, end: number): ReadableStream<Uint8Array>;
  /** Statements deleting the bytes of the artifacts whose pks `pksSql` selects. */
  deleteStatements(pksSql: string, args: (string | number)[]): InStatement[];
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

export class LibsqlArtifactStore implements ArtifactStore {
  private readonly client: Client;
  private readonly lock: WriteLock;
  private readonly sha256: Sha256Factory;

  constructor(client: Client, lock: WriteLock, sha256: Sha256Factory = defaultSha256) {
    this.client = client;
    this.lock = lock;
    this.sha256 = sha256;
  }

  async write(pk: number, body: ReadableStream<Uint8Array>, maxBytes: number): Promise<StoredBytes> {
    const hash = this.sha256();
    const reader = body.getReader();
    let size = 0;
    let seq = 0;
    // PARTS_PER_WRITE buffers, reused batch after batch: the driver has copied a batch's
    // blobs by the time it resolves, so an upload allocates 1 MiB, not its size.
    const free = Array.from({ length: PARTS_PER_WRITE }, () => new Uint8Array(PART_BYTES));
    let part = free.pop()!;
    let filled = 0;
    let ready: Uint8Array<ArrayBuffer>[] = [];
    const flush = async () => {
      const statements = ready.map((data) => ({ sql: "INSERT INTO artifact_parts (artifact_pk, seq, data) VALUES (?, ?, ?)", args: [pk, seq++, data] }));
      await this.lock(() => this.client.batch(statements, "write"));
      for (const data of ready) if (data.byteLength === PART_BYTES) free.push(data);
      ready = [];
    };
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) throw tooLarge(`The artifact exceeds the limit of ${maxBytes} bytes.`);
        await hash.update(value);
        for (let at = 0; at < value.byteLength; ) {
          const n = Math.min(PART_BYTES - filled, value.byteLength - at);
          part.set(value.subarray(at, at + n), filled);
          filled += n;
          at += n;
          if (filled === PART_BYTES) {
            ready.push(part);
            filled = 0;
            if (ready.length === PARTS_PER_WRITE) await flush();
            part = free.pop()!;
          }
        }
      }
      if (filled > 0) ready.push(part.slice(0, filled));
      if (ready.length) await flush();
    } catch (error) {
      await reader.cancel().catch(() => {});
      throw error;
    } finally {
      reader.releaseLock();
    }
    return { size, sha256: hex(await hash.digest()) };
  }

  read(pk: number, start: number, end: number): ReadableStream<Uint8Array> {
    let next = Math.floor(start / PART_BYTES);
    const last = end > start ? Math.floor((end - 1) / PART_BYTES) : next - 1;
    const client = this.client;
    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (next > last) return controller.close();
          const upTo = Math.min(last, next + PARTS_PER_READ - 1);
          const rs = await client.execute({
            sql: "SELECT seq, data FROM artifact_parts WHERE artifact_pk = ? AND seq BETWEEN ? AND ? ORDER BY seq",
            args: [pk, next, upTo],
          });
          // Fewer parts than asked: the artifact was replaced or deleted while being read.
          // Erroring the stream cuts the response short of its content-length.
          if (rs.rows.length !== upTo - next + 1) return controller.error(new Error(`artifact ${pk} changed while it was being read`));
          for (const row of rs.rows) {
            const seq = Number(row.seq);
            const data = new Uint8Array(row.data as ArrayBuffer);
            const from = Math.max(0, start - seq * PART_BYTES);
            const to = Math.min(data.byteLength, end - seq * PART_BYTES);
            controller.enqueue(from === 0 && to === data.byteLength ? data : data.subarray(from, to));
          }
          next = upTo + 1;
          if (next > last) controller.close();
        },
      },
      { highWaterMark: 0 },
    );
  }

  deleteStatements(pksSql: string, args: (string | number)[]): InStatement[] {
    return deletePartsOf(pksSql, args);
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
