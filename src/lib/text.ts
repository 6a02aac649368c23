// Text a name or key must not hold. A lone surrogate is not Unicode: encoded as UTF-8 it
// becomes U+FFFD, so "s\ud800" and "s\udfff" would silently be one series. Control
// characters (NUL above all) are cut or mangled by drivers and terminals.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Text without control characters, as a pattern a schema can also document. */
export const CONTROL_FREE = /^[^\u0000-\u001f\u007f-\u009f]*$/;
/** Text without NUL (free text), as a pattern a schema can also document. */
export const NUL_FREE = /^[^\u0000]*$/;

/** Why `text` is not Unicode text (it holds an unpaired surrogate); null when it is. */
export function surrogateIssue(text: string): string | null {
  return LONE_SURROGATE.test(text) ? "must not contain unpaired surrogates (not Unicode)" : null;
}

/** Where `text`'s first unpaired surrogate is; -1 when it has none. */
export function loneSurrogateAt(text: string): number {
  return text.search(LONE_SURROGATE);
}

/** Why `text` cannot be a name, key or label; null when it can. */
export function nameIssue(text: string): string | null {
  return surrogateIssue(text) ?? (CONTROL_FREE.test(text) ? null : "must not contain control characters");
}

/** A short, safe excerpt of user text for a message: at most `max` characters, JSON-quoted (control characters and surrogates escaped). */
export function excerpt(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut);
}
