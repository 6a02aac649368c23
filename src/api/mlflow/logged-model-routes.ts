// MLflow 3's logged-model endpoints (service.proto: CreateLoggedModel ... SearchLoggedModels),
// mounted under the tracking prefixes by routes.ts; the service is logged-models.ts.
import { type Context, Hono } from "hono";
import type { Deps } from "../../deps.ts";
import {
  createLoggedModel,
  deleteLoggedModel,
  deleteLoggedModelTag,
  finalizeLoggedModel,
  getLoggedModel,
  logLoggedModelParams,
  searchLoggedModels,
  setLoggedModelTags,
} from "./logged-models.ts";
import * as S from "./model-schemas.ts";
import { read } from "./request.ts";

const ok = (c: Context) => c.json({});

export function loggedModelRoutes(deps: Deps) {
  return new Hono()
    .post("/", async (c) => c.json({ model: await createLoggedModel(deps, await read(c, S.CreateLoggedModel)) }))
    .post("/search", async (c) => c.json(await searchLoggedModels(deps, await read(c, S.SearchLoggedModels))))
    .get("/:id", async (c) => {
      const allowDeleted = (await read(c, S.GetLoggedModel)).allow_deleted?.toLowerCase() === "true";
      return c.json({ model: await getLoggedModel(deps, c.req.param("id"), allowDeleted) });
    })
    .patch("/:id", async (c) => c.json({ model: await finalizeLoggedModel(deps, c.req.param("id"), (await read(c, S.FinalizeLoggedModel)).status) }))
    .delete("/:id", async (c) => {
      await deleteLoggedModel(deps, c.req.param("id"));
      return ok(c);
    })
    .patch("/:id/tags", async (c) => {
      await setLoggedModelTags(deps, c.req.param("id"), (await read(c, S.LoggedModelTags)).tags ?? []);
      return ok(c);
    })
    .delete("/:id/tags/:key{.+}", async (c) => {
      await deleteLoggedModelTag(deps, c.req.param("id"), c.req.param("key"));
      return ok(c);
    })
    .post("/:id/params", async (c) => {
      await logLoggedModelParams(deps, c.req.param("id"), (await read(c, S.LoggedModelParams)).params ?? []);
      return ok(c);
    });
}
