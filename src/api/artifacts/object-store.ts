// An object store (S3, R2) as an artifact store. Each upload writes a new object under a key of
// its own (`<prefix>/<32 random hex>`), never an existing one, so a reader of the previous
// version is never cut off mid-download by the replacement, and a queued delete of an old
// object can never hit a newer one.
//
// An upload streams: bytes are gathered into one part of PART_BYTES; a body that ends before
// the first part is full is one PUT, anything longer a multipart upload whose parts are sent as
// they fill (S3 and R2 want every part but the last of one size, ≥ 5 MiB). So an upload holds
// one part in memory whatever its size; a failed one aborts its multipart upload. A server
// that dies mid-upload leaves an open multipart upload (invisible, billed as storage): its
// artifact row stays invisible and is queued for deletion after a day by the next upload to
// that run (./service.ts), and the queue's drain aborts the uploads left on its key.
import type { ArtifactStoreName } from "../../config.ts";
import type { ObjectBucket, UploadedPart } from "./object-bucket.ts";
import { type ArtifactStore, type BytesRef, defaultSha256, hex, meteredChunks, type Sha256Factory, type StoredBytes } from "./store.ts";

/** 8 MiB: S3's 10,000 parts then reach 78 GiB, beyond any artifact sent in one request body. */
export const PART_BYTES = 8 * 1024 * 1024;

const randomHex = (bytes: number) => hex(crypto.getRandomValues(new Uint8Array(bytes)));

export class ObjectArtifactStore implements ArtifactStore {
  readonly name: ArtifactStoreName;
  readonly bucket: ObjectBucket;
  private readonly prefix: string;
  private readonly sha256: Sha256Factory;

  constructor(name: ArtifactStoreName, bucket: ObjectBucket, prefix: string, sha256: Sha256Factory = defaultSha256) {
    this.name = name;
    this.bucket = bucket;
    this.prefix = prefix ? `${prefix}/` : "";
    this.sha256 = sha256;
  }

  newKey(): string {
    return `${this.prefix}${randomHex(16)}`;
  }

  async write({ key }: BytesRef, body: ReadableStream<Uint8Array>, maxBytes: number): Promise<StoredBytes> {
    if (key === null) throw new Error("an object store writes to an object key");
    const hash = this.sha256();
    const part = new Uint8Array(PART_BYTES);
    let filled = 0;
    let size = 0;
    let uploadId: string | undefined;
    const parts: UploadedPart[] = [];
    // The part buffer is reused: a part's request has sent its body once it has answered.
    const send = async (bytes: Uint8Array) => {
      uploadId ??= await this.bucket.createMultipart(key);
      parts.push(await this.bucket.uploadPart(key, uploadId, parts.length + 1, bytes));
    };
    try {
      for await (const value of meteredChunks(body, maxBytes, hash)) {
        size += value.byteLength;
        for (let at = 0; at < value.byteLength; ) {
          const n = Math.min(PART_BYTES - filled, value.byteLength - at);
          part.set(value.subarray(at, at + n), filled);
          filled += n;
          at += n;
          if (filled === PART_BYTES) {
            await send(part);
            filled = 0;
          }
        }
      }
      if (uploadId === undefined && parts.length === 0) await this.bucket.put(key, part.subarray(0, filled));
      else {
        if (filled > 0) await send(part.subarray(0, filled));
        await this.bucket.completeMultipart(key, uploadId!, parts);
      }
    } catch (error) {
      if (uploadId !== undefined) await this.bucket.abortMultipart(key, uploadId).catch((e) => console.error(e));
      throw error;
    }
    return { size, sha256: hex(await hash.digest()) };
  }

  read({ pk, key }: BytesRef, start: number, end: number): ReadableStream<Uint8Array> {
    if (key === null) throw new Error("an object store reads an object key");
    const bucket = this.bucket;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    // Opened on the first pull: a HEAD or a 304 never reaches the store.
    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (end <= start) return controller.close();
          if (!reader) {
            const body = await bucket.get(key, start, end);
            // Gone: the artifact was replaced or deleted (and its object removed) meanwhile.
            if (!body) return controller.error(new Error(`artifact ${pk} changed while it was being read`));
            reader = body.getReader();
          }
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel: (reason) => reader?.cancel(reason),
      },
      { highWaterMark: 0 },
    );
  }
}
