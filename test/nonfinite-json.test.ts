// The tolerant reading of bare NaN/Infinity/-Infinity (src/lib/nonfinite-json.ts): each token
// where a value stands becomes its string form; nothing else in the text changes, and a text
// that stays invalid fails with JSON.parse's error.
import { describe, expect, test } from "vitest";
import { parseJsonAllowingNonFinite, quoteBareNonFinite } from "../src/lib/nonfinite-json.ts";

describe("bare non-finite tokens", () => {
  test("Python's json.dumps output reads as the API's string forms", () => {
    const text =
      '{"points": [{"name": "loss", "step": 0, "value": NaN}, {"name": "loss", "step": 1, "value": Infinity}, {"name": "loss", "step": 2, "value":-Infinity}]}';
    expect(parseJsonAllowingNonFinite(text)).toEqual({
      points: [
        { name: "loss", step: 0, value: "NaN" },
        { name: "loss", step: 1, value: "Infinity" },
        { name: "loss", step: 2, value: "-Infinity" },
      ],
    });
    expect(parseJsonAllowingNonFinite("[NaN,Infinity,-Infinity,\n\tNaN ]")).toEqual(["NaN", "Infinity", "-Infinity", "NaN"]);
    expect(parseJsonAllowingNonFinite("NaN")).toBe("NaN");
    expect(parseJsonAllowingNonFinite('{"values": [1, NaN, -1.5e3, -Infinity]}')).toEqual({ values: [1, "NaN", -1500, "-Infinity"] });
  });

  test("tokens inside strings, escaped quotes and all, are left as they are", () => {
    const text = String.raw`{"name": "NaN, Infinity", "note": "a \" NaN \\", "v": NaN, "w": "\\\" Infinity"}`;
    expect(parseJsonAllowingNonFinite(text)).toEqual({ name: "NaN, Infinity", note: 'a " NaN \\', v: "NaN", w: '\\" Infinity' });
  });

  test.each([
    ['{"v": NaNx}'],
    ['{"v": -NaN}'],
    ['{"v": +Infinity}'],
    ['{"v": nan}'],
    ['{"v": Inf}'],
    ['{"v": InfinityInfinity}'],
    ['{"v": NaN NaN}'],
    ["{NaN: 1}"],
    ['{"a": 1, NaN: 2}'],
    ['{"v": "NaN}'],
    ["NaN,"],
    ['{"v": 1NaN}'],
    ["[NaN"],
  ])("%s stays invalid, with JSON.parse's own error", (text) => {
    let strict: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      strict = e;
    }
    expect(strict).toBeInstanceOf(SyntaxError);
    expect(() => parseJsonAllowingNonFinite(text)).toThrow((strict as Error).message);
  });

  test("a text without bare tokens is not rewritten", () => {
    expect(quoteBareNonFinite('{"v": "NaN", "w": [1, 2]}')).toBeNull();
    expect(quoteBareNonFinite('{"v": 1,}')).toBeNull();
  });

  test("a huge body is scanned in one linear pass", () => {
    const points = Array.from({ length: 100_000 }, (_, i) => `{"name":"loss \\"NaN\\"","step":${i},"value":${i % 3 ? i : "NaN"}}`);
    const text = `{"points":[${points.join(",")}]}`;
    const started = performance.now();
    const body = parseJsonAllowingNonFinite(text) as { points: { value: unknown }[] };
    expect(performance.now() - started).toBeLessThan(2000);
    expect(body.points).toHaveLength(100_000);
    expect(body.points[3].value).toBe("NaN");
    expect(body.points[4].value).toBe(4);
  });
});
