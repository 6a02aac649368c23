// The run filter language (docs/filter-language.md): a hand-written tokenizer and
// recursive-descent parser producing a typed AST with source positions. Type errors
// (`created_at > 5`, `archived < true`) are caught here too, so every error a user can make
// is a FilterError pointing at the offending position, and compile.ts gets a valid AST.
//
// Lexical rules worth knowing:
// - Positions are 0-based offsets into the filter text (JavaScript string indices).
// - Keywords (and, or, not, in, like, contains, exists, true, false, null, asc, desc), the
//   field roots (params, metrics, ...) and aggregations are case-insensitive; parameter
//   keys, metric/value names, tags and context keys are case-sensitive.
// - `==` is accepted as a synonym of `=` (AimQL habits).
// - A field is written without spaces, except inside its `{context}`.
// - params.<path>: dot-separated keys, each `[A-Za-z0-9_-]+` or a quoted string
//   (`params."lr schedule".warmup`). Array elements are not addressable.
// - tags.<label>, tag_values.<key>, values.<name>: the label, key or name is `[A-Za-z0-9_./-]+`
//   or a quoted string. `tags.` names a label (present or absent); `tag_values.` a key/value
//   tag (MLflow's), compared by its text: one root for each, so neither reading can change.
// - metrics.<name>[{ctx}].<agg>: the name is everything between `metrics.` and the last
//   `.<agg>`, so dotted names work unquoted: `metrics.train.loss.last` is the series
//   "train.loss" with the aggregation `last`. A quoted name (`metrics."a b".max`) is always
//   taken whole.
// - Context values are strings, finite numbers or booleans, as in stored contexts.
// - Dates for created_at/ended_at are ISO-8601 strings: "2026-01-02" (UTC midnight) or
//   "2026-01-02T03:04:05Z" (seconds, fraction and offset optional; no offset = UTC).

import { RUN_STATUSES } from "../lib/run-status.ts";

export const MAX_FILTER_BYTES = 4096;
export const MAX_DEPTH = 32;

export type CompareOp = "=" | "!=" | "<" | "<=" | ">" | ">=";
export type Aggregation = "last" | "min" | "max" | "count" | "last_step";
export type BuiltinField = "name" | "experiment" | "status" | "campaign" | "parent" | "archived" | "stale" | "created_at" | "ended_at";
export type ContextValue = string | number | boolean;

export const AGGREGATIONS: readonly Aggregation[] = ["last", "min", "max", "count", "last_step"];
export const BUILTIN_FIELDS: readonly BuiltinField[] = ["name", "experiment", "status", "campaign", "parent", "archived", "stale", "created_at", "ended_at"];

export interface Span {
  start: number;
  end: number;
}

export interface ContextEntry {
  key: string;
  value: ContextValue;
}

export type Field = Span &
  (
    | { kind: "builtin"; name: BuiltinField }
    | { kind: "param"; path: string[] }
    | { kind: "tag"; label: string }
    | { kind: "keyValueTag"; key: string }
    // `context` is sorted by key and has no duplicate keys; [] is the empty context {}.
    | { kind: "value"; name: string; context: ContextEntry[] }
    | { kind: "metric"; name: string; context: ContextEntry[]; agg: Aggregation }
    // Not written in runcamp's filter text: the MLflow dialect (src/api/mlflow/filter.ts)
    // builds them. A top-level param as the text it was logged as; a key/value tag's value
    // (a label reads as ""); the run's id.
    | { kind: "paramText"; path: string[] }
    | { kind: "tagValue"; key: string }
    | { kind: "runId" }
  );

// `date` is a string literal compared with created_at/ended_at, already in epoch ms.
export type Literal = Span &
  (
    | { kind: "number"; value: number }
    | { kind: "string"; value: string }
    | { kind: "boolean"; value: boolean }
    | { kind: "null"; value: null }
    | { kind: "date"; value: number; text: string }
  );

