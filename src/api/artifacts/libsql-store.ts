// The libSQL store: an artifact's bytes as rows of artifact_parts, one per PART_BYTES (the last
// one shorter), keyed by (artifact_pk, seq), seq counting from 0. An upload is streamed: what
// arrives is copied into parts, and every PARTS_PER_WRITE parts go to the database in one
// write batch taken under the app's write lock, so an upload holds at most that many parts in
// memory and never holds the lock (or a transaction) while its client is sending. Over
// libSQL's HTTP protocol (the Worker) a blob travels base64 in JSON, which is why the parts
// are kept moderate.
import type { Client } from "@libsql/client";
import type { WriteLock } from "../../http/write-lock.ts";
import { type ArtifactStore, type BytesRef, defaultSha256, hex, meteredChunks, type Sha256Factory, type StoredBytes } from "./store.ts";

export const PART_BYTES = 256 * 1024;
const PARTS_PER_WRITE = 4;
/** Parts fetched per query when reading. */
const PARTS_PER_READ = 4;

export class LibsqlArtifactStore implements ArtifactStore {
  readonly name = "libsql";
  private readonly client: Client;
  private readonly lock: WriteLock;
  private readonly sha256: Sha256Factory;

  constructor(client: Client, lock: WriteLock, sha256: Sha256Factory = defaultSha256) {
    this.client = client;
    this.lock = lock;
    this.sha256 = sha256;
  }

  newKey(): null {
    return null;
  }

  async write({ pk }: BytesRef, body: ReadableStream<Uint8Array>, maxBytes: number): Promise<StoredBytes> {
    const hash = this.sha256();
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
    for await (const value of meteredChunks(body, maxBytes, hash)) {
      size += value.byteLength;
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
    return { size, sha256: hex(await hash.digest()) };
  }

  read({ pk }: BytesRef, start: number, end: number): ReadableStream<Uint8Array> {
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
}
