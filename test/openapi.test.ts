import { readFileSync } from "node:fs";
import { createClient } from "@libsql/client";
import { expect, test } from "vitest";
import { renderOpenApiYaml } from "../scripts/openapi-document.ts";

test("the committed openapi.yaml is what the code generates (run `npm run openapi` after changing routes)", async () => {
  const client = createClient({ url: ":memory:" });
  const generated = await renderOpenApiYaml(client);
  client.close();
  expect(readFileSync(new URL("../openapi.yaml", import.meta.url), "utf8")).toBe(generated);
});