export type Expr = Span &
  (
    | { type: "or"; items: Expr[] }
    | { type: "and"; items: Expr[] }
    | { type: "not"; expr: Expr }
    | { type: "compare"; field: Field; op: CompareOp; value: Literal }
    | { type: "in"; field: Field; values: Literal[] }
    | { type: "match"; field: Field; op: "like" | "contains"; pattern: string }
    | { type: "exists"; field: Field }
    // A field alone: `archived`, `tags.baseline`, `not params.augment`.
    | { type: "truthy"; field: Field }
  );

export interface SortSpec {
  field: Field;
  direction: "asc" | "desc";
}

export class FilterError extends Error {
  readonly position: number;
  readonly expected: string;
  readonly found: string;

  constructor(position: number, expected: string, found: string) {
    super(`at position ${position}: expected ${expected}, found ${found}`);
    this.name = "FilterError";
    this.position = position;
    this.expected = expected;
    this.found = found;
  }
}

export function parseFilter(text: string): Expr {
  const parser = new Parser(text);
  const expr = parser.parseExpr();
  parser.expectEnd();
  return expr;
}

/** One column of a run listing: a field and its text as written. */
export interface Column {
  text: string;
  field: Field;
}

export const MAX_COLUMNS = 100;

// A column list: fields separated by commas (a comma inside a {context} or a quoted name
// belongs to the field). Any field, tags included.
export function parseColumns(text: string): Column[] {
  const parser = new Parser(text);
  const columns: Column[] = [];
  for (;;) {
    const field = parser.parseField();
    columns.push({ text: text.slice(field.start, field.end), field });
    if (columns.length > MAX_COLUMNS) throw new FilterError(field.start, `at most ${MAX_COLUMNS} columns`, "more");
    const tok = parser.peek();
    if (tok.kind === "punct" && tok.text === ",") {
      parser.next();
      continue;
    }
    if (tok.kind !== "eof") parser.fail('"," or end of input', tok);
    return columns;
  }
}

// A sort spec: one field (any but tags), then optionally `asc` (the default) or `desc`.
export function parseSort(text: string): SortSpec {
  const parser = new Parser(text);
  const field = parser.parseField();
  if (field.kind === "tag") throw new FilterError(field.start, "a sortable field (tags cannot be sorted on)", describe(text.slice(field.start, field.end)));
  let direction: "asc" | "desc" = "asc";
  const tok = parser.peek();
  if (tok.kind === "ident" && (tok.lower === "asc" || tok.lower === "desc")) {
    parser.next();
    direction = tok.lower;
  }
  parser.expectEnd(true);
  return { field, direction };
}

// ---------------------------------------------------------------------------------------
// Tokens

type TokenKind = "ident" | "number" | "string" | "op" | "punct" | "invalid" | "eof";

interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string; // the source slice
  lower: string; // lower-cased text, for keywords
  value: string | number | null; // decoded string, number value, or null
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_REST = /[A-Za-z0-9_]/;
const PARAM_KEY_CHAR = /[A-Za-z0-9_-]/;
const NAME_CHAR = /[A-Za-z0-9_./-]/;
const WHITESPACE = /\s/;
const NUMBER = /-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const FIELD_LIST =
  "a field (name, experiment, status, campaign, parent, archived, stale, created_at, ended_at, params.<path>, tags.<label>, tag_values.<key>, values.<name>, metrics.<name>.<agg>)";
const AGG_LIST = "an aggregation (last, min, max, count, last_step)";
const LITERAL = "a number, a string, true, false or null";

// How a message shows what was found: short, so an error never echoes a whole filter.
// A quoted string is shown as written; anything else is put in double quotes.
function describe(text: string): string {
  if (text === "") return "end of input";
  const short = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return text[0] === '"' || text[0] === "'" ? short : JSON.stringify(short);
}

const ESCAPES: Record<string, string> = { "\\": "\\", '"': '"', "'": "'", "/": "/", n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "0": "\0" };

const byteLength = (text: string) => new TextEncoder().encode(text).length;

class Parser {
  readonly text: string;
  pos = 0;
  depth = 0;
  // Set when the last thing parsed was a field used alone, so "expected ..." can also
  // suggest an operator: `params.lr 3` most likely misses one.
  lastBare = false;

