// An S3-compatible bucket over HTTP, each request signed (SigV4) by aws4fetch, which runs on
// Node and on Workers alike (the AWS SDK would weigh megabytes in the Worker bundle). With an
// endpoint (MinIO, R2's S3 API, moto, Ceph) objects are addressed path-style,
// <endpoint>/<bucket>/<key>; without one, AWS virtual-hosted style,
// https://<bucket>.s3.<region>.amazonaws.com/<key>. Payloads are sent UNSIGNED-PAYLOAD (over
// TLS): hashing every part before sending would double the CPU of an upload.
//
// The REST calls (S3 API reference): PUT key; POST key?uploads → <UploadId>; PUT
// key?partNumber&uploadId → ETag header; POST key?uploadId with <CompleteMultipartUpload>;
// DELETE key?uploadId; GET key with Range; HEAD key; DELETE key; GET ?uploads&prefix → <Upload>s.
import { AwsClient } from "aws4fetch";
import type { S3Settings } from "../../config.ts";
import type { ObjectBucket, UploadedPart } from "./object-bucket.ts";

/** Deletes sent at once by `delete` (one request per key: DeleteObjects needs a Content-MD5). */
const DELETES_IN_FLIGHT = 8;

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const xmlUnescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#34;/g, '"')
    .replace(/&amp;/g, "&");
const xmlValues = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((m) => xmlUnescape(m[1]));

export class S3Bucket implements ObjectBucket {
  private readonly aws: AwsClient;
  private readonly base: string;

  constructor(settings: S3Settings) {
    this.aws = new AwsClient({
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      sessionToken: settings.sessionToken,
      service: "s3",
      region: settings.region,
      // Our callers retry nothing that is not idempotent; a failed upload is the client's to resend.
      retries: 0,
    });
    this.base = settings.endpoint ? `${settings.endpoint}/${settings.bucket}` : `https://${settings.bucket}.s3.${settings.region}.amazonaws.com`;
  }

  private url(key: string, query: Record<string, string> = {}): URL {
    const url = new URL(`${this.base}/${key.split("/").map(encodeURIComponent).join("/")}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url;
  }

  private async send(method: string, url: URL, init: { body?: Uint8Array | string; headers?: Record<string, string> } = {}, ok = [200]): Promise<Response> {
    const res = await this.aws.fetch(url.toString(), { method, body: init.body as BodyInit | undefined, headers: init.headers });
    if (ok.includes(res.status)) return res;
    const text = await res.text().catch(() => "");
    const code = xmlValues(text, "Code")[0] ?? "";
    // The query's names only: its values may hold an upload id or a signature.
    const query = url.search ? ` ?${[...url.searchParams.keys()].join("&")}` : "";
    throw new Error(`S3 ${method} ${url.pathname}${query}: ${res.status} ${code}`);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await (await this.send("PUT", this.url(key), { body: bytes })).arrayBuffer();
  }

  async createMultipart(key: string): Promise<string> {
    const xml = await (await this.send("POST", this.url(key, { uploads: "" }))).text();
    const id = xmlValues(xml, "UploadId")[0];
    if (!id) throw new Error("S3 CreateMultipartUpload answered without an UploadId");
    return id;
  }

  async uploadPart(key: string, uploadId: string, number: number, bytes: Uint8Array): Promise<UploadedPart> {
    const res = await this.send("PUT", this.url(key, { partNumber: String(number), uploadId }), { body: bytes });
    await res.arrayBuffer();
    const etag = res.headers.get("etag");
    if (!etag) throw new Error("S3 UploadPart answered without an ETag");
    return { number, etag };
  }

  async completeMultipart(key: string, uploadId: string, parts: UploadedPart[]): Promise<void> {
    const body = `<CompleteMultipartUpload>${parts.map((p) => `<Part><PartNumber>${p.number}</PartNumber><ETag>${xmlEscape(p.etag)}</ETag></Part>`).join("")}</CompleteMultipartUpload>`;
    const text = await (await this.send("POST", this.url(key, { uploadId }), { body, headers: { "content-type": "application/xml" } })).text();
    // S3 may answer 200 and report the failure in the body.
    if (text.includes("<Error>")) throw new Error(`S3 CompleteMultipartUpload failed: ${xmlValues(text, "Code")[0] ?? "unknown error"}`);
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    await (await this.send("DELETE", this.url(key, { uploadId }), {}, [204, 200, 404])).arrayBuffer();
  }

  async get(key: string, start: number, end: number): Promise<ReadableStream<Uint8Array> | null> {
    const res = await this.send("GET", this.url(key), { headers: { range: `bytes=${start}-${end - 1}` } }, [206, 200, 404]);
    if (res.status === 404) {
      await res.arrayBuffer();
      return null;
    }
    // A 200 would be the whole object: a store that ignored the Range.
    if (res.status === 200 && (start !== 0 || Number(res.headers.get("content-length")) !== end)) {
      await res.body?.cancel();
      throw new Error("S3 GET ignored the Range header");
    }
    return res.body;
  }

  async size(key: string): Promise<number | null> {
    const res = await this.send("HEAD", this.url(key), {}, [200, 404]);
    return res.status === 404 ? null : Number(res.headers.get("content-length"));
  }

  async delete(keys: string[]): Promise<void> {
    for (let at = 0; at < keys.length; at += DELETES_IN_FLIGHT) {
      await Promise.all(
        keys.slice(at, at + DELETES_IN_FLIGHT).map(async (key) => (await this.send("DELETE", this.url(key), {}, [204, 200, 404])).arrayBuffer()),
      );
    }
  }

  async abortUploadsOf(key: string): Promise<void> {
    const xml = await (await this.send("GET", new URL(`${this.base}/?uploads=&prefix=${encodeURIComponent(key)}`))).text();
    const uploads = [...xml.matchAll(/<Upload>([\s\S]*?)<\/Upload>/g)].map((m) => ({ key: xmlValues(m[1], "Key")[0], id: xmlValues(m[1], "UploadId")[0] }));
    for (const upload of uploads) if (upload.key === key && upload.id) await this.abortMultipart(key, upload.id);
  }

  async presignPart(key: string, uploadId: string, number: number, seconds: number): Promise<string> {
    const url = this.url(key, { partNumber: String(number), uploadId, "X-Amz-Expires": String(seconds) });
    const signed = await this.aws.sign(url.toString(), { method: "PUT", aws: { signQuery: true } });
    return signed.url;
  }
}
