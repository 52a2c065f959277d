import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { organisations, users } from "./accounts";

/** Lucia's design: the id is the SHA-256 (hex) of the token the browser holds. */
export const sessions = pgTable(
  "sessions",
  {
    id: varchar({ length: 64 }).primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    activeOrgId: uuid().references(() => organisations.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    idleExpiresAt: timestamp({ withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: varchar({ length: 64 }),
    userAgent: text(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** SHA-256 hex of the secret; the secret itself is shown once and never stored. */
    tokenHash: varchar({ length: 64 }).notNull().unique(),
    /** The first characters of the secret, so a user can tell tokens apart. */
    displayPrefix: varchar({ length: 16 }).notNull(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("api_tokens_org_idx").on(t.orgId)],
);

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    accountKey: text().notNull(),
    ip: varchar({ length: 64 }).notNull(),
    succeeded: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("login_attempts_account_idx").on(t.accountKey, t.at), index("login_attempts_ip_idx").on(t.ip, t.at)],
);

export type Session = typeof sessions.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;

/**
 * Fixed-window request counters (search pages per IP, the API per token), kept in the
 * database so every server process counts together. One row per key and window, bumped by an
 * atomic upsert; rows of past windows are deleted as new ones start.
 */
export const rateLimitWindows = pgTable(
  "rate_limit_windows",
  {
    key: varchar({ length: 200 }).notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    check("rate_limit_windows_count_positive", sql`${t.count} > 0`),
  ],
);
