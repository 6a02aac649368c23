// Compiles a filter AST (parse.ts) to a boolean SQL expression over `runs r`, for
//   SELECT ... FROM runs r WHERE r.repo_pk = ? AND (<sql>)
// Nothing the user typed is ever spliced into the SQL text: literals, parameter paths,
// names, tags and contexts all travel in `args`, bound to `?` placeholders in order.
//
// Semantics (the in-memory evaluator in test/filter-compile.test.ts checks them against
// SQLite on random data and random filters):
// - Two-valued logic. Every condition is true or false, never SQL NULL, so `not X` is
//   exactly the runs that X does not match.
// - Missing fields. A run without the field (no such param key, no such value or series,
//   no campaign, no ended_at) fails `=`, `<`, `<=`, `>`, `>=`, `in`, `like`, `contains`,
//   `exists`, and the field used alone; it matches `!=`, because `a != b` is defined as
//   `not (a = b)` (as in Python: None != 3). A JSON null, or a summary column that is NULL
//   (NaN), counts as missing. `x exists` is the same as `x != null`; `x = null` matches
//   exactly the runs `x exists` does not.
// - Typed comparisons for JSON fields (params.*, values.*). A number literal only
//   matches JSON numbers, a string literal only JSON strings, true/false only JSON booleans;
//   arrays and objects match no comparison. So `params.lr > 0.001` does not match
//   lr = "0.01" (plain SQLite would: it orders every text after every number), and
//   `params.lr > "x"` compares strings only. Strings compare by UTF-8 bytes (BINARY).
// - like: SQLite LIKE (`%`, `_`, case-insensitive for ASCII letters only, no escape
//   character); contains: case-sensitive substring. Both only match string values.
// - A field alone is truthy in the JavaScript sense: present and not null, false, 0 or "".
//   `tags.x` alone means the run has tag x; `archived` alone means archived = true.
// - metrics.<name>{ctx}.<agg> reads the series summary: last = last_value (null when the
//   last point is NaN), min/max (null when every point is NaN), count, last_step.
//   values.<name>{ctx} reads run_values.value (JSON). Without {ctx} the context is {}.
//   ±Infinity are stored clamped to ±Number.MAX_VALUE, so they order as expected.
// - campaign compares with the campaign's id or its name.
// - tag_values.<key> is the run's key/value tag (runs.tag_values), parent its
//   mlflow.parentRunId tag: text, missing when the run lacks it; alone, present and not "".
// - stale is true for a running run whose last activity (runs.last_activity_at, or
//   updated_at for runs older than that column) is before options.staleBefore (epoch ms).
// - created_at/ended_at compare epoch ms with the instant an ISO date names.
// - The MLflow dialect's fields (no filter text of their own; src/api/mlflow/filter.ts):
//   paramText is a param as text: the exact string MLflow logged
//   (runs.param_texts), else the JSON value rendered (strings as they are, numbers as SQLite
//   prints them, true/false, objects and arrays as JSON); tagValue is a key/value tag's value
//   (runs.tag_values), "" for a label; runId is the run's id. All three are text, missing
//   when the run lacks them.
import { canonicalContext } from "../lib/context.ts";
import { PARENT_TAG } from "../lib/parent-tag.ts";
import { type BuiltinField, type CompareOp, type ContextEntry, type Expr, type Field, filterNamesField, type Literal, parseSort } from "./parse.ts";

export { filterNamesField };

export type SqlArg = string | number | null;

export interface CompiledSql {
  sql: string;
  args: SqlArg[];
}

export interface CompiledSort extends CompiledSql {
  direction: "asc" | "desc";
}

/** What a filter needs beyond its text. */
export interface FilterOptions {
  /** `stale` runs are running runs last active before this instant (epoch ms). */
  staleBefore?: number;
}

export function compileFilter(ast: Expr, options: FilterOptions = {}): CompiledSql {
  const args: SqlArg[] = [];
  const sql = compileExpr(ast, args, options);
  return { sql, args };
}

// A sort key expression over `runs r` (NULL where the run lacks the field; SQLite puts
// NULLs first in ascending order, so callers may add NULLS LAST). Use as
//   ORDER BY <sql> <direction>, r.pk
export function compileSort(text: string, options: FilterOptions = {}): CompiledSort {
  const { field, direction } = parseSort(text);
  return compileSortField(field, direction, options);
}

/** A sort key for a field already parsed (or built, as the MLflow dialect does). */
export function compileSortField(field: Field, direction: "asc" | "desc", options: FilterOptions = {}): CompiledSort {
  const args: SqlArg[] = [];
  return { sql: sortKey(field, args, options), args, direction };
}

