// The explorers' arithmetic (web/src/charts/field-axis.ts, brushes.ts, trend.ts): which columns
// are numeric, where a missing value goes (nowhere), log axes, brushes from a drag and back
// from the URL, and the least-squares line against its textbook values.
import fc from "fast-check";
import { expect, test } from "vitest";
import { brushesText, brushFromDrag, matchesAll, parseBrushes } from "../web/src/charts/brushes.ts";
import { axisFor, numericAxis } from "../web/src/charts/field-axis.ts";
import { leastSquares } from "../web/src/charts/trend.ts";

test("numbers (with the wire's non-finite strings) make a numeric axis; anything else a categorical one", () => {
  expect(axisFor("a", [1, 2, null, "NaN"]).kind).toBe("numeric");
  expect(axisFor("a", [1, "x"]).kind).toBe("categorical");
  expect(axisFor("a", [true, false]).kind).toBe("categorical");
  const cat = axisFor("a", ["lr10", "lr2", null, "lr2"]);
  expect(cat.kind === "categorical" && cat.categories).toEqual(["lr2", "lr10"]);
  expect(cat.missing).toBe(1);
});

test("a missing or non-finite value has no place on the axis, and does not stretch it to 0", () => {
  const axis = axisFor("a", [0.6, 0.8, null, "Infinity"]);
  expect(axis.pos(null)).toBeNull();
  expect(axis.pos("Infinity")).toBeNull();
  expect(axis.pos(0.6)).toBe(0);
  expect(axis.pos(0.8)).toBe(1);
  expect(axis.missing).toBe(2);
  expect(axis.kind === "numeric" && axis.min).toBe(0.6);
});

test("a log axis places powers of ten evenly and leaves out values ≤ 0", () => {
  const axis = numericAxis("lr", [1e-4, 1e-3, 1e-2, 0, -1], true);
  expect(axis.pos(1e-3)).toBeCloseTo(0.5);
  expect(axis.pos(0)).toBeNull();
  expect(axis.missing).toBe(2);
  expect(axis.ticks.map((t) => t.label)).toEqual(["1e-4", "0.001", "0.01"]);
  expect(axis.valueAt(0.5)).toBeCloseTo(1e-3);
});

test("a drag over a numeric axis brushes the values between its ends; on a categorical one the categories it covers", () => {
  const lr = axisFor("params.lr", [0, 10]);
  const aug = axisFor("params.aug", ["crop", "flip", "none"]);
  expect(brushFromDrag(lr, 0.8, 0.2)).toEqual([2, 8]);
  expect(brushFromDrag(aug, 0.4, 1.2)).toEqual(["flip", "none"]);
  expect(brushFromDrag(aug, 0.1, 0.4)).toBeNull();
  const brushes = { "params.lr": [2, 8] as [number, number], "params.aug": ["none"] };
  expect(matchesAll([lr, aug], brushes, { "params.lr": 5, "params.aug": "none" })).toBe(true);
  expect(matchesAll([lr, aug], brushes, { "params.lr": 9, "params.aug": "none" })).toBe(false);
  expect(matchesAll([lr, aug], brushes, { "params.lr": 5, "params.aug": "flip" })).toBe(false);
  expect(matchesAll([lr, aug], brushes, { "params.lr": null, "params.aug": "none" })).toBe(false);
  // A brush on a column not shown does not filter.
  expect(matchesAll([aug], brushes, { "params.lr": 9, "params.aug": "none" })).toBe(true);
});

test("brushes round-trip through the URL; an unreadable one is dropped", () => {
  const brushes = { 'values.acc{subset:"test"}': [0.5, 0.9] as [number, number], "params.aug": ["a,b", "<img>"] };
  expect(parseBrushes(brushesText(brushes)!)).toEqual(brushes);
  expect(brushesText({})).toBeNull();
  expect(parseBrushes("{not json")).toEqual({});
  expect(parseBrushes('{"a":[1],"b":[1,"x"],"c":"x","d":[1,2]}')).toEqual({ d: [1, 2] });
});

test("least squares: the textbook line and r²; no line when every x is the same", () => {
  const fit = leastSquares([
    [1, 2],
    [2, 4],
    [3, 5],
    [4, 4],
    [5, 5],
  ])!;
  expect(fit.slope).toBeCloseTo(0.6);
  expect(fit.intercept).toBeCloseTo(2.2);
  expect(fit.r2).toBeCloseTo(0.6);
  expect(
    leastSquares([
      [1, 1],
      [1, 2],
    ]),
  ).toBeNull();
  expect(leastSquares([[1, 1]])).toBeNull();
});

test("points on a line fit it exactly, with r² = 1", () => {
  fc.assert(
    fc.property(
      // A slope far from 0: a nearly flat line's y differ only in their last bits.
      fc.double({ min: 0.01, max: 100, noNaN: true }),
      fc.boolean(),
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 }),
      (size, down, intercept, xs) => {
        const slope = down ? -size : size;
        const fit = leastSquares(xs.map((x) => [x, slope * x + intercept]))!;
        expect(fit.slope).toBeCloseTo(slope, 6);
        expect(fit.r2).toBeCloseTo(1, 6);
      },
    ),
  );
});
