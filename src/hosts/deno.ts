// The Deno host (`npm run start:deno`): the app of the Node host (same database, migrations,
// writer thread, settings) served by Deno.serve instead of node:http. Deno runs the npm
// packages from node_modules, @libsql/client's Node-API driver included, so LIBSQL_URL may be
// a file: as on Node.
import { startBackupSchedule } from "./backup.ts";
import { hostSettingsOrExit, listeningLine } from "./host-settings.ts";
import { openApp } from "./node.ts";

// The part of Deno's API used here (Deno's own types are not a dependency of the project).
declare const Deno: {
  serve(
    options: { hostname: string; port: number; onListen: (addr: { port: number }) => void },
    handler: (request: Request) => Response | Promise<Response>,
  ): { finished: Promise<void>; shutdown(): Promise<void> };
};

const settings = hostSettingsOrExit(process.env);
const { app, client } = await openApp(settings);
const server = Deno.serve({ hostname: settings.host, port: settings.port, onListen: ({ port }) => console.log(listeningLine(settings, port)) }, (request) =>
  app.fetch(request),
);
const stopBackups = settings.backups ? startBackupSchedule(settings.backups) : undefined;

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  await Promise.all([server.shutdown(), stopBackups?.()]);
  client.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
