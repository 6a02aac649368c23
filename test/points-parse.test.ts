// Unit tests of the ingest body parser (src/api/metrics/parse-points.ts): what it accepts, how it normalises
// points, and how its errors name the offending point without quoting it.
import { describe, expect, test } from "vitest";
import { parsePointsJson, parsePointsNdjson } from "../src/api/metrics/parse-points.ts";
import { defaultLimits, type Limits } from "../src/config.ts";
import { ApiError } from "../src/http/problems.ts";

const NOW = 1_764_147_000.25;
const limits: Limits = { ...defaultLimits };

/** The ApiError `fn` throws. */
function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error("expected an ApiError, nothing was thrown");
}

const paths = (err: ApiError) => (err.errors ?? []).map((e) => e.path);

describe("parsePointsJson", () => {
  test("normalises points: canonical context, default epoch and time", () => {
    const { points, reopen } = parsePointsJson(
      {
        points: [
          { name: "loss", context: { subset: "train", fold: 2 }, step: 3, value: 0.41, epoch: 1, time: 1764147000.5 },
          { name: "loss", step: 4, value: 0.4 },
          { name: "acc", context: {}, step: 0, value: 1, epoch: null },
          { name: "acc", context: null, step: 1, value: 2 },
        ],
      },
      limits,
      NOW,
    );
    expect(reopen).toBe(false);
    expect(points).toEqual([
      { name: "loss", context: '{"fold":2,"subset":"train"}', step: 3, value: 0.41, epoch: 1, time: 1764147000.5 },
      { name: "loss", context: "{}", step: 4, value: 0.4, epoch: null, time: NOW },
      { name: "acc", context: "{}", step: 0, value: 1, epoch: null, time: NOW },
      { name: "acc", context: "{}", step: 1, value: 2, epoch: null, time: NOW },
    ]);
  });

  test("two spellings of one context give the same key; value types stay distinct", () => {
    const { points } = parsePointsJson(
      {
        points: [
          { name: "m", context: { b: 1, a: 2 }, step: 0, value: 1 },
          { name: "m", context: { a: 2, b: 1 }, step: 1, value: 1 },
          { name: "m", context: { b: 1, a: 2 }, step: 2, value: 1 },
          { name: "m", context: { a: "2", b: 1 }, step: 3, value: 1 },
          { name: "m", context: { a: true }, step: 4, value: 1 },
        ],
      },
      limits,
      NOW,
    );
    expect(points.map((p) => p.context)).toEqual(['{"a":2,"b":1}', '{"a":2,"b":1}', '{"a":2,"b":1}', '{"a":"2","b":1}', '{"a":true}']);
  });

  test('"NaN", "Infinity" and "-Infinity" become the numbers; other numbers pass unchanged', () => {
    const values = ["NaN", "Infinity", "-Infinity", -0, 5e-324, Number.MAX_VALUE, -1.5];
    const { points } = parsePointsJson({ points: values.map((value, step) => ({ name: "m", step, value })) }, limits, NOW);
    expect(points.map((p) => p.value)).toEqual([NaN, Infinity, -Infinity, -0, 5e-324, Number.MAX_VALUE, -1.5]);
    expect(Object.is(points[3].value, -0)).toBe(true);
  });

  test("reopen is read from the body; it must be a boolean", () => {
    expect(parsePointsJson({ points: [], reopen: true }, limits, NOW)).toEqual({ points: [], reopen: true });
    expect(parsePointsJson({ points: [], reopen: false }, limits, NOW).reopen).toBe(false);
    const err = apiError(() => parsePointsJson({ points: [], reopen: "true" }, limits, NOW));
    expect(err.status).toBe(400);
    expect(paths(err)).toEqual(["reopen"]);
  });

  test("steps: integers 0..2^53-1", () => {
    const ok = [0, 1, Number.MAX_SAFE_INTEGER];
    expect(parsePointsJson({ points: ok.map((step) => ({ name: "m", step, value: 1 })) }, limits, NOW).points.map((p) => p.step)).toEqual(ok);
    for (const step of [-1, 0.5, 2 ** 53, 2 ** 53 + 2, 1e300, Infinity, NaN, "1", null, true]) {
      const err = apiError(() => parsePointsJson({ points: [{ name: "m", step, value: 1 }] }, limits, NOW));
      expect(paths(err), String(step)).toEqual(["points.0.step"]);
    }
  });

  test("each invalid field is named by its path", () => {
    const cases: [unknown, string[]][] = [
      [{ step: 0, value: 1 }, ["points.0.name"]],
      [{ name: "m", value: 1 }, ["points.0.step"]],
      [{ name: "m", step: 0 }, ["points.0.value"]],
      [{ name: "", step: 0, value: 1 }, ["points.0.name"]],
      [{ name: "x".repeat(256), step: 0, value: 1 }, ["points.0.name"]],
      [{ name: ["m"], step: 0, value: 1 }, ["points.0.name"]],
      [{ name: "m", step: 0, value: "nan" }, ["points.0.value"]],
      [{ name: "m", step: 0, value: "-inf" }, ["points.0.value"]],
      [{ name: "m", step: 0, value: "0.5" }, ["points.0.value"]],
      [{ name: "m", step: 0, value: null }, ["points.0.value"]],
      [{ name: "m", step: 0, value: [1] }, ["points.0.value"]],
      [{ name: "m", step: 0, value: { v: 1 } }, ["points.0.value"]],
      [{ name: "m", step: 0, value: 1, epoch: -1 }, ["points.0.epoch"]],
      [{ name: "m", step: 0, value: 1, epoch: 1.5 }, ["points.0.epoch"]],
      [{ name: "m", step: 0, value: 1, epoch: 2 ** 53 }, ["points.0.epoch"]],
      [{ name: "m", step: 0, value: 1, epoch: "1" }, ["points.0.epoch"]],
      [{ name: "m", step: 0, value: 1, time: -0.5 }, ["points.0.time"]],
      [{ name: "m", step: 0, value: 1, time: null }, ["points.0.time"]],
      [{ name: "m", step: 0, value: 1, time: Infinity }, ["points.0.time"]],
      [{ name: "m", step: 0, value: 1, time: 1e20 }, ["points.0.time"]],
      [{ name: "m", step: 0, value: 1, context: { a: { b: 1 } } }, ["points.0.context.a"]],
      [{ name: "m", step: 0, value: 1, context: { a: [1] } }, ["points.0.context.a"]],
      [{ name: "m", step: 0, value: 1, context: { a: null } }, ["points.0.context.a"]],
      [{ name: "m", step: 0, value: 1, context: { a: NaN } }, ["points.0.context.a"]],
      [{ name: "m", step: 0, value: 1, context: ["a"] }, ["points.0.context"]],
      [{ name: "m", step: 0, value: 1, context: "a" }, ["points.0.context"]],
      [{ name: "m", step: 0, value: 1, context: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, i])) }, ["points.0.context"]],
      [{ name: "m", step: 0, value: 1, unit: "s" }, ["points.0.unit"]],
      [null, ["points.0"]],
      ["m", ["points.0"]],
      [[], ["points.0"]],
    ];
    for (const [point, expected] of cases) {
      const err = apiError(() => parsePointsJson({ points: [point] }, limits, NOW));
      expect(err.status).toBe(400);
      expect(paths(err), JSON.stringify(point)).toEqual(expected);
    }
  });

  test("limits come from the configuration", () => {
    const tight: Limits = { ...defaultLimits, maxNameLength: 4, maxContextKeys: 1, maxPointsPerRequest: 2 };
    expect(parsePointsJson({ points: [{ name: "abcd", context: { a: 1 }, step: 0, value: 1 }] }, tight, NOW).points).toHaveLength(1);
    expect(paths(apiError(() => parsePointsJson({ points: [{ name: "abcde", step: 0, value: 1 }] }, tight, NOW)))).toEqual(["points.0.name"]);
    expect(paths(apiError(() => parsePointsJson({ points: [{ name: "a", context: { a: 1, b: 2 }, step: 0, value: 1 }] }, tight, NOW)))).toEqual([
      "points.0.context",
    ]);
    const three = Array.from({ length: 3 }, (_, step) => ({ name: "m", step, value: 1 }));
    expect(apiError(() => parsePointsJson({ points: three }, tight, NOW)).status).toBe(413);
  });

  test("100,000 points pass; 100,001 are a 413 before any point is examined", () => {
    const point = { name: "m", step: 0, value: 1 };
    expect(parsePointsJson({ points: new Array(100_000).fill(point) }, limits, NOW).points).toHaveLength(100_000);
    // Every point is invalid, yet the count is what is reported.
    const err = apiError(() => parsePointsJson({ points: new Array(100_001).fill({}) }, limits, NOW));
    expect(err.status).toBe(413);
  });

  test("every bad point is reported, up to a cap, and nothing is returned", () => {
    const points = Array.from({ length: 30 }, (_, i) => ({ name: "m", step: i % 3 === 0 ? -1 : i, value: 1 }));
    const err = apiError(() => parsePointsJson({ points }, limits, NOW));
    expect(paths(err)).toEqual(Array.from({ length: 10 }, (_, i) => `points.${i * 3}.step`));
    const many = apiError(() => parsePointsJson({ points: new Array(1000).fill({ name: "m", step: -1, value: 1 }) }, limits, NOW));
    expect(many.errors!.length).toBeGreaterThanOrEqual(1);
    expect(many.errors!.length).toBeLessThanOrEqual(100);
    expect(many.message).toMatch(/invalid/);
  });

  test("the body must be an object holding a points array and nothing else", () => {
    const cases: [unknown, string][] = [
      [null, "body"],
      [[], "body"],
      ["points", "body"],
      [42, "body"],
      [{}, "points"],
      [{ points: {} }, "points"],
      [{ points: "[]" }, "points"],
      [{ points: [], extra: true }, "extra"],
    ];
    for (const [body, path] of cases) {
      const err = apiError(() => parsePointsJson(body, limits, NOW));
      expect(err.status, JSON.stringify(body)).toBe(400);
      expect(paths(err)).toEqual([path]);
    }
  });

  test("errors never quote the offending value", () => {
    const secret = "zz-secret-9f1c";
    const points = [
      { name: secret.padEnd(400, "!"), step: 0, value: 1 },
      { name: "m", step: secret, value: 1 },
      { name: "m", step: 0, value: secret },
      { name: "m", step: 0, value: 1, epoch: secret },
      { name: "m", step: 0, value: 1, time: secret },
      { name: "m", step: 0, value: 1, context: { k: [secret] } },
      { name: "m", step: 0, value: 1, context: secret },
    ];
    const err = apiError(() => parsePointsJson({ points }, limits, NOW));
    expect(err.errors).toHaveLength(7);
    expect(JSON.stringify(err.toProblem())).not.toContain(secret);
    expect(JSON.stringify(apiError(() => parsePointsJson({ points: [], reopen: secret }, limits, NOW)).toProblem())).not.toContain(secret);
  });
});