/** The condition `stale` stands for (0 or 1, never NULL). */
export function staleSql(args: SqlArg[], options: FilterOptions): string {
  if (options.staleBefore === undefined) throw new Error("compiling `stale` needs options.staleBefore");
  return `(r.status = 'running' AND COALESCE(r.last_activity_at, r.updated_at) < ${bind(args, options.staleBefore)})`;
}

// JSON path text for a parameter path, as the `$."a"."b"` form with every key quoted, so
// no key can be read as path syntax. SQLite decodes JSON escapes inside a quoted label but
// ends the label at the first `"` even after a backslash, hence \u0022 for quotes.
export function jsonPath(path: readonly string[]): string {
  return `$${path.map((key) => `."${JSON.stringify(key).slice(1, -1).replace(/\\"/g, "\\u0022")}"`).join("")}`;
}

export function contextText(entries: readonly ContextEntry[]): string {
  // Same canonical form as ingest (sorted keys), or a filter would silently match nothing.
  return canonicalContext(Object.fromEntries(entries.map((e) => [e.key, e.value])));
}

// Appends a bound value and returns its placeholder. Template literals evaluate their
// substitutions left to right, so args stay in the order of the `?`s.
const bind = (args: SqlArg[], value: SqlArg | boolean): string => {
  args.push(typeof value === "boolean" ? (value ? 1 : 0) : value);
  return "?";
};

