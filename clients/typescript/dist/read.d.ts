export interface ReadOptions {
    /** Server base URL. Default http://127.0.0.1:8787 */
    url?: string;
    token?: string;
    repo?: string;
    fetch?: typeof fetch;
}
export interface RunItem {
    id: string;
    name: string;
    experiment: string;
    status: "running" | "finished" | "failed" | "killed";
    stale: boolean;
    archived: boolean;
    campaign: string | null;
    params: Record<string, unknown>;
    tags: string[];
    created_at: string;
    updated_at: string;
    ended_at: string | null;
    last_activity_at: string;
    /** The requested columns by their text (`values.acc{subset:"test"}`), numbers decoded; null where a run lacks one. */
    columns: Record<string, unknown>;
}
export interface SeriesColumns {
    name: string;
    context: Record<string, string | number | boolean>;
    steps: number[];
    values: number[];
    epochs: (number | null)[];
    times: number[];
    /** Downsampled reads: per bucket count, min and max. */
    buckets: {
        count: number[];
        min: number[];
        max: number[];
    } | null;
}
/**
 * Runs matching `filter` and `status`, sorted by `sort`: all of them, or the first `limit`.
 * `columns` (filter fields, at most 100) are evaluated for each run in the listing itself.
 */
export declare function runs(options: ReadOptions & {
    filter?: string;
    status?: string | string[];
    sort?: string;
    columns?: string[];
    limit?: number;
}): Promise<RunItem[]>;
export interface SeriesOptions extends ReadOptions {
    run: string;
    name: string;
    context?: Record<string, string | number | boolean>;
    /** Downsample to at most this many buckets (each its last point, with count, min, max). */
    points?: number;
}
/** One series as columns (every raw point, read page by page, or downsampled with `points`). */
export declare function series(options: SeriesOptions): Promise<SeriesColumns>;
