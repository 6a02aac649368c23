// Saved views of the runs table: request and response shapes. A view's state holds what the
// table keeps in its URL; the server checks the filter language in it (service.ts) so a saved
// view never opens on a syntax error.
import * as v from "valibot";
import { MAX_COLUMNS, MAX_FILTER_BYTES } from "../../filter/parse.ts";
import { RepoName, StrictObject } from "../../http/schemas.ts";

export const ViewName = v.pipe(
  v.string(),
  v.regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9 _.-]{0,62}[A-Za-z0-9_.-])?$/,
    "must be 1-64 characters of A-Z, a-z, 0-9, space, '_', '.' or '-', starting with a letter or digit and not ending with a space",
  ),
);
export const ViewParams = v.object({ repo: RepoName, name: ViewName });

export const ViewState = v.pipe(
  StrictObject({
    filter: v.optional(v.pipe(v.string(), v.maxLength(MAX_FILTER_BYTES, "must be at most 4,096 characters"), v.description("Run filter language"))),
    sort: v.optional(v.pipe(v.string(), v.maxLength(1024, "must be at most 1,024 characters"), v.description("As GET .../runs?sort="))),
    columns: v.optional(
      v.pipe(
        v.array(v.pipe(v.string(), v.maxLength(1024, "must be at most 1,024 characters"))),
        v.maxLength(MAX_COLUMNS, "at most 100 columns"),
        v.description("Column fields in filter syntax, in the table's order"),
      ),
    ),
    page_size: v.optional(v.picklist([25, 50, 100, 200])),
    archived: v.optional(v.pipe(v.boolean(), v.description("Archived runs shown"))),
  }),
  v.metadata({ ref: "ViewState" }),
);
export type ViewState = v.InferOutput<typeof ViewState>;

export const PutViewBody = StrictObject({ state: ViewState });

export const SavedView = v.pipe(
  v.object({ name: v.string(), state: ViewState, created_at: v.string(), updated_at: v.string() }),
  v.metadata({ ref: "SavedView" }),
);
export type SavedView = v.InferOutput<typeof SavedView>;
