// Cells of the CSV files the server writes (RFC 4180: fields quoted when they hold a comma,
// a quote or a line break; lines end in CRLF), safe to open in a spreadsheet.
//
// Spreadsheets evaluate a cell that starts with =, +, -, @, tab or CR as a formula, so a
// param logged as =HYPERLINK("http://evil.example","x") would become a live link in a
// campaign's summary. A text cell starting with one of them gets a leading ' (OWASP's rule
// against CSV injection): the spreadsheet shows the text as written. Whether a cell is text
// or a number follows the type of the value it comes from, never its look: the number -0.5
// is written bare, the string "-0.5" as '-0.5.
import { canonicalJson, type Json } from "./json.ts";
import type { WireNumber } from "./numbers.ts";

const FORMULA_START = /^[=+\-@\t\r]/;

// Outer spaces are quoted too: some readers trim unquoted fields.
const quoted = (field: string) => (/[",\r\n]/.test(field) || field !== field.trim() ? `"${field.replace(/"/g, '""')}"` : field);

/** A text cell: neutralised when a spreadsheet would run it as a formula, quoted as needed. */
export const csvText = (text: string) => quoted(FORMULA_START.test(text) ? `'${text}` : text);

/**
 * A number cell: bare, whatever its sign. NaN and ±Infinity are written as their wire names
 * (the server's own words, not user text); null is an empty cell.
 */
export const csvNumber = (x: WireNumber | null | undefined) => (x === null || x === undefined ? "" : String(x));

/** A cell for a JSON value, by its type: strings as text, numbers bare, objects and arrays as (text) JSON. */
export function csvJson(value: Json | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return csvText(value);
  if (typeof value === "number") return csvNumber(value);
  if (typeof value === "boolean") return String(value);
  return csvText(canonicalJson(value));
}

/** The file from its lines of encoded cells: comma-separated, each line ended by CRLF. */
export const csvFile = (lines: readonly (readonly string[])[]) => lines.map((cells) => `${cells.join(",")}\r\n`).join("");
