import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatFen, parseYuanToFen, shanghaiDateString } from "./format";

describe("formatFen", () => {
  it.each([
    [0, "¥0.00"],
    [1, "¥0.01"],
    [99, "¥0.99"],
    [100, "¥1.00"],
    [123450, "¥1,234.50"],
    [100000, "¥1,000.00"],
    [99999, "¥999.99"],
    [-123450, "-¥1,234.50"],
    [-5, "-¥0.05"],
    [-0, "¥0.00"],
    [123456789012, "¥1,234,567,890.12"],
    [Number.MAX_SAFE_INTEGER, "¥90,071,992,547,409.91"],
    // Beyond 2^53: bigint keeps every digit.
    [12345678901234567890n, "¥123,456,789,012,345,678.90"],
    [-12345678901234567890n, "-¥123,456,789,012,345,678.90"],
  ] as const)("%s → %s", (fen, expected) => {
    expect(formatFen(fen, "zh-CN")).toBe(expected);
    expect(formatFen(fen, "en")).toBe(expected);
  });

  it.each([0.5, 1.005, Number.NaN, Number.POSITIVE_INFINITY])("rejects non-integer fen %s", (fen) => {
    expect(() => formatFen(fen, "zh-CN")).toThrow(RangeError);
  });
});

describe("parseYuanToFen", () => {
  it.each([
    ["1234.5", 123450],
    ["1,234.50", 123450],
    ["1234", 123400],
    ["0.01", 1],
    ["0.1", 10],
    ["0", 0],
    ["  12.30 ", 1230],
    ["¥12", 1200],
    ["￥ 1,000,000.99", 100000099],
    // 0.29 * 100 is 28.999999999999996 in floats; string arithmetic is exact.
    ["0.29", 29],
    ["90071992547409.91", Number.MAX_SAFE_INTEGER],
  ])("%j → %s", (input, fen) => {
    expect(parseYuanToFen(input)).toBe(fen);
  });

  it.each([
    "",
    " ",
    "abc",
    "12a",
    "1.234", // more than 2 decimals: no silent rounding
    "1.",
    ".5",
    "-1",
    "+1",
    "1e3",
    "1,23",
    "12,34.5",
    "1234,567",
    ",123",
    "1..2",
    "1.2.3",
    "NaN",
    "Infinity",
    "90071992547409.92", // one fen past MAX_SAFE_INTEGER
  ])("%j → null", (input) => {
    expect(parseYuanToFen(input)).toBeNull();
  });

  it("round-trips with formatFen", () => {
    for (const fen of [0, 1, 10, 123450, 100000099]) {
      expect(parseYuanToFen(formatFen(fen, "zh-CN"))).toBe(fen);
    }
  });
});

describe("dates in Asia/Shanghai", () => {
  // 17:30 UTC is 01:30 the next day in Shanghai (UTC+8).
  const lateUtc = new Date("2026-11-23T17:30:00Z");

  it("shanghaiDateString uses the Shanghai calendar day", () => {
    expect(shanghaiDateString(lateUtc)).toBe("2026-11-24");
    expect(shanghaiDateString(new Date("2026-11-23T15:59:59Z"))).toBe("2026-11-23");
    expect(shanghaiDateString(new Date("2026-11-23T16:00:00Z"))).toBe("2026-11-24");
  });

  it.each(["zh-CN", "en"] as const)("formatDate / formatDateTime (%s)", (lang) => {
    expect(formatDate(lateUtc, lang)).toBe("2026-11-24");
    expect(formatDateTime(lateUtc, lang)).toBe("2026-11-24 01:30");
  });

  it("midnight is 00:xx, not 24:xx", () => {
    expect(formatDateTime(new Date("2026-01-01T16:05:00Z"), "en")).toBe("2026-01-02 00:05");
  });

  it("year end rolls over in Shanghai first", () => {
    expect(formatDateTime(new Date("2026-12-31T16:00:00Z"), "zh-CN")).toBe("2027-01-01 00:00");
  });

  it("rejects an invalid Date", () => {
    expect(() => formatDate(new Date("nope"), "en")).toThrow(RangeError);
  });
});
