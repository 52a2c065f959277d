import { and, eq, gt, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { loginAttempts } from "../../db/schema";
import { judgeLogin, windowStart } from "../domain/login-throttle";
import { AppError } from "../utils/errors";

export type AttemptKey = { accountKey: string; ip: string };

/**
 * Reserves one password check under the throttle, or refuses with 429 and Retry-After.
 * Count and insert run in one transaction holding advisory locks on the account and the IP,
 * so concurrent attempts queue here and at most the limit ever reach the password check; the
 * reservation counts as a failure until `recordSuccess` says otherwise. The account lock is
 * always taken before the IP lock, so two attempts can never wait on each other in a cycle.
 */
export async function reserveAttempt(db: Db, key: AttemptKey, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`throttle:account:${key.accountKey}`}, 0))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`throttle:ip:${key.ip}`}, 0))`);
    const since = windowStart(now);
    const accountFailures = await failuresSince(tx, eq(loginAttempts.accountKey, key.accountKey), since);
    const ipFailures = await failuresSince(tx, eq(loginAttempts.ip, key.ip), since);
    const verdict = judgeLogin({ accountFailures, ipFailures }, now);
    if (!verdict.allowed) {
      throw new AppError(
        429,
        "too_many_attempts",
        "too_many_attempts",
        { minutes: Math.ceil(verdict.retryAfterSeconds / 60) },
        { "Retry-After": String(verdict.retryAfterSeconds) },
      );
    }
    const [row] = await tx
      .insert(loginAttempts)
      .values({ accountKey: key.accountKey, ip: key.ip, succeeded: false, at: now })
      .returning({ id: loginAttempts.id });
    return row.id;
  });
}

/** The reserved check found the right password: it no longer counts as a failure. */
export async function recordSuccess(db: DbOrTx, attemptId: number): Promise<void> {
  await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
}

async function failuresSince(db: DbOrTx, who: SQL, since: Date): Promise<Date[]> {
  const rows = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(who, eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  return rows.map((r) => r.at);
}

/**
 * The key under which the current-password check of a signed-in user is throttled: not an
 * e-mail address (no `@`), so it never shares a count with a login.
 */
export const passwordCheckKey = (userId: string) => `password-check:${userId}`;
