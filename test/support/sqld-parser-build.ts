// vitest globalSetup: builds sqld's parser (tools/sqld-parse, Rust) once per test run, before
// the test workers start their guards (test/support/sqld-guard.ts). Outside CI a machine
// without cargo runs the tests without the guard (each worker warns).
import { ensureSqldParser } from "../../tools/sqld-parse/check.ts";

export default async function setup() {
  try {
    await ensureSqldParser();
  } catch (err) {
    if (process.env.CI) throw err;
  }
}