  constructor(text: string) {
    const bytes = byteLength(text);
    if (bytes > MAX_FILTER_BYTES) {
      throw new FilterError(0, `a filter of at most ${MAX_FILTER_BYTES} bytes`, `${bytes} bytes`);
    }
    const bad = LONE_SURROGATE.exec(text);
    if (bad) throw new FilterError(bad.index, "well-formed Unicode text", "a lone surrogate code unit");
    this.text = text;
  }

  // ---- tokenizer ----

  skipSpace(): void {
    while (this.pos < this.text.length && WHITESPACE.test(this.text[this.pos])) this.pos++;
  }

  peek(): Token {
    const saved = this.pos;
    try {
      return this.lex();
    } finally {
      this.pos = saved;
    }
  }

  next(): Token {
    return this.lex();
  }

  // Reads the token at `pos` (after whitespace) and moves past it.
  lex(): Token {
    this.skipSpace();
    const text = this.text;
    const start = this.pos;
    const tok = (kind: TokenKind, end: number, value: string | number | null = null): Token => {
      this.pos = end;
      const slice = text.slice(start, end);
      return { kind, start, end, text: slice, lower: slice.toLowerCase(), value };
    };
    if (start >= text.length) return tok("eof", start);
    const c = text[start];
    if (IDENT_START.test(c)) {
      let end = start + 1;
      while (end < text.length && IDENT_REST.test(text[end])) end++;
      return tok("ident", end);
    }
    if (c === '"' || c === "'") {
      const value = this.readString();
      return { kind: "string", start, end: this.pos, text: text.slice(start, this.pos), lower: "", value };
    }
    NUMBER.lastIndex = start;
    const m = NUMBER.exec(text);
    if (m) {
      const value = Number(m[0]);
      if (!Number.isFinite(value)) throw new FilterError(start, "a finite number", describe(m[0]));
      return tok("number", start + m[0].length, value);
    }
    const two = text.slice(start, start + 2);
    if (two === "!=" || two === "<=" || two === ">=" || two === "==") return tok("op", start + 2);
    if (c === "=" || c === "<" || c === ">") return tok("op", start + 1);
    if ("(){},:.".includes(c)) return tok("punct", start + 1);
    // One code point, so the message does not show half a surrogate pair.
    const cp = text.codePointAt(start) ?? 0;
    return tok("invalid", start + (cp > 0xffff ? 2 : 1));
  }

  // Reads a quoted string starting at `pos` (on the quote) with JSON-like escapes.
  readString(): string {
    const text = this.text;
    const open = this.pos;
    const quote = text[open];
    let out = "";
    let i = open + 1;
    for (;;) {
      if (i >= text.length) {
        throw new FilterError(i, `a closing ${quote} for the string that starts at position ${open}`, "end of input");
      }
      const ch = text[i];
      if (ch === quote) break;
      if (ch !== "\\") {
        out += ch;
        i++;
        continue;
      }
      const esc = text[i + 1];
      if (esc !== undefined && Object.hasOwn(ESCAPES, esc)) {
        out += ESCAPES[esc];
        i += 2;
      } else if (esc === "u" && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        const bad = esc === undefined ? "end of input" : describe(`\\${text.slice(i + 1, esc === "u" ? i + 6 : i + 2)}`);
        throw new FilterError(i, "an escape (\\\\, \\\", \\', \\/, \\n, \\t, \\r, \\b, \\f, \\0 or \\uXXXX)", bad);
      }
    }
    this.pos = i + 1;
    const bad = LONE_SURROGATE.exec(out);
    if (bad) throw new FilterError(open, "a string of well-formed Unicode (pair \\u escapes of surrogates)", describe(text.slice(open, this.pos)));
    return out;
  }

  fail(expected: string, at?: Token): never {
    const tok = at ?? this.peek();
    throw new FilterError(tok.start, expected, tok.kind === "eof" ? "end of input" : describe(tok.text));
  }

  expectEnd(sort = false): void {
    const tok = this.peek();
    if (tok.kind === "eof") return;
    if (sort) this.fail('"asc", "desc" or end of input', tok);
    this.fail(
      this.lastBare ? 'an operator (=, !=, <, <=, >, >=, in, like, contains, exists), "and", "or" or end of input' : '"and", "or" or end of input',
      tok,
    );
  }

