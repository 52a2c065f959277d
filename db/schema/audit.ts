import { bigserial, index, jsonb, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { organisations, users } from "./accounts";

/**
 * Append-only: a migration installs a trigger that refuses UPDATE and DELETE,
 * so not even a bug in the app can rewrite history.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    actorUserId: uuid().references(() => users.id, { onDelete: "restrict" }),
    orgId: uuid().references(() => organisations.id, { onDelete: "restrict" }),
    action: varchar({ length: 64 }).notNull(),
    subjectType: varchar({ length: 32 }),
    subjectId: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ip: varchar({ length: 64 }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_org_idx").on(t.orgId, t.at), index("audit_log_at_idx").on(t.at)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
