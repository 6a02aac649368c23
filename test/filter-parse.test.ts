import { describe, expect, test } from "vitest";
import {
  type Expr,
  type Field,
  FilterError,
  filterNamesField,
  type Literal,
  MAX_DEPTH,
  MAX_FILTER_BYTES,
  parseFilter,
  parseIsoDate,
  parseSort,
} from "../src/filter/parse.ts";

// Drops source positions so shapes can be compared with toEqual.
function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (node && typeof node === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (k !== "start" && k !== "end") out[k] = strip(v);
    return out;
  }
  return node;
}

const shape = (text: string) => strip(parseFilter(text));
const cmp = (text: string) => parseFilter(text) as Extract<Expr, { type: "compare" }>;
const fieldOf = (text: string) => strip((parseFilter(text) as { field: Field }).field);

function error(text: string): { position: number; expected: string; found: string; message: string } {
  try {
    parseFilter(text);
  } catch (e) {
    expect(e).toBeInstanceOf(FilterError);
    const fe = e as FilterError;
    return { position: fe.position, expected: fe.expected, found: fe.found, message: fe.message };
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

const num = (value: number) => ({ kind: "number", value });
const str = (value: string) => ({ kind: "string", value });
const builtin = (name: string) => ({ kind: "builtin", name });

describe("fields", () => {
  test("every builtin field, case-insensitively", () => {
    for (const name of ["name", "experiment", "status", "campaign", "parent", "archived", "created_at", "ended_at"]) {
      expect(fieldOf(`${name} exists`)).toEqual(builtin(name));
      expect(fieldOf(`${name.toUpperCase()} exists`)).toEqual(builtin(name));
    }
  });

  test("params paths: dotted, with dashes and digits, and quoted keys", () => {
    expect(fieldOf("params.lr exists")).toEqual({ kind: "param", path: ["lr"] });
    expect(fieldOf("params.optimizer.lr exists")).toEqual({ kind: "param", path: ["optimizer", "lr"] });
    expect(fieldOf("PARAMS.a-b.0 exists")).toEqual({ kind: "param", path: ["a-b", "0"] });
    expect(fieldOf(`params."lr schedule".'warm.up' exists`)).toEqual({ kind: "param", path: ["lr schedule", "warm.up"] });
    expect(fieldOf(`params."a\\"b\\\\c" exists`)).toEqual({ kind: "param", path: ['a"b\\c'] });
    expect(fieldOf(`params."" exists`)).toEqual({ kind: "param", path: [""] });
    // Param keys are case-sensitive, the root is not.
    expect(fieldOf("Params.LR exists")).toEqual({ kind: "param", path: ["LR"] });
  });

  test("tags: labels may contain dots, dashes and slashes; quoted labels anything", () => {
    expect(fieldOf("tags.baseline")).toEqual({ kind: "tag", label: "baseline" });
    expect(fieldOf("tags.v1.0-rc/2")).toEqual({ kind: "tag", label: "v1.0-rc/2" });
    expect(fieldOf(`tags."needs review" exists`)).toEqual({ kind: "tag", label: "needs review" });
  });

  test("tag_values: a key/value tag's key, dotted or quoted; tags stays the label", () => {
    expect(fieldOf(`tag_values.team = "eco"`)).toEqual({ kind: "keyValueTag", key: "team" });
    expect(fieldOf(`TAG_VALUES.mlflow.parentRunId exists`)).toEqual({ kind: "keyValueTag", key: "mlflow.parentRunId" });
    expect(fieldOf(`tag_values."a \\"b\\" = c" exists`)).toEqual({ kind: "keyValueTag", key: 'a "b" = c' });
    expect(fieldOf(`tag_values.team`)).toEqual({ kind: "keyValueTag", key: "team" });
    expect(fieldOf(`tags.team`)).toEqual({ kind: "tag", label: "team" });
  });

  test("values with and without a context; contexts come out sorted", () => {
    expect(fieldOf("values.acc exists")).toEqual({ kind: "value", name: "acc", context: [] });
    expect(fieldOf("values.test.acc exists")).toEqual({ kind: "value", name: "test.acc", context: [] });
    expect(fieldOf(`values.acc{subset: "test", fold: 2, best: true} exists`)).toEqual({
      kind: "value",
      name: "acc",
      context: [
        { key: "best", value: true },
        { key: "fold", value: 2 },
        { key: "subset", value: "test" },
      ],
    });
    expect(fieldOf(`values."f1 score"{ } exists`)).toEqual({ kind: "value", name: "f1 score", context: [] });
    expect(fieldOf(`values.acc{"odd key": 'x', n: -1.5e2} exists`)).toEqual({
      kind: "value",
      name: "acc",
      context: [
        { key: "n", value: -150 },
        { key: "odd key", value: "x" },
      ],
    });
  });

  test("metrics: every aggregation, any case", () => {
    for (const agg of ["last", "min", "max", "count", "last_step"]) {
      expect(fieldOf(`metrics.loss.${agg} exists`)).toEqual({ kind: "metric", name: "loss", context: [], agg });
      expect(fieldOf(`metrics.loss.${agg.toUpperCase()} exists`)).toEqual({ kind: "metric", name: "loss", context: [], agg });
    }
  });

  test("metrics: the name runs up to the last .agg, so dotted names need no quotes", () => {
    expect(fieldOf("metrics.train.loss.min exists")).toEqual({ kind: "metric", name: "train.loss", context: [], agg: "min" });
    expect(fieldOf("metrics.a/b-c_d.last exists")).toEqual({ kind: "metric", name: "a/b-c_d", context: [], agg: "last" });
    expect(fieldOf("metrics.loss.last.max exists")).toEqual({ kind: "metric", name: "loss.last", context: [], agg: "max" });
    expect(fieldOf(`metrics."train.loss".last exists`)).toEqual({ kind: "metric", name: "train.loss", context: [], agg: "last" });
    expect(fieldOf(`metrics."x y"{k: 1}.count exists`)).toEqual({ kind: "metric", name: "x y", context: [{ key: "k", value: 1 }], agg: "count" });
    expect(fieldOf(`metrics.train.loss{subset:"val"}.last_step exists`)).toEqual({
      kind: "metric",
      name: "train.loss",
      context: [{ key: "subset", value: "val" }],
      agg: "last_step",
    });
  });

  test("field spans cover the whole field", () => {
    const text = `  metrics.loss{subset: "val"}.min < 1`;
    const f = cmp(text).field;
    expect(text.slice(f.start, f.end)).toBe(`metrics.loss{subset: "val"}.min`);
  });
});

describe("literals", () => {
  test("numbers in every form", () => {
    const cases: [string, number][] = [
      ["1e-3", 0.001],
      ["-2", -2],
      ["0.5", 0.5],
      [".5", 0.5],
      ["-.25", -0.25],
      ["3.", 3],
      ["1E+3", 1000],
      ["12", 12],
    ];
    for (const [text, value] of cases) expect(strip(cmp(`params.x = ${text}`).value)).toEqual(num(value));
  });

  test("strings in both quotes with escapes", () => {
    expect(cmp(`params.x = "a\\"b"`).value.value).toBe('a"b');
    expect(cmp(`params.x = 'it\\'s'`).value.value).toBe("it's");
    expect(cmp(`params.x = "it's"`).value.value).toBe("it's");
    expect(cmp(`params.x = 'say "hi"'`).value.value).toBe('say "hi"');
    expect(cmp(`params.x = "\\\\ \\/ \\n\\t\\r\\b\\f\\0 \\u00e9 \\ud83d\\ude00"`).value.value).toBe("\\ / \n\t\r\b\f\0 é 😀");
    expect(cmp(`params.x = ""`).value.value).toBe("");
    expect(cmp(`params.x = "é 😀 ✓"`).value.value).toBe("é 😀 ✓");
  });

  test("true, false and null, case-insensitively", () => {
    expect(strip(cmp("params.x = TRUE").value)).toEqual({ kind: "boolean", value: true });
    expect(strip(cmp("params.x = false").value)).toEqual({ kind: "boolean", value: false });
    expect(strip(cmp("params.x != Null").value)).toEqual({ kind: "null", value: null });
  });

  test("literal spans", () => {
    const text = `params.x = 'abc'`;
    const v = cmp(text).value;
    expect(text.slice(v.start, v.end)).toBe(`'abc'`);
  });

  test("dates compared with created_at / ended_at become epoch ms", () => {
    const date = (text: string) => cmp(`created_at >= ${JSON.stringify(text)}`).value as Literal;
    expect(strip(date("2026-01-02"))).toEqual({ kind: "date", value: Date.UTC(2026, 0, 2), text: "2026-01-02" });
    expect(date("2026-01-02T03:04:05Z").value).toBe(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(date("2026-01-02T03:04:05.678Z").value).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
    expect(date("2026-01-02T03:04").value).toBe(Date.UTC(2026, 0, 2, 3, 4));
    expect(date("2026-01-02T03:04:05+02:00").value).toBe(Date.UTC(2026, 0, 2, 1, 4, 5));
    expect(date("2026-01-02 03:04:05-0130").value).toBe(Date.UTC(2026, 0, 2, 4, 34, 5));
    expect(cmp(`ended_at < '2024-02-29'`).value.value).toBe(Date.UTC(2024, 1, 29));
    expect(strip(cmp(`ended_at = null`).value)).toEqual({ kind: "null", value: null });
  });

  test("parseIsoDate rejects non-dates and impossible dates", () => {
    for (const bad of [
      "2026-1-2",
      "2026-02-30",
      "2025-02-29",
      "2026-13-01",
      "2026-01-00",
      "2026-01-02T24:00",
      "2026-01-02T10:60",
      "yesterday",
      "2026-01-02Tx",
      "2026-01-02T03:04:05+25:00",
    ]) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
    expect(new Date(parseIsoDate("0099-03-04")!).toISOString()).toBe("0099-03-04T00:00:00.000Z");
  });
});

describe("conditions", () => {
  test("every comparison operator, and == as =", () => {
    for (const op of ["=", "!=", "<", "<=", ">", ">="]) {
      expect(shape(`params.lr ${op} 1`)).toEqual({ type: "compare", field: { kind: "param", path: ["lr"] }, op, value: num(1) });
      expect(shape(`params.lr${op}1`)).toEqual({ type: "compare", field: { kind: "param", path: ["lr"] }, op, value: num(1) });
    }
    expect(shape(`name == "x"`)).toEqual({ type: "compare", field: builtin("name"), op: "=", value: str("x") });
  });

  test("in lists", () => {
    expect(shape(`status in ("finished", 'failed')`)).toEqual({ type: "in", field: builtin("status"), values: [str("finished"), str("failed")] });
    expect(shape(`params.seed IN (1,2 , "3", true, null)`)).toEqual({
      type: "in",
      field: { kind: "param", path: ["seed"] },
      values: [num(1), num(2), str("3"), { kind: "boolean", value: true }, { kind: "null", value: null }],
    });
  });

  test("like, contains, exists", () => {
    expect(shape(`name like "res%"`)).toEqual({ type: "match", field: builtin("name"), op: "like", pattern: "res%" });
    expect(shape(`experiment CONTAINS 'net'`)).toEqual({ type: "match", field: builtin("experiment"), op: "contains", pattern: "net" });
    expect(shape(`params.opt.name like "ad_m"`)).toEqual({ type: "match", field: { kind: "param", path: ["opt", "name"] }, op: "like", pattern: "ad_m" });
    expect(shape(`campaign contains "grid"`)).toEqual({ type: "match", field: builtin("campaign"), op: "contains", pattern: "grid" });
    expect(shape(`values.acc Exists`)).toEqual({ type: "exists", field: { kind: "value", name: "acc", context: [] } });
  });

  test("a field alone is a truthiness test", () => {
    expect(shape("archived")).toEqual({ type: "truthy", field: builtin("archived") });
    expect(shape("tags.baseline")).toEqual({ type: "truthy", field: { kind: "tag", label: "baseline" } });
    expect(shape("not params.augment")).toEqual({ type: "not", expr: { type: "truthy", field: { kind: "param", path: ["augment"] } } });
  });

  test("campaign accepts strings and null; ended_at accepts null", () => {
    expect(shape(`campaign = "grid-1"`)).toEqual({ type: "compare", field: builtin("campaign"), op: "=", value: str("grid-1") });
    expect(shape(`campaign != null`)).toEqual({ type: "compare", field: builtin("campaign"), op: "!=", value: { kind: "null", value: null } });
    expect(shape(`ended_at in (null, "2026-01-01")`)).toEqual({
      type: "in",
      field: builtin("ended_at"),
      values: [
        { kind: "null", value: null },
        { kind: "date", value: Date.UTC(2026, 0, 1), text: "2026-01-01" },
      ],
    });
  });

  test("parent and tag_values take strings and null, for equality and matching only", () => {
    expect(shape(`parent = "0a1b"`)).toEqual({ type: "compare", field: builtin("parent"), op: "=", value: str("0a1b") });
    expect(shape(`parent = null`)).toMatchObject({ value: { kind: "null" } });
    expect(shape(`tag_values.team in ("eco", null)`)).toMatchObject({ type: "in", values: [str("eco"), { kind: "null", value: null }] });
    expect(shape(`tag_values.team like "e%"`)).toMatchObject({ type: "match", op: "like", pattern: "e%" });
    expect(error(`parent = 3`)).toMatchObject({ position: 9, expected: "a run id (a string) or null", found: '"3"' });
    expect(error(`PARENT in (true)`)).toMatchObject({ position: 11, expected: "a run id (a string) or null" });
    expect(error(`tag_values.team = true`)).toMatchObject({ position: 18, expected: "a tag value (a string) or null" });
    expect(error(`tag_values.team > "a"`)).toMatchObject({ position: 16, found: '">"' });
    expect(error(`parent < "a"`).expected).toContain("after parent");
    expect(error(`tag_values."" exists`)).toMatchObject({ position: 11, expected: "a tag key (not empty)" });
    expect(error(`tag_values`)).toMatchObject({ position: 10, expected: '"." and a tag key after tag_values' });
  });

  test("a label compared like a key/value tag points at tag_values", () => {
    const e = error(`tags.team = "eco"`);
    expect(e).toMatchObject({ position: 10, found: '"="' });
    expect(e.expected).toContain("tag_values.<key>");
  });

  test("params compare with any literal type; ordering with strings is allowed", () => {
    expect(shape(`params.lr > "x"`)).toEqual({ type: "compare", field: { kind: "param", path: ["lr"] }, op: ">", value: str("x") });
    expect(shape(`params.aug = true`)).toMatchObject({ value: { kind: "boolean", value: true } });
    expect(shape(`values.acc{subset:"test"} >= 0.9`)).toMatchObject({ op: ">=", value: num(0.9) });
    expect(shape(`metrics.loss.last = null`)).toMatchObject({ value: { kind: "null" } });
  });
});

describe("boolean structure", () => {
  const t = (label: string) => ({ type: "truthy", field: { kind: "tag", label } });

  test("and binds tighter than or; chains are flattened", () => {
    expect(shape("tags.a or tags.b and tags.c or tags.d")).toEqual({ type: "or", items: [t("a"), { type: "and", items: [t("b"), t("c")] }, t("d")] });
    expect(shape("tags.a and tags.b and tags.c")).toEqual({ type: "and", items: [t("a"), t("b"), t("c")] });
  });

  test("not binds tighter than and; parentheses group", () => {
    expect(shape("not tags.a and tags.b")).toEqual({ type: "and", items: [{ type: "not", expr: t("a") }, t("b")] });
    expect(shape("not (tags.a and tags.b)")).toEqual({ type: "not", expr: { type: "and", items: [t("a"), t("b")] } });
    expect(shape("(tags.a or tags.b) and tags.c")).toEqual({ type: "and", items: [{ type: "or", items: [t("a"), t("b")] }, t("c")] });
    expect(shape("not not tags.a")).toEqual({ type: "not", expr: { type: "not", expr: t("a") } });
    expect(shape("((tags.a))")).toEqual(t("a"));
  });

  test("keywords are case-insensitive and whitespace is free between tokens", () => {
    expect(shape("NOT tags.a AND tags.b Or tags.c")).toEqual(shape("not tags.a and tags.b or tags.c"));
    expect(shape("\n\t(tags.a)and(tags.b)  ")).toEqual({ type: "and", items: [t("a"), t("b")] });
  });

  test("node spans include parentheses", () => {
    const text = "tags.a and (tags.b or tags.c)";
    const e = parseFilter(text) as Extract<Expr, { type: "and" }>;
    expect([e.start, e.end]).toEqual([0, text.length]);
    expect(text.slice(e.items[1].start, e.items[1].end)).toBe("(tags.b or tags.c)");
  });

  test("the example from the README", () => {
    expect(shape(`params.lr > 1e-3 and metrics.loss{subset:"val"}.min < 0.2 and not tags.baseline`)).toEqual({
      type: "and",
      items: [
        { type: "compare", field: { kind: "param", path: ["lr"] }, op: ">", value: num(0.001) },
        { type: "compare", field: { kind: "metric", name: "loss", context: [{ key: "subset", value: "val" }], agg: "min" }, op: "<", value: num(0.2) },
        { type: "not", expr: t("baseline") },
      ],
    });
  });
});

describe("limits", () => {
  test(`up to ${MAX_FILTER_BYTES} bytes parse; one more is an error`, () => {
    const base = `name = "`;
    const fits = `${base + "x".repeat(MAX_FILTER_BYTES - base.length - 1)}"`;
    expect(new TextEncoder().encode(fits).length).toBe(MAX_FILTER_BYTES);
    expect(() => parseFilter(fits)).not.toThrow();
    expect(error(fits.replace("x", "xx"))).toMatchObject({
      position: 0,
      expected: `a filter of at most ${MAX_FILTER_BYTES} bytes`,
      found: `${MAX_FILTER_BYTES + 1} bytes`,
    });
    // Bytes, not characters: 2049 two-byte characters are too many.
    expect(error(`name = "${"é".repeat(2049)}"`).position).toBe(0);
  });

  test(`nesting up to ${MAX_DEPTH} parses; deeper is an error at the opening token`, () => {
    expect(() => parseFilter(`${"(".repeat(MAX_DEPTH)}archived${")".repeat(MAX_DEPTH)}`)).not.toThrow();
    expect(() => parseFilter(`${"not ".repeat(MAX_DEPTH)}archived`)).not.toThrow();
    expect(error(`${"(".repeat(MAX_DEPTH + 1)}archived${")".repeat(MAX_DEPTH + 1)}`)).toMatchObject({ position: MAX_DEPTH, found: "a deeper level" });
    expect(error(`${"not ".repeat(MAX_DEPTH + 1)}archived`).position).toBe(4 * MAX_DEPTH);
    expect(error(`${"not (".repeat(17)}archived${")".repeat(17)}`).position).toBe(5 * 16);
    // Siblings do not add up: only depth counts.
    expect(() => parseFilter(Array.from({ length: 100 }, () => "(archived)").join(" or "))).not.toThrow();
  });
});

describe("errors name the position and what was expected", () => {
  const FIELD =
    "a field (name, experiment, status, campaign, parent, archived, stale, created_at, ended_at, params.<path>, tags.<label>, tag_values.<key>, values.<name>, metrics.<name>.<agg>)";

  test("message format", () => {
    const e = error(`name = "a" and )`);
    expect(e.message).toBe(`at position 15: expected ${FIELD}, found ")"`);
    try {
      parseFilter(")");
    } catch (err) {
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).name).toBe("FilterError");
    }
  });

  test("empty and blank filters", () => {
    expect(error("")).toMatchObject({ position: 0, expected: FIELD, found: "end of input" });
    expect(error("   ")).toMatchObject({ position: 3, expected: FIELD, found: "end of input" });
  });

  test("unknown fields and roots without a path", () => {
    expect(error(`lr > 3`)).toMatchObject({ position: 0, expected: FIELD, found: '"lr"' });
    expect(error(`archived and hparams.lr > 3`)).toMatchObject({ position: 13, found: '"hparams"' });
    expect(error(`not and`)).toMatchObject({ position: 4, found: '"and"' });
    expect(error(`params > 3`)).toMatchObject({ position: 6, expected: '"." and a parameter path after params', found: "a space" });
    expect(error(`tags`)).toMatchObject({ position: 4, expected: '"." and a tag label after tags', found: "end of input" });
    expect(error(`params. lr = 1`)).toMatchObject({ position: 7, expected: "a parameter key", found: "a space" });
    expect(error(`params.a..b = 1`)).toMatchObject({ position: 9, expected: "a parameter key", found: '"."' });
    expect(error(`values.= 1`)).toMatchObject({ position: 7, expected: "a value name" });
    expect(error(`tags."" exists`)).toMatchObject({ position: 5, expected: "a tag label (not empty)", found: '""' });
  });

  test("metric aggregations", () => {
    expect(error(`metrics.loss.lst < 1`)).toMatchObject({ position: 13, expected: "an aggregation (last, min, max, count, last_step)", found: '"lst"' });
    expect(error(`metrics.loss < 1`)).toMatchObject({ position: 12, found: "a space" });
    expect(error(`metrics.loss < 1`).expected).toContain("after the metric name");
    expect(error(`metrics.loss{a: 1}.avg < 1`)).toMatchObject({ position: 19, found: '"avg"' });
    expect(error(`metrics.loss{a: 1} < 1`)).toMatchObject({ position: 18, found: "a space" });
    expect(error(`metrics.loss.last{a: 1} < 1`).expected).toContain("the context goes before the aggregation");
    expect(error(`metrics."train.loss" < 1`)).toMatchObject({ position: 20, found: "a space" });
    expect(error(`metrics.loss. < 1`)).toMatchObject({ position: 13, found: "a space" });
    expect(error(`metrics..last < 1`)).toMatchObject({ position: 8, expected: "a metric name" });
  });

  test("contexts", () => {
    expect(error(`values.acc{subset: null} > 1`)).toMatchObject({
      position: 19,
      expected: "a context value (a string, a number, true or false)",
      found: '"null"',
    });
    expect(error(`values.acc{a: 1, a: 2} > 1`)).toMatchObject({ position: 17, expected: "a context key not given before" });
    expect(error(`values.acc{a 1} > 1`)).toMatchObject({ position: 13, expected: '":"', found: '"1"' });
    expect(error(`values.acc{a: 1 b: 2} > 1`)).toMatchObject({ position: 16, expected: '"," or "}"' });
    expect(error(`values.acc{1: 2} > 1`)).toMatchObject({ position: 11, expected: "a context key (a name or a quoted string)" });
    expect(error(`values.acc{a: 1`)).toMatchObject({ position: 15, found: "end of input" });
  });

  test("strings", () => {
    expect(error(`name = "abc`)).toMatchObject({ position: 11, expected: 'a closing " for the string that starts at position 7', found: "end of input" });
    expect(error(`name = 'abc" and archived`)).toMatchObject({ position: 25, expected: "a closing ' for the string that starts at position 7" });
    expect(error(`params."abc = 1`).position).toBe(15);
    expect(error(`name = "a\\qb"`)).toMatchObject({ position: 9, found: '"\\\\q"' });
    expect(error(`name = "a\\u12"`)).toMatchObject({ position: 9 });
    expect(error(`name = "a\\`)).toMatchObject({ position: 9, found: "end of input" });
    expect(error(`name = "\\ud800"`)).toMatchObject({ position: 7 });
    expect(error(`name = "\ud800"`)).toMatchObject({ position: 8, expected: "well-formed Unicode text" });
  });

  test("numbers", () => {
    expect(error(`params.x = 1e999`)).toMatchObject({ position: 11, expected: "a finite number", found: '"1e999"' });
    expect(error(`params.x = 1e`)).toMatchObject({ position: 12, found: '"e"' });
    expect(error(`params.x = - 1`)).toMatchObject({ position: 11, expected: "a number, a string, true, false or null", found: '"-"' });
  });

  test("operators and literals", () => {
    expect(error(`name ! "a"`)).toMatchObject({ position: 5, found: '"!"' });
    expect(error(`name = `)).toMatchObject({ position: 7, expected: "a number, a string, true, false or null", found: "end of input" });
    expect(error(`name = and`)).toMatchObject({ position: 7, found: '"and"' });
    expect(error(`name like 3`)).toMatchObject({ position: 10, expected: "a quoted string after like" });
    expect(error(`name contains archived`)).toMatchObject({ position: 14, expected: "a quoted string after contains" });
  });

  test("in lists", () => {
    expect(error(`name in ()`)).toMatchObject({ position: 9, found: '")"' });
    expect(error(`name in ()`).expected).toContain("may not be empty");
    expect(error(`name in "a"`)).toMatchObject({ position: 8, expected: '"(" and a list of literals' });
    expect(error(`name in ("a" "b")`)).toMatchObject({ position: 13, expected: '"," or ")"', found: '"b"' });
    expect(error(`name in ("a",)`)).toMatchObject({ position: 13, found: '")"' });
    expect(error(`name in ("a"`)).toMatchObject({ position: 12, found: "end of input" });
  });

  test("trailing garbage and unbalanced parentheses", () => {
    expect(error(`name = "a" name = "b"`)).toMatchObject({ position: 11, expected: '"and", "or" or end of input', found: '"name"' });
    expect(error(`name = "a")`)).toMatchObject({ position: 10, found: '")"' });
    expect(error(`(name = "a"`)).toMatchObject({ position: 11, expected: '"and", "or" or ")"', found: "end of input" });
    expect(error(`archived & tags.x`)).toMatchObject({ position: 9, found: '"&"' });
    expect(error(`params.lr 3`)).toMatchObject({ position: 10, found: '"3"' });
    expect(error(`params.lr 3`).expected).toContain("an operator");
    expect(error(`(params.lr 3)`).expected).toContain("an operator");
    expect(error(`name.first = "a"`)).toMatchObject({ position: 4, found: '"."' });
    expect(error(`archived and`)).toMatchObject({ position: 12, expected: FIELD, found: "end of input" });
    expect(error(`archived 😀`)).toMatchObject({ position: 9, found: '"😀"' });
  });

  test("type errors point at the literal or the operator", () => {
    const date = 'an ISO date string like "2026-01-02" or "2026-01-02T03:04:05Z"';
    expect(error(`created_at > 5`)).toMatchObject({ position: 13, expected: date, found: '"5"' });
    expect(error(`created_at > "yesterday"`)).toMatchObject({ position: 13, found: '"yesterday"' });
    expect(error(`created_at > "2026-02-30"`).position).toBe(13);
    expect(error(`created_at = null`).position).toBe(13);
    expect(error(`ended_at < null`).position).toBe(11);
    expect(error(`created_at like "2026%"`)).toMatchObject({ position: 11, found: '"like"' });
    expect(error(`archived < true`)).toMatchObject({ position: 9, expected: "=, !=, in or exists after archived" });
    expect(error(`archived = 1`)).toMatchObject({ position: 11, expected: "true or false" });
    expect(error(`campaign > "a"`)).toMatchObject({ position: 9, expected: "=, !=, in, like, contains or exists after campaign" });
    expect(error(`campaign = 3`).position).toBe(11);
    expect(error(`name = 3`)).toMatchObject({ position: 7, expected: "a string to compare with name" });
    expect(error(`experiment in ("a", null)`).position).toBe(20);
    expect(error(`status = "done"`)).toMatchObject({ position: 9, expected: 'a status ("running", "finished", "failed", "killed")' });
    expect(error(`status in ("finished", "Failed")`).position).toBe(23);
    expect(error(`metrics.loss.last = "0.1"`)).toMatchObject({ position: 20, expected: "a number or null (metric aggregates are numbers)" });
    expect(error(`metrics.loss.last < null`).position).toBe(20);
    expect(error(`metrics.loss.last like "1%"`).position).toBe(18);
    expect(error(`params.x < true`)).toMatchObject({ position: 11, expected: "a number or a string (< does not order booleans)" });
    expect(error(`values.x >= null`).position).toBe(12);
    expect(error(`tags.x = 1`)).toMatchObject({ position: 7, found: '"="' });
    expect(error(`tags.x in ("a")`).position).toBe(7);
    expect(error(`tags.x contains "a"`).position).toBe(7);
  });
});

describe("sort specs", () => {
  test("field and optional direction", () => {
    expect(strip(parseSort("created_at"))).toEqual({ field: builtin("created_at"), direction: "asc" });
    expect(strip(parseSort("params.lr ASC"))).toEqual({ field: { kind: "param", path: ["lr"] }, direction: "asc" });
    expect(strip(parseSort(` metrics.acc{subset:"test"}.last  desc `))).toEqual({
      field: { kind: "metric", name: "acc", context: [{ key: "subset", value: "test" }], agg: "last" },
      direction: "desc",
    });
  });

  test("errors", () => {
    const sortError = (text: string) => {
      try {
        parseSort(text);
      } catch (e) {
        expect(e).toBeInstanceOf(FilterError);
        return e as FilterError;
      }
      throw new Error("expected an error");
    };
    expect(sortError("bogus desc")).toMatchObject({ position: 0, found: '"bogus"' });
    expect(sortError("tags.x")).toMatchObject({ position: 0, expected: "a sortable field (tags cannot be sorted on)" });
    expect(sortError("name up")).toMatchObject({ position: 5, expected: '"asc", "desc" or end of input' });
    expect(sortError("name desc asc")).toMatchObject({ position: 10 });
    expect(sortError("metrics.acc.mean")).toMatchObject({ position: 12 });
    expect(sortError("")).toMatchObject({ position: 0 });
  });
});

test("filterNamesField finds a built-in field anywhere", () => {
  expect(filterNamesField(parseFilter("archived"), "archived")).toBe(true);
  expect(filterNamesField(parseFilter("not archived"), "archived")).toBe(true);
  expect(filterNamesField(parseFilter(`name = "x" or (tags.a and archived = false)`), "archived")).toBe(true);
  expect(filterNamesField(parseFilter(`archived in (true)`), "archived")).toBe(true);
  expect(filterNamesField(parseFilter(`name = "archived" and params.archived = true and tags.archived`), "archived")).toBe(false);
  expect(filterNamesField(parseFilter(`not (stale or status in ("failed"))`), "status")).toBe(true);
  expect(filterNamesField(parseFilter(`not (stale or status in ("failed"))`), "stale")).toBe(true);
  expect(filterNamesField(parseFilter(`params.status = "x"`), "status")).toBe(false);
});
