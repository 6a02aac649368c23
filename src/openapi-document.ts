// The OpenAPI document as YAML, built from a throwaway app (routes don't touch the database
// while describing themselves). Shared by `npm run openapi` and the drift test.
import type { Client } from "@libsql/client";
import { stringify } from "yaml";
import { createApp, openApiSpec } from "./app.ts";
import { defaultLimits } from "./config.ts";
import { connect } from "./db/connect.ts";

export async function renderOpenApiYaml(client: Client): Promise<string> {
  const app = createApp({ db: connect(client), client, config: { limits: defaultLimits, corsOrigins: [] } });
  return stringify(await openApiSpec(app), { lineWidth: 0, aliasDuplicateObjects: false });
}
