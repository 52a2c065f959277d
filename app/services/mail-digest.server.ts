import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { notifications } from "../../db/schema";
import { shanghaiDateString } from "../domain/format";
import { notificationText } from "../i18n/notification-text";
import { linkOf, recordMail, type DeliveryDeps } from "./mail-delivery.server";
import { composeMail, mailT } from "./mail.server";
import { mailSettings, organisations, users } from "../../db/schema";

/** The in-app row of the same event and recipient, to see whether it was read already. */
const inApp = alias(notifications, "in_app");

/**
 * The daily digest: one mail per user and organisation with every row waiting in "digest"
 * whose in-app twin (same event, same recipient) is still unread. A row the user already read
 * in the app is settled without mail: status "sent", `sent_at` left empty and `read_at` copied
 * from the in-app row, so it is never mailed and is pruned like any sent row
 * (docs/architecture.md, "Notifications: digest and retention"). When every waiting row was read, no mail goes.
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
      const waiting = await tx
        .select({ row: notifications, readInApp: inApp.readAt })
        .from(notifications)
        .leftJoin(
          inApp,
          and(
            eq(inApp.eventKey, notifications.eventKey),
            eq(inApp.recipientUserId, notifications.recipientUserId),
            eq(inApp.recipientOrgId, notifications.recipientOrgId),
            eq(inApp.channel, "in_app"),
          ),
        )
        .where(
          and(
            eq(notifications.recipientUserId, r.userId),
            eq(notifications.recipientOrgId, r.orgId),
            eq(notifications.channel, "email"),
            eq(notifications.status, "digest"),
          ),
        )
        .orderBy(asc(notifications.createdAt))
        .for("update", { of: notifications, skipLocked: true });
      if (!waiting.length) return false;
      const read = waiting.filter((w) => w.readInApp !== null);
      if (read.length > 0) {
        await tx.execute(sql`
          update notifications n set status = 'sent', read_at = i.read_at
          from notifications i
          where n.id in (${sql.join(
            read.map((w) => sql`${w.row.id}::uuid`),
            sql`, `,
          )})
            and i.event_key = n.event_key and i.recipient_user_id = n.recipient_user_id
            and i.recipient_org_id = n.recipient_org_id and i.channel = 'in_app'`);
      }
      const rows = waiting.filter((w) => w.readInApp === null).map((w) => w.row);
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
