// What the app is built from. Hosts construct these; routes pass them to services. The
// request path speaks SQL through the libSQL client (per-resource service files); drizzle
// owns only the schema (src/db/schema.ts) and its migrations (drizzle/).
import type { Client } from "@libsql/client";
import type { Config } from "./config.ts";
import type { AssetLoader } from "./http/web-ui.ts";
import type { BlockCache } from "./series/index.ts";

export interface Deps {
  client: Client;
  config: Config;
  /** Filled in by createApp from config.seriesCacheBytes. */
  blockCache?: BlockCache;
  /** The built web UI's files (web/dist); without it the app serves the API only. */
  webAssets?: AssetLoader;
}
