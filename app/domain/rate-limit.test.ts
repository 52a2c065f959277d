// Issue 6 #9: search pages and the API are rate limited per IP and per token, in fixed
// windows every server process agrees on; Retry-After says when the next window opens.
import { describe, expect, it } from "vitest";
import { isOverLimit, rateWindowOf, RATE_WINDOW_MS } from "./rate-limit";

describe("rateWindowOf", () => {
  it.each<[now: string, start: string, retryAfter: number]>([
    ["2026-03-02T08:00:00.000Z", "2026-03-02T08:00:00.000Z", 60],
    ["2026-03-02T08:00:00.001Z", "2026-03-02T08:00:00.000Z", 60],
    ["2026-03-02T08:00:30.000Z", "2026-03-02T08:00:00.000Z", 30],
    ["2026-03-02T08:00:59.999Z", "2026-03-02T08:00:00.000Z", 1],
    ["2026-03-02T08:01:00.000Z", "2026-03-02T08:01:00.000Z", 60],
  ])("at %s the window starts %s and the next opens in %i s", (now, start, retryAfter) => {
    const window = rateWindowOf(new Date(now));
    expect(window.start.toISOString()).toBe(start);
    expect(window.retryAfterSeconds).toBe(retryAfter);
  });

  it("every instant of a window maps to the same start, and the wait never exceeds the window", () => {
    const base = Date.parse("2026-03-02T08:00:00.000Z");
    for (let offset = 0; offset < RATE_WINDOW_MS; offset += 997) {
      const window = rateWindowOf(new Date(base + offset));
      expect(window.start.getTime()).toBe(base);
      expect(window.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(window.retryAfterSeconds).toBeLessThanOrEqual(RATE_WINDOW_MS / 1000);
    }
  });
});

describe("isOverLimit", () => {
  it.each<[count: number, limit: number, over: boolean]>([
    [1, 120, false],
    [120, 120, false],
    [121, 120, true],
    [1_000_000, 0, false], // 0 turns the limit off
  ])("request %i against a limit of %i → over: %s", (count, limit, over) => {
    expect(isOverLimit(count, limit)).toBe(over);
  });
});
