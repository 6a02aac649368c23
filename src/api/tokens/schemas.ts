// Request and response shapes of the token routes. Types come from these schemas.
import * as v from "valibot";
import { RepoName, ShortText, StrictObject } from "../../http/schemas.ts";
import { TOKEN_SCOPES } from "../../lib/scopes.ts";

const Scope = v.pipe(
  v.picklist(TOKEN_SCOPES),
  v.description("read: GET only; write: also create, change and delete runs, values, series and campaigns; admin: also tokens and deleting repos"),
);

export const TokenView = v.pipe(
  v.object({
    id: v.string(),
    name: v.string(),
    scope: Scope,
    repo: v.pipe(v.nullable(v.string()), v.description("The one repo the token may use; null: every repo")),
    created_at: v.string(),
    expires_at: v.nullable(v.string()),
    last_used_at: v.pipe(v.nullable(v.string()), v.description("Updated at most once a minute")),
  }),
  v.metadata({ ref: "Token" }),
);
export type TokenView = v.InferOutput<typeof TokenView>;

export const IssuedTokenView = v.pipe(
  v.object({ ...TokenView.entries, token: v.pipe(v.string(), v.description("The secret: shown this once, stored only as its SHA-256")) }),
  v.metadata({ ref: "IssuedToken" }),
);
export type IssuedTokenView = v.InferOutput<typeof IssuedTokenView>;

export const CreateTokenBody = StrictObject({
  name: v.optional(ShortText),
  scope: Scope,
  repo: v.optional(RepoName),
  expires_at: v.optional(v.pipe(v.string(), v.isoTimestamp("must be an ISO 8601 date-time with an offset, e.g. 2027-01-31T00:00:00Z"))),
});
export type CreateTokenInput = v.InferOutput<typeof CreateTokenBody>;

export const TokenParams = v.object({ id: v.pipe(v.string(), v.regex(/^[0-9a-f]{24}$/, "must be a token id (24 hex characters)")) });
