// The filter compiler checked against an independent in-memory evaluator: random runs go
// into a real libSQL database (schema from the migration), random filters are compiled and
// run, and the matching runs must be exactly those the evaluator picks. Plus fuzzing: any
// text either parses or throws FilterError, and whatever parses compiles to SQL whose text
// holds nothing the user wrote.
import { readdirSync, readFileSync } from "node:fs";
import { type Client, createClient, type InStatement } from "@libsql/client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { compileFilter, compileSort, jsonPath } from "../src/filter/compile.ts";
import { type ContextEntry, type Expr, type Field, FilterError, type Literal, parseFilter, parseSort } from "../src/filter/parse.ts";
import { canonicalContext } from "../src/lib/context.ts";
import { prng } from "./support/prng.ts";

// ---------------------------------------------------------------------------------------
// Test data

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Ctx = Record<string, string | number | boolean>;

interface TestRun {
  pk: number;
  repoPk: number;
  name: string;
  experiment: string;
  status: string;
  archived: boolean;
  campaign: { pk: number; id: string; name: string } | null;
  params: { [key: string]: Json };
  tags: string[];
  /** Key/value tags (runs.tag_values); mlflow.parentRunId is the parent. */
  tagValues: Record<string, string>;
  values: { name: string; context: Ctx; value: Json }[];
  series: { name: string; context: Ctx; count: number; lastStep: number | null; lastValue: number | null; min: number | null; max: number | null }[];
  createdAt: number;
  endedAt: number | null;
  /** NULL for runs from before the column: created_at (stored as updated_at) stands in. */
  lastActivityAt: number | null;
}

// A small seeded PRNG so the data set is the same on every run.
function seeded(seed: number) {
  const next = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  return { next, pick, chance };
}

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 11, 28);
// `stale`: running runs last active before this instant.
const STALE_BEFORE = T0 + 7 * DAY;
const options = { staleBefore: STALE_BEFORE };

const NAMES = ["", "alpha", "Alpha-2", "beta", "gamma_x", "ünï", "it's", "50%", "a_b", "ALPHA"];
const EXPERIMENTS = ["", "resnet", "ResNet-50", "vit", "mlp/small"];
const STATUSES = ["running", "finished", "failed", "killed"];
const TAGS = ["baseline", "v1.0", "x y", "gpu", "it's", "Baseline"];
const NUMBERS = [0, 1, -2, 0.5, 0.001, 0.01, 3, 42, 100, 2.5, -0.5];
const STRINGS = ["", "adam", "sgd", "Adam", "0.01", "0", "1", "true", "x", "a%b", "é"];
const CAMPAIGNS = [
  { pk: 1, id: "camp-a", name: "Alpha" },
  { pk: 2, id: "camp-b", name: "beta" },
  // This one's id is the other's name: `campaign = "beta"` matches both.
  { pk: 3, id: "beta", name: "Gamma" },
  { pk: 4, id: "other-repo", name: "Other" },
];
// Hostile keys too: quotes, dots, brackets and a JSON path's own syntax must all stay one key.
const TAG_KEYS = ["team", "mlflow.user", 'q"k', "a.b", "x y", "é", "[0]", "$.a'", "baseline"];
const TAG_VALUES = ["eco", "Eco", "", "0", "x%y", "é", "it's", "run-3"];
const PARENTS = ["run-1", "run-2", "run-3", "Run-1", ""];
const PARAM_KEYS = ["lr", "seed", "aug", "layers", "optimizer", "name", "a-b", "x y", "dropout", 'q"k', "é"];
const SERIES_NAMES = ["loss", "acc", "train.loss"];
const VALUE_NAMES = ["acc", "f1", "test.acc"];
// {"10":..,"9":..} checks that integer-like keys canonicalise the same at ingest and here.
const CONTEXTS: Ctx[] = [{}, { subset: "test" }, { subset: "val" }, { fold: 1, subset: "test" }, { fold: true }, { fold: "1" }, { "10": 1, "9": 2 }];

