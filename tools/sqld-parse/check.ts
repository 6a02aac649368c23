// Node tooling around tools/sqld-parse (Rust): asks the SQL parser sqld runs on every statement
// (libsql-sqlite3-parser 0.13.0) whether it accepts an SQL text. sqld refuses some SQL that
// SQLite accepts (e.g. `group_concat(x, '' ORDER BY y)`), so tests against embedded libSQL alone
// cannot see it.
//
//   const parser = await SqldParser.start();
//   await parser.check("SELECT 1");          // null: accepted
//   await parser.check("SELEC 1");           // "SQL string could not be parsed: ..."
//   await parser.close();
//   await checkStatements(["SELECT 1", ...]); // [{ sql, error }], one child for the whole list
//
// By default a text is checked as one Hrana `execute` request / `batch` step (what
// client.execute/batch/transaction send): exactly one statement. `{ sequence: true }` checks it
// as a Hrana `sequence` request (client.executeMultiple): any number of statements. Like sqld,
// sequence mode can miss a bad statement that follows a good one (see src/main.rs): to see every
// refusal, check statements one by one.
//
// Run directly, it checks NDJSON files of SQL strings (or stdin) and lists what sqld refuses:
//   node tools/sqld-parse/check.ts [--sequence] [file.ndjson ...]
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface, type Interface } from "node:readline";
import { fileURLToPath } from "node:url";

const toolDir = import.meta.dirname;
const manifestPath = join(toolDir, "Cargo.toml");
/** Where cargo puts the release binary. */
export const sqldParserPath = join(toolDir, "target", "release", process.platform === "win32" ? "sqld-parse.exe" : "sqld-parse");

export interface SqldParserOptions {
  /** Check each text as a Hrana `sequence` (several statements allowed) instead of one statement. */
  sequence?: boolean;
}

export interface StatementCheck {
  sql: string;
  /** null when sqld's parser accepts `sql`, else the error message sqld answers with. */
  error: string | null;
  /**
   * With `render: true`, for an accepted text: the statement texts sqld actually hands to SQLite.
   * sqld re-renders the parsed AST (all but a lone CREATE TABLE), and the rendering can differ
   * from what was sent: `count(*)` becomes `count (*)`, an unquoted keyword used as a name
   * (`AS last`) comes back upper-cased (`AS LAST`, so the result column is named LAST).
   */
  rendered?: string[];
}

/** Newest modification time among the crate's sources (Cargo.toml, Cargo.lock, src/). */
function newestSourceMtime(): number {
  let newest = 0;
  const visit = (path: string) => {
    const st = statSync(path);
    if (st.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const name of ["Cargo.toml", "Cargo.lock", "src"]) {
    const path = join(toolDir, name);
    if (existsSync(path)) visit(path);
  }
  return newest;
}

function isBuilt(): boolean {
  return existsSync(sqldParserPath) && statSync(sqldParserPath).mtimeMs >= newestSourceMtime();
}

function run(command: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stderr }));
  });
}

let building: Promise<string> | undefined;

/**
 * Builds the checker with cargo if it is missing or older than its sources, and returns the
 * binary's path. The first build downloads ~30 small crates and compiles them (10–20 s on two cores).
 */
export function ensureSqldParser(): Promise<string> {
  if (isBuilt()) return Promise.resolve(sqldParserPath);
  building ??= build().finally(() => (building = undefined));
  return building;
}

/** cargo from $CARGO, else PATH, else rustup's default place (a PATH without ~/.cargo/bin is common in CI). */
function cargoCandidates(): string[] {
  if (process.env.CARGO) return [process.env.CARGO];
  const rustup = join(homedir(), ".cargo", "bin", process.platform === "win32" ? "cargo.exe" : "cargo");
  return existsSync(rustup) ? ["cargo", rustup] : ["cargo"];
}

