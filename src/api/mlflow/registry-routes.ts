// The model registry's endpoints (model_registry.proto ModelRegistryService), mounted under
// the tracking prefixes by routes.ts; the service is registry.ts.
import { type Context, Hono } from "hono";
import type { Deps } from "../../deps.ts";
import * as S from "./model-schemas.ts";
import * as R from "./registry.ts";
import { read } from "./request.ts";

const ok = (c: Context) => c.json({});

export function registeredModelRoutes(deps: Deps) {
  return new Hono()
    .post("/create", async (c) => {
      const input = await read(c, S.CreateRegisteredModel);
      return c.json({ registered_model: await R.createRegisteredModel(deps, input.name, input.tags ?? [], input.description ?? "") });
    })
    .get("/get", async (c) => c.json({ registered_model: await R.getRegisteredModel(deps, (await read(c, S.RegisteredModelRef)).name) }))
    .post("/rename", async (c) => {
      const input = await read(c, S.RenameRegisteredModel);
      return c.json({ registered_model: await R.renameRegisteredModel(deps, input.name, input.new_name) });
    })
    .patch("/update", async (c) => {
      const input = await read(c, S.UpdateRegisteredModel);
      return c.json({ registered_model: await R.updateRegisteredModel(deps, input.name, input.description ?? "") });
    })
    .delete("/delete", async (c) => {
      await R.deleteRegisteredModel(deps, (await read(c, S.RegisteredModelRef)).name);
      return ok(c);
    })
    .on(["GET", "POST"], "/search", async (c) => c.json(await R.searchRegisteredModels(deps, await read(c, S.SearchRegistry))))
    .post("/get-latest-versions", async (c) => {
      const input = await read(c, S.LatestVersions);
      return c.json({ model_versions: await R.latestVersions(deps, input.name, input.stages) });
    })
    .post("/set-tag", async (c) => {
      const input = await read(c, S.RegisteredModelTag);
      await R.setRegisteredModelTag(deps, input.name, input);
      return ok(c);
    })
    .delete("/delete-tag", async (c) => {
      const input = await read(c, S.RegisteredModelTagRef);
      await R.deleteRegisteredModelTag(deps, input.name, input.key);
      return ok(c);
    })
    .post("/alias", async (c) => {
      const input = await read(c, S.SetAlias);
      await R.setAlias(deps, input.name, input.alias, input.version);
      return ok(c);
    })
    .delete("/alias", async (c) => {
      const input = await read(c, S.AliasRef);
      await R.deleteAlias(deps, input.name, input.alias);
      return ok(c);
    })
    .get("/alias", async (c) => {
      const input = await read(c, S.AliasRef);
      return c.json({ model_version: await R.versionByAlias(deps, input.name, input.alias) });
    });
}

export function modelVersionRoutes(deps: Deps) {
  return new Hono()
    .post("/create", async (c) => c.json({ model_version: await R.createModelVersion(deps, await read(c, S.CreateModelVersion)) }))
    .get("/get", async (c) => {
      const input = await read(c, S.ModelVersionRef);
      return c.json({ model_version: await R.getModelVersion(deps, input.name, input.version) });
    })
    .patch("/update", async (c) => {
      const input = await read(c, S.UpdateModelVersion);
      return c.json({ model_version: await R.updateModelVersion(deps, input.name, input.version, input.description ?? "") });
    })
    .post("/transition-stage", async (c) => {
      const input = await read(c, S.TransitionStage);
      return c.json({ model_version: await R.transitionStage(deps, input.name, input.version, input.stage, input.archive_existing_versions ?? false) });
    })
    .delete("/delete", async (c) => {
      const input = await read(c, S.ModelVersionRef);
      await R.deleteModelVersion(deps, input.name, input.version);
      return ok(c);
    })
    .on(["GET", "POST"], "/search", async (c) => c.json(await R.searchModelVersions(deps, await read(c, S.SearchRegistry))))
    .get("/get-download-uri", async (c) => {
      const input = await read(c, S.ModelVersionRef);
      return c.json({ artifact_uri: await R.downloadUri(deps, input.name, input.version) });
    })
    .post("/set-tag", async (c) => {
      const input = await read(c, S.ModelVersionTag);
      await R.setModelVersionTag(deps, input.name, input.version, input);
      return ok(c);
    })
    .delete("/delete-tag", async (c) => {
      const input = await read(c, S.ModelVersionTagRef);
      await R.deleteModelVersionTag(deps, input.name, input.version, input.key);
      return ok(c);
    });
}
