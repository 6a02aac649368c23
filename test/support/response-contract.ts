// Every response the HTTP suites receive is checked against what openapi.yaml documents for
// its route: the status must be listed, and a JSON or problem+json body must match the
// schema given for that status (components resolved). The drift test keeps openapi.yaml equal
// to what the code generates, so a service returning another shape than its schema fails.

import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { tryDecodeURI } from "hono/utils/url";
import { parse } from "yaml";

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
const spec = parse(readFileSync(new URL("../../openapi.yaml", import.meta.url), "utf8")) as {
  paths: Record<string, Record<string, Operation>>;
  components: unknown;
};

const ajv = new Ajv2020({ strict: false, allErrors: true });

// "/v1/repos/{repo}/runs/{run}" → a regex over URL paths; more literal segments win ties.
// An artifact's {path} spans segments ("reports/cm.json").
const routes = Object.keys(spec.paths)
  .map((template) => ({
    template,
    pattern: new RegExp(
      `^${template
        .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
        .replace(/\{path\}$/, ".+")
        .replace(/\{[^}]+\}/g, "[^/]+")}$`,
    ),
    literal: template.split("/").filter((s) => s && !s.startsWith("{")).length,
  }))
  .sort((a, b) => b.literal - a.literal);

const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/** null when the response keeps the contract, else what is wrong. */
export async function contractViolation(method: string, url: string, res: Response): Promise<string | null> {
  // Read as the router reads it (malformed escapes kept as they are, not a URIError).
  const path = tryDecodeURI(new URL(url, "http://x").pathname);
  const route = routes.find((r) => r.pattern.test(path));
  const operation = route && spec.paths[route.template][method.toLowerCase()];
  // Routes outside the spec (unknown paths → 404 problems, /openapi.json, /docs) are not checked.
  if (!route || !operation) return null;
  const status = String(res.status);
  const response = operation.responses?.[status];
  if (!response) return `${method} ${route.template} answered ${status}, which its OpenAPI entry does not list`;
  // A 206 body is a byte range of the representation, never a whole JSON document.
  if (res.status === 206) return null;
  const mediaType = (res.headers.get("content-type") ?? "").split(";")[0].trim();
  if (mediaType !== "application/json" && mediaType !== "application/problem+json") return null;
  if (!response.content?.[mediaType]) return `${method} ${route.template} ${status} answered ${mediaType}, which is not documented`;
  const key = `${method} ${route.template} ${status} ${mediaType}`;
  let validate = validators.get(key);
  if (!validate) {
    // The components ride along, so the schema's "#/components/schemas/…" refs resolve in it.
    validate = ajv.compile({ ...(response.content[mediaType].schema as object), components: spec.components });
    validators.set(key, validate);
  }
  const body = await res.clone().json();
  if (validate(body)) return null;
  const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || "/"} ${e.message}`);
  return `${method} ${route.template} ${status}: the body does not match its schema: ${errors.join("; ")}`;
}