async function build(): Promise<string> {
  // --target-dir: where sqldParserPath looks, whatever CARGO_TARGET_DIR says.
  const args = ["build", "--release", "--locked", "--quiet", "--manifest-path", manifestPath, "--target-dir", join(toolDir, "target")];
  const candidates = cargoCandidates();
  process.stderr.write(`sqld-parse: building the sqld parser checker (cargo ${args.join(" ")})...\n`);
  const started = performance.now();
  let result: { code: number | null; stderr: string } | undefined;
  for (const cargo of candidates) {
    try {
      result = await run(cargo, args);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  if (result === undefined) {
    throw new Error(
      `sqld-parse: cargo was not found (tried ${candidates.join(", ")}). The sqld parser check is a Rust program ` +
        "(tools/sqld-parse): install Rust's cargo (https://rustup.rs, or `apt-get install cargo`), or set CARGO to its path.",
    );
  }
  if (result.code !== 0) {
    throw new Error(`sqld-parse: \`cargo build\` failed (exit code ${result.code}):\n${result.stderr.trim()}`);
  }
  if (!existsSync(sqldParserPath)) throw new Error(`sqld-parse: cargo succeeded but ${sqldParserPath} is missing`);
  // cargo does not relink when a touched source did not really change; mark the binary current.
  const now = new Date();
  if (!isBuilt()) utimesSync(sqldParserPath, now, now);
  process.stderr.write(`sqld-parse: built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return sqldParserPath;
}

/** Decodes one reply line of the binary. */
function decodeReply(line: string): { error: string | null; rendered?: string[] } {
  const reply = JSON.parse(line) as { ok: boolean; error?: string; sql?: string[] };
  if (reply.ok === true) return reply.sql ? { error: null, rendered: reply.sql } : { error: null };
  if (typeof reply.error === "string") return { error: reply.error };
  throw new Error(`sqld-parse: unexpected reply ${line}`);
}

function spawnChecker(
  path: string,
  options: SqldParserOptions & { render?: boolean },
): { child: ChildProcessWithoutNullStreams; lines: Interface; stderr: () => string } {
  const args = [...(options.sequence ? ["--sequence"] : []), ...(options.render ? ["--render"] : [])];
  const child = spawn(path, args, { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-4096)));
  // A write after the child died must surface as a rejected check, not an unhandled EPIPE.
  child.stdin.on("error", () => {});
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  return { child, lines, stderr: () => stderr.trim() };
}

/** A long-lived checker process: one request at a time, one reply line per SQL text. */
export class SqldParser {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #stderr: () => string;
  /** Resolvers waiting for reply lines, oldest first (at most one, as checks are serialised). */
  readonly #waiting: Array<{ resolve: (line: string) => void; reject: (e: Error) => void }> = [];
  #queue: Promise<unknown> = Promise.resolve();
  #exited: Error | undefined;
  #closing = false;

  private constructor(path: string, options: SqldParserOptions & { render?: boolean }) {
    const { child, lines, stderr } = spawnChecker(path, options);
    this.#child = child;
    this.#stderr = stderr;
    lines.on("line", (line) => this.#waiting.shift()?.resolve(line));
    const gone = (why: string) => {
      this.#exited ??= new Error(`sqld-parse: the checker ${why}${this.#stderr() ? `: ${this.#stderr()}` : ""}`);
      for (const w of this.#waiting.splice(0)) w.reject(this.#exited);
    };
    child.on("error", (e) => gone(`could not run (${e.message})`));
    child.on("exit", (code, signal) => gone(this.#closing ? "was closed" : `exited (code ${code}, signal ${signal})`));
  }

  /** Builds the checker if needed and starts its process (`render: true`: inspect() gives the rendered text too). */
  static async start(options: SqldParserOptions & { render?: boolean } = {}): Promise<SqldParser> {
    return new SqldParser(await ensureSqldParser(), options);
  }

  /** null if sqld's parser accepts `sql`, else its error message. */
  async check(sql: string): Promise<string | null> {
    return (await this.inspect(sql)).error;
  }

  /** The verdict, and (started with `render: true`) the statement texts sqld would run. */
  inspect(sql: string): Promise<Omit<StatementCheck, "sql">> {
    const result = this.#queue.then(() => this.#roundTrip(sql));
    this.#queue = result.catch(() => {});
    return result;
  }

  #roundTrip(sql: string): Promise<Omit<StatementCheck, "sql">> {
    if (this.#exited) return Promise.reject(this.#exited);
    return new Promise<string>((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#child.stdin.write(`${JSON.stringify(sql)}\n`);
    }).then(decodeReply);
  }

  /** Ends the process (after the checks already asked for). */
  async close(): Promise<void> {
    await this.#queue;
    if (this.#exited) return;
    this.#closing = true;
    const exited = new Promise<void>((done) => this.#child.once("exit", () => done()));
    this.#child.stdin.end();
    await exited;
  }
}

/**
 * Checks a list of SQL texts in one go (one process, all lines streamed). Results keep the order.
 * `render: true` also returns, for each accepted text, what sqld would run (see StatementCheck).
 */
export async function checkStatements(sqls: string[], options: SqldParserOptions & { render?: boolean } = {}): Promise<StatementCheck[]> {
  const path = await ensureSqldParser();
  const { child, lines, stderr } = spawnChecker(path, options);
  const replies: string[] = [];
  const finished = new Promise<void>((done, fail) => {
    lines.on("line", (line) => replies.push(line));
    child.on("error", fail);
    // "close": stdout fully read, so every reply line has been seen.
    child.on("close", (code, signal) => {
      if (code === 0 && replies.length === sqls.length) done();
      else
        fail(
          new Error(
            `sqld-parse: the checker exited (code ${code}, signal ${signal}) after ${replies.length} of ${sqls.length} replies${stderr() ? `: ${stderr()}` : ""}`,
          ),
        );
    });
  });
  child.stdin.end(sqls.map((sql) => `${JSON.stringify(sql)}\n`).join(""));
  await finished;
  return sqls.map((sql, i) => ({ sql, ...decodeReply(replies[i]) }));
}

async function main(argv: string[]): Promise<number> {
  const sequence = argv.includes("--sequence");
  const files = argv.filter((a) => a !== "--sequence");
  const text = files.length ? files.map((f) => readFileSync(f, "utf8")).join("\n") : readFileSync(0, "utf8");
  const sqls = text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as string);
  const results = await checkStatements(sqls, { sequence });
  const refused = results.filter((r) => r.error !== null);
  for (const r of refused) console.log(`${JSON.stringify(r.sql)}\n  -> ${r.error}`);
  console.error(`sqld-parse: ${results.length - refused.length} accepted, ${refused.length} refused`);
  return refused.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
