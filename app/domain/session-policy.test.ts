// Session lifetime rules (docs/architecture.md, "Auth after Lucia"): a session ends after
// 12 hours unused (idle) and after 7 days in any case (absolute); the idle deadline slides
// forward at most once an hour and never past the absolute deadline.
import { describe, expect, it } from "vitest";
import { judgeSession, newSessionTimes, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "./session-policy";

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const t0 = new Date("2026-03-02T01:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("the limits themselves", () => {
  it("are 12 hours idle and 7 days absolute", () => {
    expect(SESSION_IDLE_MS).toBe(12 * HOUR);
    expect(SESSION_ABSOLUTE_MS).toBe(7 * 24 * HOUR);
  });

  it("a new session ends 12 h idle and 7 days absolute from its creation", () => {
    expect(newSessionTimes(t0)).toEqual({
      createdAt: t0,
      idleExpiresAt: at(12 * HOUR),
      absoluteExpiresAt: at(7 * 24 * HOUR),
    });
  });
});

describe("idle expiry at the exact boundary", () => {
  const session = newSessionTimes(t0);
  it.each([
    ["1 ms before the idle deadline", 12 * HOUR - 1, "valid"],
    ["exactly at the idle deadline", 12 * HOUR, "expired"],
    ["1 ms after the idle deadline", 12 * HOUR + 1, "expired"],
    ["a day later", 24 * HOUR, "expired"],
  ] as const)("%s → %s", (_label, offset, expected) => {
    const verdict = judgeSession(session, at(offset));
    expect(verdict.status === "expired" ? "expired" : "valid").toBe(expected);
    if (verdict.status === "expired") expect(verdict.reason).toBe("idle");
  });
});

describe("absolute expiry at the exact boundary, however busy the session", () => {
  // A session kept busy: its idle deadline already reaches the absolute one.
  const busy = { ...newSessionTimes(t0), idleExpiresAt: at(7 * 24 * HOUR) };
  it.each([
    ["1 ms before 7 days", 7 * 24 * HOUR - 1, "valid"],
    ["exactly 7 days", 7 * 24 * HOUR, "expired"],
    ["8 days", 8 * 24 * HOUR, "expired"],
  ] as const)("%s → %s", (_label, offset, expected) => {
    const verdict = judgeSession(busy, at(offset));
    expect(verdict.status === "expired" ? "expired" : "valid").toBe(expected);
  });

  it("reports the absolute reason even when the idle deadline is (wrongly) later", () => {
    const tampered = { ...newSessionTimes(t0), idleExpiresAt: at(9 * 24 * HOUR) };
    expect(judgeSession(tampered, at(7 * 24 * HOUR))).toEqual({ status: "expired", reason: "absolute" });
  });
});

describe("sliding extension", () => {
  const session = newSessionTimes(t0);

  it("does not write within the first hour of use", () => {
    expect(judgeSession(session, at(0))).toEqual({ status: "valid" });
    expect(judgeSession(session, at(59 * MINUTE))).toEqual({ status: "valid" });
    expect(judgeSession(session, at(HOUR - 1))).toEqual({ status: "valid" });
  });

  it("extends to now + 12 h once an hour has passed", () => {
    expect(judgeSession(session, at(HOUR))).toEqual({ status: "extend", idleExpiresAt: at(13 * HOUR) });
    expect(judgeSession(session, at(5 * HOUR))).toEqual({ status: "extend", idleExpiresAt: at(17 * HOUR) });
  });

  it("after an extension, waits another hour before the next", () => {
    const extended = { ...session, idleExpiresAt: at(13 * HOUR) };
    expect(judgeSession(extended, at(HOUR + 30 * MINUTE))).toEqual({ status: "valid" });
    expect(judgeSession(extended, at(2 * HOUR))).toEqual({ status: "extend", idleExpiresAt: at(14 * HOUR) });
  });

  it("never extends beyond the absolute deadline", () => {
    const absolute = 7 * 24 * HOUR;
    const late = { ...session, idleExpiresAt: at(absolute - 3 * HOUR) };
    const verdict = judgeSession(late, at(absolute - 4 * HOUR));
    expect(verdict).toEqual({ status: "extend", idleExpiresAt: at(absolute) });
  });

  it("does not extend when the cap leaves less than an hour to gain", () => {
    const absolute = 7 * 24 * HOUR;
    const late = { ...session, idleExpiresAt: at(absolute - 30 * MINUTE) };
    expect(judgeSession(late, at(absolute - 40 * MINUTE))).toEqual({ status: "valid" });
  });

  it("a session used every 11 hours still dies at 7 days", () => {
    let current = newSessionTimes(t0);
    let offset = 0;
    for (; offset < 8 * 24 * HOUR; offset += 11 * HOUR) {
      const verdict = judgeSession(current, at(offset));
      if (verdict.status === "expired") break;
      if (verdict.status === "extend") {
        expect(verdict.idleExpiresAt.getTime()).toBeLessThanOrEqual(current.absoluteExpiresAt.getTime());
        current = { ...current, idleExpiresAt: verdict.idleExpiresAt };
      }
    }
    expect(offset).toBeGreaterThanOrEqual(7 * 24 * HOUR);
    expect(offset).toBeLessThan(7 * 24 * HOUR + 11 * HOUR);
    expect(judgeSession(current, at(offset))).toEqual({ status: "expired", reason: "absolute" });
  });
});
