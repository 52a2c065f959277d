/**
 * Fixed-window rate limits: requests are counted per key in windows aligned on multiples of
 * the window length (a minute by default), so every server process puts a request in the same
 * window without talking to the others. Simple and cheap; a burst across a window boundary
 * may reach twice the limit, which is acceptable for the generous limits used here.
 */
export const RATE_WINDOW_MS = 60_000;

export type RateWindow = { start: Date; retryAfterSeconds: number };

/** The window `now` falls in, and how long until the next one starts (at least 1 s). */
export function rateWindowOf(now: Date, windowMs: number = RATE_WINDOW_MS): RateWindow {
  const startMs = Math.floor(now.getTime() / windowMs) * windowMs;
  const retryAfterSeconds = Math.max(1, Math.ceil((startMs + windowMs - now.getTime()) / 1000));
  return { start: new Date(startMs), retryAfterSeconds };
}

/** A limit of 0 turns the limit off; otherwise the count after this request must not exceed it. */
export function isOverLimit(count: number, limit: number): boolean {
  return limit > 0 && count > limit;
}
