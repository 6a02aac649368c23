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
        /** List repos with their run and campaign counts */
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
    "/v1/repos/{repo}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search runs: filter, sort, paginate
         * @description Filter errors are a 400 whose detail and errors[0].message give the position (0-based) of the offending text. Pagination is stable for every sort: pass next_cursor back with the same sort.
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
        /** Get a run with its params, tags, values and series summaries */
        get: operations["getRun"];
        put?: never;
        post?: never;
        /** Delete a run with its values and series */
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
        /** Upsert values: one result per (name, context) */
        put: operations["putValues"];
        post?: never;
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
         * @description Over the campaign's runs that are not archived. A metric resolves per run to a series (its last/min/max per select) or, lacking one, to a numeric value. NaN values are counted in nan and left out. Rows are ordered by group, metric, context. With Accept: text/csv the same rows as CSV: one column per group_by path (named params.<path>), then metric, context (JSON), n, nan, mean, std, min, max, ci95.
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
         * @description Body: JSON {points:[...]} or NDJSON (one point per line, Content-Type application/x-ndjson; reopen with ?reopen=true). Up to 100,000 points; all land or none do. Re-sending a step overwrites it.
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
         * @description context is the series context as JSON (default {}). from/to bound the steps. With points=N the series is cut into at most N buckets, each keeping count, min and max (NaN ignored, with their steps) and its last point, exact over the points in its [start, end]. Ranged reads (from/to) and short series get buckets of equal step width; a long series read whole (at least 128·N points) gets buckets of whole 64-point storage chunks, so widths are only roughly equal. Without it, raw points are paginated with limit (default 1000, max 100000) and cursor. A name holding '/' is sent URL-encoded (%2F).
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
         * @description Choose the runs with runs (ids) or filter (run filter language, at most 1,000 matching runs; more is a 400 asking to narrow the filter), exactly one of the two.
         */
        post: operations["querySeries"];
        delete?: never;
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
        };
        RepoPage: {
            items: components["schemas"]["Repo"][];
            next_cursor: string | null;
        };
        /** @enum {string} */
        RunStatus: "running" | "finished" | "failed" | "killed";
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
            tags: string[];
            provenance: {
                [key: string]: unknown;
            } | null;
            created_at: string;
            updated_at: string;
            ended_at: string | null;
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
            tags: string[];
            provenance?: {
                [key: string]: unknown;
            } | null;
            created_at: string;
            updated_at: string;
            ended_at: string | null;
            /** @description With columns=: each requested column's value by its text as requested (null where the run lacks it); non-finite numbers as strings */
            columns?: {
                [key: string]: unknown;
            };
        };
        RunListPage: {
            items: components["schemas"]["RunListItem"][];
            next_cursor: string | null;
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
        };
        Value: string | number | boolean | null | {
            [key: string]: unknown;
        };
        RunValue: {
            name: string;
            context: components["schemas"]["Context"];
            value: components["schemas"]["Value"];
            updated_at: string;
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
            tags: string[];
            provenance: {
                [key: string]: unknown;
            } | null;
            created_at: string;
            updated_at: string;
            ended_at: string | null;
            values: components["schemas"]["RunValue"][];
            metrics: components["schemas"]["SeriesSummary"][];
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
        CampaignSummary: {
            campaign: string;
            group_by: string[];
            /** @enum {string} */
            select: "last" | "min" | "max";
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
        SeriesQueryByFilter: {
            /** @description Run filter language, instead of runs: the matching runs (archived hidden unless the filter names archived) in creation order. More than 1,000 matches is a 400: narrow the filter. */
            filter: string;
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
                    /** @description Campaign id or name */
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
                /** @description Comma-separated param paths, written as in filters (params.optimizer.lr) or bare (optimizer.lr), e.g. params.aug,params.lr. Default: every param whose value differs across the runs. Empty: one group of all runs. */
                group_by?: string;
                /** @description Which series summary counts for a run (values ignore it) */
                select?: "last" | "min" | "max";
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
                };
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
            /** @description The series: rows, or with format=columnar an array per field */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeriesRead"] | components["schemas"]["SeriesColumns"];
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
                "application/json": components["schemas"]["SeriesQueryByRuns"] | components["schemas"]["SeriesQueryByFilter"];
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
}
