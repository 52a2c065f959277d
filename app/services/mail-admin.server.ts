import { and, desc, eq, lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { mailLog, notifications, users } from "../../db/schema";

const PAGE = 50;

/** The platform admin's view: mails that failed after the last retry, and the mail log. */
export async function readMailLog(db: DbOrTx, p: { before?: number }) {
  const [failed, rows] = await Promise.all([
    db
      .select({
        id: notifications.id,
        type: notifications.type,
        to: users.email,
        attempts: notifications.attempts,
        lastError: notifications.lastError,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.recipientUserId))
      .where(and(eq(notifications.channel, "email"), eq(notifications.status, "failed")))
      .orderBy(desc(notifications.createdAt))
      .limit(PAGE),
    db
      .select()
      .from(mailLog)
      .where(p.before ? lt(mailLog.id, p.before) : undefined)
      .orderBy(desc(mailLog.id))
      .limit(PAGE),
  ]);
  return { failed, rows, nextBefore: rows.length === PAGE ? rows[rows.length - 1]!.id : null };
}
