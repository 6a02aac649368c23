// Shapes that more than one resource uses: identifiers, names, free-form JSON, contexts,
// pages. A schema with a `ref` becomes a named component of openapi.yaml, so generated
// clients get one model for it instead of one per operation.
import * as v from "valibot";
import { defaultLimits } from "../config.ts";
import { RUN_STATUSES } from "../lib/run-status.ts";
import { CONTROL_FREE, NUL_FREE, surrogateIssue } from "../lib/text.ts";

export const RepoName = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit"),
);
export const ResourceId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'"));
// Names and labels may not hold control characters or unpaired surrogates (src/lib/text.ts);
// free text may not hold NUL or unpaired surrogates. Control characters and NUL are regexes,
// so that the spec states the rule as a pattern; surrogate pairing has no portable pattern,
// so it is a check of its own.
const controlFree = v.regex(CONTROL_FREE, "must not contain control characters");
const unicode = v.rawCheck<string>(({ dataset, addIssue }) => {
  const issue = dataset.typed ? surrogateIssue(dataset.value) : null;
  if (issue) addIssue({ message: issue });
});
/** The characters of a name, key or label, for a string schema to spread after its lengths (the MLflow dialect's have their own). */
export const nameRule = [controlFree, unicode] as const;
/** The characters of free text (descriptions, MLflow tag values): no NUL, no unpaired surrogates. */
export const freeTextRule = [v.regex(NUL_FREE, "must not contain NUL characters"), unicode] as const;
export const Name = v.pipe(
  v.string(),
  v.minLength(1, "must not be empty"),
  v.maxLength(defaultLimits.maxNameLength, `must be at most ${defaultLimits.maxNameLength} characters`),
  ...nameRule,
);
/**
 * v.maxLength counted in code points, as JSON Schema's maxLength counts (and Python's len, so
 * MLflow's limits): a character outside the BMP is one, where v.maxLength counts its two UTF-16
 * units. The OpenAPI document shows it as the maxLength it is (the generator reads the action's
 * type and requirement).
 */
export function maxCodePoints<M extends string>(max: number, message: M) {
  const units = v.maxLength<string, number, M>(max, message);
  return {
    ...units,
    "~run"(dataset: Parameters<(typeof units)["~run"]>[0], config: Parameters<(typeof units)["~run"]>[1]) {
      // Past max units but not past max code points: within.
      if (dataset.typed && dataset.value.length > max && [...dataset.value].length <= max) return dataset;
      return units["~run"](dataset, config);
    },
  };
}

/** The most characters (UTF-16 units) of free text, a log line's among them. */
export const MAX_TEXT_LENGTH = 65_536;
export const Text = v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH, "must be at most 65,536 characters"), ...freeTextRule);
export const ShortText = v.pipe(v.string(), v.maxLength(255, "must be at most 255 characters"), ...nameRule);
export const Tag = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.:/-]{1,128}$/, "must be 1-128 characters of A-Z, a-z, 0-9, '_', '.', ':', '/' or '-'"));
// valibot's record() accepts an array and turns [1,2] into {"0":1,"1":2}, so arrays are
// refused before it sees them. (The OpenAPI generator skips the check and keeps the record.)
const notArray = v.check((input: unknown) => !Array.isArray(input), "expected Object");
export const JsonObject = v.pipe(v.unknown(), notArray, v.record(v.string(), v.unknown()));
/** strictObject that refuses arrays too: valibot lets `[]` through an object whose keys are all optional. */
export const StrictObject = <E extends v.ObjectEntries>(entries: E) => v.pipe(v.unknown(), notArray, v.strictObject(entries));
export const Context = v.pipe(
  v.unknown(),
  notArray,
  v.record(
    v.pipe(v.string(), v.regex(CONTROL_FREE, "has a key that must not contain control characters")),
    v.union([v.pipe(v.string(), controlFree), v.number(), v.boolean()], "context values must be strings, numbers or booleans"),
  ),
  v.metadata({ ref: "Context" }),
);

/** JSON has no NaN or Infinity, so they travel as the strings "NaN", "Infinity", "-Infinity". */
export const WireNumber = v.pipe(v.union([v.number(), v.picklist(["NaN", "Infinity", "-Infinity"])]), v.metadata({ ref: "WireNumber" }));
export const Status = v.pipe(v.picklist(RUN_STATUSES), v.metadata({ ref: "RunStatus" }));

export const RepoParams = v.object({ repo: RepoName });
export const RunParams = v.object({ repo: RepoName, run: ResourceId });
export const CampaignParams = v.object({ repo: RepoName, campaign: ResourceId });

/**
 * A regex for the decimal integers from `min` (0 or 1) to `max`, without leading zeros, so the
 * documented pattern admits exactly the numbers the query parameter accepts.
 */
function integerPattern(min: 0 | 1, max: number): RegExp {
  const digits = String(max);
  const alternatives = min === 0 ? ["0"] : [];
  if (digits.length > 1) alternatives.push(`[1-9]\\d{0,${digits.length - 2}}`);
  for (let i = 0; i < digits.length; i++) {
    const low = i === 0 ? 1 : 0;
    const digit = Number(digits[i]);
    if (digit > low) alternatives.push(`${digits.slice(0, i)}[${low}-${digit - 1}]${i < digits.length - 1 ? `\\d{${digits.length - 1 - i}}` : ""}`);
  }
  alternatives.push(digits);
  return new RegExp(`^(?:${alternatives.join("|")})$`);
}

/** An integer query parameter from `min` to `max` (query strings are text). */
export const IntegerQuery = (max: number, min: 0 | 1 = 1) =>
  v.pipe(v.string(), v.regex(integerPattern(min, max), `must be an integer from ${min} to ${max}`), v.transform(Number));

/** Cursors are base64url text (src/http/cursor.ts): anything else was not issued by this server. */
export const Cursor = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.regex(/^[A-Za-z0-9_-]+$/, "must be a next_cursor this server issued"),
  v.description("next_cursor of the previous page"),
);

export const MAX_PAGE = 1000;
export const PageQuery = v.object({
  limit: v.optional(IntegerQuery(MAX_PAGE), "100"),
  cursor: v.optional(Cursor),
});

/** The list envelope, one named component per item kind (e.g. RunPage). */
export const Page = <S extends v.GenericSchema>(item: S, name: string) =>
  v.pipe(v.object({ items: v.array(item), next_cursor: v.nullable(v.string()) }), v.metadata({ ref: name }));