describe("parsePointsNdjson", () => {
  test("one point per line; blank lines, CRLF, surrounding spaces and a trailing newline are fine", () => {
    const text = [
      '{"name":"m","step":0,"value":1}',
      "",
      '  {"name":"m","step":1,"value":"NaN","epoch":2}  ',
      "\t",
      '{"name":"m","context":{"b":1,"a":2},"step":2,"value":3,"time":5}',
      "",
    ].join("\r\n");
    expect(parsePointsNdjson(text, limits, NOW)).toEqual([
      { name: "m", context: "{}", step: 0, value: 1, epoch: null, time: NOW },
      { name: "m", context: "{}", step: 1, value: NaN, epoch: 2, time: NOW },
      { name: "m", context: '{"a":2,"b":1}', step: 2, value: 3, epoch: null, time: 5 },
    ]);
    expect(parsePointsNdjson('{"name":"m","step":0,"value":1}', limits, NOW)).toHaveLength(1);
    expect(parsePointsNdjson("", limits, NOW)).toEqual([]);
    expect(parsePointsNdjson("\n\r\n\n", limits, NOW)).toEqual([]);
  });

  test("errors name the 1-based line number, counting blank lines", () => {
    const text = [
      '{"name":"m","step":0,"value":1}',
      "",
      '{"name":"m","step":1,"value":',
      '{"name":"m","step":-2,"value":1}',
      "[1]",
      '{"name":"m","step":3,"value":1,"x":0}',
    ].join("\n");
    const err = apiError(() => parsePointsNdjson(text, limits, NOW));
    expect(err.status).toBe(400);
    expect(paths(err)).toEqual(["line 3", "line 4.step", "line 5", "line 6.x"]);
    // CRLF line endings are counted the same.
    expect(paths(apiError(() => parsePointsNdjson('{"name":"m","step":0,"value":1}\r\n\r\n{bad}\r\n', limits, NOW)))).toEqual(["line 3"]);
  });

  test("more points than the limit is a 413; blank lines do not count", () => {
    const tight: Limits = { ...defaultLimits, maxPointsPerRequest: 3 };
    const line = '{"name":"m","step":0,"value":1}';
    expect(parsePointsNdjson([line, "", line, "", line, ""].join("\n"), tight, NOW)).toHaveLength(3);
    expect(apiError(() => parsePointsNdjson([line, line, line, line].join("\n"), tight, NOW)).status).toBe(413);
  });

  test("a malformed line never quotes its content", () => {
    const secret = "zz-secret-77aa";
    const err = apiError(() => parsePointsNdjson(`{"name":"${secret}\n{"name":"m","step":0,"value":"${secret}"}`, limits, NOW));
    expect(paths(err)).toEqual(["line 1", "line 2.value"]);
    expect(JSON.stringify(err.toProblem())).not.toContain(secret);
  });
});

test("consecutive points with different contexts keep their own series, whatever the key order", () => {
  const contexts = [{ a: 1 }, { a: 2 }, { a: 2, b: true }, { b: true, a: 2 }, { a: 2 }, {}, { a: "2" }, { a: 1 }];
  const { points } = parsePointsJson({ points: contexts.map((context, step) => ({ name: "m", context, step, value: 0 })) }, defaultLimits, 0);
  expect(points.map((p) => p.context)).toEqual(['{"a":1}', '{"a":2}', '{"a":2,"b":true}', '{"a":2,"b":true}', '{"a":2}', "{}", '{"a":"2"}', '{"a":1}']);
});
