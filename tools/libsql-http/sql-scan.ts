// SQL scanning for the local endpoint. The native binding cannot tell us how many statements
// a string holds, what a statement is, or the names of its parameters, and it needs all three to behave like sqld:
// `prepare()` silently ignores everything after the first statement; binding named arguments
// to a statement with an anonymous `?` aborts the whole process (a Rust panic); and the
// affected-row count depends on the statement being an INSERT/UPDATE/DELETE. So we tokenize
// like SQLite's own tokenizer (strings, quoted names, comments, `?NNN`/`:a`/`@a`/`$a`) and split
// statements like `sqlite3_complete()` (whose trigger rule keeps `CREATE TRIGGER ... END` whole).

export interface SqlStatementInfo {
  /** The statement's text, without its terminating `;`. */
  text: string;
  /** INSERT/REPLACE, UPDATE/DELETE (also after WITH), or anything else. */
  kind: "insert" | "update-delete" | "other";
  isExplain: boolean;
  isReadonly: boolean;
  /** SQLite's parameter numbering: index i holds the name of parameter i+1, null if it has none. */
  params: (string | null)[];
}

export interface Token {
  kind: "word" | "var" | "semi" | "open" | "close" | "other";
  start: number;
  end: number;
}

export const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 0x80;
export const isDigit = (c: number) => c >= 48 && c <= 57;
export const isIdChar = (c: number) => isIdStart(c) || isDigit(c) || c === 36; /* $ */
export const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  const n = sql.length;
  let i = 0;
  const push = (kind: Token["kind"], start: number) => tokens.push({ kind, start, end: i });
  while (i < n) {
    const start = i;
    const c = sql.charCodeAt(i);
    const next = sql.charCodeAt(i + 1);
    if (isSpace(c)) {
      i++;
    } else if (c === 45 /* - */ && next === 45) {
      const eol = sql.indexOf("\n", i);
      i = eol < 0 ? n : eol + 1;
    } else if (c === 47 /* / */ && next === 42 /* * */) {
      const close = sql.indexOf("*/", i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === 39 || c === 34 || c === 96) {
      // '...' strings, "..." and `...` names; a doubled quote is an escaped quote.
      const q = sql[i];
      i++;
      for (;;) {
        const close = sql.indexOf(q, i);
        if (close < 0) {
          i = n;
          break;
        }
        i = close + 1;
        if (sql[i] !== q) break;
        i++;
      }
      push("other", start);
    } else if (c === 91 /* [ */) {
      const close = sql.indexOf("]", i + 1);
      i = close < 0 ? n : close + 1;
      push("other", start);
    } else if (c === 63 /* ? */) {
      i++;
      while (i < n && isDigit(sql.charCodeAt(i))) i++;
      push("var", start);
    } else if (c === 58 || c === 64 || c === 36) {
      // :name @name $name, with SQLite's TCL extras `$a::b` and `$a(x)`.
      let len = 0;
      i++;
      while (i < n) {
        const d = sql.charCodeAt(i);
        if (isIdChar(d)) {
          len++;
          i++;
        } else if (d === 40 /* ( */ && len > 0) {
          while (i < n && sql[i] !== ")" && !isSpace(sql.charCodeAt(i))) i++;
          if (sql[i] === ")") i++;
          break;
        } else if (d === 58 && sql.charCodeAt(i + 1) === 58) {
          i += 2;
        } else {
          break;
        }
      }
      push(len > 0 ? "var" : "other", start);
    } else if (isIdStart(c)) {
      while (i < n && isIdChar(sql.charCodeAt(i))) i++;
      push("word", start);
    } else if (isDigit(c) || (c === 46 && isDigit(next))) {
      while (i < n && (isIdChar(sql.charCodeAt(i)) || sql[i] === ".")) i++;
      push("other", start);
    } else {
      i++;
      push(c === 59 ? "semi" : c === 40 ? "open" : c === 41 ? "close" : "other", start);
    }
  }
  return tokens;
}

