// The MLflow REST dialect: /api/2.0/mlflow/... (and the same under /ajax-api/2.0/mlflow/, the
// MLflow UI's prefix) for what the mlflow 3.x client calls while tracking, found by running it
// (tools/mlflow/record.py), and the artifact proxy /api/2.0/mlflow-artifacts/artifacts/....
// Handlers read the request as MLflow sends it (GET: query string; POST: a JSON body), check it
// with the schema, call a service and answer MLflow's JSON. Errors answer MLflow's body
// (errors.ts). Not in openapi.yaml: the contract is MLflow's (see docs/mlflow.md).
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Deps } from "../../deps.ts";
import { tooLarge } from "../../http/problems.ts";
import { strictUtf8Bodies } from "../../http/strict-body.ts";
import { serializeWrites } from "../../http/write-lock.ts";
import { scopeAllows } from "../../lib/scopes.ts";
import { presignedUploadsOffered } from "../artifacts/presigned.ts";
import { download } from "../artifacts/routes.ts";
import { authenticate } from "../tokens/guard.ts";
import {
  abortMlflowMultipart,
  completeMlflowMultipart,
  createMlflowMultipart,
  findMlflowArtifact,
  listMlflowArtifacts,
  uploadMlflowArtifact,
} from "./artifacts.ts";
import { MlflowError, mlflowErrorResponse } from "./errors.ts";
import {
  createExperiment,
  getExperiment,
  getExperimentByName,
  renameExperiment,
  searchExperiments,
  setExperimentStage,
  setExperimentTag,
} from "./experiments.ts";
import { metricHistory, metricHistoryBulk } from "./history.ts";
import { loggedModelRoutes } from "./logged-model-routes.ts";
import { modelVersionRoutes, registeredModelRoutes } from "./registry-routes.ts";
import { read } from "./request.ts";
import { createMlflowRun, deleteRunTag, getMlflowRun, logBatch, logInputs, logMetrics, logParams, setRunDeleted, setRunTags, updateMlflowRun } from "./runs.ts";
import * as S from "./schemas.ts";
import { searchMlflowRuns } from "./search.ts";

const TRACKING = ["/api/2.0/mlflow", "/ajax-api/2.0/mlflow"];
const ARTIFACTS = ["/api/2.0/mlflow-artifacts", "/ajax-api/2.0/mlflow-artifacts"];
const PREFIXES = [...TRACKING, ...ARTIFACTS, "/api/3.0/mlflow", "/ajax-api/3.0/mlflow"];

export const isMlflowPath = (path: string) => PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
/** Artifact uploads stream, like runcamp's own (app.ts keeps the body limit and write lock off them). */
const isMlflowUpload = (c: Context) => c.req.method === "PUT" && ARTIFACTS.some((p) => c.req.path.startsWith(`${p}/artifacts/`));
// A multipart upload's steps talk to the object store (completing reads the object back): they
// take the write lock for their own writes only.
const isMlflowMultipartStep = (c: Context) => c.req.method === "POST" && ARTIFACTS.some((p) => c.req.path.startsWith(`${p}/mpu/`));

// POSTs that only read: a read token may call them, and they wait for no write.
const READ_POSTS = new Set([
  "/runs/search",
  "/experiments/search",
  "/logged-models/search",
  "/registered-models/search",
  "/registered-models/get-latest-versions",
  "/model-versions/search",
]);
// Metric logging goes to the group committer (src/api/metrics/ingest-groups.ts), which takes
// the write lock per group: the request must not hold it (log-batch takes it for its params
// and tags alone).
const INGESTS = new Set(["/runs/log-metric", "/runs/log-batch"]);
const trackingCall = (c: Context) => c.req.path.replace(/^\/(ajax-)?api\/[23]\.0\/mlflow/, "");
const takesNoLock = (c: Context) =>
  isMlflowUpload(c) || isMlflowMultipartStep(c) || (c.req.method === "POST" && (READ_POSTS.has(trackingCall(c)) || INGESTS.has(trackingCall(c))));
