import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ELLIPSIS, clipText, excerpt } from "./text-excerpt";

describe("excerpt", () => {
  it.each([
    ["short text stays whole", "安全评价", 10, "安全评价"],
    ["exactly the limit stays whole", "一二三四五", 5, "一二三四五"],
    ["a long text is cut with an ellipsis inside the limit", "一二三四五六", 5, "一二三四…"],
    ["whitespace runs collapse before counting", "安全\n\n  评价", 10, "安全 评价"],
    ["no space left before the ellipsis", "安全 评价服务", 4, "安全…"],
    // 𠀀 (U+20000) is a surrogate pair: the cut falls before it, never between its halves.
    ["a surrogate pair is never split", "一二𠀀四", 4, "一二…"],
    // 👩‍🔧 is one grapheme of five code units (woman, ZWJ, wrench).
    ["an emoji sequence is kept whole or dropped whole", "修👩‍🔧工", 6, "修…"],
    ["a combining mark stays with its letter", "cafe\u0301 au lait", 6, "cafe\u0301…"],
  ])("%s", (_name, text, max, expected) => {
    expect(excerpt(text, max)).toBe(expected);
  });

  const lone = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

  it("never exceeds the limit, never leaves half a surrogate pair, and keeps a prefix of the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (text, max) => {
        const out = excerpt(text, max);
        const flat = text.replace(/\s+/gu, " ").trim();
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 0));
        expect(lone(out)).toBe(false);
        const body = out.endsWith(ELLIPSIS) && out !== flat ? out.slice(0, -ELLIPSIS.length) : out;
        expect(flat.startsWith(body)).toBe(true);
      }),
    );
  });

  it("clipText keeps whole graphemes within the limit", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), fc.integer({ min: 0, max: 30 }), (text, max) => {
        const out = clipText(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(text.startsWith(out)).toBe(true);
        expect(lone(out)).toBe(false);
      }),
    );
  });
});
