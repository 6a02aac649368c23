// The environment of a host that runs on a machine (Node, Bun, Deno: `npm start`,
// `npm run start:bun`, `npm run start:deno`), read the same way by each. The Worker and the
// Lambda handler read theirs from their own bindings.
import type { Client } from "@libsql/client";
import { type Config, configFromEnv } from "../config.ts";
import { isLoopbackHost } from "../lib/loopback.ts";
import { type BackupSchedule, backupScheduleFromEnv } from "./backup.ts";

type Env = Record<string, string | undefined>;

/**
 * An embedded replica (LIBSQL_SYNC_URL): a local copy of the primary's database in the file at
 * LIBSQL_URL. Reads are local; writes go to the primary, and the client syncs them back before
 * the write returns (readYourWrites), so this host reads its own writes at once and other
 * hosts' writes within `syncIntervalSeconds`.
 */
export interface EmbeddedReplica {
  syncUrl: string;
  syncIntervalSeconds: number;
}

export interface AppOptions {
  url: string;
  authToken?: string;
  config: Config;
  /** Run on an embedded replica of this primary (LIBSQL_SYNC_URL); `url` is then its local file. */
  replica?: EmbeddedReplica;
  /** Tests wrap the client the app uses (e.g. to check every statement against sqld's parser). */
  wrapClient?: (client: Client) => Client;
  /**
   * Embedded files: run write transactions on the writer thread (./node-writer.ts) so reads
   * never wait behind them. Default true; RUNCAMP_WRITER_THREAD=0 turns it off.
   */
  writerThread?: boolean;
}

export interface NodeServerOptions extends AppOptions {
  host: string;
  port: number;
}

export interface HostSettings extends NodeServerOptions {
  /** Scheduled backups of the embedded database (RUNCAMP_BACKUP_EVERY), if asked for. */
  backups?: BackupSchedule;
}

/** The host's settings from its environment; throws with the reason when one is not valid. */
export function hostSettings(env: Env): HostSettings {
  const host = env.HOST ?? "127.0.0.1";
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number (0 to 65535), got "${env.PORT}"`);
  if (!env.RUNCAMP_ADMIN_TOKEN && !isLoopbackHost(host)) {
    throw new Error(`Refusing to serve on ${host} without RUNCAMP_ADMIN_TOKEN: without a token runcamp only serves on loopback (127.0.0.1).`);
  }
  const syncIntervalSeconds = Number(env.LIBSQL_SYNC_INTERVAL ?? 1);
  if (!(syncIntervalSeconds > 0)) throw new Error(`LIBSQL_SYNC_INTERVAL must be a number of seconds above 0 (got ${env.LIBSQL_SYNC_INTERVAL})`);
  const url = env.LIBSQL_URL ?? "file:./data/runcamp.db";
  return {
    url,
    authToken: env.LIBSQL_AUTH_TOKEN,
    replica: env.LIBSQL_SYNC_URL ? { syncUrl: env.LIBSQL_SYNC_URL, syncIntervalSeconds } : undefined,
    host,
    port,
    config: configFromEnv(env),
    writerThread: env.RUNCAMP_WRITER_THREAD !== "0",
    backups: backupScheduleFromEnv(env, url),
  };
}

/** hostSettings, or the reason on stderr and exit status 1. */
export function hostSettingsOrExit(env: Env): HostSettings {
  try {
    return hostSettings(env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}

/** The line a host prints once it listens (tests wait for it). */
export function listeningLine(settings: NodeServerOptions, port: number): string {
  const database = settings.replica ? `${settings.url}, an embedded replica of ${settings.replica.syncUrl}` : settings.url;
  return `runcamp listening on http://${settings.host.includes(":") ? `[${settings.host}]` : settings.host}:${port} (database ${database})`;
}
