import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

export const orgKind = pgEnum("org_kind", ["enterprise", "provider", "insurer", "group", "bureau", "platform"]);
export const verificationStatus = pgEnum("verification_status", ["pending", "verified", "rejected"]);
export const memberRole = pgEnum("member_role", ["owner", "admin", "member"]);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    phone: varchar({ length: 32 }),
    passwordHash: text().notNull(),
    passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`)],
);

export const organisations = pgTable(
  "organisations",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: orgKind().notNull(),
    name: text().notNull(),
    uscc: varchar({ length: 18 }),
    regionCode: varchar({ length: 6 }).notNull(),
    industryCode: varchar({ length: 2 }),
    contactPhone: varchar({ length: 32 }),
    address: text(),
    description: text(),
    verificationStatus: verificationStatus().notNull().default("pending"),
    verifiedAt: timestamp({ withTimezone: true }),
    suspendedAt: timestamp({ withTimezone: true }),
    suspendedReason: text(),
    /**
     * An enterprise put on the register by a bureau, an insurer or a group, that nobody has
     * claimed yet: no members, no login. Registering with its USCC claims it (docs/domain.md).
     */
    unclaimed: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisations_uscc_key").on(t.uscc),
    index("organisations_region_idx").on(t.regionCode),
    index("organisations_kind_idx").on(t.kind),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: memberRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.orgId] }), index("memberships_org_idx").on(t.orgId)],
);

export type User = typeof users.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type Membership = typeof memberships.$inferSelect;
export type OrgKind = (typeof orgKind.enumValues)[number];
export type MemberRole = (typeof memberRole.enumValues)[number];
