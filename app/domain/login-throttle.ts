/**
 * Login throttling: failures are counted in a sliding window per account and per IP.
 * Past the limit a login is refused until the oldest counted failure leaves the window,
 * so nobody is ever locked out for good (an attacker cannot lock a victim out for longer
 * than a window by guessing).
 * The IP limit is higher because many small firms sit behind one office NAT.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_IP = 30;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** `accountFailures` and `ipFailures` are the failure times inside the window, any order. */
export function judgeLogin(input: { accountFailures: Date[]; ipFailures: Date[] }, now: Date): ThrottleVerdict {
  const waits = [
    waitFor(input.accountFailures, MAX_FAILURES_PER_ACCOUNT, now),
    waitFor(input.ipFailures, MAX_FAILURES_PER_IP, now),
  ];
  const wait = Math.max(...waits);
  return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
}

function waitFor(failures: Date[], limit: number, now: Date): number {
  const start = now.getTime() - THROTTLE_WINDOW_MS;
  const inWindow = failures
    .map((d) => d.getTime())
    .filter((t) => t > start && t <= now.getTime())
    .sort((a, b) => b - a);
  if (inWindow.length < limit) return 0;
  // The limit-th most recent failure must leave the window before another try is allowed.
  const gate = inWindow[limit - 1];
  return gate + THROTTLE_WINDOW_MS - now.getTime();
}

export function windowStart(now: Date): Date {
  return new Date(now.getTime() - THROTTLE_WINDOW_MS);
}
