// The OpenAPI document as YAML, built from a throwaway app (routes don't touch the database
// while describing themselves). Shared by `npm run openapi` and the drift test.
import type { Client } from "@libsql/client";
import { stringify } from "yaml";
import { createApp } from "../src/app.ts";
import { defaultLimits } from "../src/config.ts";
import { openApiSpec } from "../src/http/openapi.ts";

export async function renderOpenApiYaml(client: Client): Promise<string> {
  const app = createApp({ client, config: { limits: defaultLimits, corsOrigins: [] } });
  return stringify(await openApiSpec(app), { lineWidth: 0, aliasDuplicateObjects: false });
}
