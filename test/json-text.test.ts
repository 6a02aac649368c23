// JSON text that keeps -0 (src/lib/json.ts): the same text as JSON.stringify except every -0
// written -0.0, by either path (JSON.rawJSON, or the writer used where it is missing).
import fc from "fast-check";
import { expect, test } from "vitest";
import { holdsNegativeZero, jsonText, jsonTextKeepingNegativeZero, jsonTextWritten } from "../src/lib/json.ts";

const { tree } = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(-0, 0, -1, 1e21, 5e-324),
    fc.string({ unit: "binary" }), // lone surrogates included: JSON.stringify escapes them
    fc.boolean(),
    fc.constant(null),
  ),
  tree: fc.oneof({ depthSize: "small" }, tie("leaf"), fc.array(tie("tree")), fc.dictionary(fc.string(), tie("tree"))),
}));

test("the text parses back to the same value, -0 included, and is JSON.stringify's but for -0", () => {
  fc.assert(
    fc.property(tree, (value) => {
      const text = jsonTextKeepingNegativeZero(value);
      expect(JSON.parse(text)).toEqual(value); // toEqual tells -0 from 0
      expect(jsonTextWritten(value)).toBe(text);
      expect(text.replaceAll("-0.0", "0")).toBe(JSON.stringify(value).replaceAll("-0.0", "0"));
      expect(jsonText(value)).toBe(holdsNegativeZero(value) ? text : JSON.stringify(value));
    }),
    { numRuns: 500 },
  );
});

test("-0 is found at any depth and written as -0.0; 0 is left alone", () => {
  expect(holdsNegativeZero({ a: [1, { b: [0, "x", null] }] })).toBe(false);
  expect(holdsNegativeZero({ a: [1, { b: [0, -0] }] })).toBe(true);
  expect(jsonText({ a: [-0, 0], b: { c: -0 }, d: "-0" })).toBe('{"a":[-0.0,0],"b":{"c":-0.0},"d":"-0"}');
  expect(jsonTextWritten([undefined, () => 1, -0])).toBe(JSON.stringify([undefined, () => 1, 0]).replace(/0\]$/, "-0.0]"));
  expect(jsonTextWritten({ a: undefined, b: -0 })).toBe('{"b":-0.0}');
});
