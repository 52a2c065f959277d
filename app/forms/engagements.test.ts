import { describe, expect, it } from "vitest";
import { CounterOfferSchema, ReasonedTransitionSchema, TransitionSchema } from "./engagements";
import { QuoteSchema, RequestSchema } from "./requests";

const firstIssue = (result: {
  success: boolean;
  error?: { issues: Array<{ path: (string | number)[]; message: string }> };
}) => (result.success ? null : [String(result.error!.issues[0]!.path[0]), result.error!.issues[0]!.message]);

describe("money typed in yuan becomes integer fen, never rounded", () => {
  it.each([
    ["1234.5", 123_450, null],
    ["1,234.50", 123_450, null],
    ["¥12", 1_200, null],
    ["12.345", null, "engagement.amount_invalid"],
    ["-5", null, "engagement.amount_invalid"],
    ["0", null, "engagement.amount_positive"],
    ["", null, "required"],
  ])("price %j", (price, fen, message) => {
    const result = QuoteSchema.safeParse({ price, plan: "方案" });
    if (fen !== null) expect(result.success && result.data.price).toBe(fen);
    else expect(firstIssue(result)).toEqual(["price", message]);
  });

  it("an empty budget is no budget; a bad one is refused", () => {
    const base = { category: "consulting", title: "t", description: "d", regionCode: "330702" };
    const empty = RequestSchema.safeParse({ ...base, budget: "" });
    expect(empty.success && empty.data.budget).toBeUndefined();
    expect(firstIssue(RequestSchema.safeParse({ ...base, budget: "abc" }))).toEqual([
      "budget",
      "engagement.amount_invalid",
    ]);
  });
});

describe("dates and other fields", () => {
  it.each([
    [{ startDate: "2026-06-01", endDate: "2026-05-31" }, ["endDate", "engagement.dates_order"]],
    [{ startDate: "2026-02-30" }, ["startDate", "engagement.date_invalid"]],
    [{ startDate: "2026-06-01", endDate: "2026-06-01" }, null],
  ])("counter-offer %j", (dates, issue) => {
    expect(firstIssue(CounterOfferSchema.safeParse({ price: "100", scope: "s", version: "3", ...dates }))).toEqual(
      issue,
    );
  });

  it("duration is whole days from 1 to 3650", () => {
    expect(firstIssue(QuoteSchema.safeParse({ price: "1", plan: "p", durationDays: "0" }))).toEqual([
      "durationDays",
      "engagement.duration_invalid",
    ]);
    expect(firstIssue(QuoteSchema.safeParse({ price: "1", plan: "p", durationDays: "1.5" }))).toEqual([
      "durationDays",
      "engagement.duration_invalid",
    ]);
    expect(firstIssue(QuoteSchema.safeParse({ price: "1", plan: "p", durationDays: "90" }))).toBeNull();
  });

  it("only known events pass, and the reasoned ones need a reason", () => {
    expect(firstIssue(TransitionSchema.safeParse({ event: "explode", version: "1" }))).toEqual([
      "event",
      "engagement.illegal_transition",
    ]);
    expect(firstIssue(ReasonedTransitionSchema.safeParse({ event: "cancel", reason: "  ", version: "1" }))).toEqual([
      "reason",
      "engagement.reason_required",
    ]);
    expect(
      firstIssue(ReasonedTransitionSchema.safeParse({ event: "cancel", reason: "预算调整", version: "1" })),
    ).toBeNull();
  });
});
