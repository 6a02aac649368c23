import { describe, expect, test } from "vitest";
import { defaultLimits } from "../src/config.ts";
import { contextKey } from "../src/http/context-key.ts";
import { ApiError } from "../src/http/problems.ts";
import { parseContext } from "../src/lib/context.ts";

const limits = { maxContextKeys: defaultLimits.maxContextKeys, maxContextLength: defaultLimits.maxContextLength };

function problemOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return (err as ApiError).toProblem();
  }
  throw new Error("expected an ApiError");
}

describe("contextKey", () => {
  test("no context, null and {} are the same empty context", () => {
    expect(contextKey(undefined, limits)).toBe("{}");
    expect(contextKey(null, limits)).toBe("{}");
    expect(contextKey({}, limits)).toBe("{}");
  });

  test("key order does not matter: both spellings give the same text, keys sorted", () => {
    expect(contextKey({ b: 1, a: 2 }, limits)).toBe('{"a":2,"b":1}');
    expect(contextKey({ a: 2, b: 1 }, limits)).toBe('{"a":2,"b":1}');
    const many = { subset: "val", split: 3, augment: true, Z: "upper", _: "x", "10": 1, "9": 2 };
    const reversed = Object.fromEntries(Object.entries(many).reverse());
    expect(contextKey(reversed, limits)).toBe(contextKey(many, limits));
  });

  test('values keep their type: 1, "1" and true stay distinct', () => {
    const texts = [contextKey({ k: 1 }, limits), contextKey({ k: "1" }, limits), contextKey({ k: true }, limits)];
    expect(new Set(texts).size).toBe(3);
  });

  test("parseContext reads the canonical text back to an equal object", () => {
    const context = { subset: "val", split: 1, augment: false, ratio: 0.25 };
    expect(parseContext(contextKey(context, limits))).toEqual(context);
    expect(Object.keys(parseContext(contextKey({ b: 1, a: 2 }, limits)))).toEqual(["a", "b"]);
  });

  test("the key limit is inclusive: 16 keys pass, 17 are a 400 naming the path", () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(JSON.parse(contextKey(keys(16), limits))).toEqual(keys(16));
    const problem = problemOf(() => contextKey(keys(17), limits, "3.context"));
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([{ path: "3.context", message: expect.any(String) }]);
    expect(problemOf(() => contextKey(keys(17), limits)).errors![0].path).toBe("context");
    // A configured limit is honoured.
    expect(() => contextKey(keys(3), { maxContextKeys: 2, maxContextLength: 255 })).toThrow(ApiError);
  });

  test("non-finite numbers are a 400 naming the key", () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const problem = problemOf(() => contextKey({ ok: 1, bad }, limits, "ctx"));
      expect(problem.status).toBe(400);
      expect(problem.errors).toEqual([{ path: "ctx.bad", message: expect.any(String) }]);
    }
  });

  test("does not modify the caller's object", () => {
    const context = { b: 1, a: 2 };
    contextKey(context, limits);
    expect(Object.keys(context)).toEqual(["b", "a"]);
  });
});

test("a context key named __proto__ is kept, so it does not collapse into another context", () => {
  const withProto = JSON.parse('{"__proto__":"x","a":1}');
  expect(contextKey(withProto, limits)).toBe('{"__proto__":"x","a":1}');
  expect(contextKey(withProto, limits)).not.toBe(contextKey({ a: 1 }, limits));
});
