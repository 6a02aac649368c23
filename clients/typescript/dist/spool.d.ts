export interface SpooledRequest {
    url: string;
    method: string;
    path: string;
    body: string | null;
    kind: "request" | "points" | "campaign" | "resolve-steps" | "points-relative" | "artifact";
    points: number;
    /** Artifacts: their bytes (kept in `<record name>.blob` beside the record) and content type. */
    data?: Uint8Array;
    contentType?: string;
}
interface NodeFs {
    mkdirSync(path: string, options: {
        recursive: boolean;
    }): void;
    writeFileSync(path: string, data: string | Uint8Array): void;
    renameSync(from: string, to: string): void;
    readFileSync(path: string): Uint8Array;
    readFileSync(path: string, encoding: "utf8"): string;
    readdirSync(path: string, options?: {
        withFileTypes: true;
    }): {
        name: string;
        isDirectory(): boolean;
    }[];
    unlinkSync(path: string): void;
    rmdirSync(path: string): void;
    existsSync(path: string): boolean;
}
interface NodeEnv {
    fs: NodeFs;
    join(...parts: string[]): string;
    homedir(): string;
    env: Record<string, string | undefined>;
    pid: number;
}
/** node:fs and friends, or null where they do not exist (browsers, Workers). */
export declare function loadNode(): Promise<NodeEnv | null>;
export declare function defaultSpoolDir(node: NodeEnv): string;
/** The file text, as _spool.py writes it (version 2 for the kinds version 1 does not know). */
export declare function spoolFileText(req: SpooledRequest, bodyFile?: string): string;
/** Writes a run's leftover requests in order, atomically each. */
export declare function writeSpool(node: NodeEnv, root: string, repo: string, run: string, requests: SpooledRequest[]): string;
export interface SpoolContents {
    requests: number;
    points: number;
    runs: number;
}
export declare function spoolContents(node: NodeEnv, root: string, url: string): SpoolContents;
export type Send = (req: SpooledRequest) => Promise<"delivered" | "dropped" | "undelivered">;
export type Get = (path: string) => Promise<Response | null>;
/** Where each series of a run (GET .../runs/{run}) goes on: last step + 1. */
export declare function stepBases(run: {
    metrics?: {
        name: string;
        context: Record<string, unknown>;
        last_step: number | null;
    }[];
}): Record<string, number>;
/** A points-relative body with its relative steps (-1 - k) made absolute: the columnar form, or the point form older spools hold. */
export declare function absolutePointsBody(body: string, bases: Record<string, number>): string;
/** Re-sends the directories this SDK wrote for `url`, each in order; stops a directory at its first undelivered request. */
export declare function resendSpool(node: NodeEnv, root: string, url: string, send: Send, get: Get): Promise<{
    requests: number;
    left: number;
}>;
export {};
