// The filters MLflow's clients send when searching logged models and the registry
// (mlflow/utils/search_logged_model_utils.py, search_utils.py SearchModelUtils), evaluated on
// the rows one experiment or the registry holds (a few thousand at most), not compiled to SQL:
//
//   filter := clause ("AND" clause)*
//   clause := ident op value | ident ("IN" | "NOT IN") "(" value ("," value)* ")"
//   ident  := name | entity "." key | entity "." `key`
//   entity := attributes | attribute | attr | tags | tag | params | param | metrics | metric
//   op     := = | != | < | <= | > | >= | LIKE | ILIKE ;  value := 'text' | "text" | number
//
// A bare name is an attribute of the searched thing (name, model_id, source_run_id, run_id,
// status, version_number, current_stage...): which ones exist is the caller's list. A clause
// on a field the row lacks holds only for != and NOT IN (MLflow's registry answers a model
// without the tag to `tag.x != 'true'`). LIKE is case-sensitive, ILIKE is not; % and _ are
// its wildcards.
import { excerpt } from "../../lib/text.ts";
import { invalidParameter } from "./errors.ts";

type Entity = "attributes" | "tags" | "params" | "metrics";
type Value = string | number;
interface Clause {
  entity: Entity;
  key: string;
  op: string;
  value: Value | Value[];
}

/** What a filter sees of one row: its attributes and its tags, params and metrics by key. */
export interface Subject {
  attributes: Record<string, Value>;
  tags?: Record<string, string>;
  params?: Record<string, string>;
  metrics?: Record<string, number>;
}

const ENTITIES: Record<string, Entity> = {
  attributes: "attributes",
  attribute: "attributes",
  attr: "attributes",
  tags: "tags",
  tag: "tags",
  params: "params",
  param: "params",
  metrics: "metrics",
  metric: "metrics",
};
const MAX_FILTER = 4096;
const fail = (pos: number, what: string) => invalidParameter(`Invalid filter at position ${pos}: ${what}.`);

function parse(text: string, attributes: readonly string[]): Clause[] {
  if (text.length > MAX_FILTER) throw invalidParameter(`The filter is longer than ${MAX_FILTER} characters.`);
  let pos = 0;
  const space = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const quoted = (): string => {
    const q = text[pos++];
    let out = "";
    for (;;) {
      if (pos >= text.length) throw fail(pos, "unterminated string");
      const ch = text[pos++];
      if (ch === "\\" && pos < text.length) out += text[pos++];
      else if (ch === q) return out;
      else out += ch;
    }
  };
  const value = (): Value => {
    space();
    if (text[pos] === "'" || text[pos] === '"') return quoted();
    const m = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(pos));
    if (!m) throw fail(pos, "expected a quoted string or a number");
    pos += m[0].length;
    return Number(m[0]);
  };
  const word = (): string => {
    space();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos));
    pos += m ? m[0].length : 0;
    return m ? m[0] : "";
  };
  const clauses: Clause[] = [];
  space();
  if (pos >= text.length) return clauses;
  for (;;) {
    const start = pos;
    const head = word();
    let entity: Entity = "attributes";
    let key = head;
    if (text[pos] === "." && ENTITIES[head.toLowerCase()]) {
      entity = ENTITIES[head.toLowerCase()];
      pos++;
      if (text[pos] === "`" || text[pos] === '"') key = quoted();
      else {
        const m = /^[^\s=!<>()]+/.exec(text.slice(pos));
        if (!m) throw fail(pos, "expected a key");
        key = m[0];
        pos += key.length;
      }
      if (entity === "attributes" && !attributes.includes(key))
        throw fail(start, `expected one of the attributes ${attributes.join(", ")}, found ${excerpt(key, 40)}`);
    } else if (!attributes.includes(head)) {
      throw fail(start, `expected one of ${attributes.join(", ")} or tags., params., metrics., found ${excerpt(text.slice(start, start + 16), 16)}`);
    }
    space();
    let op: string;
    const two = text.slice(pos, pos + 2);
    if (["!=", "<=", ">=", "=="].includes(two)) {
      op = two === "==" ? "=" : two;
      pos += 2;
    } else if ("=<>".includes(text[pos] ?? "x")) op = text[pos++];
    else {
      const w = word().toUpperCase();
      if (w === "NOT" && word().toUpperCase() === "IN") op = "NOT IN";
      else if (["LIKE", "ILIKE", "IN"].includes(w)) op = w;
      else throw fail(pos, "expected a comparison (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN)");
    }
    let operand: Value | Value[];
    if (op === "IN" || op === "NOT IN") {
      space();
      if (text[pos] !== "(") throw fail(pos, 'expected "(" after IN');
      pos++;
      const items: Value[] = [];
      for (;;) {
        items.push(value());
        space();
        if (text[pos] === ",") pos++;
        else if (text[pos] === ")") {
          pos++;
          break;
        } else throw fail(pos, 'expected "," or ")"');
      }
      operand = items;
    } else operand = value();
    clauses.push({ entity, key, op, value: operand });
    space();
    if (pos >= text.length) return clauses;
    const joiner = word().toUpperCase();
    if (joiner !== "AND") throw fail(pos, "expected AND (MLflow filters have no OR)");
  }
}

function like(pattern: string, caseless: boolean): RegExp {
  const body = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replaceAll("%", ".*")
    .replaceAll("_", ".");
  return new RegExp(`^${body}$`, caseless ? "is" : "s");
}

function holds(clause: Clause, field: Value | undefined): boolean {
  const { op, value } = clause;
  if (field === undefined) return op === "!=" || op === "NOT IN";
  // A number compares as a number when both sides are numbers (a version, a metric).
  const pair = (x: Value): [Value, Value] => (typeof x === "number" && !Number.isNaN(Number(field)) ? [Number(field), x] : [String(field), String(x)]);
  if (Array.isArray(value)) {
    const found = value.some((x) => {
      const [a, b] = pair(x);
      return a === b;
    });
    return op === "IN" ? found : !found;
  }
  if (op === "LIKE" || op === "ILIKE") return like(String(value), op === "ILIKE").test(String(field));
  const [a, b] = pair(value);
  switch (op) {
    case "=":
      return a === b;
    case "!=":
      return a !== b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    default:
      return a >= b;
  }
}

/** A test for rows, from an MLflow filter over the given attribute names ("" keeps every row). */
export function modelFilter(text: string | undefined, attributes: readonly string[]): (s: Subject) => boolean {
  const clauses = parse(text ?? "", attributes);
  // Own keys only: a key like "constructor" must not find the object's prototype.
  const field = (bag: Record<string, Value> | undefined, key: string) => (bag && Object.hasOwn(bag, key) ? bag[key] : undefined);
  return (s) => clauses.every((c) => holds(c, field(c.entity === "attributes" ? s.attributes : s[c.entity], c.key)));
}
