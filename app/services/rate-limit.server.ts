import { and, eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { rateLimitWindows } from "../../db/schema";
import { isOverLimit, rateWindowOf } from "../domain/rate-limit";
import { AppError } from "../utils/errors";

/**
 * Counts one request against `key` and refuses it with 429 and Retry-After past `limit` per
 * window. One atomic upsert: concurrent requests, in any process, each get their own count.
 */
export async function enforceRateLimit(db: DbOrTx, input: { key: string; limit: number; now: Date }): Promise<void> {
  if (input.limit <= 0) return;
  const window = rateWindowOf(input.now);
  const key = input.key.slice(0, 200);
  const [row] = await db
    .insert(rateLimitWindows)
    .values({ key, windowStart: window.start, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitWindows.key, rateLimitWindows.windowStart],
      set: { count: sql`${rateLimitWindows.count} + 1` },
    })
    .returning({ count: rateLimitWindows.count });
  // The first request of a window clears the key's older windows, so the table stays small.
  if (row.count === 1) {
    await db
      .delete(rateLimitWindows)
      .where(and(eq(rateLimitWindows.key, key), lt(rateLimitWindows.windowStart, window.start)));
  }
  if (isOverLimit(row.count, input.limit)) {
    throw new AppError(
      429,
      "rate_limited",
      "rate_limited",
      { seconds: window.retryAfterSeconds },
      { "Retry-After": String(window.retryAfterSeconds) },
    );
  }
}
