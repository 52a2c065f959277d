import { and, eq, gte, lt, lte } from "drizzle-orm";
import type { Db } from "../../db/client";
import { loginAttempts, qualifications } from "../../db/schema";
import { shanghaiDateString } from "../domain/format";
import { dueQualificationReminder } from "../domain/notification-types";
import { notify } from "./notify.server";

const DAY_MS = 86_400_000;

/**
 * Reminds providers of verified qualifications expiring in 30 and 7 days and on the day their
 * listings hide. Each reminder's event key names the qualification and the offset, so however
 * many times the schedule runs, each reminder is written once. Returns how many rows were new.
 */
export async function sendQualificationReminders(db: Db, now: Date): Promise<number> {
  const today = shanghaiDateString(now);
  const from = shanghaiDateString(new Date(now.getTime() - 3 * DAY_MS));
  const to = shanghaiDateString(new Date(now.getTime() + 30 * DAY_MS));
  const candidates = await db
    .select()
    .from(qualifications)
    .where(
      and(eq(qualifications.status, "verified"), gte(qualifications.validTo, from), lte(qualifications.validTo, to)),
    );
  let written = 0;
  for (const q of candidates) {
    const reminder = dueQualificationReminder(q.validTo, today);
    if (!reminder) continue;
    written += await db.transaction((tx) =>
      notify(tx, {
        type: "qualification_expiring",
        key: `qualification_expiring:${q.id}:${reminder}`,
        orgId: q.providerId,
        subjectId: q.id,
        params: { certificateNo: q.certificateNo, validTo: q.validTo, reminder },
        now,
      }),
    );
  }
  return written;
}

/** Login attempts only matter for the throttle's window; older than a day they are noise. */
export async function pruneLoginAttempts(db: Db, now: Date): Promise<number> {
  const deleted = await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.at, new Date(now.getTime() - DAY_MS)))
    .returning({ id: loginAttempts.id });
  return deleted.length;
}
