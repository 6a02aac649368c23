// `npm run artifacts:move -- <repo> --to <libsql|s3|r2>`: moves a repo's artifacts into another
// store (src/api/artifacts/move.ts), against the database at LIBSQL_URL with the stores the
// server's environment configures (RUNCAMP_S3 ...: docs/operations.md). Safe beside a running
// server and safe to run again: each artifact switches in one batch, after its copy is checked.
// Prints a line per artifact and a summary; exits 1 if any artifact failed to move.
import { parseArgs } from "node:util";
import { moveRepoArtifacts } from "../src/api/artifacts/move.ts";
import { artifactStores } from "../src/api/artifacts/stores.ts";
import { type ArtifactStoreName, configFromEnv } from "../src/config.ts";
import { nodeSha256, openDatabase } from "../src/hosts/node.ts";

const usage = "usage: npm run artifacts:move -- <repo> --to <libsql|s3>  (LIBSQL_URL and the RUNCAMP_S3 settings as for the server)";
const { positionals, values } = parseArgs({ allowPositionals: true, options: { to: { type: "string" } } });
const to = values.to as ArtifactStoreName | undefined;
if (positionals.length !== 1 || (to !== "libsql" && to !== "s3")) {
  // R2 is reached through a Worker's binding only: move to it by RUNCAMP_S3 at R2's S3 endpoint, as "s3".
  console.error(usage);
  process.exit(2);
}
const [repo] = positionals;
const env = process.env;
const config = configFromEnv(env);
const url = env.LIBSQL_URL ?? "file:./data/runcamp.db";
const client = await openDatabase(url, env.LIBSQL_AUTH_TOKEN);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
try {
  const writeLock = <T>(task: () => Promise<T>) => task();
  const deps = { client, config, writeLock, artifactStores: artifactStores(client, writeLock, config, nodeSha256) };
  const started = Date.now();
  const summary = await moveRepoArtifacts(deps, repo, to, (p) => {
    const outcome = typeof p.outcome === "string" ? p.outcome : `FAILED: ${p.outcome.error}`;
    console.log(`[${p.index}/${p.total}] ${p.run}: ${p.path} (${mib(p.size)}) ${outcome}`);
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${repo}: ${summary.moved} moved to ${to} (${mib(summary.movedBytes)} in ${seconds} s), ${summary.alreadyThere} already there, ${summary.skipped} changed meanwhile, ${summary.failed} failed`,
  );
  process.exitCode = summary.failed ? 1 : 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  client.close();
}
