// MLflow's search filter grammar (mlflow/utils/search_utils.py), parsed here and translated
// into runcamp's filter AST (src/filter/parse.ts), which src/filter/compile.ts turns into SQL:
// one compiler, so MLflow filters and runcamp filters mean the same thing for the same data.
//
//   filter  := clause ("AND" clause)*            (MLflow has no OR; neither do we, here)
//   clause  := ident op value | ident ("IN" | "NOT IN") "(" string ("," string)* ")"
//            | ident "IS" ["NOT"] "NULL"
//   ident   := entity "." key | entity "." `key` | entity "." "key"
//   entity  := metrics | metric | params | param | parameters | tags | tag | attributes
//            | attribute | attr | run
//   op      := = | != | < | <= | > | >= | LIKE | ILIKE ;  value := 'text' | "text" | number
//
// Translation:
// - metrics.k op n → the series k (empty context), its last value; `!=` also needs the series.
//   An MLflow system metric key is its runcamp series, n in runcamp's unit (system-metrics.ts).
// - params.k → the param as the text it was logged as (paramText); =, !=, LIKE, ILIKE,
//   IS [NOT] NULL. A dotted key also finds a nested runcamp param (params.a.b ↔ {"a":{"b":…}}).
// - tags.k → the key/value tag (tagValue); tags.`mlflow.runName` → the run's name,
//   tags.`runcamp.campaign` → its campaign (id or name).
// - attributes: run_id (=, !=, IN, NOT IN, LIKE), run_name, status (MLflow's upper-case
//   statuses), start_time/created, end_time (epoch ms), user_id (the mlflow.user tag),
//   lifecycle_stage (active/deleted ↔ not archived/archived).
// - LIKE and ILIKE are both SQLite LIKE (case-insensitive for ASCII letters), which is what
//   MLflow's own SQLite backend does for LIKE.
// - `!=` keeps MLflow's meaning: the run must have the field (runcamp's `!=` also matches
//   runs without it).
import type { CompareOp, Expr, Field, Literal, Span } from "../../filter/parse.ts";
import { excerpt } from "../../lib/text.ts";
import { invalidParameter } from "./errors.ts";
import { runcampValue, systemContextEntries, systemSeriesOfKey } from "./system-metrics.ts";

export interface Clause extends Span {
  entity: "metrics" | "params" | "tags" | "attributes";
  key: string;
  op: string;
  /** A string or number; a list for IN / NOT IN; null for IS [NOT] NULL. */
  value: string | number | string[] | null;
}

const ENTITIES: Record<string, Clause["entity"]> = {
  metrics: "metrics",
  metric: "metrics",
  params: "params",
  param: "params",
  parameters: "params",
  parameter: "params",
  tags: "tags",
  tag: "tags",
  attributes: "attributes",
  attribute: "attributes",
  attr: "attributes",
  run: "attributes",
};

const MAX_FILTER = 4096;
const fail = (pos: number, what: string) => invalidParameter(`Invalid filter at position ${pos}: ${what}.`);

