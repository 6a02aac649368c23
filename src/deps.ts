// What the app is built from. Hosts construct these; routes pass them to services.
import type { Client } from "@libsql/client";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import type { Config } from "./config.ts";
import type { BlockCache } from "./lib/block-cache.ts";
import type * as schema from "./db/schema.ts";
import type { AssetLoader } from "./web-ui.ts";

export type Database = LibSQLDatabase<typeof schema>;

export interface Deps {
  /** drizzle over `client`, for typed CRUD. */
  db: Database;
  /** The raw libSQL client, for the hot paths (ingest, block reads) and batches. */
  client: Client;
  config: Config;
  /** Filled in by createApp from config.seriesCacheBytes. */
  blockCache?: BlockCache;
  /** The built web UI's files (web/dist); without it the app serves the API only. */
  webAssets?: AssetLoader;
}
