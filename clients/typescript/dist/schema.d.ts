// Generated from openapi.yaml by openapi-typescript (`npm run clients`). Do not edit.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database check */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List repos with their run and campaign counts (a token limited to a repo sees that one) */
        get: operations["listRepos"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a repo */
        get: operations["getRepo"];
        /** Create or update a repo (idempotent) */
        put: operations["putRepo"];
        post?: never;
        /** Delete a repo with all its runs, series and campaigns */
        delete: operations["deleteRepo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/runs/close-stale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark stale runs (running, silent for longer than the staleness time) as killed
         * @description A run is stale when it is running and its last activity (ingest, values, logs, create/resume, heartbeat) is older than RUNCAMP_STALE_AFTER_SECONDS (default 300). Each run closed gets status killed and ended_at = its last activity. Logging to it again reopens it, as for any finished run.
         */
        post: operations["closeStaleRuns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/runs/{run}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that the run's process is alive (the SDKs call it every 30 s)
         * @description Never changes the run's status: a heartbeat to a finished or killed run is recorded and answered with that status.
         */
        post: operations["heartbeatRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search runs: filter, sort, paginate
         * @description Filter errors are a 400 whose detail and errors[0].message give the position (0-based) of the offending text. Pagination is stable for every sort: pass next_cursor back with the same sort. With Accept: text/csv every matching run (no page: limit does not apply and a cursor is a 400), in the sort's order: columns id, name, status, experiment, campaign, tags (space-separated), created_at, ended_at, then each of columns= under its text as requested.
         */
        get: operations["listRuns"];
        put?: never;
        /** Create a run, or resume it when its id already exists */
        post: operations["createRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/columns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The fields a run listing can show as columns: param paths, values and series present in the repo
         * @description At most 1,000 of each kind. Param paths come from runs that are not archived.
         */
        get: operations["listColumns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/runs/{run}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a run with its params, tags, values, dataset inputs and series summaries */
        get: operations["getRun"];
        put?: never;
        post?: never;
        /** Delete a run with its values, series and artifacts */
        delete: operations["deleteRun"];
        options?: never;
        head?: never;
        /** Update a run: fields, status, campaign, params (deep merge), tags (add/remove) */
        patch: operations["patchRun"];
        trace?: never;
    };
    "/v1/repos/{repo}/runs/{run}/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Upsert values: one result per (name, context)
         * @description NaN and ±Infinity are written as the strings "NaN", "Infinity", "-Infinity"; the bare tokens NaN, Infinity and -Infinity (as Python's json writes them) are read as those strings too.
         */
        put: operations["putValues"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/runs/{run}/inputs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add dataset inputs to a run: what it trained or was evaluated on
         * @description Idempotent: an input with the name and digest of one the run holds is kept as first logged (as MLflow does). All inputs of the request land or none does.
         */
        post: operations["postInputs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/runs/{run}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a run's log lines in seq order, filtered and paged (JSON) or whole (text)
         * @description stream and q filter; tail keeps the last N lines of those; after and limit page through the rest (next_after). With Accept: text/plain, every line that stream, q, tail and after select (no pages; limit, if given, caps the count), each line's text followed by a newline, streamed.
         */
        get: operations["readLogs"];
        put?: never;
        /**
         * Append lines of a run's captured output (stdout, stderr)
         * @description Write scope. 1 to 10,000 lines per request, all stored or none, as `lines` (a JSON object per line) or `chunks` (lines joined by "\n", with the seq of the first), or both. A chunk's lines take the rules of a line. A line whose seq the run already holds is left as stored, so a retry is harmless. Accepted whatever the run's status. A run's logs hold at most RUNCAMP_MAX_LOG_BYTES_PER_RUN bytes of text (UTF-8; default 67108864): a request that would pass it is a 413 and stores nothing. Counts as the run's activity.
         */
        post: operations["appendLogs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List campaigns */
        get: operations["listCampaigns"];
        put?: never;
        /** Create a campaign (a group of runs summarised together) */
        post: operations["createCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/campaigns/{campaign}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a campaign with its runs */
        get: operations["getCampaign"];
        put?: never;
        post?: never;
        /** Delete a campaign; its runs stay, outside any campaign */
        delete: operations["deleteCampaign"];
        options?: never;
        head?: never;
        /** Update a campaign's name, description or params */
        patch: operations["patchCampaign"];
        trace?: never;
    };
    "/v1/repos/{repo}/campaigns/{campaign}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Summarise a campaign: n, mean, std, min, max and 95% CI per group × metric × context
         * @description Over the campaign's runs that are not archived and that the selection keeps: status (default finished: a run still running, or one that failed or was killed halfway, has no final result; any counts every run) and filter (run filter language). A filter naming status replaces the default. selection in the answer says which runs were counted. A metric resolves per run to a series (its last/min/max per select) or, lacking one, to a numeric value. NaN values are counted in nan and left out. Rows are ordered by group, metric, context. With Accept: text/csv the same rows as CSV: one column per group_by path (named params.<path>), then metric, context (JSON), n, nan, mean, std, min, max, ci95.
         */
        get: operations["summarizeCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/campaigns/{campaign}/confusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sum the confusion matrices of a campaign's runs: the summed matrix, its metrics, and each metric's mean ± 95% CI across runs
         * @description Over the campaign's runs that are not archived, that the selection keeps (status, default finished, and filter: as in the summary) and that have a confusion matrix artifact at path (the selected runs without one are listed in missing); selection in the answer says which runs were selected. Matrices are aligned by label. One group of all runs unless group_by names param paths (as in the summary). With Accept: text/csv the report as RFC 4180 CSV, one line per number: group columns (params.<path>), row (count, class, accuracy, macro_avg, weighted_avg), label, predicted, metric, value, then n, mean, std, min, max, ci95 across runs.
         */
        get: operations["campaignConfusion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/campaigns/{campaign}/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Paired comparison of a campaign's groups with a baseline, across splits and seeds
         * @description Groups the selected runs (as in the summary: status default finished, filter) by the value of `by` and pairs each group's runs with the baseline's runs of equal `pair_on` values. Per group other than the baseline: the pairs' mean difference (group − baseline) with its paired t 95% interval, the paired t-test and Wilcoxon signed-rank p-values (two-sided, as scipy computes them), the t p-values Holm-adjusted over the rows, Cohen's d_z, and the runs left without a partner. With three or more groups also the Friedman test over the complete blocks, the average ranks and the Nemenyi critical difference. NaN results are counted per group and left out. Two runs of one group with the same pair_on values are a 400. With Accept: text/csv the rows as CSV: params.<by>, n_pairs, mean_diff, ci95_low, ci95_high, p_ttest, p_wilcoxon, p_holm, effect_size, unpaired (a count), reason.
         */
        get: operations["compareCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/runs/{run}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a run's series with their summaries */
        get: operations["listSeries"];
        put?: never;
        /**
         * Ingest a batch of metric points (atomic, idempotent per step)
         * @description Body: JSON {points:[...]} (an object per point), JSON {series:[...]} (columnar: per series its name and context once, then steps, values and optional epochs and times as parallel arrays; the fastest form), or NDJSON (one point per line, Content-Type application/x-ndjson; reopen with ?reopen=true). Up to 100,000 points and 10,000 distinct series; all land or none do. Re-sending a step overwrites it; within one request the last occurrence of a step wins. A value NaN, Infinity or -Infinity is the string "NaN", "Infinity" or "-Infinity"; the bare tokens (as Python's json writes them) are read as those strings too.
         */
        post: operations["ingestMetrics"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/runs/{run}/metrics/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one series: raw points (paginated) or downsampled with points=N
         * @description context is the series context as JSON (default {}). from/to bound the steps. With points=N the series is cut into at most N buckets, each keeping count, min and max (NaN ignored, with their steps) and its last point, exact over the points in its [start, end]. Ranged reads (from/to) and short series get buckets of equal step width; a long series read whole (at least 128·N points) gets buckets of whole 64-point storage chunks, so widths are only roughly equal. Without it, raw points are paginated with limit (default 1000, max 100000) and cursor. A name holding '/' is sent URL-encoded (val%2Floss) or plain (val/loss): everything after metrics/ is the name, decoded once.
         */
        get: operations["readSeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/metrics/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read the series of many runs at once, each downsampled
         * @description Choose the runs by id (runs), or by a selection: filter (run filter language) and/or status (a list of run statuses), at most 1,000 matching runs (more is a 400 asking to narrow the filter). With neither runs nor a selection, every unarchived run of the repo (any status) is read, as with an empty filter.
         */
        post: operations["querySeries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/runs/{run}/artifacts/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an artifact (also HEAD), or with view=metrics a confusion matrix's classification report
         * @description Streams the bytes with their content type and ETag (the SHA-256, quoted). If-None-Match with that ETag answers 304. A single byte range (Range: bytes=0-99, bytes=100-, bytes=-100) answers 206 with Content-Range, one past the end 416; If-Range with an old ETag, several ranges or another unit get the whole artifact (200). HEAD answers the same headers without the body. view=metrics (confusion matrices only, 400 otherwise) answers ConfusionMetrics as JSON.
         */
        get: operations["getArtifact"];
        /**
         * Upload an artifact: the raw body, stored with its content type; re-uploading a path replaces it
         * @description The body is streamed into storage (RUNCAMP_MAX_ARTIFACT_BYTES, default 64 MiB; 413 beyond, with nothing stored). The replacement is atomic: readers see the old version or the new one. Content type application/vnd.runcamp.confusion+json marks a confusion matrix (the ConfusionMatrix schema), checked on upload: 400 with the reason when it is not one. Without a Content-Type the artifact is application/octet-stream. A path's segments are sent URL-encoded; its '/' stay literal. step and context (query) record an artifact logged per step, e.g. an image per epoch in the context {"subset":"val"}: the web UI shows those of one name and context as a strip in step order.
         */
        put: operations["putArtifact"];
        post?: never;
        /** Delete an artifact */
        delete: operations["deleteArtifact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/runs/{run}/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a run's artifacts, by path */
        get: operations["listArtifacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/runs/{run}/artifact-uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a presigned multipart upload: the artifact's parts go straight to the object store
         * @description For artifacts too large for one request body. Answers one presigned URL per part: PUT each part (part_size bytes, the last one the rest) to its URL, keep each answer's ETag header, then complete. The size and SHA-256 are declared here and checked on completion. 409 when this server's artifact store cannot sign URLs (libSQL, an R2 binding): PUT the body to the artifact's path instead. 413 past RUNCAMP_MAX_ARTIFACT_BYTES.
         */
        post: operations["createArtifactUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/runs/{run}/artifact-uploads/{upload}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a presigned upload: the artifact appears at its path, replacing the previous version
         * @description The store assembles the parts; the server reads the object back and checks the declared size and SHA-256 (400, and the upload discarded, when they differ). A refused assembly (a part missing, a wrong ETag) is a 400 that leaves the upload open to retry.
         */
        post: operations["completeArtifactUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/runs/{run}/artifact-uploads/{upload}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Abort a presigned upload: its parts are dropped, nothing appears */
        delete: operations["abortArtifactUpload"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore campaigns and runs with their stored timestamps (what `runcamp import` sends)
         * @description Write scope. Each campaign and run is written exactly as given: created when absent, replaced when present (fields, status, created_at, updated_at, ended_at, last_activity_at, and the run's values as a whole). Send a run's points (POST .../metrics with reopen) and artifacts (PUT .../artifacts/...) first, then this: it puts back the status and times those routes move, and the artifacts' created_at. A run's campaign must be in the body or the repo (else a 400 on runs.N.campaign). At most 100 runs per request; all of it lands or none does. Instants are written as the API writes them (2026-01-31T12:00:00.000Z). The repo is created with the given description and created_at when it does not exist.
         */
        post: operations["importRepoContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens (admin), without their secrets */
        get: operations["listTokens"];
        put?: never;
        /** Issue an API token (admin): its secret is in this answer only */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token (admin): refused from the next request on */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/logged-models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the models the repo's runs logged through MLflow, newest first */
        get: operations["listLoggedModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/registered-models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the registered models with a version from one of the repo's runs, by name, with every version and alias */
        get: operations["listRegisteredModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the repo's saved views of the runs table, by name */
        get: operations["listViews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/repos/{repo}/views/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a saved view */
        get: operations["getView"];
        /**
         * Save a view of the runs table under a name (replaces a view of that name)
         * @description The filter, sort and columns in the state are checked as GET .../runs checks them: a syntax error is a 400 naming the field and position.
         */
        put: operations["putView"];
        post?: never;
        /** Delete a saved view */
        delete: operations["deleteView"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            errors?: {
                path: string;
                message: string;
            }[];
        };
        Repo: {
            name: string;
            description: string;
            created_at: string;
            run_count: number;
            campaign_count: number;
            /** @description The repo as an MLflow experiment: its id in the MLflow dialect (/api/2.0/mlflow) and in MLflow's URLs */
            mlflow_experiment_id: string;
        };
        RepoPage: {
            items: components["schemas"]["Repo"][];
            next_cursor: string | null;
        };
        /** @enum {string} */
        RunStatus: "running" | "finished" | "failed" | "killed";
        RunFailure: {
            type: string;
            message: string;
        };
        Run: {
            id: string;
            repo: string;
            name: string;
            experiment: string;
            description: string;
            status: components["schemas"]["RunStatus"];
            archived: boolean;
            campaign: string | null;
            params: {
                [key: string]: unknown;
            };
            /** @description Labels: a tag is present or absent */
            tags: string[];
            /** @description Key/value tags, as the MLflow dialect received them (mlflow.user, team: eco…); {} for runs logged through /v1 */
            tag_values: {
                [key: string]: string;
            };
            /** @description The id of the run this one is nested in (MLflow's nested runs: the mlflow.parentRunId tag), null for a top-level run */
            parent: string | null;
            provenance: {
                [key: string]: unknown;
            } | null;
            created_at: string;
            updated_at: string;
            ended_at: string | null;
            /** @description Why the run failed, as the SDK saw it: the uncaught exception's type and message (null when none was reported) */
            failure: components["schemas"]["RunFailure"] | null;
            /** @description The run's last sign of life: ingest, values, logs, create/resume or an SDK heartbeat */
            last_activity_at: string;
            /** @description Running, but silent for longer than the server's staleness time (RUNCAMP_STALE_AFTER_SECONDS): its process most likely died */
            stale: boolean;
        };
        ClosedStaleRuns: {
            /** @description The runs closed: status killed, ended_at their last activity */
            items: components["schemas"]["Run"][];
            stale_after_seconds: number;
        };
        RunLiveness: {
            id: string;
            status: components["schemas"]["RunStatus"];
            last_activity_at: string;
            stale: boolean;
            /** @description The server's staleness time */
            stale_after_seconds: number;
        };
        RunListItem: {
            id: string;
            repo: string;
            name: string;
            experiment: string;
            description: string;
            status: components["schemas"]["RunStatus"];
            archived: boolean;
            campaign: string | null;
            params: {
                [key: string]: unknown;
            };
            /** @description Labels: a tag is present or absent */
            tags: string[];
            /** @description Key/value tags, as the MLflow dialect received them (mlflow.user, team: eco…); {} for runs logged through /v1 */
            tag_values: {
                [key: string]: string;
            };
            /** @description The id of the run this one is nested in (MLflow's nested runs: the mlflow.parentRunId tag), null for a top-level run */
            parent: string | null;
            provenance?: {
                [key: string]: unknown;
            } | null;
            created_at: string;
            updated_at: string;
            ended_at: string | null;
            /** @description Why the run failed, as the SDK saw it: the uncaught exception's type and message (null when none was reported) */
            failure: components["schemas"]["RunFailure"] | null;
            /** @description The run's last sign of life: ingest, values, logs, create/resume or an SDK heartbeat */
            last_activity_at: string;
            /** @description Running, but silent for longer than the server's staleness time (RUNCAMP_STALE_AFTER_SECONDS): its process most likely died */
            stale: boolean;
            /** @description With columns=: each requested column's value by its text as requested (null where the run lacks it); non-finite numbers as strings */
            columns?: {
                [key: string]: unknown;
            };
        };
        RunListPage: {
            items: components["schemas"]["RunListItem"][];
            next_cursor: string | null;
            /** @description With total=true: how many runs the filter matches in all (every page, not this one) */
            total?: number;
        };
        Context: {
            [key: string]: string | number | boolean;
        };
        ColumnFields: {
            /** @description Param paths of the repo's runs (leaves; arrays whole), as fields: params.optimizer.lr */
            params: string[];
            values: {
                name: string;
                context: components["schemas"]["Context"];
                /** @description The field in filter syntax; for a series, append an aggregation (.last, .min, .max, .count, .last_step) */
                field: string;
            }[];
            metrics: {
                name: string;
                context: components["schemas"]["Context"];
                /** @description The field in filter syntax; for a series, append an aggregation (.last, .min, .max, .count, .last_step) */
                field: string;
            }[];
            /** @description Keys of the repo's key/value tags (MLflow's), as fields: tag_values.team */
            tag_values: string[];
        };
        Value: string | number | boolean | null | {
            [key: string]: unknown;
        } | unknown[];
        RunValue: {
            name: string;
            context: components["schemas"]["Context"];
            value: components["schemas"]["Value"];
            updated_at: string;
        };
        RunInput: {
            name: string;
            digest: string;
            source_type: string;
            source: string;
            schema: string | null;
            profile: string | null;
            context: string | null;
            tags: {
                [key: string]: string;
            };
        };
        WireNumber: number | ("NaN" | "Infinity" | "-Infinity");
        SeriesSummary: {
            name: string;
            context: components["schemas"]["Context"];
            count: number;
            first_step: number | null;
            last_step: number | null;
            last: components["schemas"]["WireNumber"] | null;
            min: components["schemas"]["WireNumber"] | null;
            max: components["schemas"]["WireNumber"] | null;
            last_time: number | null;
        };
        RunDetail: {
            id: string;
            repo: string;
            name: string;
            experiment: string;
            description: string;
            status: components["schemas"]["RunStatus"];
            archived: boolean;
            campaign: string | null;
            params: {
                [key: string]: unknown;
            };
            /** @description Labels: a tag is present or absent */
            tags: string[];
            /** @description Key/value tags, as the MLflow dialect received them (mlflow.user, team: eco…); {} for runs logged through /v1 */
            tag_values: {
                [key: string]: string;
            };
            /** @description The id of the run this one is nested in (MLflow's nested runs: the mlflow.parentRunId tag), null for a top-level run */
            parent: string | null;
            provenance: {
                [key: string]: unknown;
            } | null;
            created_at: string;
            updated_at: string;
            ended_at: string | null;
            /** @description Why the run failed, as the SDK saw it: the uncaught exception's type and message (null when none was reported) */
            failure: components["schemas"]["RunFailure"] | null;
            /** @description The run's last sign of life: ingest, values, logs, create/resume or an SDK heartbeat */
            last_activity_at: string;
            /** @description Running, but silent for longer than the server's staleness time (RUNCAMP_STALE_AFTER_SECONDS): its process most likely died */
            stale: boolean;
            values: components["schemas"]["RunValue"][];
            /** @description The datasets the run used (POST .../inputs, MLflow's log_input), in the order first logged */
            inputs: components["schemas"]["RunInput"][];
            /** @description The run's first 1,000 series in (name, context) order */
            metrics: components["schemas"]["SeriesSummary"][];
            /** @description When the run has more series: the cursor for GET /v1/repos/{repo}/runs/{run}/metrics?cursor=… (which pages through the rest) */
            metrics_next_cursor: string | null;
        };
        RunInputIn: {
            name: string;
            /** @description Identifies the data's version; omitted: the first 8 hex digits of the SHA-256 of the source type, source, schema and profile */
            digest?: string;
            /** @description Where the data lives, e.g. local, s3, http, hf_datasets, code */
            source_type?: string;
            /** @description Where to find it (MLflow: JSON text, e.g. {"uri": "s3://bucket/train.csv"}) */
            source?: string;
            /** @description Its columns (MLflow: JSON text, e.g. {"mlflow_colspec": [{"name": "x", "type": "double"}]}) */
            schema?: string;
            /** @description Its summary statistics (MLflow: JSON text, e.g. {"num_rows": 100}) */
            profile?: string;
            /** @description The mlflow.data.context input tag: what the run used the data for (training, eval, ...) */
            context?: string;
            tags?: {
                [key: string]: string;
            };
        };
        LogAppendResult: {
            /** @description Lines this request stored (re-sent ones are not counted) */
            lines: number;
            /** @description UTF-8 bytes of text the run's logs hold after it */
            bytes: number;
        };
        /** @enum {string} */
        LogStream: "stdout" | "stderr";
        LogChunk: {
            stream?: components["schemas"]["LogStream"];
            /** @description The seq of the chunk's first line; the next lines are first_seq + 1, + 2, ... */
            first_seq: number;
            /** @description Epoch seconds of every line of the chunk (default: when the server receives it) */
            time?: number;
            /** @description Lines joined by "\n": split on every "\n", so a trailing "\n" adds an empty last line and "" is one empty line. Each line takes a line's rules: at most 65,536 characters, no NUL */
            text: string;
        };
        LogLine: {
            seq: number;
            stream: components["schemas"]["LogStream"];
            /** @description Epoch seconds */
            time: number;
            text: string;
        };
        LogPage: {
            items: components["schemas"]["LogLine"][];
            /** @description Pass as `after` for the next page; null when there are no more lines */
            next_after: number | null;
        };
        Campaign: {
            id: string;
            repo: string;
            name: string;
            description: string;
            params: {
                [key: string]: unknown;
            };
            run_count: number;
            created_at: string;
        };
        CampaignPage: {
            items: components["schemas"]["Campaign"][];
            next_cursor: string | null;
        };
        CampaignDetail: {
            id: string;
            repo: string;
            name: string;
            description: string;
            params: {
                [key: string]: unknown;
            };
            run_count: number;
            created_at: string;
            runs: components["schemas"]["Run"][];
        };
        /** @description The runs the report is over */
        CampaignRunSelection: {
            /** @description The statuses counted; null: any */
            status: components["schemas"]["RunStatus"][] | null;
            filter: string | null;
            /** @description How many of the campaign's runs the selection kept */
            runs: number;
        };
        CampaignSummary: {
            campaign: string;
            group_by: string[];
            /** @description Repetition params (seed, split, fold) that vary but were left out of the default group_by: each group pools their runs. Empty when group_by was given. */
            pooled: string[];
            /** @enum {string} */
            select: "last" | "min" | "max";
            selection: components["schemas"]["CampaignRunSelection"];
            rows: {
                /** @description The group's param values by path; null where a run lacks the param */
                group: {
                    [key: string]: unknown;
                };
                metric: string;
                context: components["schemas"]["Context"];
                /** @description Runs counted (NaN excluded) */
                n: number;
                /** @description Runs whose selected value was NaN, left out of the statistics */
                nan: number;
                mean: components["schemas"]["WireNumber"] | null;
                /** @description Sample standard deviation (n - 1); null for n < 2 */
                std: components["schemas"]["WireNumber"] | null;
                min: components["schemas"]["WireNumber"] | null;
                max: components["schemas"]["WireNumber"] | null;
                /** @description Half-width of the 95% confidence interval of the mean, t(0.975, n-1)·std/√n; null for n < 2 */
                ci95: components["schemas"]["WireNumber"] | null;
            }[];
        };
        ConfusionLabel: string | number;
        /** @description scikit-learn's classification_report over the matrix (rows: true class, columns: predicted class); a ratio whose denominator is 0 is 0. */
        ConfusionMetrics: {
            labels: components["schemas"]["ConfusionLabel"][];
            /** @description Samples counted: the sum of the matrix */
            total: number;
            /** @description Trace / total */
            accuracy: number;
            classes: {
                label: components["schemas"]["ConfusionLabel"];
                precision: number;
                recall: number;
                f1: number;
                /** @description Samples of the class (its row sum); for an average, all samples */
                support: number;
            }[];
            /** @description Unweighted mean over the classes */
            macro_avg: {
                precision: number;
                recall: number;
                f1: number;
                /** @description Samples of the class (its row sum); for an average, all samples */
                support: number;
            };
            /** @description Mean over the classes weighted by support */
            weighted_avg: {
                precision: number;
                recall: number;
                f1: number;
                /** @description Samples of the class (its row sum); for an average, all samples */
                support: number;
            };
        };
        /** @description A metric computed on each run's own matrix, summarised across the runs */
        AcrossRuns: {
            /** @description Runs counted */
            n: number;
            mean: number | null;
            /** @description Sample standard deviation (n - 1); null for n < 2 */
            std: number | null;
            min: number | null;
            max: number | null;
            /** @description Half-width of the 95% confidence interval of the mean, t(0.975, n-1)·std/√n; null for n < 2 */
            ci95: number | null;
        };
        CampaignConfusion: {
            campaign: string;
            path: string;
            group_by: string[];
            selection: components["schemas"]["CampaignRunSelection"];
            /** @description Ids of the selected runs without a confusion matrix at path */
            missing: string[];
            groups: {
                /** @description The group's param values by path; null where a run lacks the param */
                group: {
                    [key: string]: unknown;
                };
                /** @description Ids of the runs summed, oldest first */
                runs: string[];
                /** @description Every label of the runs' matrices, in order of first appearance */
                labels: (string | number)[];
                /** @description The runs' matrices summed, aligned by label (a label a run lacks counts 0 there) */
                matrix: number[][];
                metrics: components["schemas"]["ConfusionMetrics"];
                across_runs: {
                    accuracy: components["schemas"]["AcrossRuns"];
                    /** @description Per label, over the runs whose matrix has it */
                    classes: {
                        label: string | number;
                        precision: components["schemas"]["AcrossRuns"];
                        recall: components["schemas"]["AcrossRuns"];
                        f1: components["schemas"]["AcrossRuns"];
                    }[];
                    macro_avg: {
                        precision: components["schemas"]["AcrossRuns"];
                        recall: components["schemas"]["AcrossRuns"];
                        f1: components["schemas"]["AcrossRuns"];
                    };
                    weighted_avg: {
                        precision: components["schemas"]["AcrossRuns"];
                        recall: components["schemas"]["AcrossRuns"];
                        f1: components["schemas"]["AcrossRuns"];
                    };
                };
            }[];
        };
        CampaignComparison: {
            campaign: string;
            metric: string;
            context: components["schemas"]["Context"];
            /** @enum {string} */
            select: "last" | "min" | "max";
            by: string;
            /** @description The baseline value of `by` */
            baseline: unknown;
            pair_on: string[];
            /** @enum {string} */
            better: "higher" | "lower";
            selection: components["schemas"]["CampaignRunSelection"];
            groups: {
                /** @description The value of `by` */
                value: unknown;
                /** @description Selected runs with this value */
                runs: number;
                /** @description Of them, runs whose result was NaN: counted here, left out of the pairs */
                nan: number;
                /** @description Of them, runs without a result for the metric and context */
                missing: number;
            }[];
            /** @description One per group other than the baseline, in the groups' order */
            rows: {
                /** @description The compared value of `by` */
                group: unknown;
                /** @description Pairs counted (a pair with a NaN result on either side is left out) */
                n_pairs: number;
                /** @description Mean of group − baseline over the pairs; null without pairs */
                mean_diff: components["schemas"]["WireNumber"] | null;
                /** @description Lower end of the paired t 95% interval of the mean difference; null for n_pairs < 2 */
                ci95_low: components["schemas"]["WireNumber"] | null;
                /** @description Upper end of the paired t 95% interval of the mean difference; null for n_pairs < 2 */
                ci95_high: components["schemas"]["WireNumber"] | null;
                /** @description Two-sided paired t-test p-value (scipy.stats.ttest_rel); null when the test is undefined (see reason) */
                p_ttest: components["schemas"]["WireNumber"] | null;
                /** @description Two-sided Wilcoxon signed-rank p-value as scipy.stats.wilcoxon's defaults compute it: zeros dropped; exact for n ≤ 50 without ties or zeros; with ties or zeros, every sign flip for n ≤ 13, else the tie-corrected normal approximation without continuity correction */
                p_wilcoxon: components["schemas"]["WireNumber"] | null;
                wilcoxon_method: ("exact" | "permutation" | "normal") | null;
                /** @description p_ttest adjusted by Holm's step-down method over the rows with a p_ttest */
                p_holm: components["schemas"]["WireNumber"] | null;
                /** @description Cohen's d_z: mean difference / sample standard deviation of the differences */
                effect_size: components["schemas"]["WireNumber"] | null;
                /** @description Why a statistic is null, if one is */
                reason: string | null;
                /** @description The group's and the baseline's runs with a result that found no partner */
                unpaired: {
                    /** @description The run's id */
                    run: string;
                    /**
                     * @description Whether the run is of the compared group or of the baseline
                     * @enum {string}
                     */
                    side: "group" | "baseline";
                    /** @description Its values at the pair_on paths (null: the run lacks the param) */
                    pair: {
                        [key: string]: unknown;
                    };
                }[];
            }[];
            friedman: {
                /** @description Complete blocks: pair_on values with a result in every group */
                n_blocks: number;
                /** @description Friedman's χ² (tie-corrected, as scipy.stats.friedmanchisquare) */
                statistic: components["schemas"]["WireNumber"] | null;
                /** @description P(χ²(k − 1) ≥ statistic) */
                p: components["schemas"]["WireNumber"] | null;
                /** @description Average rank per group over the blocks, 1 = best (see better), in the groups' order */
                ranks: {
                    group: unknown;
                    rank: number;
                }[];
                /** @description Nemenyi critical difference at α = 0.05: q(0.95, k, ∞)/√2 · √(k(k+1)/(6·n_blocks)) */
                critical_difference: components["schemas"]["WireNumber"] | null;
                reason: string | null;
            } | null;
        };
        IngestColumns: {
            /** @description Up to 100,000 points in all; one series may appear more than once */
            series: {
                name: string;
                context?: components["schemas"]["Context"] | null;
                /** @description The steps, one per point; any order, a repeated step: the last one wins */
                steps: number[];
                /** @description One value per step (as many items as steps) */
                values: components["schemas"]["WireNumber"][];
                /** @description One epoch (or null) per step; absent: every epoch null */
                epochs?: (number | null)[];
                /** @description Unix seconds, one per step; absent: the time the server received the request */
                times?: number[];
            }[];
            /** @description Log to a finished run: it becomes running again */
            reopen?: boolean;
        };
        SeriesSummaryPage: {
            items: components["schemas"]["SeriesSummary"][];
            next_cursor: string | null;
        };
        SeriesRead: {
            name: string;
            context: components["schemas"]["Context"];
            summary: components["schemas"]["SeriesSummary"];
            /** @description Raw points, or in downsampled reads the last point of each bucket (enough for a plain line plot) */
            points: {
                step: number;
                value: components["schemas"]["WireNumber"];
                epoch: number | null;
                time: number;
            }[];
            /** @description Downsampled reads only: per step bucket, count, min and max (so spikes stay visible) and the last point */
            buckets: {
                step: number;
                value: components["schemas"]["WireNumber"];
                epoch: number | null;
                time: number;
                start: number;
                end: number;
                count: number;
                min: components["schemas"]["WireNumber"] | null;
                max: components["schemas"]["WireNumber"] | null;
                min_step: number | null;
                max_step: number | null;
            }[] | null;
            next_cursor: string | null;
        };
        SeriesColumns: {
            name: string;
            context: components["schemas"]["Context"];
            summary: components["schemas"]["SeriesSummary"];
            steps: number[];
            values: components["schemas"]["WireNumber"][];
            epochs: (number | null)[];
            times: number[];
            /** @description Downsampled reads only: per bucket, its step range, count, min and max (NaN ignored) with their steps */
            buckets: {
                start: number[];
                end: number[];
                count: number[];
                min: (components["schemas"]["WireNumber"] | null)[];
                max: (components["schemas"]["WireNumber"] | null)[];
                min_step: (number | null)[];
                max_step: (number | null)[];
            } | null;
            next_cursor: string | null;
        };
        SeriesSomeColumns: {
            name: string;
            context: components["schemas"]["Context"];
            summary: components["schemas"]["SeriesSummary"];
            steps?: number[];
            values?: components["schemas"]["WireNumber"][];
            epochs?: (number | null)[];
            times?: number[];
            /** @description Downsampled reads only: per bucket, its step range, count, min and max (NaN ignored) with their steps */
            buckets?: {
                start: number[];
                end: number[];
                count: number[];
                min: (components["schemas"]["WireNumber"] | null)[];
                max: (components["schemas"]["WireNumber"] | null)[];
                min_step: (number | null)[];
                max_step: (number | null)[];
            } | null;
            next_cursor: string | null;
        };
        SeriesQueryByRuns: {
            runs: string[];
            metrics: {
                name: string;
                context?: components["schemas"]["Context"];
            }[];
            /** @default 1000 */
            points: number;
            from?: number;
            to?: number;
            /**
             * @description rows (default): an object per point; columnar: an array per field
             * @default rows
             * @enum {string}
             */
            format: "rows" | "columnar";
        };
        /** @description A run selection: filter and/or status; neither selects every unarchived run of the repo */
        SeriesQueryBySelection: {
            /** @description Run filter language, instead of runs: the matching runs (archived hidden unless the filter names archived) in creation order. More than 1,000 matches is a 400: narrow the filter. */
            filter?: string;
            /** @description Instead of runs, alone or with filter: only runs in these statuses. Default: any status (curves of running and crashed runs are worth seeing). */
            status?: components["schemas"]["RunStatus"][];
            metrics: {
                name: string;
                context?: components["schemas"]["Context"];
            }[];
            /** @default 1000 */
            points: number;
            from?: number;
            to?: number;
            /**
             * @description rows (default): an object per point; columnar: an array per field
             * @default rows
             * @enum {string}
             */
            format: "rows" | "columnar";
        };
        Artifact: {
            path: string;
            /** @description Bytes */
            size: number;
            content_type: string;
            /** @description Lowercase hex SHA-256 of the bytes; the ETag of a download, quoted */
            sha256: string;
            /** @description When this version was stored */
            created_at: string;
            /** @description The step it was logged at (an image per epoch); null: not logged per step */
            step: number | null;
            context: components["schemas"]["Context"];
        };
        /** @description A square matrix of non-negative integers with one row and one column per label, in the order of labels; matrix[i][j] counts the samples of true class labels[i] predicted as labels[j]. Labels are distinct strings or numbers. */
        ConfusionMatrix: {
            labels: components["schemas"]["ConfusionLabel"][];
            matrix: number[][];
        };
        ArtifactPage: {
            items: components["schemas"]["Artifact"][];
            next_cursor: string | null;
        };
        ArtifactUpload: {
            upload_id: string;
            /** @description Bytes of every part but the last, which holds the rest */
            part_size: number;
            /** @description One presigned URL per part, numbered from 1 */
            parts: {
                number: number;
                /** @description PUT the part's bytes here; keep the ETag header of the answer */
                url: string;
            }[];
            /** @description When the URLs stop working; complete before then */
            expires_at: string;
        };
        ImportResult: {
            repo_created: boolean;
            campaigns: {
                created: number;
                replaced: number;
            };
            runs: {
                created: number;
                replaced: number;
            };
        };
        IssuedToken: {
            id: string;
            name: string;
            /**
             * @description read: GET only; write: also create, change and delete runs, values, series and campaigns; admin: also tokens and deleting repos
             * @enum {string}
             */
            scope: "read" | "write" | "admin";
            /** @description The one repo the token may use; null: every repo */
            repo: string | null;
            created_at: string;
            expires_at: string | null;
            /** @description Updated at most once a minute */
            last_used_at: string | null;
            /** @description The secret: shown this once, stored only as its SHA-256 */
            token: string;
        };
        Token: {
            id: string;
            name: string;
            /**
             * @description read: GET only; write: also create, change and delete runs, values, series and campaigns; admin: also tokens and deleting repos
             * @enum {string}
             */
            scope: "read" | "write" | "admin";
            /** @description The one repo the token may use; null: every repo */
            repo: string | null;
            created_at: string;
            expires_at: string | null;
            /** @description Updated at most once a minute */
            last_used_at: string | null;
        };
        TokenPage: {
            items: components["schemas"]["Token"][];
            next_cursor: string | null;
        };
        LoggedModel: {
            /** @description MLflow's model id, m-<32 hex>; models:/<id> loads it */
            id: string;
            name: string;
            /** @description The run that logged it */
            run: string;
            /** @enum {string} */
            status: "pending" | "ready" | "failed";
            model_type: string;
            created_at: string;
            updated_at: string;
            tags: {
                [key: string]: string;
            };
            params: {
                [key: string]: string;
            };
            metrics: {
                name: string;
                value: components["schemas"]["WireNumber"];
                step: number;
                dataset: string | null;
            }[];
            /** @description The folder of the run's artifacts holding the model's files */
            files: string;
            versions: {
                name: string;
                version: number;
            }[];
        };
        LoggedModelPage: {
            items: components["schemas"]["LoggedModel"][];
            next_cursor: string | null;
        };
        RegisteredModel: {
            name: string;
            description: string;
            tags: {
                [key: string]: string;
            };
            /** @description Alias → version */
            aliases: {
                [key: string]: number;
            };
            created_at: string;
            updated_at: string;
            /** @description Every version, newest first, from any repo */
            versions: {
                version: number;
                stage: string;
                description: string;
                source: string;
                run: {
                    repo: string;
                    id: string;
                } | null;
                logged_model: string | null;
                aliases: string[];
                tags: {
                    [key: string]: string;
                };
                created_at: string;
            }[];
        };
        RegisteredModelPage: {
            items: components["schemas"]["RegisteredModel"][];
            next_cursor: string | null;
        };
        ViewState: {
            /** @description Run filter language */
            filter?: string;
            /** @description As GET .../runs?sort= */
            sort?: string;
            /** @description Column fields in filter syntax, in the table's order */
            columns?: string[];
            /** @enum {number} */
            page_size?: 25 | 50 | 100 | 200;
            /** @description Archived runs shown */
            archived?: boolean;
        };
        SavedView: {
            name: string;
            state: components["schemas"]["ViewState"];
            created_at: string;
            updated_at: string;
        };
        SavedViewPage: {
            items: components["schemas"]["SavedView"][];
            next_cursor: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API and its database answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "unavailable";
                        /** @enum {string} */
                        database: "ok" | "unreachable";
                    };
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "unavailable";
                        /** @enum {string} */
                        database: "ok" | "unreachable";
                    };
                };
            };
        };
    };
    listRepos: {
        parameters: {
            query?: {
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of repos */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepoPage"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRepo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The repo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Repo"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putRepo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    description?: string;
                };
            };
        };
        responses: {
            /** @description The repo existed and was updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Repo"];
                };
            };
            /** @description The repo was created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Repo"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteRepo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeStaleRuns: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Run filter language: close only the stale runs it matches (archived runs only when it names archived). Default: every stale run. */
                    filter?: string;
                };
            };
        };
        responses: {
            /** @description The runs closed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClosedStaleRuns"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    heartbeatRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                run: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run's liveness */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunLiveness"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRuns: {
        parameters: {
            query?: {
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Run filter language (at most 4 KiB), e.g. `params.lr > 1e-3 and metrics.loss{subset:"val"}.min < 0.2`. Empty = every run. Archived runs are hidden unless the filter names `archived`. */
                filter?: string;
                /** @description Any field the filter language names except tags, optionally followed by asc (default) or desc, e.g. `metrics.acc{subset:"test"}.last desc`. Default `created_at asc`. Runs without the field come last. */
                sort?: string;
                /** @description Comma-separated fields in filter syntax to evaluate for each run of the page, e.g. `params.lr,values.acc{subset:"test"},metrics.loss{subset:"val"}.min,tags.baseline`; each item then has `columns` keyed by the text of each field. At most 100. */
                columns?: string;
                /** @description false leaves provenance out of the items */
                provenance?: "true" | "false";
                /** @description true adds total: how many runs match, counted over every page */
                total?: "true" | "false";
            };
            header?: never;
            path: {
                repo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunListPage"];
                    "text/csv": string;
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Client-chosen id: re-sending it resumes the run instead of creating another */
                    id?: string;
                    name?: string;
                    experiment?: string;
                    description?: string;
                    params?: {
                        [key: string]: unknown;
                    };
                    tags?: string[];
                    /** @description Campaign id or name, of a campaign of this repo: one that does not exist is a 400 on campaign */
                    campaign?: string;
                    provenance?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description A run with this id exists: resumed, unchanged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listColumns: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fields */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ColumnFields"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                run: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDetail"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                run: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                run: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    experiment?: string;
                    description?: string;
                    status?: components["schemas"]["RunStatus"];
                    archived?: boolean;
                    campaign?: string | null;
                    /** @description JSON merge patch (RFC 7396): objects merge, null deletes a key */
                    params?: {
                        [key: string]: unknown;
                    };
                    tags?: {
                        add?: string[];
                        remove?: string[];
                    };
                    /** @description Why the run failed, as the SDK saw it: the uncaught exception's type and message; null clears it */
                    failure?: {
                        type: string;
                        message: string;
                    } | null;
                };
            };
        };
        responses: {
            /** @description The updated run */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putValues: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                run: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    context?: components["schemas"]["Context"];
                    value: components["schemas"]["Value"];
                }[];
            };
        };
        responses: {
            /** @description All values of the run after the upsert */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RunValue"][];
                    };
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postInputs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                run: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunInputIn"][];
            };
        };
        responses: {
            /** @description All inputs of the run, in the order first logged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RunInput"][];
                    };
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readLogs: {
        parameters: {
            query?: {
                stream?: components["schemas"]["LogStream"];
                /** @description Only lines containing this text (case-sensitive) */
                q?: string;
                /** @description Only the last N lines that stream and q keep */
                tail?: string;
                /** @description Only lines with a greater seq (next_after of the previous page) */
                after?: string;
                /** @description Lines per JSON page (default 1,000). With Accept: text/plain, at most this many lines (default: every line selected) */
                limit?: string;
            };
            header?: never;
            path: {
                repo: string;
                run: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of lines (JSON), or every selected line (text) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogPage"];
                    "text/plain": string;
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    appendLogs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                run: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lines?: {
                        /** @description The line's number in the run, unique: the client numbers lines 0, 1, 2, ... in order. A line re-sent with a stored seq is ignored */
                        seq: number;
                        stream?: components["schemas"]["LogStream"];
                        /** @description Epoch seconds (default: when the server receives it) */
                        time?: number;
                        /** @description The line without its newline (any characters but NUL; ANSI escapes are kept as sent) */
                        text: string;
                    }[];
                    /** @description Lines as chunks: the lines one read of a stream gave, in one string */
                    chunks?: components["schemas"]["LogChunk"][];
                };
            };
        };
        responses: {
            /** @description What was stored, and the run's log size after */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogAppendResult"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCampaigns: {
        parameters: {
            query?: {
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                repo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of campaigns */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignPage"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Client-chosen id: re-sending it returns the stored campaign */
                    id?: string;
                    name: string;
                    description?: string;
                    /** @description e.g. the grid the campaign runs over */
                    params?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description A campaign with this id exists: returned unchanged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the stored state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                campaign: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDetail"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                campaign: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                campaign: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                    /** @description JSON merge patch (RFC 7396) */
                    params?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description The updated campaign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the stored state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    summarizeCampaign: {
        parameters: {
            query?: {
                /** @description Comma-separated metric names: series or values. Default: every name present in the campaign's runs. */
                metrics?: string;
                /** @description JSON: one context object or an array of them, e.g. [{"subset":"val"},{"subset":"test"}]; contexts match exactly ({} is the empty context). Default: every context present. */
                contexts?: string;
                /** @description Comma-separated param paths, written as in filters (params.optimizer.lr) or bare (optimizer.lr), e.g. params.aug,params.lr. Default: every param whose value differs across the runs, except repetition params, which are pooled (the last key is seed, split or fold, or ends in _seed, -seed, _split, -split, _fold or -fold, case-insensitively: seed, random_seed, cv_fold). Empty: one group of all runs. */
                group_by?: string;
                /** @description Which series summary counts for a run (values ignore it) */
                select?: "last" | "min" | "max";
                /** @description Comma-separated run statuses that count, or any. Default: finished (a run still running, or one that failed or was killed halfway, has no final result), unless filter names status itself. */
                status?: string;
                /** @description Run filter language: only the campaign's runs it matches count (archived runs only when it names archived), e.g. `params.lr > 1e-3`. With status (or its default) both must hold. */
                filter?: string;
            };
            header?: never;
            path: {
                repo: string;
                campaign: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignSummary"];
                    "text/csv": string;
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    campaignConfusion: {
        parameters: {
            query: {
                /** @description The path of the confusion matrix artifact in each run, e.g. confusion.json */
                path: string;
                /** @description Comma-separated param paths, written as in filters (params.aug) or bare (aug): one summed matrix per group of runs with equal values there. Default: one group of all runs. */
                group_by?: string;
                /** @description Comma-separated run statuses that count, or any. Default: finished (a run still running, or one that failed or was killed halfway, has no final result), unless filter names status itself. */
                status?: string;
                /** @description Run filter language: only the campaign's runs it matches count (archived runs only when it names archived), e.g. `params.lr > 1e-3`. With status (or its default) both must hold. */
                filter?: string;
            };
            header?: never;
            path: {
                repo: string;
                campaign: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignConfusion"];
                    "text/csv": string;
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    compareCampaign: {
        parameters: {
            query: {
                /** @description The metric (series or value) compared, resolved per run as in the summary */
                metric: string;
                /** @description JSON: the metric's context, e.g. {"subset":"test"}. Default: the one context the metric has in the selected runs. */
                context?: string;
                /** @description Which series summary counts for a run (values ignore it) */
                select?: "last" | "min" | "max";
                /** @description The param whose values are compared, e.g. params.aug */
                by: string;
                /** @description The value of `by` every other group is compared with, written as JSON (0.1, true, "x") or, for a string, bare (none). Default: the first group in order (null < booleans < numbers < strings < arrays and objects). */
                baseline?: string;
                /** @description Comma-separated param paths (params.split,params.seed or bare) whose values pair runs across groups: a group's run and a baseline run with equal values there form a pair. Default: the params that vary across the selected runs and name a repetition, as the summary pools them: the last key is seed, split or fold, or ends in one of them after _ or - (random_seed, cv-fold). */
                pair_on?: string;
                /** @description Which direction ranks first in the Friedman average ranks (rank 1 = best); the tests do not depend on it */
                better?: "higher" | "lower";
                /** @description Comma-separated run statuses that count, or any. Default: finished (a run still running, or one that failed or was killed halfway, has no final result), unless filter names status itself. */
                status?: string;
                /** @description Run filter language: only the campaign's runs it matches count (archived runs only when it names archived), e.g. `params.lr > 1e-3`. With status (or its default) both must hold. */
                filter?: string;
            };
            header?: never;
            path: {
                repo: string;
                campaign: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comparison */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignComparison"];
                    "text/csv": string;
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSeries: {
        parameters: {
            query?: {
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                repo: string;
                run: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of series */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeriesSummaryPage"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ingestMetrics: {
        parameters: {
            query?: {
                /** @description true: log to a finished run, as the body's reopen does (for NDJSON bodies) */
                reopen?: "true" | "false";
            };
            header?: never;
            path: {
                repo: string;
                run: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    points: {
                        name: string;
                        context?: components["schemas"]["Context"] | null;
                        step: number;
                        value: components["schemas"]["WireNumber"];
                        epoch?: number | null;
                        /** @description Unix seconds; defaults to the time the server received the request */
                        time?: number;
                    }[];
                    /** @description Log to a finished run: it becomes running again */
                    reopen?: boolean;
                } | components["schemas"]["IngestColumns"];
                "application/x-ndjson": string;
            };
        };
        responses: {
            /** @description How many points were written, to how many series */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        points: number;
                        series: number;
                    };
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the stored state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readSeries: {
        parameters: {
            query?: {
                /** @description The series context as JSON, e.g. {"subset":"val"}; default {} */
                context?: string;
                from?: string;
                to?: string;
                points?: string;
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description rows (default): an object per point; columnar: an array per field */
                format?: "rows" | "columnar";
                /** @description format=columnar only: the columns to send, comma-separated, from steps, values, epochs, times, buckets, e.g. steps,values. Default: all of them. */
                fields?: string;
            };
            header?: never;
            path: {
                repo: string;
                run: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The series: rows, or with format=columnar an array per field (with fields, only those) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeriesRead"] | components["schemas"]["SeriesColumns"] | components["schemas"]["SeriesSomeColumns"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    querySeries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SeriesQueryByRuns"] | components["schemas"]["SeriesQueryBySelection"];
            };
        };
        responses: {
            /** @description One item per (run, metric) that exists */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            run: string;
                            name: string;
                            context: components["schemas"]["Context"];
                            summary: components["schemas"]["SeriesSummary"];
                            /** @description Raw points, or in downsampled reads the last point of each bucket (enough for a plain line plot) */
                            points: {
                                step: number;
                                value: components["schemas"]["WireNumber"];
                                epoch: number | null;
                                time: number;
                            }[];
                            /** @description Downsampled reads only: per step bucket, count, min and max (so spikes stay visible) and the last point */
                            buckets: {
                                step: number;
                                value: components["schemas"]["WireNumber"];
                                epoch: number | null;
                                time: number;
                                start: number;
                                end: number;
                                count: number;
                                min: components["schemas"]["WireNumber"] | null;
                                max: components["schemas"]["WireNumber"] | null;
                                min_step: number | null;
                                max_step: number | null;
                            }[] | null;
                            next_cursor: string | null;
                        }[] | {
                            run: string;
                            name: string;
                            context: components["schemas"]["Context"];
                            summary: components["schemas"]["SeriesSummary"];
                            steps: number[];
                            values: components["schemas"]["WireNumber"][];
                            epochs: (number | null)[];
                            times: number[];
                            /** @description Downsampled reads only: per bucket, its step range, count, min and max (NaN ignored) with their steps */
                            buckets: {
                                start: number[];
                                end: number[];
                                count: number[];
                                min: (components["schemas"]["WireNumber"] | null)[];
                                max: (components["schemas"]["WireNumber"] | null)[];
                                min_step: (number | null)[];
                                max_step: (number | null)[];
                            } | null;
                            next_cursor: string | null;
                        }[];
                    };
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtifact: {
        parameters: {
            query?: {
                /** @description metrics: a confusion matrix artifact's classification report (accuracy, per-class precision, recall, F1, support, averages) */
                view?: "metrics";
            };
            header?: {
                /** @description A single byte range, e.g. bytes=0-1023 */
                range?: string;
                /** @description ETags the client holds */
                "if-none-match"?: string;
                /** @description Honour Range only while the ETag is this one */
                "if-range"?: string;
            };
            path: {
                repo: string;
                run: string;
                /** @description The artifact's path in the run: 1-1,024 characters, '/' separating segments; no empty, '.' or '..' segment, no leading '/', no control characters or backslashes. Sent URL-encoded segment by segment. */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The artifact (a JSON artifact as uploaded), or with view=metrics its ConfusionMetrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfusionMetrics"] | unknown;
                    "*/*": string;
                };
            };
            /** @description The requested byte range */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description Not modified: If-None-Match holds the current ETag */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Range not satisfiable: Content-Range gives the size */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putArtifact: {
        parameters: {
            query?: {
                /** @description The step the artifact was logged at (an image per epoch): an integer from 0. The path stays its key: give each step its own path. */
                step?: string;
                /** @description JSON: the context the artifact belongs to, like a series' context, e.g. {"subset":"val"}. Default: {}. */
                context?: string;
            };
            header?: never;
            path: {
                repo: string;
                run: string;
                /** @description The artifact's path in the run: 1-1,024 characters, '/' separating segments; no empty, '.' or '..' segment, no leading '/', no control characters or backslashes. Sent URL-encoded segment by segment. */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
                "application/vnd.runcamp.confusion+json": components["schemas"]["ConfusionMatrix"];
                "*/*": string;
            };
        };
        responses: {
            /** @description Stored, replacing the previous version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Artifact"];
                };
            };
            /** @description Stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Artifact"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteArtifact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                run: string;
                /** @description The artifact's path in the run: 1-1,024 characters, '/' separating segments; no empty, '.' or '..' segment, no leading '/', no control characters or backslashes. Sent URL-encoded segment by segment. */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArtifacts: {
        parameters: {
            query?: {
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Only paths that start with this text, e.g. `reports/` */
                prefix?: string;
            };
            header?: never;
            path: {
                repo: string;
                run: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of artifacts, ordered by path */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtifactPage"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createArtifactUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                run: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The artifact's path in the run: 1-1,024 characters, '/' separating segments; no empty, '.' or '..' segment, no leading '/', no control characters or backslashes. Sent URL-encoded segment by segment. */
                    path: string;
                    /** @description The artifact's size in bytes, as it will be sent */
                    size: number;
                    /** @description Lowercase hex SHA-256 of the bytes: checked on completion */
                    sha256: string;
                    content_type?: string;
                };
            };
        };
        responses: {
            /** @description Upload started */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtifactUpload"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the stored state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    completeArtifactUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                run: string;
                /** @description The upload_id its creation answered */
                upload: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Every part, in order, with the ETag its PUT answered */
                    parts: {
                        number: number;
                        etag: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Stored, replacing the previous version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Artifact"];
                };
            };
            /** @description Stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Artifact"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    abortArtifactUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                run: string;
                /** @description The upload_id its creation answered */
                upload: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Aborted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importRepoContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Used only when this import creates the repo; an existing repo is left as it is */
                    repo?: {
                        description?: string;
                        created_at: string;
                    };
                    campaigns?: {
                        id: string;
                        name: string;
                        description?: string;
                        params?: {
                            [key: string]: unknown;
                        };
                        created_at: string;
                    }[];
                    runs?: {
                        id: string;
                        name?: string;
                        experiment?: string;
                        description?: string;
                        status: components["schemas"]["RunStatus"];
                        archived?: boolean;
                        campaign?: string | null;
                        params?: {
                            [key: string]: unknown;
                        };
                        tags?: string[];
                        provenance?: {
                            [key: string]: unknown;
                        } | null;
                        created_at: string;
                        updated_at: string;
                        ended_at?: string | null;
                        last_activity_at?: string;
                        /** @description Why the run failed, as the SDK saw it: the uncaught exception's type and message; null clears it */
                        failure?: {
                            type: string;
                            message: string;
                        } | null;
                        values?: {
                            name: string;
                            context?: components["schemas"]["Context"];
                            value: components["schemas"]["Value"];
                            updated_at: string;
                        }[];
                        /** @description The run's dataset inputs in the order first logged; replaced as a whole */
                        inputs?: components["schemas"]["RunInputIn"][];
                        artifacts?: {
                            /** @description The artifact's path in the run: 1-1,024 characters, '/' separating segments; no empty, '.' or '..' segment, no leading '/', no control characters or backslashes. Sent URL-encoded segment by segment. */
                            path: string;
                            /** @description The artifact (uploaded before this import) gets this creation time */
                            created_at: string;
                        }[];
                    }[];
                };
            };
        };
        responses: {
            /** @description What was created and replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the stored state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: {
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPage"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /**
                     * @description read: GET only; write: also create, change and delete runs, values, series and campaigns; admin: also tokens and deleting repos
                     * @enum {string}
                     */
                    scope: "read" | "write" | "admin";
                    repo?: string;
                    /** Format: date-time */
                    expires_at?: string;
                };
            };
        };
        responses: {
            /** @description Issued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedToken"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listLoggedModels: {
        parameters: {
            query?: {
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description Only the models this run logged */
                run?: string;
            };
            header?: never;
            path: {
                repo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of logged models */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoggedModelPage"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRegisteredModels: {
        parameters: {
            query?: {
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                repo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of registered models */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredModelPage"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listViews: {
        parameters: {
            query?: {
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                repo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of views */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedViewPage"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getView: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The view */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedView"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putView: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    state: components["schemas"]["ViewState"];
                };
            };
        };
        responses: {
            /** @description A view of this name existed and was replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedView"];
                };
            };
            /** @description The view was created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedView"];
                };
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteView: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                repo: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: the problem lists each field error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's scope does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request line and headers exceed the host's limit (16 KiB on the Node host) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
