// JSON with the bare tokens NaN, Infinity and -Infinity, as Python's json.dumps writes them
// (allow_nan defaults to True) and as many hand-written loggers send them. Strict JSON has no
// such tokens; the API's own form for these values is the strings "NaN", "Infinity" and
// "-Infinity". Used only by the metric and value ingest bodies, where a float is expected.
//
// The common body is strict JSON, so JSON.parse runs first and this costs nothing then. Only
// when it fails is the text scanned once: each bare token that stands where a value stands
// (after `:`, `[`, a `,` inside an array, or as the whole text), outside any string, and is
// followed by a delimiter (whitespace, `,`, `]`, `}` or the end), becomes its quoted string
// form; then the text is parsed again. Everything else is left as it was, so `NaNx`, `-NaN`,
// `+Infinity`, `nan`, a bare token as an object key, or any other fault still fails to parse —
// and the error thrown is JSON.parse's own on the original text.

const TOKENS = ["NaN", "Infinity", "-Infinity"] as const;
const DELIMITER = /[\s,\]}]/;

/** JSON.parse, also reading the bare NaN, Infinity and -Infinity as "NaN", "Infinity", "-Infinity". */
export function parseJsonAllowingNonFinite(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (strictError) {
    const quoted = quoteBareNonFinite(text);
    if (quoted === null) throw strictError;
    try {
      return JSON.parse(quoted);
    } catch {
      throw strictError;
    }
  }
}

/** The text with its bare non-finite tokens quoted, or null when it has none. */
export function quoteBareNonFinite(text: string): string | null {
  const parts: string[] = [];
  let copiedUpTo = 0;
  // Containers open at this point ("{" or "["), and the last character outside strings and
  // whitespace: together they say whether a value may start here.
  const open: string[] = [];
  let last = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i = afterString(text, i);
      last = '"';
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i++;
      continue;
    }
    if (ch === "N" || ch === "I" || ch === "-") {
      const valueHere = last === "" || last === ":" || last === "[" || (last === "," && open.at(-1) === "[");
      const token = valueHere ? TOKENS.find((t) => text.startsWith(t, i)) : undefined;
      const end = token === undefined ? i : i + token.length;
      if (token !== undefined && (end === text.length || DELIMITER.test(text[end]))) {
        parts.push(text.slice(copiedUpTo, i), `"${token}"`);
        copiedUpTo = end;
        i = end;
        last = '"';
        continue;
      }
    }
    if (ch === "{" || ch === "[") open.push(ch);
    else if (ch === "}" || ch === "]") open.pop();
    last = ch;
    i++;
  }
  if (parts.length === 0) return null;
  parts.push(text.slice(copiedUpTo));
  return parts.join("");
}

/** The index after the string that opens at `start` (or the text's end, when it never closes). */
function afterString(text: string, start: number): number {
  let quote = start;
  for (;;) {
    quote = text.indexOf('"', quote + 1);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === "\\") backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
}
