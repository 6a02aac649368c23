import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as v from "valibot";
import type { Deps } from "../../deps.ts";
import { jsonResponse } from "../../http/openapi.ts";
import { problems } from "../../http/problems.ts";

const Health = v.object({ status: v.picklist(["ok", "unavailable"]), database: v.picklist(["ok", "unreachable"]) });

export function healthRoutes(deps: Deps) {
  return new Hono().get(
    "/health",
    describeRoute({
      operationId: "getHealth",
      tags: ["health"],
      summary: "Liveness and database check",
      responses: {
        200: jsonResponse("The API and its database answer", Health),
        503: jsonResponse("The database does not answer", Health),
        ...problems(),
      },
    }),
    async (c) => {
      try {
        await deps.client.execute("SELECT 1");
        return c.json({ status: "ok" as const, database: "ok" as const });
      } catch {
        return c.json({ status: "unavailable" as const, database: "unreachable" as const }, 503);
      }
    },
  );
}
