// The web UI's CSV preview (web/src/artifacts/csv-preview.ts): the start of a file, possibly
// cut anywhere by the Range request that read it, becomes header + rows without a half row.
import { describe, expect, test } from "vitest";
import { CSV_PREVIEW_ROWS, parseCsvPreview } from "../web/src/artifacts/csv-preview.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("parseCsvPreview", () => {
  const file = 'name,note\r\na,"x, y"\r\nb,"two\nlines"\r\nc,"say ""hi"""\r\nd,plain\r\n';

  test("a whole file: quoted commas, line breaks and quotes are fields, the count is known", () => {
    expect(parseCsvPreview(bytes(file), true)).toEqual({
      header: ["name", "note"],
      rows: [
        ["a", "x, y"],
        ["b", "two\nlines"],
        ["c", 'say "hi"'],
        ["d", "plain"],
      ],
      total: 4,
      errors: [],
    });
  });

  test("cut at every byte, the rows shown are always whole rows of the file", () => {
    const whole = parseCsvPreview(bytes(file), true).rows;
    const data = bytes(file);
    for (let cut = 1; cut < data.length; cut++) {
      const part = parseCsvPreview(data.subarray(0, cut), false);
      expect(part.total).toBeNull();
      expect(whole.slice(0, part.rows.length), `cut at ${cut}`).toEqual(part.rows);
      if (part.header.length) expect(part.header).toEqual(["name", "note"]);
    }
    // Cut inside b's quoted line break: a is shown, b is not.
    expect(parseCsvPreview(data.subarray(0, file.indexOf("lines")), false).rows).toEqual([["a", "x, y"]]);
  });

  test("a multi-byte character cut in half is not shown", () => {
    const data = bytes("k,v\nα,β\nγ,δ\n");
    expect(parseCsvPreview(data.subarray(0, data.length - 2), false).rows).toEqual([["α", "β"]]);
  });

  test("at most CSV_PREVIEW_ROWS rows, with the file's count; an empty file has no header", () => {
    const many = ["i", ...Array.from({ length: 250 }, (_, i) => String(i))].join("\n");
    const out = parseCsvPreview(bytes(many), true);
    expect([out.rows.length, out.total, out.rows.at(-1)]).toEqual([CSV_PREVIEW_ROWS, 250, [String(CSV_PREVIEW_ROWS - 1)]]);
    expect(parseCsvPreview(bytes(""), true)).toEqual({ header: [], rows: [], total: 0, errors: [] });
  });

  test("a ';'-separated file reads too", () => {
    expect(parseCsvPreview(bytes("a;b\n1;2\n3;4\n"), true).rows).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  test("a malformed whole file says where", () => {
    expect(parseCsvPreview(bytes('a,b\n1,"open\n'), true).errors).toEqual([expect.stringMatching(/^row 2: /)]);
  });
});
