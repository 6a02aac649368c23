// What an object store must offer for artifacts: single puts, multipart uploads, ranged gets
// and deletes. Two implementations: an S3-compatible service over signed HTTP (./s3-bucket.ts)
// and R2 through a Worker's binding (./r2-bucket.ts).

export interface UploadedPart {
  /** 1-based, as S3 counts. */
  number: number;
  etag: string;
}

export interface ObjectBucket {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Starts a multipart upload; its id. */
  createMultipart(key: string): Promise<string>;
  uploadPart(key: string, uploadId: string, number: number, bytes: Uint8Array): Promise<UploadedPart>;
  completeMultipart(key: string, uploadId: string, parts: UploadedPart[]): Promise<void>;
  abortMultipart(key: string, uploadId: string): Promise<void>;
  /** Bytes [start, end) of the object (end > start), or null when there is no such object. */
  get(key: string, start: number, end: number): Promise<ReadableStream<Uint8Array> | null>;
  /** The object's size, or null when there is none. */
  size(key: string): Promise<number | null>;
  /** Deletes the objects (absent ones are no error). */
  delete(keys: string[]): Promise<void>;
  /** Aborts every multipart upload still open on `key` (one whose server stopped mid-upload). */
  abortUploadsOf(key: string): Promise<void>;
  /**
   * A URL a client PUTs part `number` of the upload to, valid for `seconds`; absent where the
   * store cannot hand them out (an R2 binding has no credentials to sign with).
   */
  presignPart?(key: string, uploadId: string, number: number, seconds: number): Promise<string>;
}
