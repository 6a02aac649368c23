// RFC 7396 JSON merge patch: objects merge recursively, null deletes a key, anything else
// replaces. It is how PATCH updates params without resending the whole tree.
export type JsonObject = { [key: string]: unknown };

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

// Results have no prototype, so a key named "__proto__" is stored as data like any other.
export function mergePatch(target: JsonObject, patch: JsonObject): JsonObject {
  const result: JsonObject = Object.assign(Object.create(null), target);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (isObject(value)) result[key] = mergePatch(isObject(result[key]) ? result[key] : {}, value);
    else result[key] = value;
  }
  return result;
}
