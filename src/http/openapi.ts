// The OpenAPI document: generated from the routes' describeRoute entries and valibot schemas.
import type { Hono } from "hono";
import { generateSpecs, resolver } from "hono-openapi";
import type * as v from "valibot";

export const openApiDocumentation = {
  info: {
    title: "runcamp",
    version: "1.0.0",
    description: "Self-hosted experiment tracking: runs, params, values, metric series and campaigns over HTTP.",
  },
  servers: [{ url: "http://127.0.0.1:8787", description: "Local runcamp (npm start)" }],
  components: {
    securitySchemes: {
      bearer: { type: "http" as const, scheme: "bearer", description: "RUNCAMP_ADMIN_TOKEN; required whenever the server is configured with one" },
    },
  },
  // `{}` keeps auth optional: a loopback server without a token serves open.
  security: [{ bearer: [] as string[] }, {} as Record<string, string[]>],
};

export function openApiSpec(app: Hono) {
  return generateSpecs(app, { documentation: openApiDocumentation, exclude: ["/openapi.json", "/docs"] });
}

export function jsonResponse(description: string, schema: v.GenericSchema) {
  return { description, content: { "application/json": { schema: resolver(schema) } } };
}
