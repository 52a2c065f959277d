import { describe, expect, it } from "vitest";
import { breachedThreads, onTimeRateBp, responseStatus, type GuidanceThread } from "./response-time";

const opened = new Date("2026-06-01T22:30:00+08:00"); // a late-evening question: 24-hour guidance still owes 2 h
const t = (over: Partial<GuidanceThread> = {}): GuidanceThread => ({
  id: "t",
  channel: "guidance_24h",
  openedAt: opened,
  firstAnsweredAt: null,
  ...over,
});

describe("first-response target (Qingdao 6+3: 24小时远程指导; issue 8: first answer within 2 h)", () => {
  const cases: Array<[string, Partial<GuidanceThread>, string, string, number]> = [
    ["waiting, in time", {}, "2026-06-02T00:00:00+08:00", "waiting", 0],
    ["waiting at the due instant", {}, "2026-06-02T00:30:00+08:00", "waiting", 0],
    ["unanswered one minute late", {}, "2026-06-02T00:31:00+08:00", "breached_waiting", 1],
    [
      "answered in time",
      { firstAnsweredAt: new Date("2026-06-01T23:10:00+08:00") },
      "2026-06-03T00:00:00+08:00",
      "met",
      0,
    ],
    [
      "answered 90 minutes late",
      { firstAnsweredAt: new Date("2026-06-02T02:00:00+08:00") },
      "2026-06-03T00:00:00+08:00",
      "answered_late",
      90,
    ],
    ["insurer channel: 24 h", { channel: "insurer" }, "2026-06-02T22:00:00+08:00", "waiting", 0],
    ["expert channel: 48 h", { channel: "expert" }, "2026-06-03T22:31:00+08:00", "breached_waiting", 1],
    ["an agreed 30-minute target", { targetMinutes: 30 }, "2026-06-01T23:05:00+08:00", "breached_waiting", 5],
  ];
  it.each(cases)("%s", (_label, over, now, state, late) => {
    const got = responseStatus(t(over), new Date(now));
    expect(got.state).toBe(state);
    expect(got.lateMinutes).toBe(late);
  });
  it("dates the due time", () => {
    expect(responseStatus(t(), opened).dueAt.toISOString()).toBe("2026-06-01T16:30:00.000Z");
  });
});

describe("breaches shown", () => {
  const now = new Date("2026-06-02T12:00:00+08:00");
  const threads = [
    t({ id: "ok", firstAnsweredAt: new Date("2026-06-01T22:40:00+08:00") }),
    t({ id: "late", firstAnsweredAt: new Date("2026-06-02T08:30:00+08:00") }),
    t({ id: "waiting-long" }),
    t({ id: "fresh", openedAt: new Date("2026-06-02T11:00:00+08:00") }),
    t({ id: "waiting-short", openedAt: new Date("2026-06-02T09:30:00+08:00") }),
  ];
  it("lists still-waiting breaches first, latest first, then late answers", () => {
    expect(breachedThreads(threads, now).map((x) => x.id)).toEqual(["waiting-long", "waiting-short", "late"]);
  });
  it("reports the on-time rate of answered threads", () => {
    expect(onTimeRateBp(threads, now)).toBe(5_000);
    expect(onTimeRateBp([t()], now)).toBeNull();
  });
});
