import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { organisations, users } from "./accounts";

export const notificationChannel = pgEnum("notification_channel", ["in_app", "email"]);
/** in_app rows are "sent" on insert; email rows wait for the outbox relay (or the digest). */
export const deliveryStatus = pgEnum("delivery_status", ["pending", "digest", "sent", "failed"]);
export const notificationMode = pgEnum("notification_mode", ["in_app", "email", "digest"]);

/**
 * The outbox and the inbox in one table: one row per event, recipient and channel, written in
 * the transaction of the change that causes it (docs/decisions/012-job-queue.md). The unique
 * key makes a retried or duplicated job notify nobody twice.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    eventKey: varchar({ length: 200 }).notNull(),
    type: varchar({ length: 64 }).notNull(),
    channel: notificationChannel().notNull(),
    recipientUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    recipientOrgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    subjectType: varchar({ length: 32 }).notNull(),
    subjectId: uuid(),
    params: jsonb().$type<Record<string, string | number>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    status: deliveryStatus().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notifications_event_recipient_key").on(t.eventKey, t.recipientUserId, t.channel),
    index("notifications_inbox_idx").on(t.recipientUserId, t.recipientOrgId, t.channel, t.createdAt),
    index("notifications_outbox_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
  ],
);

/** A user's choice per notification type; absent means the type's default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: varchar({ length: 64 }).notNull(),
    mode: notificationMode().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.type] })],
);

/** The language a user's mails are written in (the site language is a cookie, not stored). */
export const mailSettings = pgTable("mail_settings", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  locale: varchar({ length: 8 }).notNull().default("zh-CN"),
});

/**
 * Every mail handed to a transport (SMTP or, without SMTP_URL, this log alone). The unique
 * notification/digest key is the idempotency record of a send: written in the transaction
 * that marks the outbox row sent.
 */
export const mailLog = pgTable(
  "mail_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    idempotencyKey: varchar({ length: 200 }).notNull(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    transport: varchar({ length: 8 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("mail_log_idempotency_key").on(t.idempotencyKey), index("mail_log_created_idx").on(t.createdAt)],
);

export type Notification = typeof notifications.$inferSelect;
export type NotificationMode = (typeof notificationMode.enumValues)[number];