function compileExpr(expr: Expr, args: SqlArg[], options: FilterOptions): string {
  switch (expr.type) {
    case "or":
      return `(${expr.items.map((e) => compileExpr(e, args, options)).join(" OR ")})`;
    case "and":
      return `(${expr.items.map((e) => compileExpr(e, args, options)).join(" AND ")})`;
    case "not":
      return not(compileExpr(expr.expr, args, options));
    case "compare": {
      const { op, value } = expr;
      const target = targetOf(expr.field, options);
      if (value.kind === "null") return op === "=" ? not(target.notNull(args)) : target.notNull(args);
      if (op === "!=") return not(target.compare("=", value, args));
      return target.compare(op, value, args);
    }
    case "in": {
      const target = targetOf(expr.field, options);
      const present = expr.values.filter((v) => v.kind !== "null");
      const parts: string[] = [];
      if (present.length > 0) parts.push(target.inList(present, args));
      if (present.length < expr.values.length) parts.push(not(target.notNull(args)));
      return parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`;
    }
    case "match":
      return targetOf(expr.field, options).match(expr.op, expr.pattern, args);
    case "exists":
      return targetOf(expr.field, options).notNull(args);
    case "truthy":
      return targetOf(expr.field, options).truthy(args);
  }
}

const not = (sql: string) => `(NOT (${sql}))`;

// What each kind of field compiles to. Every method returns a condition that is never NULL.
interface Target {
  // op is never "!=" (compiled as NOT =) and the literal never null.
  compare(op: Exclude<CompareOp, "!=">, value: Literal, args: SqlArg[]): string;
  inList(values: Literal[], args: SqlArg[]): string;
  notNull(args: SqlArg[]): string;
  match(op: "like" | "contains", pattern: string, args: SqlArg[]): string;
  truthy(args: SqlArg[]): string;
}

const matchSql = (column: string, op: "like" | "contains", pattern: string, args: SqlArg[]) =>
  op === "like" ? `${column} LIKE ${bind(args, pattern)}` : `instr(${column}, ${bind(args, pattern)}) > 0`;

const placeholders = (values: Literal[], args: SqlArg[]) => values.map((v) => bind(args, v.value)).join(", ");

function targetOf(field: Field, options: FilterOptions): Target {
  switch (field.kind) {
    case "builtin":
      return builtinTarget(field.name, options);
    case "param":
      return jsonTarget(
        (args) => `json_type(r.params, ${bind(args, jsonPath(field.path))})`,
        (args) => `json_extract(r.params, ${bind(args, jsonPath(field.path))})`,
      );
    case "value": {
      const json = jsonTarget(
        () => "json_type(v.value)",
        () => "json_extract(v.value, '$')",
      );
      return rowTarget(
        (args) =>
          `SELECT 1 FROM run_values v WHERE v.run_pk = r.pk AND v.name = ${bind(args, field.name)} AND v.context = ${bind(args, contextText(field.context))}`,
        json,
      );
    }
    case "metric": {
      const column = `s.${AGG_COLUMNS[field.agg]}`;
      return rowTarget(
        (args) =>
          `SELECT 1 FROM series s WHERE s.run_pk = r.pk AND s.name = ${bind(args, field.name)} AND s.context = ${bind(args, contextText(field.context))}`,
        nullableColumnTarget(column),
      );
    }
    case "paramText":
      return nullableColumnTarget((args) => paramTextSql(field.path, args));
    case "tagValue":
      return nullableColumnTarget((args) => tagValueSql(field.key, args));
    case "keyValueTag":
      return optionalTextTarget((args) => keyValueTagSql(field.key, args));
    case "runId":
      return columnTarget("r.id", "1");
    case "tag": {
      const has = (args: SqlArg[]) => `EXISTS (SELECT 1 FROM json_each(r.tags) t WHERE t.value = ${bind(args, field.label)})`;
      const unsupported = () => {
        throw new Error("tags only support exists and truthy tests");
      };
      return { compare: unsupported, inList: unsupported, match: unsupported, notNull: has, truthy: has };
    }
  }
}

function builtinTarget(name: BuiltinField, options: FilterOptions): Target {
  switch (name) {
    case "name":
    case "experiment":
    case "status":
      return columnTarget(`r.${name}`, `r.${name} != ''`);
    case "archived":
      return columnTarget("r.archived", "r.archived != 0");
    case "stale":
      return staleTarget(options);
    case "created_at":
      return columnTarget("r.created_at", "r.created_at != 0");
    case "ended_at":
      return nullableColumnTarget("r.ended_at");
    case "campaign":
      return campaignTarget;
    case "parent":
      return optionalTextTarget((args) => keyValueTagSql(PARENT_TAG, args));
  }
}

const AGG_COLUMNS = { last: "last_value", min: "min", max: "max", count: "count", last_step: "last_step" } as const;

// A NOT NULL column of runs.
function columnTarget(column: string, truthy: string): Target {
  return {
    compare: (op, value, args) => `${column} ${op} ${bind(args, value.value)}`,
    inList: (values, args) => `${column} IN (${placeholders(values, args)})`,
    notNull: () => "1",
    match: (op, pattern, args) => matchSql(column, op, pattern, args),
    truthy: () => truthy,
  };
}

// A computed 0/1 condition (stale): compared with true/false like the archived column.
function staleTarget(options: FilterOptions): Target {
  return {
    compare: (op, value, args) => `${staleSql(args, options)} ${op} ${bind(args, value.value)}`,
    inList: (values, args) => `${staleSql(args, options)} IN (${placeholders(values, args)})`,
    notNull: () => "1",
    match: () => {
      throw new Error("parseFilter refuses like/contains on stale");
    },
    truthy: (args) => staleSql(args, options),
  };
}

// A column (or an expression binding its own args) that may be NULL (ended_at; a series
// summary column; a param's text): NULL fails everything.
function nullableColumnTarget(column: string | ((args: SqlArg[]) => string)): Target {
  const sql = typeof column === "string" ? () => column : column;
  return {
    compare: (op, value, args) => `COALESCE(${sql(args)} ${op} ${bind(args, value.value)}, 0)`,
    inList: (values, args) => `COALESCE(${sql(args)} IN (${placeholders(values, args)}), 0)`,
    notNull: (args) => `${sql(args)} IS NOT NULL`,
    match: (op, pattern, args) => `COALESCE(${matchSql(sql(args), op, pattern, args)}, 0)`,
    truthy: (args) => `COALESCE(${sql(args)} != 0, 0)`,
  };
}

// Text a run may lack (NULL): compared and matched like nullableColumnTarget, and truthy when
// present and not "".
function optionalTextTarget(sql: (args: SqlArg[]) => string): Target {
  return { ...nullableColumnTarget(sql), truthy: (args) => `COALESCE(${sql(args)} != '', 0)` };
}

function keyValueTagSql(key: string, args: SqlArg[]): string {
  return `json_extract(r.tag_values, ${bind(args, jsonPath([key]))})`;
}

function paramTextSql(keys: readonly string[], args: SqlArg[]): string {
  const path = jsonPath(keys);
  const value = () => `json_extract(r.params, ${bind(args, path)})`;
  return (
    `COALESCE(json_extract(r.param_texts, ${bind(args, path)}), CASE json_type(r.params, ${bind(args, path)}) ` +
    `WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' WHEN 'null' THEN NULL ELSE CAST(${value()} AS TEXT) END)`
  );
}

function tagValueSql(key: string, args: SqlArg[]): string {
  return `COALESCE(json_extract(r.tag_values, ${bind(args, jsonPath([key]))}), CASE WHEN EXISTS (SELECT 1 FROM json_each(r.tags) t WHERE t.value = ${bind(args, key)}) THEN '' END)`;
}

// A field that lives in another table's row (a value, a series): the condition holds when
// that row exists and the inner condition holds on it.
function rowTarget(from: (args: SqlArg[]) => string, inner: Target): Target {
  const exists = (args: SqlArg[], cond: (args: SqlArg[]) => string) => {
    const head = from(args);
    return `EXISTS (${head} AND ${cond(args)})`;
  };
  return {
    compare: (op, value, args) => exists(args, (a) => inner.compare(op, value, a)),
    inList: (values, args) => exists(args, (a) => inner.inList(values, a)),
    notNull: (args) => exists(args, (a) => inner.notNull(a)),
    match: (op, pattern, args) => exists(args, (a) => inner.match(op, pattern, a)),
    truthy: (args) => exists(args, (a) => inner.truthy(a)),
  };
}

// A JSON value read with json_type/json_extract (types: null, true, false, integer, real,
// text, array, object; NULL when missing).
function jsonTarget(type: (args: SqlArg[]) => string, extract: (args: SqlArg[]) => string): Target {
  // The value test comes first so most rows are rejected without the json_type lookup;
  // it is NULL only when the value is missing, and then COALESCE makes it false.
  const typed = (kind: "number" | "string", test: string, args: SqlArg[]): string =>
    `(COALESCE(${test}, 0) AND ${type(args)} ${kind === "number" ? "IN ('integer', 'real')" : "= 'text'"})`;
  return {
    compare(op, value, args) {
      if (value.kind === "boolean") return `COALESCE(${type(args)}, '') = '${value.value ? "true" : "false"}'`;
      return typed(value.kind === "number" ? "number" : "string", `${extract(args)} ${op} ${bind(args, value.value)}`, args);
    },
    inList(values, args) {
      const parts: string[] = [];
      const numbers = values.filter((v) => v.kind === "number");
      const strings = values.filter((v) => v.kind === "string");
      const booleans = [...new Set(values.filter((v) => v.kind === "boolean").map((v) => (v.value ? "true" : "false")))];
      if (numbers.length > 0) parts.push(typed("number", `${extract(args)} IN (${placeholders(numbers, args)})`, args));
      if (strings.length > 0) parts.push(typed("string", `${extract(args)} IN (${placeholders(strings, args)})`, args));
      if (booleans.length > 0) parts.push(`COALESCE(${type(args)}, '') IN (${booleans.map((b) => `'${b}'`).join(", ")})`);
      return parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`;
    },
    notNull: (args) => `COALESCE(${type(args)}, 'null') != 'null'`,
    match: (op, pattern, args) => typed("string", matchSql(extract(args), op, pattern, args), args),
    // The non-NULL text/number cases: 0, 0.0 and '' are falsy; NOT IN compares without
    // type conversion, so the text '0' stays truthy.
    truthy: (args) =>
      `(CASE ${type(args)} WHEN 'true' THEN 1 WHEN 'array' THEN 1 WHEN 'object' THEN 1 WHEN 'false' THEN 0 WHEN 'null' THEN 0 ` +
      `ELSE COALESCE(${extract(args)} NOT IN (0, ''), 0) END)`,
  };
}

const campaignTarget: Target = {
  compare: (_op, value, args) =>
    `EXISTS (SELECT 1 FROM campaigns c WHERE c.pk = r.campaign_pk AND (c.id = ${bind(args, value.value)} OR c.name = ${bind(args, value.value)}))`,
  inList: (values, args) =>
    `EXISTS (SELECT 1 FROM campaigns c WHERE c.pk = r.campaign_pk AND (c.id IN (${placeholders(values, args)}) OR c.name IN (${placeholders(values, args)})))`,
  notNull: () => "r.campaign_pk IS NOT NULL",
  match: (op, pattern, args) =>
    `EXISTS (SELECT 1 FROM campaigns c WHERE c.pk = r.campaign_pk AND (${matchSql("c.id", op, pattern, args)} OR ${matchSql("c.name", op, pattern, args)}))`,
  truthy: () => "r.campaign_pk IS NOT NULL",
};

function sortKey(field: Field, args: SqlArg[], options: FilterOptions): string {
  switch (field.kind) {
    case "builtin":
      if (field.name === "stale") return staleSql(args, options);
      if (field.name === "parent") return keyValueTagSql(PARENT_TAG, args);
      return field.name === "campaign" ? "(SELECT c.name FROM campaigns c WHERE c.pk = r.campaign_pk)" : `r.${field.name}`;
    case "param":
      return `json_extract(r.params, ${bind(args, jsonPath(field.path))})`;
    case "value":
      return `(SELECT json_extract(v.value, '$') FROM run_values v WHERE v.run_pk = r.pk AND v.name = ${bind(args, field.name)} AND v.context = ${bind(args, contextText(field.context))})`;
    case "metric":
      return `(SELECT s.${AGG_COLUMNS[field.agg]} FROM series s WHERE s.run_pk = r.pk AND s.name = ${bind(args, field.name)} AND s.context = ${bind(args, contextText(field.context))})`;
    case "paramText":
      return paramTextSql(field.path, args);
    case "tagValue":
      return tagValueSql(field.key, args);
    case "keyValueTag":
      return keyValueTagSql(field.key, args);
    case "runId":
      return "r.id";
    case "tag":
      throw new Error("parseSort rejects tags");
  }
}