function randomRuns(): TestRun[] {
  const r = seeded(20260102);
  const scalar = (): Json => {
    const k = r.next();
    if (k < 0.4) return r.pick(NUMBERS);
    if (k < 0.7) return r.pick(STRINGS);
    if (k < 0.85) return r.chance(0.5);
    return null;
  };
  const json = (depth: number): Json => {
    const k = r.next();
    if (depth > 0 && k < 0.15) return Object.fromEntries(PARAM_KEYS.filter(() => r.chance(0.3)).map((key) => [key, json(depth - 1)]));
    if (k < 0.2) return [scalar(), scalar()].slice(0, Math.floor(r.next() * 3));
    return scalar();
  };
  const runs: TestRun[] = [];
  for (let pk = 1; pk <= 330; pk++) {
    const repoPk = pk > 300 ? 2 : 1;
    const createdAt = T0 + Math.floor(r.next() * 14) * DAY + (r.chance(0.5) ? 0 : Math.floor(r.next() * DAY));
    const params: { [key: string]: Json } = {};
    for (const key of PARAM_KEYS) if (r.chance(0.45)) params[key] = key === "optimizer" ? json(2) : json(1);
    const contexts = () => CONTEXTS.filter(() => r.chance(0.3));
    const values = VALUE_NAMES.flatMap((name) => contexts().map((context) => ({ name, context, value: r.chance(0.1) ? json(1) : scalar() })));
    const series = SERIES_NAMES.flatMap((name) =>
      contexts().map((context) => {
        const count = r.chance(0.1) ? 0 : 1 + Math.floor(r.next() * 50);
        const val = () => (count === 0 || r.chance(0.1) ? null : r.pick(NUMBERS));
        return { name, context, count, lastStep: count === 0 ? null : count - 1 + Math.floor(r.next() * 3), lastValue: val(), min: val(), max: val() };
      }),
    );
    runs.push({
      pk,
      repoPk,
      name: r.pick(NAMES),
      experiment: r.pick(EXPERIMENTS),
      status: r.pick(STATUSES),
      archived: r.chance(0.2),
      campaign: repoPk === 2 ? (r.chance(0.5) ? CAMPAIGNS[3] : null) : r.chance(0.3) ? null : r.pick(CAMPAIGNS.slice(0, 3)),
      params,
      tags: TAGS.filter(() => r.chance(0.25)),
      tagValues: Object.fromEntries([
        ...TAG_KEYS.filter(() => r.chance(0.3)).map((key) => [key, r.pick(TAG_VALUES)]),
        ...(r.chance(0.4) ? [["mlflow.parentRunId", r.pick(PARENTS)]] : []),
      ]),
      values,
      series,
      createdAt,
      endedAt: r.chance(0.4) ? null : createdAt + Math.floor(r.next() * 3 * DAY),
      lastActivityAt: r.chance(0.2) ? null : createdAt + Math.floor(r.next() * 6 * DAY),
    });
  }
  return runs;
}

const canon = (context: Ctx) => canonicalContext(context);

