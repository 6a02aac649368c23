// Runtime configuration shared by every host. Hosts read their environment and pass a Config
// to createApp; nothing in the app reads process.env directly (Workers have no process).
export interface Limits {
  maxBodyBytes: number;
  maxPointsPerRequest: number;
  maxNameLength: number;
  maxContextKeys: number;
  /** Longest context key, and longest context string value. */
  maxContextLength: number;
  maxParamsBytes: number;
  /** Largest artifact, enforced while its upload streams in (413 beyond, nothing kept). */
  maxArtifactBytes: number;
  /** Deepest nesting of arrays and objects in params, values and provenance. */
  maxJsonDepth: number;
  /** Most distinct series one ingest request may write. */
  maxSeriesPerRequest: number;
  /** Most series one run may hold. */
  maxSeriesPerRun: number;
  /** Most log text one run may hold, in UTF-8 bytes (413 beyond, nothing of the request kept). */
  maxLogBytesPerRun: number;
}

export interface Config {
  limits: Limits;
  /** Origins allowed by CORS; empty = CORS off. "*" allows any origin. */
  corsOrigins: string[];
  /** When set, every /v1 request must carry it as a bearer token. */
  adminToken?: string;
  /** Memory for recently read series blocks (src/lib/block-cache.ts); 0 turns the cache off. */
  seriesCacheBytes?: number;
  /** A running run silent for longer than this is stale (src/api/runs/liveness/). */
  staleAfterSeconds?: number;
}

export const DEFAULT_SERIES_CACHE_BYTES = 128 * 1024 * 1024;
// The SDKs send a heartbeat every 30 s while their process lives: ten missed beats.
export const DEFAULT_STALE_AFTER_SECONDS = 300;

export const defaultLimits: Limits = {
  maxBodyBytes: 32 * 1024 * 1024,
  maxPointsPerRequest: 100_000,
  maxNameLength: 255,
  maxContextKeys: 16,
  maxContextLength: 255,
  maxParamsBytes: 256 * 1024,
  maxArtifactBytes: 64 * 1024 * 1024,
  maxJsonDepth: 32,
  maxSeriesPerRequest: 10_000,
  maxSeriesPerRun: 25_000,
  maxLogBytesPerRun: 64 * 1024 * 1024,
};

type Env = Record<string, string | undefined>;

function intFromEnv(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${key} must be a positive integer, got "${raw}"`);
  return n;
}

export function configFromEnv(env: Env): Config {
  return {
    limits: {
      maxBodyBytes: intFromEnv(env, "RUNCAMP_MAX_BODY_BYTES", defaultLimits.maxBodyBytes),
      maxPointsPerRequest: intFromEnv(env, "RUNCAMP_MAX_POINTS_PER_REQUEST", defaultLimits.maxPointsPerRequest),
      // The API schemas (and so the generated clients) cap names at 255: the limit can only be lowered.
      maxNameLength: Math.min(intFromEnv(env, "RUNCAMP_MAX_NAME_LENGTH", defaultLimits.maxNameLength), defaultLimits.maxNameLength),
      maxContextKeys: intFromEnv(env, "RUNCAMP_MAX_CONTEXT_KEYS", defaultLimits.maxContextKeys),
      maxContextLength: intFromEnv(env, "RUNCAMP_MAX_CONTEXT_LENGTH", defaultLimits.maxContextLength),
      maxParamsBytes: intFromEnv(env, "RUNCAMP_MAX_PARAMS_BYTES", defaultLimits.maxParamsBytes),
      maxArtifactBytes: intFromEnv(env, "RUNCAMP_MAX_ARTIFACT_BYTES", defaultLimits.maxArtifactBytes),
      maxJsonDepth: intFromEnv(env, "RUNCAMP_MAX_JSON_DEPTH", defaultLimits.maxJsonDepth),
      maxSeriesPerRequest: intFromEnv(env, "RUNCAMP_MAX_SERIES_PER_REQUEST", defaultLimits.maxSeriesPerRequest),
      maxSeriesPerRun: intFromEnv(env, "RUNCAMP_MAX_SERIES_PER_RUN", defaultLimits.maxSeriesPerRun),
      maxLogBytesPerRun: intFromEnv(env, "RUNCAMP_MAX_LOG_BYTES_PER_RUN", defaultLimits.maxLogBytesPerRun),
    },
    corsOrigins: (env.RUNCAMP_CORS_ORIGINS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    adminToken: env.RUNCAMP_ADMIN_TOKEN || undefined,
    staleAfterSeconds: intFromEnv(env, "RUNCAMP_STALE_AFTER_SECONDS", DEFAULT_STALE_AFTER_SECONDS),
    seriesCacheBytes: env.RUNCAMP_SERIES_CACHE_MB === "0" ? 0 : intFromEnv(env, "RUNCAMP_SERIES_CACHE_MB", DEFAULT_SERIES_CACHE_BYTES / 2 ** 20) * 2 ** 20,
  };
}