  isKeyword(tok: Token, word: string): boolean {
    return tok.kind === "ident" && tok.lower === word;
  }

  enter(at: number): void {
    if (++this.depth > MAX_DEPTH) {
      throw new FilterError(at, `at most ${MAX_DEPTH} levels of nested parentheses and "not"`, "a deeper level");
    }
  }

  // ---- expressions ----

  parseExpr(): Expr {
    return this.parseChain("or", () => this.parseAnd());
  }

  parseAnd(): Expr {
    return this.parseChain("and", () => this.parseTerm());
  }

  /** operand (op operand)*: one node for the whole chain, or the operand alone. */
  parseChain(op: "and" | "or", operand: () => Expr): Expr {
    const items = [operand()];
    while (this.isKeyword(this.peek(), op)) {
      this.next();
      items.push(operand());
    }
    return items.length === 1 ? items[0] : { type: op, items, start: items[0].start, end: items[items.length - 1].end };
  }

  parseTerm(): Expr {
    const tok = this.peek();
    if (this.isKeyword(tok, "not")) {
      this.enter(tok.start);
      this.next();
      const expr = this.parseTerm();
      this.depth--;
      return { type: "not", expr, start: tok.start, end: expr.end };
    }
    if (tok.kind === "punct" && tok.text === "(") {
      this.enter(tok.start);
      this.next();
      this.lastBare = false;
      const expr = this.parseExpr();
      const close = this.peek();
      if (close.kind !== "punct" || close.text !== ")") {
        this.fail(this.lastBare ? 'an operator (=, !=, <, <=, >, >=, in, like, contains, exists), "and", "or" or ")"' : '"and", "or" or ")"', close);
      }
      this.next();
      this.depth--;
      this.lastBare = false;
      return { ...expr, start: tok.start, end: close.end };
    }
    return this.parseCondition();
  }

  parseCondition(): Expr {
    const field = this.parseField();
    const tok = this.peek();
    const start = field.start;
    this.lastBare = false;
    if (tok.kind === "op") {
      this.next();
      const op = (tok.text === "==" ? "=" : tok.text) as CompareOp;
      checkOperator(field, op, tok, this.text);
      const value = checkLiteral(field, op, this.parseLiteral(), this.text);
      return { type: "compare", field, op, value, start, end: value.end };
    }
    if (this.isKeyword(tok, "in")) {
      this.next();
      checkOperator(field, "in", tok, this.text);
      const open = this.peek();
      if (open.kind !== "punct" || open.text !== "(") this.fail('"(" and a list of literals', open);
      this.next();
      const first = this.peek();
      if (first.kind === "punct" && first.text === ")") this.fail(`${LITERAL} (the list after in may not be empty)`, first);
      const values: Literal[] = [];
      for (;;) {
        values.push(checkLiteral(field, "in", this.parseLiteral(), this.text));
        const sep = this.next();
        if (sep.kind === "punct" && sep.text === ")") return { type: "in", field, values, start, end: sep.end };
        if (sep.kind !== "punct" || sep.text !== ",") this.fail('"," or ")"', sep);
      }
    }
    if (this.isKeyword(tok, "like") || this.isKeyword(tok, "contains")) {
      this.next();
      const op = tok.lower as "like" | "contains";
      checkOperator(field, op, tok, this.text);
      const pat = this.peek();
      if (pat.kind !== "string") this.fail(`a quoted string after ${op}`, pat);
      this.next();
      return { type: "match", field, op, pattern: pat.value as string, start, end: pat.end };
    }
    if (this.isKeyword(tok, "exists")) {
      this.next();
      return { type: "exists", field, start, end: tok.end };
    }
    this.lastBare = true;
    return { type: "truthy", field, start, end: field.end };
  }

  parseLiteral(): Literal {
    const tok = this.peek();
    const span = { start: tok.start, end: tok.end };
    if (tok.kind === "number") {
      this.next();
      return { kind: "number", value: tok.value as number, ...span };
    }
    if (tok.kind === "string") {
      this.next();
      return { kind: "string", value: tok.value as string, ...span };
    }
    if (tok.kind === "ident") {
      if (tok.lower === "true" || tok.lower === "false") {
        this.next();
        return { kind: "boolean", value: tok.lower === "true", ...span };
      }
      if (tok.lower === "null") {
        this.next();
        return { kind: "null", value: null, ...span };
      }
    }
    this.fail(LITERAL, tok);
  }

