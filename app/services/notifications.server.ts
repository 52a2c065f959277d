import { and, count, desc, eq, isNull, lt } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { mailSettings, notificationPreferences, notifications } from "../../db/schema";
import {
  NOTIFICATION_TYPE_NAMES,
  NOTIFICATION_TYPES,
  type NotificationMode,
  type NotificationType,
} from "../domain/notification-types";
import { toLanguage, type Language } from "../i18n/config";
import { AppError } from "../utils/errors";
import { visibleLink } from "./notification-links.server";
import { pageWindow } from "../domain/paging";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The in-app rows of this user in the organisation they act for; never another's. */
const inboxOf = (p: { userId: string; orgId: string }) =>
  and(
    eq(notifications.recipientUserId, p.userId),
    eq(notifications.recipientOrgId, p.orgId),
    eq(notifications.channel, "in_app"),
  );

export async function listInbox(db: DbOrTx, p: { userId: string; orgId: string; page?: number }) {
  const { page, limit, offset } = pageWindow(p.page);
  const [rows, [{ total }], unread] = await Promise.all([
    db
      .select({
        id: notifications.id,
        type: notifications.type,
        params: notifications.params,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(inboxOf(p))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(notifications).where(inboxOf(p)),
    unreadCount(db, p),
  ]);
  return { rows, total, unread, page, pageSize: limit };
}

export async function unreadCount(db: DbOrTx, p: { userId: string; orgId: string }): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(inboxOf(p), isNull(notifications.readAt)));
  return n;
}

export async function markRead(db: DbOrTx, p: { userId: string; orgId: string; id: string; now: Date }) {
  if (!UUID.test(p.id)) return;
  await db
    .update(notifications)
    .set({ readAt: p.now })
    .where(and(inboxOf(p), eq(notifications.id, p.id), isNull(notifications.readAt)));
}

export async function markAllRead(db: DbOrTx, p: { userId: string; orgId: string; now: Date }) {
  await db
    .update(notifications)
    .set({ readAt: p.now })
    .where(and(inboxOf(p), isNull(notifications.readAt)));
}

/**
 * Opening a notification: marks it read and returns where to go, re-checking that the object
 * is still there and visible to this organisation; null means "unavailable". 404 for a
 * notification that is not this user's own.
 */
export async function openNotification(db: Db, p: { userId: string; orgId: string; id: string; now: Date }) {
  const [row] = UUID.test(p.id)
    ? await db
        .select()
        .from(notifications)
        .where(and(inboxOf(p), eq(notifications.id, p.id)))
    : [];
  if (!row) throw new AppError(404, "not_found", "not_found");
  await markRead(db, p);
  return visibleLink(db, { orgId: p.orgId, now: p.now }, row);
}

export type Preferences = { locale: Language; modes: Record<NotificationType, NotificationMode> };

export async function getPreferences(db: DbOrTx, userId: string): Promise<Preferences> {
  const [chosen, [settings]] = await Promise.all([
    db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)),
    db.select().from(mailSettings).where(eq(mailSettings.userId, userId)),
  ]);
  const modes = Object.fromEntries(
    NOTIFICATION_TYPE_NAMES.map((type) => [
      type,
      chosen.find((c) => c.type === type)?.mode ?? NOTIFICATION_TYPES[type].defaultMode,
    ]),
  ) as Record<NotificationType, NotificationMode>;
  return { locale: toLanguage(settings?.locale), modes };
}

export async function savePreferences(db: Db, userId: string, prefs: Preferences) {
  await db.transaction(async (tx) => {
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
    await tx
      .insert(notificationPreferences)
      .values(NOTIFICATION_TYPE_NAMES.map((type) => ({ userId, type, mode: prefs.modes[type] })));
    await tx
      .insert(mailSettings)
      .values({ userId, locale: prefs.locale })
      .onConflictDoUpdate({ target: mailSettings.userId, set: { locale: prefs.locale } });
  });
}

export const API_PAGE_SIZE = 50;

/**
 * The organisation's notifications for its own systems: one entry per event (each member has a
 * row of their own), newest first, paged by a `before` cursor (an ISO time).
 */
export async function listOrgNotificationsForApi(db: DbOrTx, p: { orgId: string; before?: Date }) {
  const where = and(
    eq(notifications.recipientOrgId, p.orgId),
    eq(notifications.channel, "in_app"),
    p.before ? lt(notifications.createdAt, p.before) : undefined,
  );
  return db
    .selectDistinctOn([notifications.createdAt, notifications.eventKey], {
      eventKey: notifications.eventKey,
      type: notifications.type,
      subjectType: notifications.subjectType,
      subjectId: notifications.subjectId,
      params: notifications.params,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), notifications.eventKey)
    .limit(API_PAGE_SIZE);
}