async function createDatabase(runs: TestRun[]): Promise<Client> {
  const client = createClient({ url: ":memory:" });
  const migrations = new URL("../drizzle/", import.meta.url);
  for (const file of readdirSync(migrations)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    const ddl = readFileSync(new URL(file, migrations), "utf8");
    await client.executeMultiple(ddl.split("--> statement-breakpoint").join("\n"));
  }
  const stmts: InStatement[] = [
    { sql: "INSERT INTO repos (pk, name, created_at) VALUES (1, 'one', 0), (2, 'two', 0)", args: [] },
    ...CAMPAIGNS.map((c) => ({
      sql: "INSERT INTO campaigns (pk, repo_pk, id, name, created_at) VALUES (?, ?, ?, ?, 0)",
      args: [c.pk, c.pk === 4 ? 2 : 1, c.id, c.name],
    })),
  ];
  for (const run of runs) {
    stmts.push({
      sql: `INSERT INTO runs (pk, repo_pk, id, name, experiment, status, archived, campaign_pk, params, tags, tag_values, created_at, updated_at, ended_at, last_activity_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [
        run.pk,
        run.repoPk,
        `run-${run.pk}`,
        run.name,
        run.experiment,
        run.status,
        run.archived ? 1 : 0,
        run.campaign?.pk ?? null,
        JSON.stringify(run.params),
        JSON.stringify(run.tags),
        // As the MLflow dialect stores them: NULL when the run has none.
        Object.keys(run.tagValues).length ? JSON.stringify(run.tagValues) : null,
        run.createdAt,
        run.createdAt,
        run.endedAt,
        run.lastActivityAt,
      ],
    });
    for (const v of run.values) {
      stmts.push({
        sql: "INSERT INTO run_values (run_pk, name, context, value, updated_at) VALUES (?, ?, ?, ?, 0)",
        args: [run.pk, v.name, canon(v.context), JSON.stringify(v.value)],
      });
    }
    for (const s of run.series) {
      stmts.push({
        // NULL stands for NaN (or no points) in the summary columns, as ingest stores it.
        sql: "INSERT INTO series (run_pk, name, context, count, first_step, last_step, last_value, min, max) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)",
        args: [run.pk, s.name, canon(s.context), s.count, s.lastStep, s.lastValue, s.min, s.max],
      });
    }
  }
  await client.batch(stmts, "write");
  return client;
}

// ---------------------------------------------------------------------------------------
// The reference evaluator: plain JavaScript over TestRun, written from the documented
// semantics, not from the SQL.

const utf8 = new TextEncoder();
function compareBytes(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

// SQLite LIKE: % any run, _ one character, ASCII letters case-insensitive, no escapes.
function sqlLike(text: string, pattern: string): boolean {
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const source = [...fold(pattern)].map((c) => (c === "%" ? "[\\s\\S]*" : c === "_" ? "[\\s\\S]" : c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))).join("");
  return new RegExp(`^${source}$`, "u").test(fold(text));
}

function order(op: string, c: number): boolean {
  return op === "<" ? c < 0 : op === "<=" ? c <= 0 : op === ">" ? c > 0 : op === ">=" ? c >= 0 : c === 0;
}

const sameContext = (a: Ctx, entries: ContextEntry[]) =>
  Object.keys(a).length === entries.length && entries.every((e) => Object.hasOwn(a, e.key) && a[e.key] === e.value);

// The field's value for a run; undefined when the run lacks it (or it is null).
function read(field: Field, run: TestRun): unknown {
  switch (field.kind) {
    case "builtin":
      switch (field.name) {
        case "campaign":
          return run.campaign ?? undefined;
        case "created_at":
          return run.createdAt;
        case "ended_at":
          return run.endedAt ?? undefined;
        case "stale":
          return run.status === "running" && (run.lastActivityAt ?? run.createdAt) < STALE_BEFORE;
        case "parent":
          return run.tagValues["mlflow.parentRunId"];
        default:
          return run[field.name];
      }
    case "param": {
      let node: unknown = run.params;
      for (const key of field.path) {
        if (typeof node !== "object" || node === null || Array.isArray(node) || !Object.hasOwn(node, key)) return undefined;
        node = (node as Record<string, unknown>)[key];
      }
      return node ?? undefined;
    }
    case "value":
      return run.values.find((v) => v.name === field.name && sameContext(v.context, field.context))?.value ?? undefined;
    case "metric": {
      const s = run.series.find((x) => x.name === field.name && sameContext(x.context, field.context));
      if (!s) return undefined;
      const v = { last: s.lastValue, min: s.min, max: s.max, count: s.count, last_step: s.lastStep }[field.agg];
      return v ?? undefined;
    }
    case "tag":
      return run.tags.includes(field.label) ? true : undefined;
    case "keyValueTag":
      return Object.hasOwn(run.tagValues, field.key) ? run.tagValues[field.key] : undefined;
  }
}

// `field op literal` for a present, non-null literal; op is never "!=".
function holds(field: Field, value: unknown, op: string, lit: Literal): boolean {
  if (value === undefined) return false;
  if (field.kind === "builtin" && field.name === "campaign") {
    const c = value as { id: string; name: string };
    return c.id === lit.value || c.name === lit.value;
  }
  if (typeof value === "number" && (lit.kind === "number" || lit.kind === "date")) return order(op, value - lit.value);
  if (typeof value === "string" && lit.kind === "string") return order(op, compareBytes(value, lit.value));
  if (typeof value === "boolean" && lit.kind === "boolean") return value === lit.value;
  return false;
}

const truthy = (v: unknown) => v !== undefined && v !== null && v !== false && v !== 0 && v !== "";

function evaluate(expr: Expr, run: TestRun): boolean {
  switch (expr.type) {
    case "or":
      return expr.items.some((e) => evaluate(e, run));
    case "and":
      return expr.items.every((e) => evaluate(e, run));
    case "not":
      return !evaluate(expr.expr, run);
    case "compare": {
      const v = read(expr.field, run);
      if (expr.value.kind === "null") return (v === undefined) === (expr.op === "=");
      if (expr.op === "!=") return !holds(expr.field, v, "=", expr.value);
      return holds(expr.field, v, expr.op, expr.value);
    }
    case "in": {
      const v = read(expr.field, run);
      return expr.values.some((lit) => (lit.kind === "null" ? v === undefined : holds(expr.field, v, "=", lit)));
    }
    case "match": {
      const v = read(expr.field, run);
      const candidates = expr.field.kind === "builtin" && expr.field.name === "campaign" && v ? [(v as { id: string }).id, (v as { name: string }).name] : [v];
      return candidates.some((s) => typeof s === "string" && (expr.op === "like" ? sqlLike(s, expr.pattern) : s.includes(expr.pattern)));
    }
    case "exists":
      return read(expr.field, run) !== undefined;
    case "truthy": {
      const v = read(expr.field, run);
      return expr.field.kind === "builtin" && expr.field.name === "campaign" ? v !== undefined : truthy(v);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Filter text generators (valid by construction)

const quote = (s: string) => fc.constantFrom(JSON.stringify(s), `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`);
const strLit = (pool: readonly string[]) => fc.constantFrom(...pool).chain(quote);
const numText = (n: number) => fc.constantFrom(String(n), n === 0.001 ? "1e-3" : n === 100 ? "1E2" : n === 0.5 ? ".5" : String(n));
const numLit = fc.constantFrom(...NUMBERS, 7, -100).chain(numText);
const ops = fc.constantFrom("=", "!=", "<", "<=", ">", ">=", "==");
const eqOps = fc.constantFrom("=", "!=");
const sp = fc.constantFrom(" ", "", "  ");
const list = (lit: fc.Arbitrary<string>) => fc.array(lit, { minLength: 1, maxLength: 4 }).map((xs) => `in (${xs.join(", ")})`);
const withOp = (op: fc.Arbitrary<string>, lit: fc.Arbitrary<string>) => fc.tuple(sp, op, sp, lit).map(([a, o, b, l]) => `${a}${o}${b}${l}`);
const keyword = (word: string) => fc.constantFrom(word, word.toUpperCase());

function condition(field: fc.Arbitrary<string>, ...forms: fc.Arbitrary<string>[]) {
  return fc
    .tuple(field, fc.oneof(...forms))
    .map(([f, rest]) => (rest === "" ? f : rest.startsWith(" ") || rest.startsWith("=") || /^[<>!]/.test(rest) ? `${f}${rest}` : `${f} ${rest}`));
}

const LIKE_PATTERNS = ["a%", "%a%", "_lpha", "ALPHA", "%'%", "50%", "%", "", "é%", "%s_d", "res%", "%/%"];
const textPool = [...NAMES, ...EXPERIMENTS, "zzz"];
const matchForms = (pool: fc.Arbitrary<string>) => [
  fc.tuple(keyword("like"), pool).map(([k, p]) => `${k} ${p}`),
  fc.tuple(keyword("contains"), pool).map(([k, p]) => `${k} ${p}`),
];
const existsForms = [keyword("exists"), fc.constant("")];

const contextText = fc
  .constantFrom(...CONTEXTS, { subset: "train" })
  .map((c) => {
    const entries = Object.entries(c);
    if (entries.length === 0) return fc.constantFrom("", "{}", "{ }");
    return fc.constant(`{${entries.map(([k, v]) => `${/^[A-Za-z_]\w*$/.test(k) ? k : JSON.stringify(k)}: ${JSON.stringify(v)}`).join(", ")}}`);
  })
  .chain((x) => x);

const paramField = fc.constantFrom(
  "params.lr",
  "params.seed",
  "params.aug",
  "params.layers",
  "params.optimizer",
  "params.optimizer.lr",
  "params.optimizer.name",
  "params.optimizer.optimizer.seed",
  "params.a-b",
  `params."x y"`,
  `params.'q"k'`,
  `params."q\\"k"`,
  "params.é".replace("é", '"é"'),
  "params.missing",
  "params.layers.0",
  "PARAMS.name",
);
const valueField = fc.tuple(fc.constantFrom(...VALUE_NAMES, "nope"), contextText).map(([n, c]) => `values.${n}${c}`);
const metricField = fc
  .tuple(fc.constantFrom(...SERIES_NAMES, "nope"), contextText, fc.constantFrom("last", "min", "max", "count", "last_step", "LAST"))
  .map(([n, c, a]) => `metrics.${n}${c}.${a}`);
const keyValueTagField = fc
  .constantFrom(...TAG_KEYS, "mlflow.parentRunId", "nope")
  .chain((k) => (/^[\w./-]+$/.test(k) ? fc.constant(`tag_values.${k}`) : quote(k).map((q) => `tag_values.${q}`)));
const jsonLit = fc.oneof(numLit, strLit(STRINGS));
const anyLit = fc.oneof(jsonLit, fc.constantFrom("true", "false", "null", "TRUE"));
const dateLit = fc
  .constantFrom("2026-01-02", "2026-01-02T00:00:00Z", "2026-01-05T12:30:00+02:00", "2025-12-31T23:59:59.5Z", "2026-01-10", "2025-12-28")
  .chain(quote);

const conditions = fc.oneof(
  condition(
    fc.constantFrom("name", "experiment", "NAME"),
    withOp(ops, strLit(textPool)),
    list(strLit(textPool)),
    ...matchForms(strLit(LIKE_PATTERNS)),
    ...existsForms,
  ),
  condition(fc.constant("status"), withOp(ops, strLit(STATUSES)), list(strLit(STATUSES)), ...matchForms(strLit(["%ed", "run%", "fail"])), ...existsForms),
  condition(
    fc.constant("campaign"),
    withOp(eqOps, fc.oneof(strLit(["camp-a", "Alpha", "beta", "Gamma", "other-repo", "alpha"]), fc.constant("null"))),
    list(fc.oneof(strLit(["camp-a", "beta", "Gamma"]), fc.constant("null"))),
    ...matchForms(strLit(["%a", "camp%", "%amm%", "beta"])),
    ...existsForms,
  ),
  condition(fc.constant("archived"), withOp(eqOps, fc.constantFrom("true", "false")), list(fc.constantFrom("true", "false")), ...existsForms),
  condition(fc.constant("stale"), withOp(eqOps, fc.constantFrom("true", "false")), list(fc.constantFrom("true", "false")), ...existsForms),
  condition(fc.constantFrom("created_at", "ended_at"), withOp(ops, dateLit), list(dateLit), ...existsForms),
  condition(fc.constant("ended_at"), withOp(eqOps, fc.constant("null")), list(fc.oneof(dateLit, fc.constant("null")))),
  condition(paramField, withOp(ops, jsonLit), withOp(eqOps, anyLit), list(anyLit), ...matchForms(strLit(["a%", "%d%", "0%", "", "_"])), ...existsForms),
  condition(valueField, withOp(ops, jsonLit), withOp(eqOps, anyLit), list(anyLit), ...matchForms(strLit(["a%", "%d%", "0%", ""])), ...existsForms),
  condition(metricField, withOp(ops, numLit), withOp(eqOps, fc.constant("null")), list(fc.oneof(numLit, fc.constant("null"))), ...existsForms),
  condition(
    fc.constantFrom(...TAGS, "nope").map((t) => (/^[\w./-]+$/.test(t) ? `tags.${t}` : `tags.${JSON.stringify(t)}`)),
    ...existsForms,
  ),
  condition(
    keyValueTagField,
    withOp(eqOps, fc.oneof(strLit(TAG_VALUES), fc.constant("null"))),
    list(fc.oneof(strLit(TAG_VALUES), fc.constant("null"))),
    ...matchForms(strLit(["e%", "%Y", "", "%'%", "x%y", "_"])),
    ...existsForms,
  ),
  condition(
    fc.constantFrom("parent", "PARENT"),
    withOp(eqOps, fc.oneof(strLit(PARENTS), fc.constant("null"))),
    list(fc.oneof(strLit(PARENTS), fc.constant("null"))),
    ...matchForms(strLit(["run-%", "%1", "RUN%"])),
    ...existsForms,
  ),
);

const filterText: fc.Arbitrary<string> = fc.letrec<{ expr: string; not: string; group: string; bin: string }>((tie) => ({
  expr: fc.oneof({ maxDepth: 4, depthIdentifier: "filter" }, conditions, tie("not"), tie("group"), tie("bin")),
  not: fc.tuple(keyword("not"), tie("expr")).map(([k, e]) => `${k} ${e}`),
  group: tie("expr").map((e) => `(${e})`),
  bin: fc.tuple(tie("expr"), fc.constantFrom("and", "or", "AND", "Or"), tie("expr")).map(([a, o, b]) => `${a} ${o} ${b}`),
})).expr;

// ---------------------------------------------------------------------------------------
// SQL text audit: everything in the SQL must come from the compiler's own vocabulary.

const SQL_WORDS = new Set(
  (
    "SELECT FROM WHERE AND OR NOT EXISTS IN IS NULL COALESCE LIKE CASE WHEN THEN ELSE END instr json_type json_extract json_each " +
    "r s v c t pk run_pk name context value params tags tag_values series run_values campaigns campaign_pk id experiment status archived " +
    "created_at ended_at last_value min max count last_step last_activity_at updated_at 0 1"
  ).split(" "),
);
const SQL_STRINGS = new Set(["''", "'running'", "'integer'", "'real'", "'text'", "'true'", "'false'", "'null'", "'array'", "'object'", "'$'"]);

function auditSql(sql: string, args: unknown[]): void {
  const withoutStrings = sql.replace(/'[^']*'/g, (s) => {
    if (!SQL_STRINGS.has(s)) throw new Error(`unexpected string ${s} in SQL`);
    return " ";
  });
  for (const word of withoutStrings.match(/[A-Za-z0-9_$]+/g) ?? []) {
    if (!SQL_WORDS.has(word)) throw new Error(`unexpected word ${JSON.stringify(word)} in SQL: ${sql}`);
  }
  const rest = withoutStrings.replace(/[A-Za-z0-9_$]+/g, " ").replace(/\s+/g, "");
  if (!/^[().,=<>!?]*$/.test(rest)) throw new Error(`unexpected characters ${JSON.stringify(rest)} in SQL`);
  expect(sql.split("?").length - 1).toBe(args.length);
}

// ---------------------------------------------------------------------------------------

let client: Client;
const runs = randomRuns();
const repoRuns = runs.filter((r) => r.repoPk === 1);

async function matching(sql: string, args: (string | number | null)[]): Promise<number[]> {
  const res = await client.execute({ sql: `SELECT r.pk FROM runs r WHERE r.repo_pk = ? AND (${sql}) ORDER BY r.pk`, args: [1, ...args] });
  return res.rows.map((row) => Number(row.pk));
}

async function check(text: string): Promise<number[]> {
  const ast = parseFilter(text);
  const { sql, args } = compileFilter(ast, options);
  auditSql(sql, args);
  const got = await matching(sql, args);
  const want = repoRuns.filter((run) => evaluate(ast, run)).map((run) => run.pk);
  expect(got, `${text}\n${sql}\n${JSON.stringify(args)}`).toEqual(want);
  return got;
}

beforeAll(async () => {
  client = await createDatabase(runs);
});
afterAll(() => client?.close());

describe("compiled filters select the runs the reference evaluator selects", () => {
  test("hand-picked filters", async () => {
    const cases: [string, number | null][] = [
      [`params.lr > 1e-3 and metrics.loss{subset:"val"}.min < 0.2 and not tags.baseline`, null],
      ["archived", null],
      ["not archived", null],
      ["archived = false", null],
      ["stale", null],
      ['not stale and status = "running"', null],
      ["stale = false", null],
      [`campaign = "beta"`, null],
      [`campaign != "beta"`, null],
      ["campaign = null", null],
      [`campaign in ("camp-a", null)`, null],
      // Runs of repo two never show up, even for their own campaign.
      [`campaign = "other-repo"`, 0],
      [`created_at >= "2026-01-02" and created_at < "2026-01-03"`, null],
      ["ended_at = null", null],
      [`ended_at != null and ended_at < "2026-01-01T12:00:00+01:00"`, null],
      [`params.optimizer.name = "adam"`, null],
      [`params.lr = "0.01" or params.lr = 0.01`, null],
      [`params.lr > "0"`, null],
      ["params.aug = true", null],
      ["params.aug != true", null],
      ["params.aug", null],
      ["not params.aug", null],
      ["params.missing != 3", repoRuns.length],
      ["params.missing = 3", 0],
      ["params.missing exists", 0],
      [`params."q\\"k" exists`, null],
      [`params."é" = "é"`, null],
      [`values.acc{subset:"test"} >= 0.5`, null],
      [`values.test.acc exists`, null],
      [`values.acc{"10": 1, "9": 2} exists`, null],
      [`values.acc{fold: 1, subset: "test"} != null`, null],
      [`values.acc{fold: true} = true`, null],
      [`metrics.train.loss.last < 1`, null],
      [`metrics."train.loss"{subset:"val"}.count > 10`, null],
      [`metrics.loss.last = null`, null],
      [`metrics.acc{fold: "1"}.last_step in (0, 1, 2, 3, 4, 5)`, null],
      [`name like "alpha%"`, null],
      [`name like "_LPHA"`, null],
      [`name contains "'"`, null],
      [`name < "b"`, null],
      [`experiment in ("resnet", "vit")`, null],
      [`status in ("finished", "failed") or tags."x y"`, null],
      [`tags.baseline and not tags.Baseline`, null],
      // A label and a key/value tag of the same name are different fields.
      [`tags.baseline and tag_values.baseline = "eco"`, null],
      [`tag_values.team = "eco"`, null],
      [`tag_values.team != "eco"`, null],
      [`tag_values.team = ""`, null],
      [`tag_values.team`, null],
      [`tag_values.'q"k' in ("0", "é", null)`, null],
      [`tag_values."a.b" exists and not tag_values.a.b = "x"`, null],
      [`tag_values."$.a'" like "%'%"`, null],
      [`tag_values."[0]" contains "x%"`, null],
      [`tag_values."mlflow.parentRunId" = "run-1"`, null],
      ["tag_values.nope exists", 0],
      [`parent = "run-1"`, null],
      [`parent = null`, null],
      [`parent`, null],
      [`not parent exists`, null],
      [`parent in ("run-2", "run-3")`, null],
      [`parent like "run-%" and parent != "run-1"`, null],
    ];
    for (const [text, count] of cases) {
      const got = await check(text);
      if (count !== null) expect(got.length, text).toBe(count);
    }
  });

  test("a != b is exactly not (a = b): missing fields match !=", async () => {
    for (const field of [
      "params.lr",
      "params.optimizer.lr",
      `values.f1{subset: "val"}`,
      "metrics.acc.max",
      "ended_at",
      "campaign",
      "tag_values.team",
      "parent",
    ]) {
      const lit = { ended_at: `"2026-01-02"`, campaign: `"beta"`, "tag_values.team": `"eco"`, parent: `"run-1"` }[field] ?? "0.5";
      const eq = await check(`${field} = ${lit}`);
      const ne = await check(`${field} != ${lit}`);
      expect([...eq, ...ne].sort((a, b) => a - b)).toEqual(repoRuns.map((r) => r.pk));
      expect(await check(`not ${field} = ${lit}`)).toEqual(ne);
    }
  });

  test("random filters", async () => {
    await fc.assert(
      fc.asyncProperty(filterText, async (text) => {
        let ast: Expr;
        try {
          ast = parseFilter(text);
        } catch (e) {
          // Deep random nesting may pass the limits; nothing else may fail.
          expect(e).toBeInstanceOf(FilterError);
          expect((e as FilterError).found === "a deeper level" || /bytes$/.test((e as FilterError).found), text).toBe(true);
          return;
        }
        void ast;
        await check(text);
      }),
      { numRuns: 400 },
    );
  });

  test("every condition is two-valued: X or not X selects every run", async () => {
    await fc.assert(
      fc.asyncProperty(conditions, async (text) => {
        expect(await check(`(${text}) or not (${text})`)).toEqual(repoRuns.map((r) => r.pk));
        expect(await check(`(${text}) and not (${text})`)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe("sorting", () => {
  // SQLite's order: NULL < numbers < text (by bytes).
  const rank = (v: unknown) => (v === null ? 0 : typeof v === "number" ? 1 : 2);
  const sqliteCompare = (a: unknown, b: unknown) =>
    rank(a) - rank(b) || (typeof a === "number" ? (a as number) - (b as number) : typeof a === "string" ? compareBytes(a, b as string) : 0);

  function sortKey(field: Field, run: TestRun): unknown {
    if (field.kind === "builtin" && field.name === "campaign") return run.campaign?.name ?? null;
    if (field.kind === "builtin" && field.name === "archived") return run.archived ? 1 : 0;
    if (field.kind === "builtin" && field.name === "stale") return read(field, run) ? 1 : 0;
    const v = read(field, run);
    if (typeof v === "boolean") return v ? 1 : 0;
    if (v !== null && typeof v === "object") return "object"; // JSON text; not compared
    return v ?? null;
  }

  test("the sort key matches the evaluator's and the order is SQLite's", async () => {
    const sortSpecs = fc.oneof(
      fc.constantFrom("name", "experiment", "status", "campaign", "parent", "archived", "stale", "created_at", "ended_at"),
      keyValueTagField,
      paramField,
      valueField,
      metricField,
    );
    await fc.assert(
      fc.asyncProperty(sortSpecs, fc.constantFrom("", " asc", " desc", " DESC"), async (spec, dir) => {
        const { sql, args, direction } = compileSort(spec + dir, options);
        auditSql(sql, args);
        expect(direction).toBe(dir.trim().toLowerCase() || "asc");
        const res = await client.execute({ sql: `SELECT r.pk, ${sql} AS k FROM runs r WHERE r.repo_pk = ? ORDER BY k ${direction}, r.pk`, args: [...args, 1] });
        const field = parseSort(spec).field;
        const keys = res.rows.map((row) => row.k);
        res.rows.forEach((row) => {
          const want = sortKey(field, runs[Number(row.pk) - 1]);
          if (want !== "object") expect(row.k, spec).toEqual(want);
        });
        const comparable = keys.filter((k) => !((typeof k === "string" && k.startsWith("{")) || (typeof k === "string" && k.startsWith("["))));
        for (let i = 1; i < comparable.length; i++) {
          const c = sqliteCompare(comparable[i - 1], comparable[i]);
          expect(direction === "asc" ? c <= 0 : c >= 0, `${spec}: ${String(comparable[i - 1])} then ${String(comparable[i])}`).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("unknown sort fields are FilterErrors", () => {
    expect(() => compileSort("loss desc")).toThrow(FilterError);
    expect(() => compileSort("tags.baseline")).toThrow(FilterError);
    expect(() => compileSort("metrics.loss desc")).toThrow(FilterError);
  });
});

describe("injection and fuzzing", () => {
  const nasty = ["'); DROP TABLE runs; --", `" OR 1=1 --`, "\\'", "$.a'", "?", "%'--", "*/ SELECT", "\u0000x", "name", "r.pk", "1) OR (1"];

  test("user text only ever reaches the database as bound arguments", async () => {
    for (const s of nasty) {
      const lit = JSON.stringify(s);
      for (const text of [
        `name = ${lit}`,
        `name like ${lit} or experiment contains ${lit}`,
        `params.${lit}.${lit} = ${lit}`,
        `tags.${lit}`,
        `tag_values.${lit} = ${lit} or tag_values.${lit} like ${lit} or parent in (${lit}, null)`,
        `values.${lit}{${lit}: ${lit}} != ${lit}`,
        `metrics.${lit}{k: ${lit}}.last > 1`,
        `campaign in (${lit}, ${lit})`,
        `status = "failed" or params.x in (${lit}, 1, null)`,
      ]) {
        const { sql, args } = compileFilter(parseFilter(text), options);
        auditSql(sql, args);
        await matching(sql, args);
        // No user text in the SQL (ids like "name" are also SQL words, so check the longer ones).
        if (s.length > 4) expect(sql).not.toContain(s);
      }
    }
    const sort = compileSort(`params.${JSON.stringify(nasty[0])} desc`);
    auditSql(sort.sql, sort.args);
    expect((await client.execute("SELECT count(*) AS n FROM runs")).rows[0].n).toBe(runs.length);
  });

  test("parameter paths are quoted so no key reads as path syntax", async () => {
    expect(jsonPath(["a", "b"])).toBe('$."a"."b"');
    expect(jsonPath(['q"k', "x\\y", "[0]", "", "a.b"])).toBe('$."q\\u0022k"."x\\\\y"."[0]".""."a.b"');
    const doc = JSON.stringify({ 'q"k': { "x\\y": { "[0]": { "": { "a.b": 7 } } } } });
    const res = await client.execute({ sql: "SELECT json_extract(?, ?) AS v", args: [doc, jsonPath(['q"k', "x\\y", "[0]", "", "a.b"])] });
    expect(res.rows[0].v).toBe(7);
  });

  // Checks one candidate: it parses or throws a FilterError; if it parses, its SQL passes
  // the audit and runs.
  async function parsesOrFails(text: string): Promise<void> {
    let ast: Expr;
    try {
      ast = parseFilter(text);
    } catch (e) {
      if (!(e instanceof FilterError)) throw e;
      expect(e.message).toMatch(/^at position \d+: expected .+, found .+$/s);
      expect(e.position).toBeGreaterThanOrEqual(0);
      expect(e.position).toBeLessThanOrEqual(text.length);
      return;
    }
    const { sql, args } = compileFilter(ast, options);
    auditSql(sql, args);
    await matching(sql, args);
  }

  test("random text parses or throws FilterError", async () => {
    const alphabet = fc.constantFrom(
      ..."()[]{},.:=<>!\"'\\ -_%$?;e1.0aAnNdoOrtxsmIlkpcu/é😀\n".split(""),
      "and",
      "or",
      "not",
      "in",
      "like",
      "exists",
      "params.",
      "metrics.",
      ".last",
      "values.",
      "tags.",
      "tag_values.",
      "parent",
      "\ud800",
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 40 }),
          fc.array(alphabet, { maxLength: 30 }).map((xs) => xs.join("")),
        ),
        parsesOrFails,
      ),
      { numRuns: 1500 },
    );
  });

  test("mutated valid filters parse or throw FilterError", async () => {
    const mutation = fc.tuple(
      fc.nat(),
      fc.nat({ max: 4 }),
      fc.constantFrom("", "(", ")", '"', "'", "\\", " ", ".", "{", "}", ",", ":", "=", "!", "<", "not ", " and ", "-", "e", "1", "in (", "😀"),
      fc.nat(3),
    );
    await fc.assert(
      fc.asyncProperty(filterText, fc.array(mutation, { minLength: 1, maxLength: 4 }), async (text, edits) => {
        let s = text;
        for (const [at, len, insert, kind] of edits) {
          const i = at % (s.length + 1);
          if (kind === 0)
            s = s.slice(0, i) + insert + s.slice(i); // insert
          else if (kind === 1)
            s = s.slice(0, i) + s.slice(i + len); // delete
          else if (kind === 2)
            s = s.slice(0, i) + insert + s.slice(i + len); // replace
          else s = s.slice(0, i) + s.slice(i, i + len * 3) + s.slice(i); // duplicate a slice
        }
        await parsesOrFails(s);
      }),
      { numRuns: 1000 },
    );
  });

  test("the largest filters still compile and run", async () => {
    const big = Array.from({ length: 200 }, (_, i) => `params.p${i} = ${i}`).join(" or ");
    const text = big.slice(0, big.lastIndexOf(" or ", 4000));
    await check(text);
    const ins = `params.seed in (${Array.from({ length: 1300 }, (_, i) => i % 10).join(",")})`;
    expect(ins.length).toBeLessThanOrEqual(4096);
    await check(ins);
    const deep = `${"not (".repeat(16)}metrics.loss.last < 1${")".repeat(16)}`;
    await check(deep);
    const manyMetrics = Array.from({ length: 150 }, (_, i) => `metrics.m${i}.last exists`).join(" or ");
    await check(manyMetrics.slice(0, manyMetrics.lastIndexOf(" or ", 4000)));
  });
});