/** Splits an MLflow filter into its AND-ed clauses. */
export function parseMlflowFilter(text: string): Clause[] {
  if (text.length > MAX_FILTER) throw invalidParameter(`The filter is longer than ${MAX_FILTER} characters.`);
  const clauses: Clause[] = [];
  let pos = 0;
  const space = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const word = (): string => {
    space();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos));
    return m ? m[0] : "";
  };
  const quoted = (): string => {
    const q = text[pos];
    let out = "";
    pos++;
    for (;;) {
      if (pos >= text.length) throw fail(pos, "unterminated string");
      const ch = text[pos++];
      if (ch === "\\" && pos < text.length) out += text[pos++];
      else if (ch === q && text[pos] === q) {
        out += q;
        pos++;
      } else if (ch === q) return out;
      else out += ch;
    }
  };
  const string = (): string => {
    space();
    if (text[pos] !== "'" && text[pos] !== '"') throw fail(pos, "expected a quoted string");
    return quoted();
  };
  space();
  if (pos >= text.length) return clauses;
  for (;;) {
    space();
    const start = pos;
    const entityWord = word();
    const entity = ENTITIES[entityWord.toLowerCase()];
    if (!entity) throw fail(pos, `expected metrics., params., tags. or attributes., found ${excerpt(text.slice(pos, pos + 12), 12)}`);
    pos += entityWord.length;
    if (text[pos] !== ".") throw fail(pos, 'expected "." after the entity');
    pos++;
    let key: string;
    if (text[pos] === "`" || text[pos] === '"') key = quoted();
    else {
      const m = /^[^\s=!<>()]+/.exec(text.slice(pos));
      if (!m) throw fail(pos, "expected a key");
      key = m[0];
      pos += key.length;
    }
    space();
    let op: string;
    let value: Clause["value"];
    const two = text.slice(pos, pos + 2);
    if (["!=", "<=", ">=", "=="].includes(two)) {
      op = two === "==" ? "=" : two;
      pos += 2;
    } else if ("=<>".includes(text[pos] ?? "x")) op = text[pos++];
    else {
      const w = word().toUpperCase();
      pos += w.length;
      if (w === "NOT") {
        const w2 = word().toUpperCase();
        if (w2 !== "IN") throw fail(pos, "expected IN after NOT");
        pos += w2.length;
        op = "NOT IN";
      } else if (w === "IS") {
        const w2 = word().toUpperCase();
        pos += w2.length;
        if (w2 === "NOT") {
          const w3 = word().toUpperCase();
          if (w3 !== "NULL") throw fail(pos, "expected NULL");
          pos += w3.length;
          op = "IS NOT NULL";
        } else if (w2 === "NULL") op = "IS NULL";
        else throw fail(pos, "expected NULL or NOT NULL");
      } else if (["LIKE", "ILIKE", "IN"].includes(w)) op = w;
      else throw fail(pos, "expected a comparison (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN, IS NULL)");
    }
    space();
    if (op === "IS NULL" || op === "IS NOT NULL") value = null;
    else if (op === "IN" || op === "NOT IN") {
      if (text[pos] !== "(") throw fail(pos, 'expected "(" after IN');
      pos++;
      const items: string[] = [];
      for (;;) {
        items.push(string());
        space();
        if (text[pos] === ",") pos++;
        else if (text[pos] === ")") {
          pos++;
          break;
        } else throw fail(pos, 'expected "," or ")"');
      }
      value = items;
    } else if (text[pos] === "'" || text[pos] === '"') value = quoted();
    else {
      const m = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(pos));
      if (!m) throw fail(pos, "expected a quoted string or a number");
      value = Number(m[0]);
      pos += m[0].length;
    }
    clauses.push({ entity, key, op, value, start, end: pos });
    space();
    if (pos >= text.length) return clauses;
    const joiner = word().toUpperCase();
    if (joiner === "OR") throw fail(pos, "OR is not supported by MLflow search filters (join clauses with AND)");
    if (joiner !== "AND") throw fail(pos, "expected AND");
    pos += joiner.length;
  }
}

const STATUS_OF: Record<string, string> = { RUNNING: "running", SCHEDULED: "running", FINISHED: "finished", FAILED: "failed", KILLED: "killed" };

/** The runcamp filter AST of an MLflow filter: the AND of its clauses (undefined when empty). */
export function mlflowFilterAst(text: string): Expr | undefined {
  const clauses = parseMlflowFilter(text);
  if (!clauses.length) return undefined;
  const items = clauses.map(clauseExpr);
  return items.length === 1 ? items[0] : { type: "and", items, start: 0, end: text.length };
}

