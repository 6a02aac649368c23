// vitest globalSetup, and what the suites need of sqld (scripts/sqld-process.ts). Where
// ../shared/tools/sqld is absent (a user's own clone) the suites skip their "node → sqld" host
// and the replica tests, and this says so once for the whole run; under CI=true it is an error.
import { sqldAvailable, sqldPath } from "../../scripts/sqld-process.ts";

export { sqldAvailable } from "../../scripts/sqld-process.ts";

export default function checkSqld() {
  if (sqldAvailable()) return;
  const message = `sqld not found at ${sqldPath}: the API suites skip their "node → sqld" host, and the sqld tests are skipped`;
  if (process.env.CI === "true") throw new Error(`${message}. Under CI it is required (see ../shared/tools/sqld/README.md).`);
  console.warn(message);
}
