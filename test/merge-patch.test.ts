import { describe, expect, test } from "vitest";
import { type JsonObject, mergePatch } from "../src/lib/merge-patch.ts";

describe("mergePatch (RFC 7396)", () => {
  // RFC 7396 Appendix A, the cases whose target and patch are objects (params always are).
  test.each([
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
    [{ a: "foo" }, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ] as [JsonObject, JsonObject, JsonObject][])("%j + %j = %j", (target, patch, expected) => {
    expect(mergePatch(target, patch)).toEqual(expected);
  });

  test("nested objects merge at every depth; untouched branches are kept", () => {
    const target = { model: { encoder: { layers: 6, dim: 512 }, decoder: { layers: 6 } }, lr: 0.1 };
    const patch = { model: { encoder: { dim: 768, dropout: 0.1 } } };
    expect(mergePatch(target, patch)).toEqual({ model: { encoder: { layers: 6, dim: 768, dropout: 0.1 }, decoder: { layers: 6 } }, lr: 0.1 });
  });

  test("arrays replace, never merge or append", () => {
    expect(mergePatch({ seeds: [1, 2, 3] }, { seeds: [4] })).toEqual({ seeds: [4] });
    expect(mergePatch({ seeds: [1, 2, 3] }, { seeds: [] })).toEqual({ seeds: [] });
  });

  test("an empty patch changes nothing; an empty target takes the patch minus its nulls", () => {
    const target = { a: 1, b: { c: 2 } };
    expect(mergePatch(target, {})).toEqual(target);
    expect(mergePatch({}, { a: 1, b: null, c: { d: null, e: 2 } })).toEqual({ a: 1, c: { e: 2 } });
  });

  test("falsy values other than null are values, not deletions", () => {
    expect(mergePatch({ a: 1, b: 1, c: 1, d: 1 }, { a: 0, b: false, c: "", d: {} })).toEqual({ a: 0, b: false, c: "", d: {} });
  });

  test("deleting a key that is not there is a no-op", () => {
    expect(mergePatch({ a: 1 }, { missing: null, nested: { also: null } })).toEqual({ a: 1, nested: {} });
  });

  test("neither the target nor the patch is modified", () => {
    const target = { a: { b: 1, c: [1, 2] }, d: "x" };
    const patch = { a: { b: null, e: { f: 1 } }, d: null };
    const targetCopy = structuredClone(target);
    const patchCopy = structuredClone(patch);
    const result = mergePatch(target, patch);
    expect(result).toEqual({ a: { c: [1, 2], e: { f: 1 } } });
    expect(target).toEqual(targetCopy);
    expect(patch).toEqual(patchCopy);
    // Changing the result later does not reach back into the target either.
    (result.a as JsonObject).g = 1;
    expect(target).toEqual(targetCopy);
  });

  test("a __proto__ key from parsed JSON does not pollute Object.prototype", () => {
    const patch = JSON.parse('{"__proto__": {"polluted": true}, "nested": {"__proto__": {"polluted": true}}}') as JsonObject;
    const result = mergePatch({ nested: {} }, patch);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(result))).not.toHaveProperty("polluted");
  });
});
