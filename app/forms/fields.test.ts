// Issue 6 #7: one date check for every form. `2026-13-01` made `toISOString` throw (a 500)
// and `0000-01-01` passed to PostgreSQL, which has no year 0 (a 500); both are now refused.
import { describe, expect, it } from "vitest";
import { isCalendarDate, optionalDate, optionalYuan, requiredDate, requiredYuan } from "./fields";

describe("isCalendarDate", () => {
  it.each<[string, boolean]>([
    ["2026-06-01", true],
    ["2024-02-29", true], // leap year
    ["1900-01-01", true],
    ["2199-12-31", true],
    ["2026-13-01", false], // month 13
    ["2026-00-10", false],
    ["2026-02-30", false],
    ["2025-02-29", false], // not a leap year
    ["2026-04-31", false],
    ["2026-01-00", false],
    ["0000-01-01", false], // PostgreSQL has no year 0
    ["1899-12-31", false],
    ["2200-01-01", false],
    ["275760-09-14", false],
    ["2026-6-1", false],
    ["2026-06-01T00:00", false],
    [" 2026-06-01", false],
    ["", false],
    ["abc", false],
  ])("%j → %s", (value, ok) => {
    expect(isCalendarDate(value)).toBe(ok);
  });
});

describe("date fields", () => {
  it("a required date refuses a bad one with the feature's key and never throws", () => {
    const field = requiredDate("engagement.date_invalid");
    expect(() => field.safeParse("2026-13-01")).not.toThrow();
    const result = field.safeParse("2026-13-01");
    expect(result.success ? null : result.error.issues[0]?.message).toBe("engagement.date_invalid");
    expect(field.safeParse("").success).toBe(false);
    expect(field.safeParse(" 2026-06-01 ")).toEqual({ success: true, data: "2026-06-01" });
  });

  it("an optional date is undefined when empty and refused when impossible", () => {
    const field = optionalDate();
    expect(field.safeParse("")).toEqual({ success: true, data: undefined });
    expect(field.safeParse("0000-01-01").success).toBe(false);
  });
});

describe("money fields: yuan typed by a person → integer fen", () => {
  const keys = { invalid: "x.amount_invalid", positive: "x.amount_positive" };
  const outcome = (result: { success: boolean; data?: unknown; error?: { issues: Array<{ message: string }> } }) =>
    result.success ? result.data : result.error!.issues[0]!.message;

  it.each<[string, number | string]>([
    ["100", 10_000],
    ["1,234.5", 123_450],
    ["¥ 0.01", 1],
    ["0", "x.amount_positive"],
    ["1.234", "x.amount_invalid"], // never rounded
    ["-1", "x.amount_invalid"],
    ["1e309", "x.amount_invalid"],
    ["99999999999999999999999", "x.amount_invalid"], // beyond a safe integer of fen
    ["abc", "x.amount_invalid"],
    ["", "required"],
  ])("required %j → %j", (input, expected) => {
    expect(outcome(requiredYuan(keys).safeParse(input))).toBe(expected);
  });

  it("optional: empty is undefined, a bad amount keeps its key", () => {
    expect(optionalYuan(keys).safeParse("")).toEqual({ success: true, data: undefined });
    expect(outcome(optionalYuan(keys).safeParse("NaN"))).toBe("x.amount_invalid");
  });
});
