// What the app is built from. Hosts construct these; routes pass them to services. The
// request path speaks SQL through the libSQL client (per-resource service files); drizzle
// owns only the schema (src/db/schema.ts) and its migrations (drizzle/).
import type { Client } from "@libsql/client";
import type { R2BucketBinding } from "./api/artifacts/r2-bucket.ts";
import type { Sha256Factory } from "./api/artifacts/store.ts";
import type { ArtifactStores } from "./api/artifacts/stores.ts";
import type { IngestWrite, IngestWriteResult } from "./api/metrics/ingest-write.ts";
import type { Config } from "./config.ts";
import type { Compressor } from "./http/compression.ts";
import type { AssetLoader } from "./http/web-ui.ts";
import type { WriteLock } from "./http/write-lock.ts";
import type { BlockCache } from "./series/index.ts";

export interface Deps {
  client: Client;
  config: Config;
  /** Filled in by createApp from config.seriesCacheBytes. */
  blockCache?: BlockCache;
  /** The app's write lock (src/http/write-lock.ts); filled in by createApp. */
  writeLock?: WriteLock;
  /** Where artifact bytes live (./api/artifacts/stores.ts); filled in by createApp from config and `r2`. */
  artifactStores?: ArtifactStores;
  /** The Worker's R2 binding for artifacts (ARTIFACTS), when it has one. */
  r2?: R2BucketBinding;
  /** An incremental SHA-256 for artifact uploads, where the host has a faster one than the default. */
  sha256?: Sha256Factory;
  /**
   * Runs an ingest's write transaction where the host's connection lives (the Node host's
   * writer thread); without it the app runs it on `client`.
   */
  writeIngest?: (write: IngestWrite) => Promise<IngestWriteResult>;
  /** gzip for compressed responses (src/http/compression.ts); CompressionStream's unless the host has a cheaper one. */
  gzip?: Compressor;
  /** The built web UI's files (web/dist); without it the app serves the API only. */
  webAssets?: AssetLoader;
}