// sqlite3_complete()'s state machine; states: 0 start, 1 after `;`, 2 normal, 3 EXPLAIN,
// 4 CREATE, 5 inside a trigger, 6 `;` inside a trigger, 7 `; END` inside a trigger.
// Columns: SEMI, OTHER, EXPLAIN, CREATE, TEMP, TRIGGER, END.
export const COMPLETE_STATES = [
  [1, 2, 3, 4, 2, 2, 2],
  [1, 2, 3, 4, 2, 2, 2],
  [1, 2, 2, 2, 2, 2, 2],
  [1, 3, 2, 4, 2, 2, 2],
  [1, 2, 2, 2, 4, 5, 2],
  [6, 5, 5, 5, 5, 5, 5],
  [6, 5, 5, 5, 5, 5, 7],
  [1, 5, 5, 5, 5, 5, 5],
];
export const COMPLETE_KEYWORDS: Record<string, number> = { EXPLAIN: 2, CREATE: 3, TEMP: 4, TEMPORARY: 4, TRIGGER: 5, END: 6 };

/** Splits `sql` into its statements (empty ones dropped) and describes each. */
export function scanSql(sql: string): SqlStatementInfo[] {
  const statements: SqlStatementInfo[] = [];
  let current: Token[] = [];
  let state = 0;
  for (const token of tokenize(sql)) {
    const column = token.kind === "semi" ? 0 : token.kind === "word" ? (COMPLETE_KEYWORDS[sql.slice(token.start, token.end).toUpperCase()] ?? 1) : 1;
    state = COMPLETE_STATES[state][column];
    if (token.kind === "semi" && state === 1) {
      if (current.length > 0) statements.push(describeTokens(sql, current));
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) statements.push(describeTokens(sql, current));
  return statements;
}

export const DML = new Set(["SELECT", "VALUES", "INSERT", "REPLACE", "UPDATE", "DELETE"]);

export function describeTokens(sql: string, tokens: Token[]): SqlStatementInfo {
  const word = (t: Token) => (t.kind === "word" ? sql.slice(t.start, t.end).toUpperCase() : "");
  const first = word(tokens[0]);
  let main = first;
  if (first === "WITH") {
    // Common table expressions are parenthesized, so the first DML keyword outside any
    // parentheses is the statement's own.
    let depth = 0;
    main = "";
    for (const t of tokens) {
      if (t.kind === "open") depth++;
      else if (t.kind === "close") depth--;
      else if (depth === 0 && DML.has(word(t))) {
        main = word(t);
        break;
      }
    }
  }
  // Numbering as sqlite3ExprAssignVarNumber: `?` takes the next index, `?NNN` that index (an
  // index keeps its first name), and a repeated name reuses its index.
  const params: (string | null)[] = [];
  const named = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== "var") continue;
    const name = sql.slice(t.start, t.end);
    if (name === "?") {
      params.push(null);
    } else if (name[0] === "?") {
      const index = Number(name.slice(1));
      if (!(index >= 1 && index <= 32766)) continue; // SQLite rejects it when preparing
      while (params.length < index) params.push(null);
      params[index - 1] ??= name;
    } else if (!named.has(name)) {
      params.push(name);
      named.add(name);
    }
  }
  return {
    text: sql.slice(tokens[0].start, tokens[tokens.length - 1].end),
    kind: main === "INSERT" || main === "REPLACE" ? "insert" : main === "UPDATE" || main === "DELETE" ? "update-delete" : "other",
    isExplain: first === "EXPLAIN",
    // Approximates sqlite3_stmt_readonly(), which the binding does not expose.
    isReadonly: first === "EXPLAIN" || main === "SELECT" || main === "VALUES",
    params,
  };
}

// Scanning is cheap but statements repeat a lot; remember recent ones (small texts only).
export const scanCache = new Map<string, SqlStatementInfo[]>();
export function scanCached(sql: string): SqlStatementInfo[] {
  let info = scanCache.get(sql);
  if (info === undefined) {
    info = scanSql(sql);
    if (sql.length <= 16_384) {
      if (scanCache.size >= 512) scanCache.delete(scanCache.keys().next().value as string);
      scanCache.set(sql, info);
    }
  }
  return info;
}
