import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { mailLog, mailSettings, notifications, organisations, users } from "../../db/schema";
import {
  MAIL_MAX_ATTEMPTS,
  NOTIFICATION_TYPES,
  isNotificationType,
  nextMailAttempt,
} from "../domain/notification-types";
import { notificationText } from "../i18n/notification-text";
import { composeMail, mailT, type MailEnv, type MailTransport } from "./mail.server";

/** How long a claimed row is reserved for the worker that claimed it before another may retry. */
const CLAIM_LEASE_MS = 5 * 60_000;

export type DeliveryDeps = { transport: MailTransport; mailEnv: MailEnv };

/**
 * The outbox relay: sends every e-mail row that is due, one at a time. A row is claimed with
 * FOR UPDATE SKIP LOCKED and leased (next_attempt_at moved ahead) in a short transaction, so
 * several workers never send one row at the same time and nothing is held open during SMTP.
 * The mail_log row keyed by the notification is written in the transaction that marks it sent,
 * and checked before sending: a worker killed after the send but before that commit is the only
 * case that sends twice (with the same Message-ID). Returns how many mails were sent.
 */
export async function deliverPendingMail(db: Db, deps: DeliveryDeps, now: Date, limit = 100): Promise<number> {
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const claimed = await claimOne(db, now);
    if (!claimed) break;
    if (await deliverOne(db, deps, claimed, now)) sent += 1;
  }
  return sent;
}

async function claimOne(db: Db, now: Date): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.channel, "email"),
          eq(notifications.status, "pending"),
          sql`(${notifications.nextAttemptAt} is null or ${notifications.nextAttemptAt} <= ${now.toISOString()}::timestamptz)`,
        ),
      )
      .orderBy(asc(notifications.createdAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!row) return null;
    await tx
      .update(notifications)
      .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS), attempts: sql`${notifications.attempts} + 1` })
      .where(eq(notifications.id, row.id));
    return row.id;
  });
}

async function deliverOne(db: Db, deps: DeliveryDeps, id: string, now: Date): Promise<boolean> {
  const key = `notification:${id}`;
  const [already] = await db.select({ id: mailLog.id }).from(mailLog).where(eq(mailLog.idempotencyKey, key));
  if (already) {
    await db.update(notifications).set({ status: "sent", sentAt: now }).where(eq(notifications.id, id));
    return false;
  }
  const found = await loadForMail(db, id);
  if (!found) return false;
  const { row, email, locale, orgName } = found;
  const t = await mailT(locale);
  const text = notificationText(t, row.type, row.params);
  const url = `${deps.mailEnv.appOrigin}${linkOf(row.type, row.subjectId)}`;
  const mail = composeMail(t, {
    subject: text.title,
    items: [{ ...text, url }],
    orgName,
    settingsUrl: `${deps.mailEnv.appOrigin}/settings/notifications`,
  });
  try {
    await deps.transport.send({ ...mail, to: email, messageId: `<${id}@anfu.notifications>` });
  } catch (error) {
    const next = nextMailAttempt(row.attempts, now);
    await db
      .update(notifications)
      .set({
        status: next && row.attempts < MAIL_MAX_ATTEMPTS ? "pending" : "failed",
        nextAttemptAt: next,
        lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
      })
      .where(eq(notifications.id, id));
    return false;
  }
  await db.transaction(async (tx) => {
    await recordMail(tx, { key, to: email, mail, transport: deps.transport.kind, now });
    await tx
      .update(notifications)
      .set({ status: "sent", sentAt: now, lastError: null })
      .where(eq(notifications.id, id));
  });
  return true;
}

export function linkOf(type: string, subjectId: string | null): string {
  return isNotificationType(type) ? NOTIFICATION_TYPES[type].link(subjectId) : "/notifications";
}

async function loadForMail(db: DbOrTx, id: string) {
  const [found] = await db
    .select({ row: notifications, email: users.email, locale: mailSettings.locale, orgName: organisations.name })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.recipientUserId))
    .innerJoin(organisations, eq(organisations.id, notifications.recipientOrgId))
    .leftJoin(mailSettings, eq(mailSettings.userId, notifications.recipientUserId))
    .where(eq(notifications.id, id));
  return found ? { ...found, locale: found.locale ?? "zh-CN" } : null;
}

export async function recordMail(
  tx: DbOrTx,
  p: { key: string; to: string; mail: { subject: string; text: string; html: string }; transport: string; now: Date },
) {
  await tx
    .insert(mailLog)
    .values({
      idempotencyKey: p.key,
      toAddress: p.to,
      subject: p.mail.subject,
      textBody: p.mail.text,
      htmlBody: p.mail.html,
      transport: p.transport,
      createdAt: p.now,
    })
    .onConflictDoNothing();
}
