import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { notifications } from "../../db/schema";
import { shanghaiDateString } from "../domain/format";
import { notificationText } from "../i18n/notification-text";
import { linkOf, recordMail, type DeliveryDeps } from "./mail-delivery.server";
import { composeMail, mailT } from "./mail.server";
import { mailSettings, organisations, users } from "../../db/schema";

/**
 * The daily digest: one mail per user and organisation with every row waiting in "digest".
 * Each user's rows are locked (SKIP LOCKED) in one transaction that also writes the mail log
 * keyed by user, organisation and day, so two workers or a rerun the same day send one digest.
 * A failed send rolls the transaction back and the rows wait for the next day's run.
 */
export async function sendDigests(db: Db, deps: DeliveryDeps, now: Date): Promise<number> {
  const day = shanghaiDateString(now);
  const recipients = await db
    .selectDistinct({ userId: notifications.recipientUserId, orgId: notifications.recipientOrgId })
    .from(notifications)
    .where(and(eq(notifications.channel, "email"), eq(notifications.status, "digest")));
  let sent = 0;
  for (const r of recipients) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.recipientUserId, r.userId),
            eq(notifications.recipientOrgId, r.orgId),
            eq(notifications.channel, "email"),
            eq(notifications.status, "digest"),
          ),
        )
        .orderBy(asc(notifications.createdAt))
        .for("update", { skipLocked: true });
      if (!rows.length) return false;
      const [who] = await tx
        .select({ email: users.email, locale: mailSettings.locale, orgName: organisations.name })
        .from(users)
        .innerJoin(organisations, eq(organisations.id, r.orgId))
        .leftJoin(mailSettings, eq(mailSettings.userId, users.id))
        .where(eq(users.id, r.userId));
      if (!who) return false;
      const t = await mailT(who.locale ?? "zh-CN");
      const mail = composeMail(t, {
        subject: t("notifications:digestSubject", { count: rows.length }),
        intro: t("notifications:digestIntro"),
        items: rows.map((row) => ({
          ...notificationText(t, row.type, row.params),
          url: `${deps.mailEnv.appOrigin}${linkOf(row.type, row.subjectId)}`,
        })),
        orgName: who.orgName,
        settingsUrl: `${deps.mailEnv.appOrigin}/settings/notifications`,
      });
      await deps.transport.send({
        ...mail,
        to: who.email,
        messageId: `<digest-${r.userId}-${r.orgId}-${day}@anfu.notifications>`,
      });
      await recordMail(tx, {
        key: `digest:${r.userId}:${r.orgId}:${day}`,
        to: who.email,
        mail,
        transport: deps.transport.kind,
        now,
      });
      await tx
        .update(notifications)
        .set({ status: "sent", sentAt: now })
        .where(
          inArray(
            notifications.id,
            rows.map((row) => row.id),
          ),
        );
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}
