// The start of a CSV artifact as table rows, parsed by papaparse (quoted commas, line breaks
// and doubled quotes inside fields, CRLF). The UI reads only the first bytes of a large file,
// so the parse must not show a row that the cut left unfinished.
import Papa from "papaparse";

/** Rows shown (below the header). */
export const CSV_PREVIEW_ROWS = 100;

export interface CsvRows {
  header: string[];
  rows: string[][];
  /** Rows of the file (below the header) when all of it was read, else null. */
  total: number | null;
  /** The parser's complaints about a whole file (at most three). */
  errors: string[];
}

/** Parses `bytes`, the start of a CSV file (`complete` when it is all of it); the first row is the header. */
export function parseCsvPreview(bytes: Uint8Array, complete: boolean): CsvRows {
  let text = new TextDecoder().decode(bytes);
  if (!complete) text = text.slice(0, text.lastIndexOf("\n") + 1);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  // The delimiter is guessed (a ';' file reads too); a one-column file leaves nothing to guess from.
  const problems = parsed.errors.filter((e) => e.type !== "Delimiter");
  let data = parsed.data;
  // Cut inside a quoted field, the last row is what remains of it: not a row of the file.
  if (!complete && problems.some((e) => e.row === data.length - 1)) data = data.slice(0, -1);
  const [header = [], ...rows] = data;
  const errors = complete ? problems.slice(0, 3).map((e) => `row ${(e.row ?? 0) + 1}: ${e.message}`) : [];
  return { header, rows: rows.slice(0, CSV_PREVIEW_ROWS), total: complete ? rows.length : null, errors };
}
