// Login throttling (docs/architecture.md, "Auth after Lucia"): at most 10 failures per account and 30 per
// IP in a sliding 15-minute window; past that a login waits, with Retry-After, until the
// window moves on. Never a permanent lockout, so guessing cannot lock a victim out for good.
import { describe, expect, it } from "vitest";
import {
  judgeLogin,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_IP,
  THROTTLE_WINDOW_MS,
  windowStart,
} from "./login-throttle";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const now = new Date("2026-03-02T08:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
/** `n` failures, one every `step` ms, the most recent `latest` ms ago. */
const failures = (n: number, latest = 0, step = SECOND) => Array.from({ length: n }, (_, i) => ago(latest + i * step));

describe("the limits", () => {
  it("are 10 per account and 30 per IP in 15 minutes", () => {
    expect(MAX_FAILURES_PER_ACCOUNT).toBe(10);
    expect(MAX_FAILURES_PER_IP).toBe(30);
    expect(THROTTLE_WINDOW_MS).toBe(15 * MINUTE);
    expect(windowStart(now)).toEqual(ago(15 * MINUTE));
  });
});

describe("per account", () => {
  it.each([
    [0, true],
    [9, true],
    [10, false],
    [25, false],
  ])("%i recent failures → allowed %s", (n, allowed) => {
    expect(judgeLogin({ accountFailures: failures(n), ipFailures: [] }, now).allowed).toBe(allowed);
  });

  it("tells how long to wait: until the 10th most recent failure leaves the window", () => {
    // Failures 0 s, 1 s, …, 9 s ago: the 10th (9 s ago) leaves the window in 15 min − 9 s.
    const verdict = judgeLogin({ accountFailures: failures(10), ipFailures: [] }, now);
    expect(verdict).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 - 9 });
  });

  it("rounds a partial second of waiting up, never down to 0", () => {
    const verdict = judgeLogin(
      { accountFailures: failures(10, 15 * MINUTE - 10 * SECOND - 300, 1), ipFailures: [] },
      now,
    );
    expect(verdict).toEqual({ allowed: false, retryAfterSeconds: 11 });
  });
});

describe("per IP (higher: many firms share one office NAT)", () => {
  it.each([
    [29, true],
    [30, false],
  ])("%i recent failures from the IP → allowed %s", (n, allowed) => {
    expect(judgeLogin({ accountFailures: [], ipFailures: failures(n) }, now).allowed).toBe(allowed);
  });

  it("the longer of the two waits wins", () => {
    const verdict = judgeLogin({ accountFailures: failures(10, 10 * MINUTE), ipFailures: failures(30) }, now);
    expect(verdict).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 - 29 });
  });
});

describe("the window", () => {
  it("ignores failures older than 15 minutes", () => {
    const old = failures(50, 15 * MINUTE + SECOND);
    expect(judgeLogin({ accountFailures: old, ipFailures: old }, now)).toEqual({ allowed: true });
  });

  it("a failure exactly 15 minutes old no longer counts", () => {
    const accountFailures = [...failures(9), ago(15 * MINUTE)];
    expect(judgeLogin({ accountFailures, ipFailures: [] }, now)).toEqual({ allowed: true });
  });

  it("only the failures inside the window add up", () => {
    const accountFailures = [...failures(9), ...failures(20, 16 * MINUTE)];
    expect(judgeLogin({ accountFailures, ipFailures: [] }, now)).toEqual({ allowed: true });
  });

  it("ignores failures dated in the future (clock skew cannot extend a lockout)", () => {
    const future = Array.from({ length: 10 }, (_, i) => new Date(now.getTime() + (i + 1) * MINUTE));
    expect(judgeLogin({ accountFailures: future, ipFailures: [] }, now)).toEqual({ allowed: true });
  });

  it("takes the failures in any order", () => {
    const shuffled = failures(10).reverse();
    expect(judgeLogin({ accountFailures: shuffled, ipFailures: [] }, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 15 * 60 - 9,
    });
  });
});

describe("no permanent lockout", () => {
  it("is allowed again exactly when the retry-after has elapsed", () => {
    const accountFailures = failures(10);
    const verdict = judgeLogin({ accountFailures, ipFailures: [] }, now);
    if (verdict.allowed) throw new Error("expected a refusal");
    const later = new Date(now.getTime() + verdict.retryAfterSeconds * SECOND);
    expect(judgeLogin({ accountFailures, ipFailures: [] }, later)).toEqual({ allowed: true });
    const justBefore = new Date(later.getTime() - 1);
    expect(judgeLogin({ accountFailures, ipFailures: [] }, justBefore).allowed).toBe(false);
  });

  it("even 1000 failures (a sustained attack) stop counting once the window has passed", () => {
    const many = failures(1000, 0, 500);
    const after = new Date(now.getTime() + 15 * MINUTE);
    expect(judgeLogin({ accountFailures: many, ipFailures: many }, after)).toEqual({ allowed: true });
  });
});
