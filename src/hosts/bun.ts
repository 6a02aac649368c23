// The Bun host (`npm run start:bun`): the app of the Node host (same database, migrations,
// writer thread, settings) served by Bun.serve instead of node:http. @libsql/client's embedded
// driver is a Node-API addon, which Bun loads, so LIBSQL_URL may be a file: as on Node.
import { startBackupSchedule } from "./backup.ts";
import { hostSettingsOrExit, listeningLine } from "./host-settings.ts";
import { openApp } from "./node.ts";

// The part of Bun's API used here (Bun's own types are not a dependency of the project).
declare const Bun: {
  serve(options: {
    hostname: string;
    port: number;
    fetch: (request: Request) => Response | Promise<Response>;
    maxRequestBodySize: number;
    idleTimeout: number;
  }): { port: number; stop(closeActiveConnections?: boolean): Promise<void> };
};

const settings = hostSettingsOrExit(process.env);
const { app, client } = await openApp(settings);
const { limits } = settings.config;
const server = Bun.serve({
  hostname: settings.host,
  port: settings.port,
  fetch: (request) => app.fetch(request),
  // Bun refuses bodies past 128 MiB by default, before the app could answer with its own 413;
  // the app's limits decide (an artifact streams up to its own limit).
  maxRequestBodySize: Math.max(limits.maxBodyBytes, limits.maxArtifactBytes) + 1024 * 1024,
  // Seconds a connection may stay silent, at most 255; Bun's default 10 would cut a slow
  // client's upload or an idle pooled connection the client still means to reuse.
  idleTimeout: 255,
});
console.log(listeningLine(settings, server.port));
const stopBackups = settings.backups ? startBackupSchedule(settings.backups) : undefined;

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  await Promise.all([server.stop(), stopBackups?.()]);
  client.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
