// Writes openapi.yaml from the code (npm run openapi). test/openapi.test.ts fails when the
// committed file differs from what this generates.
import { writeFileSync } from "node:fs";
import { createClient } from "@libsql/client";
import { renderOpenApiYaml } from "./openapi-document.ts";

const client = createClient({ url: ":memory:" });
writeFileSync(new URL("../openapi.yaml", import.meta.url), await renderOpenApiYaml(client));
client.close();
console.log("wrote openapi.yaml");
