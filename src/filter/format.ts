// Fields written back as filter text, so that parseFilter/parseColumns read them as the same
// field: a column chooser can offer `values.acc{subset:"test"}` for a stored value.
import type { ContextEntry, Field } from "./parse.ts";

const PARAM_KEY = /^[A-Za-z0-9_-]+$/;
// Names may hold dots unquoted, but not a leading/trailing/double dot.
const NAME = /^[A-Za-z0-9_/-]+(\.[A-Za-z0-9_/-]+)*$/;
const CONTEXT_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

const quoted = (text: string) => JSON.stringify(text);
const name = (text: string) => (NAME.test(text) ? text : quoted(text));

function context(entries: readonly ContextEntry[]): string {
  if (!entries.length) return "";
  return `{${entries.map((e) => `${CONTEXT_KEY.test(e.key) ? e.key : quoted(e.key)}: ${typeof e.value === "string" ? quoted(e.value) : String(e.value)}`).join(", ")}}`;
}

export function formatField(field: Field): string {
  switch (field.kind) {
    case "builtin":
      return field.name;
    case "param":
      return `params.${field.path.map((key) => (PARAM_KEY.test(key) ? key : quoted(key))).join(".")}`;
    case "tag":
      return `tags.${name(field.label)}`;
    case "keyValueTag":
      return `tag_values.${name(field.key)}`;
    case "value":
      return `values.${name(field.name)}${context(field.context)}`;
    case "metric":
      return `metrics.${name(field.name)}${context(field.context)}.${field.agg}`;
    case "paramText":
    case "tagValue":
    case "runId":
      throw new Error(`${field.kind} fields have no runcamp filter text (MLflow dialect only)`);
  }
}
