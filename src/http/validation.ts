// Request validation every route shares: validators that raise ApiError, the content-type
// guard, structured query parameters and free-form JSON fields.

import { toJsonSchema } from "@valibot/to-json-schema";
import type { Context as HonoContext, MiddlewareHandler } from "hono";
import { validator } from "hono-openapi";
import * as v from "valibot";
import { excerpt } from "../lib/text.ts";
import { badRequest, unsupportedMediaType } from "./problems.ts";

interface Issue {
  message: string;
  kind?: string;
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey; origin?: "key" | "value" }>;
}

// A key that breaks a rule of a record's keys ("has a key that ...") is reported on the object
// that holds it, as the services' own checks do: the key itself is user content. (A missing
// or unknown field is a schema issue and keeps its name in the path.)
function issuePath(issue: Issue, target: string): string {
  const items = issue.path ?? [];
  const last = items.at(-1);
  const ruleOnKey = issue.kind === "validation" && typeof last === "object" && last.origin === "key";
  const named = ruleOnKey ? items.slice(0, -1) : items;
  const keys = named.map((p) => (typeof p === "object" ? p.key : p)).map(String);
  return keys.length ? keys.join(".") : target === "json" ? "body" : target;
}

// Field errors name the path and the rule broken, never the offending value, so a
// validation error never echoes request content back.
function hook(result: { success: boolean; error?: readonly Issue[] }, target: string): void {
  if (result.success) return;
  const errors = (result.error ?? []).map((issue) => ({ path: issuePath(issue, target), message: issue.message }));
  throw badRequest(`The request ${target === "json" ? "body" : target} is invalid.`, errors);
}

export const jsonBody = <S extends v.GenericSchema>(schema: S) => validator("json", schema, (r) => hook(r, "json"));
export const query = <S extends v.GenericSchema>(schema: S) => validator("query", schema, (r) => hook(r, "query"));
export const params = <S extends v.GenericSchema>(schema: S) => validator("param", schema, (r) => hook(r, "path"));

// Valibot's default messages quote the received value; ours say only what was expected, so
// an error never echoes request content back.
v.setGlobalMessage((issue) => {
  if (issue.expected === "never") return "is not a known field";
  if (issue.received === "undefined") return "is required";
  return `expected ${issue.expected}`;
});

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;

/** Rejects a body that is not JSON; an empty body passes when `optional` (e.g. PUT /repos/x). */
export function requireJson(options: { optional?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    const mediaType = (c.req.header("content-type") ?? "").split(";")[0].trim();
    if (!jsonMediaType.test(mediaType)) {
      if (!(options.optional && (await bodyIsEmpty(c))))
        throw unsupportedMediaType(`Send the body as application/json (got ${mediaType ? excerpt(mediaType) : "no content type"}).`);
    }
    await next();
  };
}

// Without a content-length (app.request, HTTP/2, Workers may drop transfer-encoding) only
// reading the body tells an empty one from a JSON body sent without its content type.
async function bodyIsEmpty(c: HonoContext): Promise<boolean> {
  const length = c.req.header("content-length");
  if (length !== undefined) return Number(length) === 0;
  if (!c.req.raw.body) return true;
  return (await c.req.text()).length === 0;
}

/**
 * A query parameter that carries structured data as text (JSON, a comma list). The schema
 * stays a string, so the spec and generated clients send text; `decode` gives the checked
 * value to the handler. Problems inside the text are reported on the parameter.
 */
export function encodedQuery<S extends v.GenericSchema>(inner: S, decodeText: (text: string) => unknown, description: string) {
  const decodeOrThrow = (text: string) => v.parse(inner, decodeText(text)) as v.InferOutput<S>;
  const schema = v.pipe(
    v.string(),
    v.description(description),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      let decoded: unknown;
      try {
        decoded = decodeText(dataset.value);
      } catch {
        addIssue({ message: "is not valid JSON" });
        return;
      }
      const result = v.safeParse(inner, decoded);
      if (!result.success) for (const issue of result.issues) addIssue({ message: issue.message });
    }),
  );
  return { schema, decode: (text: string | undefined) => (text === undefined ? undefined : decodeOrThrow(text)) };
}

/**
 * A query parameter that carries a JSON value as text. The spec documents it in OpenAPI's
 * content form (`content: {"application/json": {schema}}`, see openapi.ts), so tools send the
 * JSON text of a value of `inner` rather than a bare string.
 */
export function jsonQuery<S extends v.GenericSchema>(inner: S, description: string) {
  const param = encodedQuery(inner, (text) => JSON.parse(text), description);
  const { $schema: _, ...contentSchema } = toJsonSchema(inner, { errorMode: "ignore" });
  return { ...param, schema: v.pipe(param.schema, v.metadata({ contentMediaType: "application/json", contentSchema: componentRefs(contentSchema) })) };
}

// The converter copies v.metadata({ ref }) into the JSON Schema as `ref`; such a schema is a
// component of openapi.yaml, so point at it instead.
function componentRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(componentRefs);
  if (typeof node !== "object" || node === null) return node;
  const { ref } = node as { ref?: unknown };
  if (typeof ref === "string") return { $ref: `#/components/schemas/${ref}` };
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, componentRefs(value)]));
}

export const commaList = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

/**
 * valibot's object and record schemas drop the keys "__proto__", "constructor" and
 * "prototype" (its guard against prototype pollution). Inside free-form JSON — params,
 * provenance, object values — those keys are data, so after validation these fields are
 * taken from the parsed body itself (Hono caches it; the schema has checked its shape).
 * Storage only ever stringifies them, and merge patches build null-prototype objects.
 */
export async function keepFreeFormJson<T extends object>(c: HonoContext, validated: T, fields: (keyof T & string)[]): Promise<T> {
  const raw = (await c.req.json()) as Record<string, unknown>;
  const result = { ...validated };
  for (const field of fields) if (raw[field] !== undefined) (result as Record<string, unknown>)[field] = raw[field];
  return result;
}