  // ---- fields (scanned character by character: no spaces inside) ----

  parseField(): Field {
    const root = this.peek();
    if (root.kind !== "ident") this.fail(FIELD_LIST, root);
    const name = root.lower;
    if ((BUILTIN_FIELDS as readonly string[]).includes(name)) {
      this.next();
      return { kind: "builtin", name: name as BuiltinField, start: root.start, end: root.end };
    }
    if (name !== "params" && name !== "tags" && name !== "tag_values" && name !== "values" && name !== "metrics") this.fail(FIELD_LIST, root);
    this.next();
    const start = root.start;
    if (this.text[this.pos] !== ".") {
      const what = { params: "a parameter path", tags: "a tag label", tag_values: "a tag key", values: "a value name", metrics: "a metric name" }[name];
      throw new FilterError(this.pos, `"." and ${what} after ${root.text}`, this.foundAt(this.pos));
    }
    this.pos++;
    if (name === "params") {
      const path: string[] = [];
      for (;;) {
        path.push(this.readSegment(PARAM_KEY_CHAR, "a parameter key", true));
        if (this.text[this.pos] !== ".") break;
        this.pos++;
      }
      return { kind: "param", path, start, end: this.pos };
    }
    if (name === "tags") {
      const label = this.readSegment(NAME_CHAR, "a tag label", false);
      return { kind: "tag", label, start, end: this.pos };
    }
    if (name === "tag_values") {
      const key = this.readSegment(NAME_CHAR, "a tag key", false);
      return { kind: "keyValueTag", key, start, end: this.pos };
    }
    if (name === "values") {
      const valueName = this.readSegment(NAME_CHAR, "a value name", false);
      const context = this.text[this.pos] === "{" ? this.parseContext() : [];
      return { kind: "value", name: valueName, context, start, end: this.pos };
    }
    // metrics
    const nameStart = this.pos;
    const quoted = this.text[this.pos] === '"' || this.text[this.pos] === "'";
    const metricName = this.readSegment(NAME_CHAR, "a metric name", false);
    let context: ContextEntry[] = [];
    if (this.text[this.pos] === "{") {
      context = this.parseContext();
    } else if (!quoted) {
      // No context: the aggregation is the last dot segment of what was scanned.
      const dot = metricName.lastIndexOf(".");
      if (dot === 0) throw new FilterError(nameStart, "a metric name", describe(metricName));
      if (dot < 0) throw new FilterError(this.pos, `"." and ${AGG_LIST} after the metric name`, this.foundAt(this.pos));
      const agg = this.toAggregation(metricName.slice(dot + 1), nameStart + dot + 1);
      return { kind: "metric", name: metricName.slice(0, dot), context, agg, start, end: this.pos };
    }
    if (this.text[this.pos] !== ".") {
      const misplaced =
        context.length > 0 && !quoted && (AGGREGATIONS as readonly string[]).includes(metricName.slice(metricName.lastIndexOf(".") + 1).toLowerCase());
      const hint = misplaced ? " (the context goes before the aggregation: metrics.<name>{...}.<agg>)" : "";
      throw new FilterError(this.pos, `"." and ${AGG_LIST}${hint}`, this.foundAt(this.pos));
    }
    this.pos++;
    const aggStart = this.pos;
    while (this.pos < this.text.length && NAME_CHAR.test(this.text[this.pos])) this.pos++;
    const agg = this.toAggregation(this.text.slice(aggStart, this.pos), aggStart);
    return { kind: "metric", name: metricName, context, agg, start, end: this.pos };
  }

  toAggregation(text: string, start: number): Aggregation {
    const lower = text.toLowerCase();
    if ((AGGREGATIONS as readonly string[]).includes(lower)) return lower as Aggregation;
    throw new FilterError(start, AGG_LIST, text === "" ? this.foundAt(start) : describe(text));
  }

