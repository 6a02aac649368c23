// R2 through a Worker's binding (wrangler.toml [[r2_buckets]], binding ARTIFACTS): no
// credentials, no signing, the binding's own multipart API. It cannot hand out presigned URLs
// (those need R2's S3 API and its keys: configure RUNCAMP_S3 against R2's endpoint for that),
// nor list open multipart uploads: R2 aborts those itself after 7 days (its default lifecycle).
import type { ObjectBucket, UploadedPart } from "./object-bucket.ts";

/** The part of the R2Bucket binding used here (the full type is @cloudflare/workers-types'). */
export interface R2BucketBinding {
  put(key: string, value: Uint8Array): Promise<unknown>;
  get(key: string, options?: { range?: { offset: number; length: number } }): Promise<{ body: ReadableStream<Uint8Array> } | null>;
  head(key: string): Promise<{ size: number } | null>;
  delete(keys: string | string[]): Promise<void>;
  createMultipartUpload(key: string): Promise<{ uploadId: string }>;
  resumeMultipartUpload(
    key: string,
    uploadId: string,
  ): {
    uploadPart(number: number, value: Uint8Array): Promise<{ partNumber: number; etag: string }>;
    complete(parts: { partNumber: number; etag: string }[]): Promise<unknown>;
    abort(): Promise<void>;
  };
}

/** Keys per delete call: the binding takes at most 1000. */
const DELETE_BATCH = 1000;

export class R2Bucket implements ObjectBucket {
  private readonly binding: R2BucketBinding;

  constructor(binding: R2BucketBinding) {
    this.binding = binding;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await this.binding.put(key, bytes);
  }

  async createMultipart(key: string): Promise<string> {
    return (await this.binding.createMultipartUpload(key)).uploadId;
  }

  async uploadPart(key: string, uploadId: string, number: number, bytes: Uint8Array): Promise<UploadedPart> {
    // Resolves once the part is stored: the caller reuses its buffer only then.
    const part = await this.binding.resumeMultipartUpload(key, uploadId).uploadPart(number, bytes);
    return { number: part.partNumber, etag: part.etag };
  }

  async completeMultipart(key: string, uploadId: string, parts: UploadedPart[]): Promise<void> {
    await this.binding.resumeMultipartUpload(key, uploadId).complete(parts.map((p) => ({ partNumber: p.number, etag: p.etag })));
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    await this.binding.resumeMultipartUpload(key, uploadId).abort();
  }

  async get(key: string, start: number, end: number): Promise<ReadableStream<Uint8Array> | null> {
    return (await this.binding.get(key, { range: { offset: start, length: end - start } }))?.body ?? null;
  }

  async size(key: string): Promise<number | null> {
    return (await this.binding.head(key))?.size ?? null;
  }

  async delete(keys: string[]): Promise<void> {
    for (let at = 0; at < keys.length; at += DELETE_BATCH) await this.binding.delete(keys.slice(at, at + DELETE_BATCH));
  }

  async abortUploadsOf(): Promise<void> {
    // Nothing to list them with; R2's lifecycle aborts them (see above).
  }
}
