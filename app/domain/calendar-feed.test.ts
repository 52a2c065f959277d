import { describe, expect, it } from "vitest";
import { feedEvent, feedTokenFromPath, type FeedItem } from "./calendar-feed";

const labels = { visit: "[上门]", due: "[到期]", done: "[已完成]" };
const base: FeedItem = {
  id: "0b7c1a9e-0000-4000-8000-000000000001",
  state: "open",
  dueDate: "2026-06-30",
  scheduledOn: null,
  version: 0,
  serviceLabel: "重点排查",
  partyName: "鑫达",
  address: "金华市婺城区",
};

describe("plan items as calendar events (issue 9, ICS feeds)", () => {
  it("an item without an agreed date is an all-day due event on its due date", () => {
    const e = feedEvent(base, labels);
    expect(e.start).toEqual([2026, 6, 30]);
    expect(e.end).toEqual([2026, 7, 1]);
    expect(e.title).toBe("[到期] 重点排查 · 鑫达");
    expect(e.location).toBe("金华市婺城区");
    expect(e.status).toBe("TENTATIVE");
  });
  it("an agreed visit sits on its agreed date, confirmed; the UID does not change when the date moves", () => {
    const e = feedEvent({ ...base, scheduledOn: "2026-06-20", version: 3 }, labels);
    expect(e.start).toEqual([2026, 6, 20]);
    expect(e.status).toBe("CONFIRMED");
    expect(e.sequence).toBe(3);
    expect(e.uid).toBe(feedEvent(base, labels).uid);
  });
  it("a withdrawn item is CANCELLED", () => {
    expect(feedEvent({ ...base, state: "cancelled" }, labels).status).toBe("CANCELLED");
  });
  it.each([
    ["abcdefghijklmnopqrstuvwxyz234567.ics", "abcdefghijklmnopqrstuvwxyz234567"],
    ["abcdefghijklmnopqrstuvwxyz234567", null],
    ["short.ics", null],
    ["abcdefghijklmnopqrstuvwxyz2345'7.ics", null],
    [undefined, null],
  ])("token path %s → %s", (param, token) => {
    expect(feedTokenFromPath(param)).toBe(token);
  });
});
