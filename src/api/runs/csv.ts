// The runs table as CSV (GET .../runs with Accept: text/csv): every run the filter matches,
// in the sort's order, one line per run. The fixed columns come first (what the web UI's
// table always shows), then each requested column under its text as requested (params.lr,
// metrics.loss{subset:"val"}.min), with the same values the JSON listing's `columns` carry.
// A requested column named like a fixed one (`name`, `status`) is not written twice. A value
// or series column's NaN and ±Infinity (the wire's "NaN", "Infinity", "-Infinity") are numbers,
// written bare; the same text in a param is the user's text, neutralised.
//
// The runs are read page by page through the search itself (keyset pages, so none is skipped
// or repeated) and written as each page arrives: a 100,000-run repo never sits in memory
// whole. The first page is read before the response starts, so a bad filter, sort or column
// is still a 400 rather than a broken file. Cells by src/lib/csv.ts (quoting, formulas
// neutralised).
import type { Deps } from "../../deps.ts";
import type { Column } from "../../filter/parse.ts";
import { badRequest } from "../../http/problems.ts";
import { csvFile, csvJson, csvNumber, csvText } from "../../lib/csv.ts";
import type { Json } from "../../lib/json.ts";
import type { WireNumber } from "../../lib/numbers.ts";
import { parseColumnsParam } from "./columns.ts";
import type { ListRunsOptions, RunListItem } from "./schemas.ts";
import { listRuns } from "./search.ts";

const FIXED_COLUMNS = ["id", "name", "status", "experiment", "campaign", "tags", "created_at", "ended_at"] as const;
// Runs read per query: the API's largest page.
const CSV_PAGE = 1000;

const NON_FINITE = new Set(["NaN", "Infinity", "-Infinity"]);

function columnCell(column: Column, value: unknown): string {
  const numeric = column.field.kind === "metric" || column.field.kind === "value";
  if (numeric && typeof value === "string" && NON_FINITE.has(value)) return csvNumber(value as WireNumber);
  return csvJson(value as Json);
}

function fixedCell(run: RunListItem, column: (typeof FIXED_COLUMNS)[number]): string {
  if (column === "tags") return csvText(run.tags.join(" "));
  return csvJson(run[column]);
}

export async function runsCsv(deps: Deps, repo: string, options: ListRunsOptions): Promise<ReadableStream<Uint8Array>> {
  if (options.cursor !== undefined)
    throw badRequest("A CSV holds every matching run: it takes no cursor.", [{ path: "cursor", message: "not accepted with Accept: text/csv" }]);
  const fixed = new Set<string>(FIXED_COLUMNS);
  const requested = options.columns === undefined || options.columns.trim() === "" ? [] : parseColumnsParam(options.columns);
  const extra = [...new Map(requested.filter((c) => !fixed.has(c.text)).map((c) => [c.text, c])).values()];
  const search = { ...options, limit: CSV_PAGE, provenance: "false" as const };
  let page = await listRuns(deps, repo, search);
  const encoder = new TextEncoder();
  const lines = (items: RunListItem[]) =>
    encoder.encode(csvFile(items.map((run) => [...FIXED_COLUMNS.map((c) => fixedCell(run, c)), ...extra.map((c) => columnCell(c, run.columns?.[c.text]))])));
  let header = true;
  return new ReadableStream({
    async pull(controller) {
      if (header) {
        header = false;
        controller.enqueue(encoder.encode(csvFile([[...FIXED_COLUMNS, ...extra.map((c) => c.text)].map(csvText)])));
      }
      controller.enqueue(lines(page.items));
      if (page.next_cursor === null) controller.close();
      else page = await listRuns(deps, repo, { ...search, cursor: page.next_cursor });
    },
  });
}
