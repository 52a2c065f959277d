import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { organisations, users } from "./accounts";
import { engagements } from "./engagements";
import { files } from "./marketplace";
import { experts, hazards, inspections, insurancePolicies } from "./safety";

/**
 * The insurers' "6+3" prevention services (issue 9; docs/domain.md, "Insurance: the 6+3
 * prevention package"; decision 014 for the plan rules, decision 025 for how they are stored).
 * The policy itself is `insurance_policies` in safety.ts (the register needs it to relate an
 * insurer to an enterprise). Plan items are derived by app/domain/insurance-plan.ts and stored
 * so that assignees, agreed dates and visits can hang on them; their status (planned, at risk,
 * overdue…) is derived at read time by plan-item-status.ts, never stored.
 */

export const insuranceService = pgEnum("insurance_service", [
  "risk_assessment",
  "key_inspection",
  "thorough_inspection",
  "all_staff_training",
  "rectification_assistance",
  "one_enterprise_one_plan",
  "remote_guidance",
  "onsite_stationing",
]);
export const planItemState = pgEnum("plan_item_state", ["open", "done", "cancelled"]);
export const planAssigneeKind = pgEnum("plan_assignee_kind", ["staff", "expert", "provider"]);

export const insurancePlanItems = pgTable(
  "insurance_plan_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    policyId: uuid()
      .notNull()
      .references(() => insurancePolicies.id),
    /** Copied from the policy: every list is scoped by the acting insurer in its WHERE. */
    insurerId: uuid()
      .notNull()
      .references(() => organisations.id),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    service: insuranceService().notNull(),
    /** 1-based within its service code, in window order (renumbered on a re-plan). */
    sequence: smallint().notNull(),
    windowStart: date({ mode: "string" }).notNull(),
    dueDate: date({ mode: "string" }).notNull(),
    /** rectification_assistance: the government-found hazard it helps with. */
    hazardId: uuid().references(() => hazards.id),
    /** remote_guidance: its channel and response-time target. */
    guidance: jsonb().$type<{ channel: string; responseMinutes: number }>(),
    state: planItemState().notNull().default("open"),
    assigneeKind: planAssigneeKind(),
    /** staff: an insurer member. */
    assigneeUserId: uuid().references(() => users.id),
    /** expert: one from the pool. */
    assigneeExpertId: uuid().references(() => experts.id),
    /** provider: the marketplace engagement that commissions it, paid from the prevention fee. */
    assigneeEngagementId: uuid().references(() => engagements.id),
    /** The visit date agreed with the enterprise. */
    scheduledOn: date({ mode: "string" }),
    doneAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("insurance_plan_items_policy_idx").on(t.policyId, t.service, t.sequence),
    index("insurance_plan_items_insurer_idx").on(t.insurerId, t.state, t.dueDate),
    index("insurance_plan_items_enterprise_idx").on(t.enterpriseId, t.dueDate),
    // The insurer's desk (insurer-desk.server.ts): open items by due date for the overdue and
    // at-risk lists, and covering indexes so completion and staff load are index-only scans.
    index("insurance_plan_items_insurer_open_idx")
      .on(t.insurerId, t.dueDate, t.id)
      .where(sql`${t.state} = 'open'`),
    index("insurance_plan_items_insurer_service_idx").on(t.insurerId, t.service, t.state, t.dueDate, t.policyId),
    index("insurance_plan_items_insurer_staff_idx")
      .on(t.insurerId, t.assigneeUserId, t.state, t.dueDate, t.scheduledOn, t.doneAt)
      .where(sql`${t.assigneeUserId} IS NOT NULL`),
    index("insurance_plan_items_assignee_idx")
      .on(t.assigneeUserId, t.dueDate)
      .where(sql`${t.assigneeUserId} IS NOT NULL`),
    // One rectification-assistance item per hazard and policy, however often the hook runs.
    uniqueIndex("insurance_plan_items_hazard_key")
      .on(t.policyId, t.hazardId)
      .where(sql`${t.hazardId} IS NOT NULL AND ${t.state} <> 'cancelled'`),
    check("insurance_plan_items_window_check", sql`${t.dueDate} >= ${t.windowStart}`),
    check(
      "insurance_plan_items_assignee_check",
      sql`(${t.assigneeKind} IS NULL AND ${t.assigneeUserId} IS NULL AND ${t.assigneeExpertId} IS NULL AND ${t.assigneeEngagementId} IS NULL)
        OR (${t.assigneeKind} = 'staff' AND ${t.assigneeUserId} IS NOT NULL)
        OR (${t.assigneeKind} = 'expert' AND ${t.assigneeExpertId} IS NOT NULL)
        OR (${t.assigneeKind} = 'provider' AND ${t.assigneeEngagementId} IS NOT NULL)`,
    ),
  ],
);

