// The chunk form of appended log lines: {stream, first_seq, time, text}, where text is lines
// joined by "\n" and split back on every "\n":
//
//   "a\nb"   -> lines "a" (seq first_seq), "b" (first_seq + 1)
//   "a\nb\n" -> "a", "b", "" (a trailing "\n" starts one more line, an empty one)
//   ""       -> one empty line
//
// so a chunk holds at least one line, and its lines are exactly text.split("\n"): a client
// joins its lines with "\n" (Python's "\n".join, JavaScript's join("\n")) and escapes one
// string per chunk instead of writing a JSON object per line. Every line of a chunk has the
// chunk's stream and time, and the same rules as a line of the lines form; a line breaking one
// is reported on the chunk's text, counting lines from 1.
import { MAX_TEXT_LENGTH } from "../../http/schemas.ts";
import { loneSurrogateAt } from "../../lib/text.ts";

/** How many lines a chunk's text holds (one more than its newlines). */
export function chunkLineCount(text: string): number {
  let count = 1;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/**
 * Why a chunk's text cannot be stored as lines, naming the first line (from 1) that breaks a
 * rule: too long, holding NUL, or an unpaired surrogate (a "\n" cannot split a surrogate
 * pair, so the whole text is searched once). Past `maxLines` lines it stops looking, so a
 * text of a million empty lines costs no more than that. Null when the text is fine.
 */
export function chunkTextIssue(text: string, maxLines: number): string | null {
  let line = 1;
  for (let start = 0; ; line++) {
    if (line > maxLines) return `must hold at most ${maxLines.toLocaleString("en-US")} lines`;
    const end = text.indexOf("\n", start);
    if ((end < 0 ? text.length : end) - start > MAX_TEXT_LENGTH) return `line ${line} must be at most 65,536 characters`;
    if (end < 0) break;
    start = end + 1;
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) return `line ${lineAt(text, nul)} must not contain NUL characters`;
  const lone = loneSurrogateAt(text);
  if (lone >= 0) return `line ${lineAt(text, lone)} must not contain unpaired surrogates (not Unicode)`;
  return null;
}

function lineAt(text: string, index: number): number {
  return chunkLineCount(text.slice(0, index));
}
