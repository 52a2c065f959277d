import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv";

describe("parseCsv", () => {
  it.each([
    [
      "plain",
      "a,b\r\nc,d\r\n",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "LF line ends, no trailing newline",
      "a,b\nc,d",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "a byte-order mark is not part of the first header",
      "\uFEFF统一社会信用代码,名称\n",
      [["统一社会信用代码", "名称"]],
    ],
    ["quoted comma, quote and line break", '"a,1","say ""hi""","x\ny"\n', [["a,1", 'say "hi"', "x\ny"]]],
    ["empty cells", ",,\n", [["", "", ""]]],
    ["a blank line is a row of one empty cell", "a\n\nb\n", [["a"], [""], ["b"]]],
  ])("%s", (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });
});

describe("toCsv", () => {
  it("neutralises formulas so Excel shows them as text", () => {
    expect(toCsv([['=HYPERLINK("x")', "+1", "-2", "@a", 3, -4]])).toBe('"\'=HYPERLINK(""x"")",\'+1,\'-2,\'@a,3,-4\r\n');
  });

  it("round-trips any cells that do not start like a formula (property)", () => {
    const cell = fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
    );
  });
});
