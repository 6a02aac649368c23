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

/** Where an artifact's bytes live (src/api/artifacts/store.ts). */
export type ArtifactStoreName = "libsql" | "s3" | "r2";

/** An S3-compatible bucket (RUNCAMP_S3 and its RUNCAMP_S3_* companions; docs/operations.md). */
export interface S3Settings {
  bucket: string;
  /** Prefix of every object key, without a trailing "/" ("" for none). */
  prefix: string;
  /** Base URL of the service, addressed path-style (`<endpoint>/<bucket>/<key>`); unset: AWS, virtual-hosted. */
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface ArtifactSettings {
  /** Where new uploads go; undefined: the object store the host has (S3, else R2), else libSQL. */
  uploadsTo?: ArtifactStoreName;
  s3?: S3Settings;
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
  /** Artifact stores beside libSQL; unset: every artifact in libSQL. */
  artifacts?: ArtifactSettings;
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

const STORE_NAMES: ArtifactStoreName[] = ["libsql", "s3", "r2"];

/** RUNCAMP_S3=s3://bucket/prefix with its credentials, or undefined when RUNCAMP_S3 is unset. */
function s3FromEnv(env: Env): S3Settings | undefined {
  const raw = env.RUNCAMP_S3;
  if (!raw) return undefined;
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(raw);
  if (!m) throw new Error(`RUNCAMP_S3 must be s3://<bucket>[/<prefix>], got "${raw}"`);
  const accessKeyId = env.RUNCAMP_S3_ACCESS_KEY_ID ?? env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.RUNCAMP_S3_SECRET_ACCESS_KEY ?? env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey)
    throw new Error("RUNCAMP_S3 needs RUNCAMP_S3_ACCESS_KEY_ID and RUNCAMP_S3_SECRET_ACCESS_KEY (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)");
  const endpoint = env.RUNCAMP_S3_ENDPOINT || undefined;
  if (endpoint && !/^https?:\/\/[^/]+\/?$/.test(endpoint)) throw new Error(`RUNCAMP_S3_ENDPOINT must be http(s)://host[:port], got "${endpoint}"`);
  return {
    bucket: m[1],
    prefix: (m[2] ?? "").replace(/^\/+|\/+$/g, ""),
    endpoint: endpoint?.replace(/\/$/, ""),
    region: env.RUNCAMP_S3_REGION || env.AWS_REGION || "us-east-1",
    accessKeyId,
    secretAccessKey,
    sessionToken: env.RUNCAMP_S3_SESSION_TOKEN ?? env.AWS_SESSION_TOKEN,
  };
}

function artifactsFromEnv(env: Env): ArtifactSettings | undefined {
  const s3 = s3FromEnv(env);
  const raw = env.RUNCAMP_ARTIFACTS;
  if (!raw) return s3 && { s3 };
  const uploadsTo = raw as ArtifactStoreName;
  if (!STORE_NAMES.includes(uploadsTo)) throw new Error(`RUNCAMP_ARTIFACTS must be one of ${STORE_NAMES.join(", ")}, got "${raw}"`);
  if (uploadsTo === "s3" && !s3) throw new Error("RUNCAMP_ARTIFACTS=s3 needs RUNCAMP_S3=s3://<bucket>[/<prefix>]");
  return { uploadsTo, s3 };
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
    artifacts: artifactsFromEnv(env),
    seriesCacheBytes: env.RUNCAMP_SERIES_CACHE_MB === "0" ? 0 : intFromEnv(env, "RUNCAMP_SERIES_CACHE_MB", DEFAULT_SERIES_CACHE_BYTES / 2 ** 20) * 2 ** 20,
  };
}
