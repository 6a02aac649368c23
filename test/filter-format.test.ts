// formatField writes a field as filter text that parses back to the same field, whatever
// its names, keys and context values (quoted where the bare form would not survive).
import fc from "fast-check";
import { expect, test } from "vitest";
import { formatField } from "../src/filter/format.ts";
import { AGGREGATIONS, BUILTIN_FIELDS, type Field, parseColumns } from "../src/filter/parse.ts";

const text = fc.oneof(fc.constantFrom("lr", "train.loss", "a b", "x,y", 'q"t', "10", "é", "{}", "last", "a.min"), fc.string({ minLength: 1, maxLength: 8 }));
const contextValue = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -1000, max: 1000 }),
  // -0 is written 0, in filter text as in JSON: a context cannot hold it.
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
  fc.boolean(),
);
const context = fc
  .uniqueArray(fc.record({ key: text, value: contextValue }), { selector: (e) => e.key, maxLength: 3 })
  .map((entries) => entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
const field: fc.Arbitrary<Field> = fc.oneof(
  fc.constantFrom(...BUILTIN_FIELDS).map((name) => ({ kind: "builtin" as const, name, start: 0, end: 0 })),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((path) => ({ kind: "param" as const, path, start: 0, end: 0 })),
  text.map((label) => ({ kind: "tag" as const, label, start: 0, end: 0 })),
  text.map((key) => ({ kind: "keyValueTag" as const, key, start: 0, end: 0 })),
  fc.record({ name: text, context }).map((v) => ({ kind: "value" as const, ...v, start: 0, end: 0 })),
  fc.record({ name: text, context, agg: fc.constantFrom(...AGGREGATIONS) }).map((m) => ({ kind: "metric" as const, ...m, start: 0, end: 0 })),
);
const withoutSpans = (f: Field) => ({ ...f, start: 0, end: 0 });

test("parse(formatField(f)) is f, and a list of them parses back as columns", () => {
  fc.assert(
    fc.property(fc.array(field, { minLength: 1, maxLength: 4 }), (fields) => {
      const texts = fields.map(formatField);
      const columns = parseColumns(texts.join(", "));
      expect(columns.map((c) => withoutSpans(c.field))).toEqual(fields.map(withoutSpans));
      expect(columns.map((c) => c.text)).toEqual(texts);
    }),
    { numRuns: 500 },
  );
});

test("bare where the bare form reads back, quoted otherwise", () => {
  expect(formatField({ kind: "metric", name: "train.loss", context: [], agg: "min", start: 0, end: 0 })).toBe("metrics.train.loss.min");
  expect(formatField({ kind: "value", name: "acc", context: [{ key: "subset", value: "test" }], start: 0, end: 0 })).toBe('values.acc{subset: "test"}');
  expect(formatField({ kind: "param", path: ["lr schedule", "warmup"], start: 0, end: 0 })).toBe('params."lr schedule".warmup');
  expect(formatField({ kind: "keyValueTag", key: "mlflow.user", start: 0, end: 0 })).toBe("tag_values.mlflow.user");
  expect(formatField({ kind: "keyValueTag", key: "a b", start: 0, end: 0 })).toBe('tag_values."a b"');
});
