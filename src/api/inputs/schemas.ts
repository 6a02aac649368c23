// Request and response shapes of a run's dataset inputs. Types come from these schemas. The
// lengths are MLflow's (mlflow/utils/validation.py), so every input runcamp keeps can also be
// given to the mlflow client, and every input the mlflow client logs is kept.
import * as v from "valibot";
import { freeTextRule, maxCodePoints, nameRule, StrictObject } from "../../http/schemas.ts";

export const INPUT_LIMITS = {
  perRequest: 1000,
  name: 500,
  digest: 36,
  sourceType: 255,
  source: 65535,
  schema: 1048575,
  profile: 16777215,
  tagKey: 255,
  tagValue: 500,
  tags: 100,
} as const;

/** The input tag MLflow names a dataset's use with. */
export const CONTEXT_TAG = "mlflow.data.context";

const L = INPUT_LIMITS;
// Characters as MLflow counts them (Python's len: code points).
const within = (max: number) => maxCodePoints(max, `must be at most ${max.toLocaleString("en-US")} characters`);
export const InputName = v.pipe(v.string(), v.minLength(1, "must not be empty"), within(L.name), ...nameRule);
export const InputDigest = v.pipe(v.string(), v.minLength(1, "must not be empty"), within(L.digest), ...nameRule);
export const InputText = (max: number) => v.pipe(v.string(), within(max), ...freeTextRule);
const TagKey = v.pipe(v.string(), v.minLength(1, "must not be empty"), within(L.tagKey), ...nameRule);
export const InputContext = v.pipe(
  InputText(L.tagValue),
  v.description("The mlflow.data.context input tag: what the run used the data for (training, eval, ...)"),
);
/** The input tags besides the context, key to value. */
export const InputTags = v.pipe(
  v.unknown(),
  v.check((x) => !Array.isArray(x), "expected Object"),
  v.record(TagKey, InputText(L.tagValue)),
  v.check((tags) => Object.keys(tags).length <= L.tags, `at most ${L.tags} tags`),
  v.check((tags) => !(CONTEXT_TAG in tags), "must not hold mlflow.data.context: that is the context field"),
);

export const InputIn = v.pipe(
  StrictObject({
    name: InputName,
    digest: v.optional(
      v.pipe(
        InputDigest,
        v.description("Identifies the data's version; omitted: the first 8 hex digits of the SHA-256 of the source type, source, schema and profile"),
      ),
    ),
    source_type: v.optional(v.pipe(InputText(L.sourceType), v.description("Where the data lives, e.g. local, s3, http, hf_datasets, code"))),
    source: v.optional(v.pipe(InputText(L.source), v.description('Where to find it (MLflow: JSON text, e.g. {"uri": "s3://bucket/train.csv"})'))),
    schema: v.optional(
      v.pipe(InputText(L.schema), v.description('Its columns (MLflow: JSON text, e.g. {"mlflow_colspec": [{"name": "x", "type": "double"}]})')),
    ),
    profile: v.optional(v.pipe(InputText(L.profile), v.description('Its summary statistics (MLflow: JSON text, e.g. {"num_rows": 100})'))),
    context: v.optional(InputContext),
    tags: v.optional(InputTags),
  }),
  v.metadata({ ref: "RunInputIn" }),
);
export type InputIn = v.InferOutput<typeof InputIn>;

export const PostInputsBody = v.pipe(v.array(InputIn), v.maxLength(L.perRequest, `at most ${L.perRequest} inputs per request`));

export const InputView = v.pipe(
  v.object({
    name: v.string(),
    digest: v.string(),
    source_type: v.string(),
    source: v.string(),
    schema: v.nullable(v.string()),
    profile: v.nullable(v.string()),
    context: v.nullable(v.string()),
    tags: v.record(v.string(), v.string()),
  }),
  v.metadata({ ref: "RunInput" }),
);
export type InputView = v.InferOutput<typeof InputView>;

export const InputsResult = v.object({ items: v.array(InputView) });