function guard(deps: Deps): (c: Context, next: () => Promise<void>) => Promise<void> {
  return async (c, next) => {
    const auth = await authenticate(deps, c, deps.writeLock!);
    // Requests name runs and experiments, not repos: a token limited to one repo cannot be
    // held to it here, so it gets no access at all.
    if (auth.repo !== null)
      throw new MlflowError("PERMISSION_DENIED", `This token is limited to repo "${auth.repo}"; MLflow endpoints need a token for every repo.`);
    const need = c.req.method === "GET" || c.req.method === "HEAD" || READ_POSTS.has(trackingCall(c)) ? "read" : "write";
    if (!scopeAllows(auth.scope, need)) throw new MlflowError("PERMISSION_DENIED", `This needs a token with the ${need} scope; this one has ${auth.scope}.`);
    c.set("auth", auth);
    await next();
  };
}

function tracking(deps: Deps) {
  const ok = (c: Context) => c.json({});
  const id = (x: { run_id?: string; run_uuid?: string }) => x.run_id ?? x.run_uuid;
  return (
    new Hono()
      .post("/experiments/create", async (c) => {
        const input = await read(c, S.CreateExperiment);
        return c.json({ experiment_id: await createExperiment(deps, input.name, input.tags) });
      })
      .get("/experiments/get", async (c) => c.json({ experiment: (await getExperiment(deps, (await read(c, S.ExperimentRef)).experiment_id)).view }))
      .get("/experiments/get-by-name", async (c) =>
        c.json({ experiment: (await getExperimentByName(deps, (await read(c, S.ExperimentByName)).experiment_name)).view }),
      )
      // The client sends search as POST; the UI as GET.
      .on(["GET", "POST"], "/experiments/search", async (c) => c.json(await searchExperiments(deps, await read(c, S.SearchExperiments))))
      .post("/experiments/update", async (c) => {
        const input = await read(c, S.UpdateExperiment);
        await renameExperiment(deps, input.experiment_id, input.new_name);
        return ok(c);
      })
      .post("/experiments/delete", async (c) => {
        await setExperimentStage(deps, (await read(c, S.ExperimentRef)).experiment_id, "deleted");
        return ok(c);
      })
      .post("/experiments/restore", async (c) => {
        await setExperimentStage(deps, (await read(c, S.ExperimentRef)).experiment_id, "active");
        return ok(c);
      })
      .post("/experiments/set-experiment-tag", async (c) => {
        const input = await read(c, S.SetExperimentTag);
        await setExperimentTag(deps, input.experiment_id, { key: input.key, value: input.value });
        return ok(c);
      })
      .post("/runs/create", async (c) => c.json({ run: await createMlflowRun(deps, await read(c, S.CreateRun)) }))
      .get("/runs/get", async (c) => c.json({ run: await getMlflowRun(deps, id(await read(c, S.RunOnly))) }))
      .post("/runs/update", async (c) => c.json(await updateMlflowRun(deps, await read(c, S.UpdateRun))))
      .post("/runs/delete", async (c) => {
        await setRunDeleted(deps, id(await read(c, S.RunOnly)), true);
        return ok(c);
      })
      .post("/runs/restore", async (c) => {
        await setRunDeleted(deps, id(await read(c, S.RunOnly)), false);
        return ok(c);
      })
      .on(["GET", "POST"], "/runs/search", async (c) => c.json(await searchMlflowRuns(deps, await read(c, S.SearchRuns))))
      .post("/runs/log-batch", async (c) => {
        await logBatch(deps, await read(c, S.LogBatch));
        return ok(c);
      })
      .post("/runs/log-metric", async (c) => {
        const input = await read(c, S.LogMetric);
        await logMetrics(deps, id(input), [input]);
        return ok(c);
      })
      .post("/runs/log-parameter", async (c) => {
        const input = await read(c, S.LogParam);
        await logParams(deps, id(input), [input]);
        return ok(c);
      })
      .post("/runs/set-tag", async (c) => {
        const input = await read(c, S.SetTag);
        await setRunTags(deps, id(input), [input]);
        return ok(c);
      })
      .post("/runs/delete-tag", async (c) => {
        const input = await read(c, S.DeleteTag);
        await deleteRunTag(deps, id(input), input.key);
        return ok(c);
      })
      .post("/runs/log-inputs", async (c) => {
        await logInputs(deps, await read(c, S.LogInputs));
        return ok(c);
      })
      .post("/runs/outputs", async (c) => {
        await getMlflowRun(deps, id(await read(c, S.RunOnly)));
        return ok(c);
      })
      .get("/metrics/get-history", async (c) => c.json(await metricHistory(deps, await read(c, S.GetHistory))))
      .get("/metrics/get-history-bulk-interval", async (c) => c.json(await metricHistoryBulk(deps, await read(c, S.GetHistoryBulkInterval))))
      .route("/logged-models", loggedModelRoutes(deps))
      .route("/registered-models", registeredModelRoutes(deps))
      .route("/model-versions", modelVersionRoutes(deps))
      .all("/*", (c) => {
        throw new MlflowError("ENDPOINT_NOT_FOUND", `runcamp does not implement ${c.req.method} ${c.req.path.slice(0, 120)} (traces are not supported).`);
      })
  );
}

