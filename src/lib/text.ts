// Text a name or key must not hold. A lone surrogate is not Unicode: encoded as UTF-8 it
// becomes U+FFFD, so "s\ud800" and "s\udfff" would silently be one series. Control
// characters (NUL above all) are cut or mangled by drivers and terminals.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Text without control characters: the same rule as CONTROL, as a pattern a schema can document. */
export const CONTROL_FREE = /^[^\u0000-\u001f\u007f-\u009f]*$/;
const NUL = /\u0000/;
/** Text without NUL, as a pattern a schema can document. */
export const NUL_FREE = /^[^\u0000]*$/;

/** Why `text` cannot be a name, key or label; null when it can. */
export function nameIssue(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return "must not contain unpaired surrogates (not Unicode)";
  if (CONTROL.test(text)) return "must not contain control characters";
  return null;
}

/** Why `text` cannot be free text (a description): NUL and unpaired surrogates only. */
export function textIssue(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return "must not contain unpaired surrogates (not Unicode)";
  if (NUL.test(text)) return "must not contain NUL characters";
  return null;
}

/** A short, safe excerpt of user text for a message: at most `max` characters, JSON-quoted (control characters and surrogates escaped). */
export function excerpt(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut);
}
