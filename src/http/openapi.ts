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

export async function openApiSpec(app: Hono) {
  const spec = await generateSpecs(app, { documentation: openApiDocumentation, exclude: ["/openapi.json", "/docs"] });
  for (const item of Object.values(spec.paths ?? {})) {
    for (const operation of Object.values(item ?? {})) {
      if (typeof operation === "object" && operation && "parameters" in operation) jsonParametersAsContent(operation.parameters as Parameter[]);
    }
  }
  return spec;
}

type Parameter = { schema?: { contentMediaType?: string; contentSchema?: unknown } & Record<string, unknown> } & Record<string, unknown>;

// A JSON query parameter (validation.ts jsonQuery) comes out of the generator as a string
// schema with contentMediaType/contentSchema; OpenAPI's own spelling of that is the
// parameter's `content`, which clients and test tools understand.
function jsonParametersAsContent(parameters: Parameter[]) {
  for (const [i, parameter] of parameters.entries()) {
    if (parameter.schema?.contentMediaType !== "application/json") continue;
    const { schema, ...rest } = parameter;
    parameters[i] = { ...rest, content: { "application/json": { schema: schema.contentSchema } } };
  }
}

export function jsonResponse(description: string, schema: v.GenericSchema) {
  return { description, content: { "application/json": { schema: resolver(schema) } } };
}

/** The text/csv form of a response (cells by src/lib/csv.ts). */
export const csvContent = {
  schema: {
    type: "string" as const,
    description:
      "RFC 4180 CSV with a header line. A text cell that starts with =, +, -, @, tab or CR gets a leading ' so that spreadsheets show it instead of running it as a formula; numbers are written bare, whatever their sign.",
  },
};