function artifactProxy(deps: Deps) {
  return (
    new Hono()
      .put("/artifacts/:path{.+}", async (c) => {
        const body = c.req.raw.body ?? new ReadableStream({ start: (ctl) => ctl.close() });
        const limit = deps.config.limits.maxArtifactBytes;
        const declared = c.req.header("content-length");
        if (declared !== undefined && Number(declared) > limit) throw tooLarge(`The artifact exceeds the limit of ${limit} bytes.`);
        await uploadMlflowArtifact(deps, c.req.param("path"), c.req.header("content-type") || "application/octet-stream", body);
        return c.json({});
      })
      .get("/artifacts/:path{.+}", async (c) => download(c, deps, await findMlflowArtifact(deps, c.req.param("path"))))
      .post("/mpu/create/:path{.+}", async (c) => {
        const body = await read(c, S.CreateMultipart);
        return c.json(await createMlflowMultipart(deps, c.req.param("path"), body.path, body.num_parts));
      })
      .post("/mpu/complete/:path{.+}", async (c) => {
        const body = await read(c, S.CompleteMultipart);
        await completeMlflowMultipart(deps, c.req.param("path"), body.path, body.upload_id, body.parts);
        return c.json({});
      })
      .post("/mpu/abort/:path{.+}", async (c) => {
        const body = await read(c, S.AbortMultipart);
        await abortMlflowMultipart(deps, c.req.param("path"), body.path, body.upload_id);
        return c.json({});
      })
      // The listed path comes decoded in the query string: encoded again for locate().
      .get("/artifacts", async (c) => c.json(await listMlflowArtifacts(deps, encodeURI((await read(c, S.ListArtifacts)).path ?? ""))))
      .all("/*", (c) => {
        throw new MlflowError("ENDPOINT_NOT_FOUND", `runcamp does not implement ${c.req.method} ${c.req.path.slice(0, 120)}.`);
      })
  );
}

/** Every MLflow route with its own middleware (auth, body limit, UTF-8, write lock) and error body. */
export function mlflowRoutes(deps: Deps) {
  const app = new Hono();
  app.onError(mlflowErrorResponse);
  const limitBody = bodyLimit({
    maxSize: deps.config.limits.maxBodyBytes,
    onError: () => {
      throw tooLarge(`The request body exceeds the limit of ${deps.config.limits.maxBodyBytes} bytes.`);
    },
  });
  const utf8 = strictUtf8Bodies();
  const writes = serializeWrites(deps.writeLock!, takesNoLock);
  for (const prefix of PREFIXES) {
    app.use(`${prefix}/*`, guard(deps));
    app.use(`${prefix}/*`, (c, next) => (isMlflowUpload(c) ? next() : limitBody(c, next)));
    app.use(`${prefix}/*`, (c, next) => (isMlflowUpload(c) ? next() : utf8(c, next)));
    app.use(`${prefix}/*`, writes);
  }
  for (const prefix of TRACKING) app.route(prefix, tracking(deps));
  for (const prefix of ARTIFACTS) app.route(prefix, artifactProxy(deps));
  // Asked by the artifact client before large uploads: multipart uploads where the artifact
  // store signs part URLs (S3), no multipart downloads.
  for (const prefix of ["/api/3.0/mlflow", "/ajax-api/3.0/mlflow"]) {
    app.get(`${prefix}/server-info`, (c) =>
      c.json({ store_type: "runcamp", multipart_uploads_enabled: presignedUploadsOffered(deps), multipart_downloads_enabled: false }),
    );
    app.all(`${prefix}/*`, (c) => {
      throw new MlflowError("ENDPOINT_NOT_FOUND", `runcamp does not implement ${c.req.method} ${c.req.path.slice(0, 120)}.`);
    });
  }
  return app;
}