export const visitKind = pgEnum("insurance_visit_kind", ["service", "return_visit"]);

/**
 * A visit record (AQ 9010): time, place, who served, what was checked (an inspection with a
 * template, for the checking services), photos; done only when both the serving side and the
 * enterprise have confirmed it. A return visit (回访) follows a visit that found hazards: it
 * verifies the fix and records the enterprise's satisfaction.
 */
export const insuranceVisits = pgTable(
  "insurance_visits",
  {
    id: uuid().primaryKey().defaultRandom(),
    planItemId: uuid()
      .notNull()
      .references(() => insurancePlanItems.id),
    policyId: uuid()
      .notNull()
      .references(() => insurancePolicies.id),
    insurerId: uuid()
      .notNull()
      .references(() => organisations.id),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    kind: visitKind().notNull().default("service"),
    /** return_visit: the visit whose hazards it follows up. */
    returnOfVisitId: uuid(),
    /** The checking services' inspection (source "insurer"); its hazards are the written notice. */
    inspectionId: uuid().references(() => inspections.id),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }).notNull(),
    place: text().notNull(),
    /** Where the visit took place (WGS-84), for the bureau's travel-time check. */
    lat: doublePrecision(),
    lng: doublePrecision(),
    /** Everyone present for the serving side: users where they have accounts, names as signed. */
    staffUserIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    staffNames: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    summary: text().notNull().default(""),
    /** return_visit: the enterprise's satisfaction, 1 (very dissatisfied) to 5 (very satisfied). */
    satisfaction: smallint(),
    comments: text(),
    /** return_visit: whether the hazards were found fixed. */
    fixVerified: boolean(),
    createdByUserId: uuid().references(() => users.id),
    serviceConfirmedAt: timestamp({ withTimezone: true }),
    serviceConfirmedByUserId: uuid().references(() => users.id),
    enterpriseConfirmedAt: timestamp({ withTimezone: true }),
    enterpriseConfirmedByUserId: uuid().references(() => users.id),
    version: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("insurance_visits_item_idx").on(t.planItemId),
    index("insurance_visits_insurer_idx").on(t.insurerId, t.startedAt),
    index("insurance_visits_enterprise_idx").on(t.enterpriseId, t.startedAt),
    check("insurance_visits_time_check", sql`${t.endedAt} > ${t.startedAt}`),
    check("insurance_visits_satisfaction_check", sql`${t.satisfaction} IS NULL OR ${t.satisfaction} BETWEEN 1 AND 5`),
    check(
      "insurance_visits_position_check",
      sql`(${t.lat} IS NULL) = (${t.lng} IS NULL) AND (${t.lat} IS NULL OR (${t.lat} BETWEEN -90 AND 90 AND ${t.lng} BETWEEN -180 AND 180))`,
    ),
  ],
);

/** A visit's photos with their hashes, so the bureau's reuse check is one indexed lookup. */
export const insuranceVisitPhotos = pgTable(
  "insurance_visit_photos",
  {
    visitId: uuid()
      .notNull()
      .references(() => insuranceVisits.id, { onDelete: "cascade" }),
    fileId: uuid()
      .notNull()
      .references(() => files.id),
    /** The file's content hash (files.sha256), copied for the index. */
    sha256: varchar({ length: 64 }).notNull(),
    /** 64-bit difference hash as 16 hex digits (perceptual-hash.ts); null when not decodable. */
    dHash: varchar({ length: 16 }),
    caption: text(),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.fileId] }),
    index("insurance_visit_photos_sha_idx").on(t.sha256),
    index("insurance_visit_photos_dhash_idx").on(t.dHash),
  ],
);

export const feeEntryKind = pgEnum("prevention_fee_entry_kind", ["fund", "commission", "release"]);

/**
 * The prevention-fee ledger (prevention-fee.ts): one fund entry per policy (premium × ratio),
 * commissions for services bought from providers, releases when a commission is given back.
 * Append-only; a balance is a sum. A commission beyond the balance records its overrun and why.
 */
