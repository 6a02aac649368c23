// The web UI's log text (web/src/logs): ANSI SGR codes become styles, every other escape and
// control character is dropped, and a search's hits are cut along the styled segments.
import { describe, expect, test } from "vitest";
import { parseAnsi, stripAnsi } from "../web/src/logs/ansi.ts";
import { markHits } from "../web/src/logs/search-hits.ts";

describe("parseAnsi", () => {
  test("colours, bold and reset become segments", () => {
    expect(parseAnsi("a \u001b[31mred\u001b[0m b")).toEqual([
      { text: "a ", style: {} },
      { text: "red", style: { fg: 1 } },
      { text: " b", style: {} },
    ]);
    expect(parseAnsi("\u001b[1;92mok\u001b[22m!\u001b[m")).toEqual([
      { text: "ok", style: { bold: true, fg: 10 } },
      { text: "!", style: { fg: 10, bold: undefined, dim: undefined } },
    ]);
  });

  test("256-colour and RGB colours become CSS colours; the basic 16 stay indexes", () => {
    expect(parseAnsi("\u001b[38;5;196mx")).toEqual([{ text: "x", style: { fg: "rgb(255, 0, 0)" } }]);
    expect(parseAnsi("\u001b[38;5;9mx")).toEqual([{ text: "x", style: { fg: 9 } }]);
    expect(parseAnsi("\u001b[48;2;1;2;300mx")).toEqual([{ text: "x", style: { bg: "rgb(1, 2, 255)" } }]);
  });

  test("other escapes and control characters are dropped, tabs kept", () => {
    const line = "\u001b[2K\u001b[1Gstep\t1\u001b]0;title\u0007 done\u0008\r\u001b(B\u001b";
    expect(stripAnsi(line)).toBe("step\t1 done");
    expect(parseAnsi(line)).toEqual([{ text: "step\t1 done", style: {} }]);
  });

  test("markup is plain text to the parser", () => {
    expect(parseAnsi("<script>alert(1)</script>")).toEqual([{ text: "<script>alert(1)</script>", style: {} }]);
  });
});

describe("markHits", () => {
  test("hits are found as the server's q finds them (case-sensitive) and cut along the segments", () => {
    const pieces = markHits(parseAnsi("Loss \u001b[31merr\u001b[0mor Error"), "error");
    expect(pieces.map((p) => [p.text, p.hit, p.style.fg])).toEqual([
      ["Loss ", false, undefined],
      ["err", true, 1],
      ["or", true, undefined],
      [" Error", false, undefined],
    ]);
  });

  test("no query, no hits", () => {
    expect(markHits(parseAnsi("abc"), "")).toEqual([{ text: "abc", style: {}, hit: false }]);
  });
});