  // What is at `at`, for messages about a field's insides (whitespace counts there).
  foundAt(at: number): string {
    if (at >= this.text.length) return "end of input";
    if (WHITESPACE.test(this.text[at])) return "a space";
    const saved = this.pos;
    this.pos = at;
    try {
      const tok = this.lex();
      return tok.kind === "eof" ? "end of input" : describe(tok.text);
    } catch {
      return describe(this.text.slice(at, at + 1));
    } finally {
      this.pos = saved;
    }
  }

  readSegment(chars: RegExp, what: string, allowEmptyQuoted: boolean): string {
    const start = this.pos;
    const c = this.text[start];
    if (c === '"' || c === "'") {
      const value = this.readString();
      if (value === "" && !allowEmptyQuoted) throw new FilterError(start, `${what} (not empty)`, describe(this.text.slice(start, this.pos)));
      return value;
    }
    while (this.pos < this.text.length && chars.test(this.text[this.pos])) this.pos++;
    if (this.pos === start) throw new FilterError(start, what, this.foundAt(start));
    return this.text.slice(start, this.pos);
  }

  // `{key: literal, ...}` with `pos` on the "{". Spaces are allowed inside.
  parseContext(): ContextEntry[] {
    this.pos++;
    const entries: ContextEntry[] = [];
    let tok = this.next();
    if (tok.kind === "punct" && tok.text === "}") return entries;
    for (;;) {
      if (tok.kind !== "ident" && tok.kind !== "string") this.fail("a context key (a name or a quoted string)", tok);
      const key = tok.kind === "string" ? (tok.value as string) : tok.text;
      if (entries.some((e) => e.key === key)) throw new FilterError(tok.start, "a context key not given before", describe(tok.text));
      const colon = this.next();
      if (colon.kind !== "punct" || colon.text !== ":") this.fail('":"', colon);
      const lit = this.peek();
      let value: ContextValue;
      if (lit.kind === "number" || lit.kind === "string") value = lit.value as string | number;
      else if (lit.kind === "ident" && (lit.lower === "true" || lit.lower === "false")) value = lit.lower === "true";
      else this.fail("a context value (a string, a number, true or false)", lit);
      this.next();
      entries.push({ key, value });
      const sep = this.next();
      if (sep.kind === "punct" && sep.text === "}") break;
      if (sep.kind !== "punct" || sep.text !== ",") this.fail('"," or "}"', sep);
      tok = this.next();
    }
    return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

// ---------------------------------------------------------------------------------------
// Type rules: which operators and literals each field accepts.

// optionalText: text a run may lack (its campaign, its parent, a key/value tag): compared for
// equality and matched, not ordered; null stands for "the run has none".
type FieldClass = "text" | "status" | "optionalText" | "boolean" | "created_at" | "ended_at" | "json" | "metric" | "tag";

function classOf(field: Field): FieldClass {
  switch (field.kind) {
    case "builtin":
      if (field.name === "name" || field.name === "experiment") return "text";
      if (field.name === "archived" || field.name === "stale") return "boolean";
      if (field.name === "campaign" || field.name === "parent") return "optionalText";
      return field.name;
    case "param":
    case "value":
      return "json";
    case "metric":
      return "metric";
    case "tag":
      return "tag";
    case "keyValueTag":
      return "optionalText";
    case "paramText":
    case "tagValue":
    case "runId":
      return "text";
  }
}

// What the built-in optionalText fields hold, for messages.
const OPTIONAL_TEXT: Partial<Record<BuiltinField, string>> = { campaign: "a campaign id or name (a string)", parent: "a run id (a string)" };

const ORDERING = new Set(["<", "<=", ">", ">="]);

const ALLOWED_OPS: Record<FieldClass, string> = {
  text: "=, !=, <, <=, >, >=, in, like, contains or exists",
  status: "=, !=, <, <=, >, >=, in, like, contains or exists",
  optionalText: "=, !=, in, like, contains or exists",
  boolean: "=, !=, in or exists",
  created_at: "=, !=, <, <=, >, >=, in or exists",
  ended_at: "=, !=, <, <=, >, >=, in or exists",
  json: "=, !=, <, <=, >, >=, in, like, contains or exists",
  metric: "=, !=, <, <=, >, >=, in or exists",
  tag: '"exists" (a label is only present or absent; a key/value tag is compared as tag_values.<key>), "and", "or" or end of input',
};

function fieldLabel(field: Field, text: string): string {
  return text.slice(field.start, field.end);
}

function checkOperator(field: Field, op: string, tok: Token, text: string): void {
  const cls = classOf(field);
  let ok: boolean;
  if (cls === "tag") ok = false;
  else if (op === "like" || op === "contains") ok = cls === "text" || cls === "status" || cls === "optionalText" || cls === "json";
  else if (ORDERING.has(op)) ok = cls !== "optionalText" && cls !== "boolean";
  else ok = true;
  if (!ok) {
    const expected = cls === "tag" ? ALLOWED_OPS.tag : `${ALLOWED_OPS[cls]} after ${fieldLabel(field, text)}`;
    throw new FilterError(tok.start, expected, describe(tok.text));
  }
}

function checkLiteral(field: Field, op: CompareOp | "in", lit: Literal, text: string): Literal {
  const cls = classOf(field);
  const label = fieldLabel(field, text);
  const found = describe(text.slice(lit.start, lit.end));
  const reject = (expected: string): never => {
    throw new FilterError(lit.start, expected, found);
  };
  const equality = op === "=" || op === "!=" || op === "in";
  switch (cls) {
    case "text":
      if (lit.kind !== "string") reject(`a string to compare with ${label}`);
      return lit;
    case "status":
      if (lit.kind !== "string" || !(RUN_STATUSES as readonly string[]).includes(lit.value)) {
        reject(`a status (${RUN_STATUSES.map((s) => `"${s}"`).join(", ")})`);
      }
      return lit;
    case "optionalText":
      if (lit.kind === "string" || lit.kind === "null") return lit;
      return reject(`${field.kind === "builtin" ? OPTIONAL_TEXT[field.name] : "a tag value (a string)"} or null`);
    case "boolean":
      if (lit.kind !== "boolean") reject("true or false");
      return lit;
    case "created_at":
    case "ended_at": {
      if (lit.kind === "null" && cls === "ended_at" && equality) return lit;
      if (lit.kind !== "string") reject(`an ISO date string like "2026-01-02" or "2026-01-02T03:04:05Z"${cls === "ended_at" && equality ? " or null" : ""}`);
      const ms = parseIsoDate(lit.value as string);
      if (ms === null) reject('an ISO date like "2026-01-02" or "2026-01-02T03:04:05Z"');
      return { kind: "date", value: ms as number, text: lit.value as string, start: lit.start, end: lit.end };
    }
    case "json":
      if (lit.kind === "number" || lit.kind === "string") return lit;
      if (!equality) reject(`a number or a string (${op} does not order ${lit.kind === "null" ? "null" : "booleans"})`);
      return lit;
    case "metric":
      if (lit.kind === "number") return lit;
      if (lit.kind === "null" && equality) return lit;
      return reject(`a number${equality ? " or null" : ""} (metric aggregates are numbers)`);
    case "tag":
      return reject(ALLOWED_OPS.tag);
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

// Epoch ms of an ISO-8601 date or date-time, or null when it is not one (or not a real
// calendar date: "2026-02-30" is rejected, not rolled over).
export function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, "0"));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > daysInMonth) return null;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== "Z" && zone !== "z") {
    const digits = zone.slice(1).replace(":", "");
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone[0] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime() - offsetMinutes * 60_000;
}

// Whether the filter mentions a built-in field anywhere. Run search hides archived runs
// unless it names `archived`, so `archived` or `not archived` or `archived = false` take
// over; a run selection's default status likewise gives way to a filter naming `status`.
export function filterNamesField(expr: Expr, name: BuiltinField): boolean {
  switch (expr.type) {
    case "or":
    case "and":
      return expr.items.some((item) => filterNamesField(item, name));
    case "not":
      return filterNamesField(expr.expr, name);
    default:
      return expr.field.kind === "builtin" && expr.field.name === name;
  }
}