function clauseExpr(clause: Clause): Expr {
  const span = { start: clause.start, end: clause.end };
  const bad = (what: string) => fail(clause.start, what);
  const { op, value } = clause;
  const text = (x: unknown): Literal => {
    if (typeof x !== "string") throw bad(`${clause.entity}.${clause.key} compares with quoted strings`);
    return { kind: "string", value: x, ...span };
  };
  const number = (x: unknown): Literal => {
    if (typeof x !== "number") throw bad(`${clause.entity}.${clause.key} compares with numbers`);
    return { kind: "number", value: x, ...span };
  };
  // A clause over one or more fields (a dotted param key may be flat or nested): true when
  // any of them holds, and for `!=` MLflow's rule that the field must exist.
  const over = (fields: Field[], literal: (x: unknown) => Literal, ops: string[]): Expr => {
    if (!ops.includes(op)) throw bad(`${clause.entity} take ${ops.join(", ")}`);
    const one = (field: Field): Expr => {
      switch (op) {
        case "IS NULL":
        case "IS NOT NULL":
          return { type: "exists", field, ...span };
        case "LIKE":
        case "ILIKE":
          return { type: "match", field, op: "like", pattern: literal(value).value as string, ...span };
        case "IN":
        case "NOT IN":
          return { type: "in", field, values: (value as string[]).map(literal), ...span };
        case "!=":
          return { type: "compare", field, op: "=", value: literal(value), ...span };
        default:
          return { type: "compare", field, op: op as CompareOp, value: literal(value), ...span };
      }
    };
    const any = (make: (f: Field) => Expr): Expr => (fields.length === 1 ? make(fields[0]) : { type: "or", items: fields.map(make), ...span });
    const exists = any((field) => ({ type: "exists", field, ...span }));
    if (op === "IS NULL") return { type: "not", expr: exists, ...span };
    if (op === "!=" || op === "NOT IN") return { type: "and", items: [exists, { type: "not", expr: any(one), ...span }], ...span };
    return any(one);
  };
  const field = (f: Bare<Field>) => ({ ...f, ...span }) as Field;
  const STRING_OPS = ["=", "!=", "LIKE", "ILIKE", "IS NULL", "IS NOT NULL"];
  const NUMERIC_OPS = ["=", "!=", "<", "<=", ">", ">="];
  const LIST_OPS = ["=", "!=", "LIKE", "ILIKE", "IN", "NOT IN"];
  switch (clause.entity) {
    case "metrics": {
      const system = systemSeriesOfKey(clause.key);
      if (!system) return over([field({ kind: "metric", name: clause.key, context: [], agg: "last" })], number, NUMERIC_OPS);
      const scaled = (x: unknown): Literal => ({ ...number(x), value: runcampValue(system, x as number) }) as Literal;
      return over([field({ kind: "metric", name: system.name, context: systemContextEntries(system), agg: "last" })], scaled, NUMERIC_OPS);
    }
    case "params": {
      const fields = [field({ kind: "paramText", path: [clause.key] })];
      if (clause.key.includes(".")) fields.push(field({ kind: "paramText", path: clause.key.split(".") }));
      return over(fields, text, STRING_OPS);
    }
    case "tags":
      if (clause.key === "mlflow.runName") return over([field({ kind: "builtin", name: "name" })], text, LIST_OPS);
      if (clause.key === "runcamp.campaign") return over([field({ kind: "builtin", name: "campaign" })], text, STRING_OPS);
      return over([field({ kind: "tagValue", key: clause.key })], text, STRING_OPS);
    case "attributes":
      return attributeExpr(clause, { over, field, text, number, bad, LIST_OPS, NUMERIC_OPS });
  }
}

// A field without its source span (distributed over the union, so each kind keeps its keys).
type Bare<F> = F extends unknown ? Omit<F, "start" | "end"> : never;

type Helpers = {
  over: (fields: Field[], literal: (x: unknown) => Literal, ops: string[]) => Expr;
  field: (f: Bare<Field>) => Field;
  text: (x: unknown) => Literal;
  number: (x: unknown) => Literal;
  bad: (what: string) => Error;
  LIST_OPS: string[];
  NUMERIC_OPS: string[];
};

function attributeExpr(clause: Clause, h: Helpers): Expr {
  const { over, field, text, number, bad, LIST_OPS, NUMERIC_OPS } = h;
  switch (clause.key) {
    case "run_id":
      return over([field({ kind: "runId" })], text, LIST_OPS);
    case "run_name":
    case "run name":
    case "Run name":
    case "Run Name":
      return over([field({ kind: "builtin", name: "name" })], text, LIST_OPS);
    case "status": {
      const status = (x: unknown): Literal => {
        const lit = text(x);
        const mapped = STATUS_OF[String(lit.value).toUpperCase()];
        // LIKE patterns pass as they are (LIKE ignores ASCII case); an unknown status matches nothing.
        return { ...lit, value: clause.op === "LIKE" || clause.op === "ILIKE" ? String(lit.value) : (mapped ?? `\u0000${lit.value}`) } as Literal;
      };
      return over([field({ kind: "builtin", name: "status" })], status, LIST_OPS);
    }
    case "start_time":
    case "created":
    case "Created":
      return over([field({ kind: "builtin", name: "created_at" })], number, NUMERIC_OPS);
    case "end_time":
      return over([field({ kind: "builtin", name: "ended_at" })], number, NUMERIC_OPS);
    case "user_id":
      return over([field({ kind: "tagValue", key: "mlflow.user" })], text, LIST_OPS);
    case "lifecycle_stage": {
      const stage = (x: unknown): Literal => {
        const lit = text(x);
        if (lit.value !== "active" && lit.value !== "deleted") throw bad("lifecycle_stage is 'active' or 'deleted'");
        return { kind: "boolean", value: lit.value === "deleted", start: lit.start, end: lit.end };
      };
      return over([field({ kind: "builtin", name: "archived" })], stage, ["=", "!=", "IN", "NOT IN"]);
    }
    default:
      throw bad(`attributes.${excerpt(clause.key, 30)} is not searchable here (run_id, run_name, status, start_time, end_time, user_id, lifecycle_stage)`);
  }
}