export const preventionFeeEntries = pgTable(
  "prevention_fee_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    policyId: uuid()
      .notNull()
      .references(() => insurancePolicies.id),
    insurerId: uuid()
      .notNull()
      .references(() => organisations.id),
    kind: feeEntryKind().notNull(),
    amountFen: bigint({ mode: "number" }).notNull(),
    overrunFen: bigint({ mode: "number" }).notNull().default(0),
    overrunReason: text(),
    engagementId: uuid().references(() => engagements.id),
    planItemId: uuid().references(() => insurancePlanItems.id),
    createdByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("prevention_fee_entries_policy_idx").on(t.policyId, t.createdAt),
    index("prevention_fee_entries_insurer_idx").on(t.insurerId, t.createdAt),
    uniqueIndex("prevention_fee_entries_fund_key")
      .on(t.policyId)
      .where(sql`${t.kind} = 'fund'`),
    // One commission and at most one release per engagement: a retried release writes nothing.
    uniqueIndex("prevention_fee_entries_engagement_key")
      .on(t.engagementId, t.kind)
      .where(sql`${t.engagementId} IS NOT NULL`),
    check("prevention_fee_entries_amount_check", sql`${t.amountFen} >= 0 AND ${t.overrunFen} >= 0`),
    check(
      "prevention_fee_entries_overrun_check",
      sql`${t.overrunFen} = 0 OR (${t.kind} = 'commission' AND ${t.overrunReason} IS NOT NULL AND ${t.overrunFen} <= ${t.amountFen})`,
    ),
    check("prevention_fee_entries_engagement_check", sql`(${t.kind} = 'fund') = (${t.engagementId} IS NULL)`),
  ],
);

/**
 * A complaint of an insured enterprise about a service (AQ 9010): answered within 10 working
 * days, 30 where a check is needed, extendable once by at most 30 more with a reason
 * (complaint-deadline.ts).
 */
export const insuranceComplaints = pgTable(
  "insurance_complaints",
  {
    id: uuid().primaryKey().defaultRandom(),
    policyId: uuid()
      .notNull()
      .references(() => insurancePolicies.id),
    insurerId: uuid()
      .notNull()
      .references(() => organisations.id),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    planItemId: uuid().references(() => insurancePlanItems.id),
    visitId: uuid().references(() => insuranceVisits.id),
    subject: text().notNull(),
    body: text().notNull(),
    filedOn: date({ mode: "string" }).notNull(),
    needsCheck: boolean().notNull().default(false),
    extensionDays: smallint().notNull().default(0),
    extensionReason: text(),
    answer: text(),
    answeredAt: timestamp({ withTimezone: true }),
    answeredByUserId: uuid().references(() => users.id),
    createdByUserId: uuid().references(() => users.id),
    version: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("insurance_complaints_insurer_idx").on(t.insurerId, t.filedOn),
    index("insurance_complaints_enterprise_idx").on(t.enterpriseId, t.filedOn),
    check(
      "insurance_complaints_extension_check",
      sql`${t.extensionDays} BETWEEN 0 AND 30 AND (${t.extensionDays} = 0) = (${t.extensionReason} IS NULL)`,
    ),
  ],
);

/**
 * A secret calendar feed (ICS): per insurer staff member (their assigned items) or per
 * enterprise (its visits). Only the token's SHA-256 is stored; resetting replaces it, so the
 * old URL stops working at once.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: varchar({ length: 64 }).notNull(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** Set for a staff member's own feed; null for the organisation's (an enterprise's) feed. */
    userId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("calendar_feeds_token_key").on(t.tokenHash),
    uniqueIndex("calendar_feeds_owner_key").on(
      t.orgId,
      sql`coalesce(${t.userId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

/** A bureau's oversight thresholds (oversight-flags.ts DEFAULT_OVERSIGHT_CONFIG when absent). */
export const oversightSettings = pgTable(
  "oversight_settings",
  {
    bureauId: uuid()
      .primaryKey()
      .references(() => organisations.id),
    minVisitMinutes: integer().notNull(),
    maxTravelKmh: integer().notNull(),
    photoHammingMax: smallint().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "oversight_settings_range_check",
      sql`${t.minVisitMinutes} BETWEEN 1 AND 480 AND ${t.maxTravelKmh} BETWEEN 10 AND 300 AND ${t.photoHammingMax} BETWEEN 0 AND 15`,
    ),
  ],
);
