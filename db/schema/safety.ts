import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
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
import type { ChecklistTemplate, NormalisedAnswer } from "../../app/domain/checklist-templates";
import { organisations, users } from "./accounts";
import { files } from "./marketplace";

/**
 * The everyday safety records (issue 8; docs/domain.md, "Hazards and inspections",
 * "Mutual-aid groups", "Experts"): the enterprise register, risk grades, inspections and
 * hazards with their rectification loop, mutual-aid groups and rotations, the expert pool,
 * training, remote guidance and free check-ups. The rules are pure modules in app/domain/
 * (decision 013); enum values here equal the domain's lists (db/schema/enums.test.ts).
 */

// ---------------------------------------------------------------- enterprise register

export const riskGrade = pgEnum("risk_grade", ["red", "orange", "yellow", "blue"]);
export const occupationalHazardLevel = pgEnum("occupational_hazard_level", ["general", "serious", "severe"]);

/**
 * The register's facts about an enterprise, claimed or not (organisations.unclaimed). One row
 * per enterprise organisation; a bureau's re-import updates it (idempotent by USCC).
 */
export const enterpriseProfiles = pgTable(
  "enterprise_profiles",
  {
    orgId: uuid()
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The finer GB/T 4754 code as given ("2614"); organisations.industryCode keeps the division. */
    industryDetail: varchar({ length: 5 }),
    employees: integer(),
    highRisk: boolean().notNull().default(false),
    occupationalHazard: occupationalHazardLevel(),
    supervisedMajorHazard: boolean().notNull().default(false),
    recentAccidents: integer().notNull().default(0),
    /** Priority-target reasons 1–5 (enterprise-import.ts) with how each was known. */
    priorityReasons: jsonb()
      .$type<Array<{ reason: 1 | 2 | 3 | 4 | 5; by: "declared" | "derived" | "both" }>>()
      .notNull()
      .default([]),
    /** The organisation (a bureau, an insurer, a group) that put the enterprise on the register. */
    addedByOrgId: uuid().references(() => organisations.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("enterprise_profiles_employees_check", sql`${t.employees} IS NULL OR ${t.employees} >= 0`)],
);

/** 红橙黄蓝 assessments; the current grade is derived (risk-grade.ts), never stored twice. */
export const riskAssessments = pgTable(
  "risk_assessments",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    grade: riskGrade().notNull(),
    assessedOn: date({ mode: "string" }).notNull(),
    assessorOrgId: uuid().references(() => organisations.id),
    assessorName: text().notNull(),
    reason: text().notNull(),
    recordedByUserId: uuid().references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("risk_assessments_enterprise_idx").on(t.enterpriseId, t.assessedOn)],
);

/** 安责险 policies (issue 9 owns them; issue 8 reads them as the insurer's relation to an enterprise). */
export const policyStatus = pgEnum("policy_status", ["active", "cancelled", "expired"]);
export const insurancePolicies = pgTable(
  "insurance_policies",
  {
    id: uuid().primaryKey().defaultRandom(),
    insurerId: uuid()
      .notNull()
      .references(() => organisations.id),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    policyNumber: varchar({ length: 64 }).notNull(),
    premiumFen: bigint({ mode: "number" }).notNull(),
    preventionFeeBps: integer().notNull(),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }).notNull(),
    riskGrade: riskGrade().notNull(),
    optionalServices: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: policyStatus().notNull().default("active"),
    /** remote_guidance: the promised first-response minutes (insurance-plan.ts default when null). */
    guidanceResponseMinutes: integer(),
    /** onsite_stationing: the agreed days on site per month (default when null). */
    stationingDaysPerMonth: smallint(),
    /** When cancelled: the day cover stops (保险责任终止日); that day itself is not covered. */
    cancelledOn: date({ mode: "string" }),
    renewalOfId: uuid(),
    version: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("insurance_policies_number_key").on(t.insurerId, t.policyNumber),
    index("insurance_policies_enterprise_idx").on(t.enterpriseId, t.endDate),
    check("insurance_policies_fee_check", sql`${t.preventionFeeBps} BETWEEN 0 AND 10000`),
    check("insurance_policies_premium_check", sql`${t.premiumFen} >= 0`),
    check("insurance_policies_dates_check", sql`${t.endDate} >= ${t.startDate}`),
    check(
      "insurance_policies_options_check",
      sql`(${t.guidanceResponseMinutes} IS NULL OR ${t.guidanceResponseMinutes} BETWEEN 5 AND 2880) AND (${t.stationingDaysPerMonth} IS NULL OR ${t.stationingDaysPerMonth} BETWEEN 1 AND 31)`,
    ),
    check("insurance_policies_cancel_check", sql`(${t.status} = 'cancelled') = (${t.cancelledOn} IS NOT NULL)`),
  ],
);

// ---------------------------------------------------------------- checklists, inspections, hazards

/** An organisation's editable copy of a checklist (built-ins live in app/domain/data/checklist-templates.ts). */
export const checklistTemplates = pgTable(
  "checklist_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** The built-in template it was copied from, if any. */
    basedOnKey: varchar({ length: 40 }),
    name: text().notNull(),
    body: jsonb().$type<ChecklistTemplate>().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("checklist_templates_owner_idx").on(t.ownerOrgId)],
);

/** A hazard proposed in a draft inspection (see inspections.draftHazards). */
export type DraftHazard = {
  itemKey: string | null;
  grade: "general" | "major";
  description: string;
  location: string;
  responsiblePerson: string;
  deadline: string;
  photoFileIds: string[];
};

export const inspectionSource = pgEnum("inspection_source", [
  "self_check",
  "mutual_aid",
  "insurer",
  "provider",
  "expert",
  "government",
  "free_checkup",
]);

/**
 * 检查记录. The template is copied in (`template`) so later edits of a copy never change a
 * record. Findings freeze when the inspecting side confirms; the enterprise then acknowledges
 * (inspection-sources.ts, AQ 9010 style).
 */
export const inspections = pgTable(
  "inspections",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** The inspecting organisation (for a self-check, the enterprise itself). */
    inspectorOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    source: inspectionSource().notNull(),
    inspectedOn: date({ mode: "string" }).notNull(),
    /** Names of the people who inspected (staff, experts), as signed on the report. */
    inspectorNames: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    template: jsonb().$type<ChecklistTemplate>(),
    answers: jsonb().$type<Record<string, NormalisedAnswer>>().notNull().default({}),
    findings: text().notNull().default(""),
    /** passed ÷ applicable in basis points (checklist-templates.ts); null without a template. */
    scoreBp: integer(),
    /**
     * Hazards proposed while the inspection is a draft (candidates from failed items and manual
     * ones). They become hazards rows only when the inspecting side confirms (hazard-intake),
     * so the enterprise and its bureau only ever see signed findings (decision 018).
     */
    draftHazards: jsonb().$type<DraftHazard[]>().notNull().default([]),
    createdByUserId: uuid().references(() => users.id),
    inspectorConfirmedAt: timestamp({ withTimezone: true }),
    inspectorConfirmedByUserId: uuid().references(() => users.id),
    enterpriseAcknowledgedAt: timestamp({ withTimezone: true }),
    enterpriseAcknowledgedByUserId: uuid().references(() => users.id),
    enterpriseAcknowledgeNote: text(),
    version: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("inspections_enterprise_idx").on(t.enterpriseId, t.inspectedOn),
    index("inspections_inspector_idx").on(t.inspectorOrgId, t.inspectedOn),
    check("inspections_score_check", sql`${t.scoreBp} IS NULL OR ${t.scoreBp} BETWEEN 0 AND 10000`),
  ],
);

export const inspectionPhotos = pgTable(
  "inspection_photos",
  {
    inspectionId: uuid()
      .notNull()
      .references(() => inspections.id, { onDelete: "cascade" }),
    fileId: uuid()
      .notNull()
      .references(() => files.id),
    caption: text(),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.fileId] })],
);

export const hazardGrade = pgEnum("hazard_grade", ["general", "major"]);
export const hazardStatus = pgEnum("hazard_status", ["open", "rectifying", "rectified", "verified", "closed"]);

/** 隐患. `status` changes only through the hazard machine, together with a hazard_events row. */
export const hazards = pgTable(
  "hazards",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    inspectionId: uuid()
      .notNull()
      .references(() => inspections.id),
    /** The organisation whose inspection found it (copied from the inspection). */
    finderOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    source: inspectionSource().notNull(),
    /** The checklist item it came from, when it did. */
    itemKey: varchar({ length: 60 }),
    grade: hazardGrade().notNull(),
    description: text().notNull(),
    location: text().notNull().default(""),
    responsiblePerson: text().notNull().default(""),
    foundOn: date({ mode: "string" }).notNull(),
    deadline: date({ mode: "string" }).notNull(),
    status: hazardStatus().notNull().default("open"),
    /** The day it left "open" (self-reported = self-check and this ≤ deadline). */
    leftOpenOn: date({ mode: "string" }),
    /** 双报告 of a major hazard: the bureau it went to, when, and its acknowledgement. */
    reportedToBureauId: uuid().references(() => organisations.id),
    reportedAt: timestamp({ withTimezone: true }),
    bureauAcknowledgedAt: timestamp({ withTimezone: true }),
    bureauAcknowledgedByUserId: uuid().references(() => users.id),
    escalatedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("hazards_enterprise_idx").on(t.enterpriseId, t.status, t.deadline),
    index("hazards_inspection_idx").on(t.inspectionId),
    index("hazards_finder_idx").on(t.finderOrgId),
    index("hazards_unacknowledged_idx")
      .on(t.reportedAt)
      .where(sql`reported_at IS NOT NULL AND bureau_acknowledged_at IS NULL`),
    check("hazards_deadline_check", sql`${t.deadline} >= ${t.foundOn}`),
  ],
);

export const hazardEvents = pgTable(
  "hazard_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    hazardId: uuid()
      .notNull()
      .references(() => hazards.id),
    event: varchar({ length: 40 }).notNull(),
    fromStatus: hazardStatus(),
    toStatus: hazardStatus().notNull(),
    actorOrgId: uuid().references(() => organisations.id),
    actorUserId: uuid().references(() => users.id),
    reason: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("hazard_events_hazard_idx").on(t.hazardId, t.at)],
);

export const hazardFileRole = pgEnum("hazard_file_role", ["photo", "evidence"]);
export const hazardFiles = pgTable(
  "hazard_files",
  {
    hazardId: uuid()
      .notNull()
      .references(() => hazards.id, { onDelete: "cascade" }),
    fileId: uuid()
      .notNull()
      .references(() => files.id),
    role: hazardFileRole().notNull(),
    /** The event (submit_rectification) the evidence came with. */
    eventId: uuid().references(() => hazardEvents.id),
  },
  (t) => [primaryKey({ columns: [t.hazardId, t.fileId] })],
);

// ---------------------------------------------------------------- mutual-aid groups

export const groupMemberStatus = pgEnum("group_member_status", ["invited", "active", "left"]);

/** Members of a mutual-aid group (an organisation of kind "group" coordinates it). */
export const groupMembers = pgTable(
  "group_members",
  {
    groupId: uuid()
      .notNull()
      .references(() => organisations.id),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    status: groupMemberStatus().notNull(),
    invitedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    joinedAt: timestamp({ withTimezone: true }),
    leftAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.enterpriseId] }),
    index("group_members_enterprise_idx").on(t.enterpriseId),
  ],
);

/** A member's named technical staff who inspect other members. */
export const groupStaff = pgTable(
  "group_staff",
  {
    id: uuid().primaryKey().defaultRandom(),
    groupId: uuid()
      .notNull()
      .references(() => organisations.id),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    name: text().notNull(),
    title: text(),
    phone: varchar({ length: 32 }),
    removedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("group_staff_member_idx").on(t.groupId, t.enterpriseId)],
);

/** A planned cycle (or an inter-group round when `otherGroupId` is set), reproducible from `seed`. */
export const rotationCycles = pgTable(
  "rotation_cycles",
  {
    id: uuid().primaryKey().defaultRandom(),
    groupId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** Inter-group round: this group's staff inspect the other group's members. */
    otherGroupId: uuid().references(() => organisations.id),
    label: text().notNull(),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    seed: varchar({ length: 64 }).notNull(),
    warnings: jsonb().$type<Array<Record<string, unknown>>>().notNull().default([]),
    createdByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("rotation_cycles_group_idx").on(t.groupId, t.startsOn),
    check("rotation_cycles_dates_check", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** One planned mutual inspection: done when `inspectionId` is set. */
export const rotationAssignments = pgTable(
  "rotation_assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    cycleId: uuid()
      .notNull()
      .references(() => rotationCycles.id, { onDelete: "cascade" }),
    inspectorEnterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    inspectedEnterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    inspectionId: uuid().references(() => inspections.id),
  },
  (t) => [
    index("rotation_assignments_cycle_idx").on(t.cycleId),
    index("rotation_assignments_inspector_idx").on(t.inspectorEnterpriseId),
    index("rotation_assignments_inspected_idx").on(t.inspectedEnterpriseId),
    check("rotation_assignments_not_self", sql`${t.inspectorEnterpriseId} <> ${t.inspectedEnterpriseId}`),
  ],
);

// ---------------------------------------------------------------- experts

export const expertTitle = pgEnum("expert_title", ["senior_full", "senior", "intermediate", "junior", "none"]);
export const safetyEngineerLevel = pgEnum("safety_engineer_level", ["senior", "intermediate", "junior"]);

/**
 * 专家库: one pool. A provider's experts are rows here with `employerOrgId` = the provider
 * (they replaced the old provider_experts list); independent experts have none.
 */
export const experts = pgTable(
  "experts",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    /** The organisation that employs the expert and maintains the profile, if any. */
    employerOrgId: uuid().references(() => organisations.id, { onDelete: "cascade" }),
    /**
     * Who keeps the profile: the employer for an employed expert; for an independent expert the
     * bureau or the platform that added it (decision 021). It also sees the expert's assignments.
     */
    maintainedByOrgId: uuid().references(() => organisations.id, { onDelete: "cascade" }),
    /** A platform account of the expert's own, when they act on the platform themselves. */
    userId: uuid().references(() => users.id),
    specialties: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    regionCodes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    industryCodes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    title: expertTitle().notNull().default("none"),
    safetyEngineerLevel: safetyEngineerLevel(),
    certificateNo: varchar({ length: 64 }),
    phone: varchar({ length: 32 }),
    bio: text(),
    active: boolean().notNull().default(true),
    unavailable: jsonb().$type<Array<{ from: string; to: string }>>().notNull().default([]),
    declaredConflictOrgIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("experts_employer_idx").on(t.employerOrgId)],
);

/** A bureau's random draw of experts for a task, reproducible from `seed` (expert-draw.ts). */
export const expertDraws = pgTable(
  "expert_draws",
  {
    id: uuid().primaryKey().defaultRandom(),
    drawnByOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    task: text().notNull(),
    criteria: jsonb().$type<Record<string, unknown>>().notNull(),
    seed: varchar({ length: 64 }).notNull(),
    drawnExpertIds: uuid().array().notNull(),
    excluded: jsonb().$type<Array<{ expertId: string; reason: string }>>().notNull().default([]),
    drawnByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("expert_draws_drawer_idx").on(t.drawnByOrgId, t.createdAt)],
);

/** An expert assigned to inspect an enterprise (by a draw, an insurer, a bureau or the enterprise). */
export const expertAssignments = pgTable(
  "expert_assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    expertId: uuid()
      .notNull()
      .references(() => experts.id),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    assignedByOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    drawId: uuid().references(() => expertDraws.id),
    /** The inspection the expert joined or recorded, once there is one. */
    inspectionId: uuid().references(() => inspections.id),
    task: text().notNull().default(""),
    dueOn: date({ mode: "string" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("expert_assignments_expert_idx").on(t.expertId),
    index("expert_assignments_enterprise_idx").on(t.enterpriseId),
  ],
);

// ---------------------------------------------------------------- training, guidance, free check-ups

export const trainingKind = pgEnum("training_kind", [
  "all_staff",
  "principals",
  "special_operations",
  "exchange_meeting",
]);

/** 培训 (and a group's exchange meetings): counts toward an insurer's training duty and coverage. */
export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The organisation that recorded it (trainer, enterprise, group or insurer). */
    organiserOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    trainerOrgId: uuid().references(() => organisations.id),
    /** The trained enterprise; null for a group's shared session (see `groupId`). */
    enterpriseId: uuid().references(() => organisations.id),
    groupId: uuid().references(() => organisations.id),
    topic: text().notNull(),
    kind: trainingKind().notNull(),
    heldOn: date({ mode: "string" }).notNull(),
    hours: smallint(),
    attendeeCount: integer().notNull(),
    attendees: jsonb().$type<Array<{ name: string; enterpriseId?: string; role?: string }>>().notNull().default([]),
    materialFileIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdByUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("training_sessions_enterprise_idx").on(t.enterpriseId, t.heldOn),
    index("training_sessions_group_idx").on(t.groupId, t.heldOn),
    index("training_sessions_organiser_idx").on(t.organiserOrgId, t.heldOn),
    check("training_sessions_attendees_check", sql`${t.attendeeCount} >= 0`),
  ],
);

export const guidanceChannel = pgEnum("guidance_channel", ["guidance_24h", "insurer", "provider", "expert"]);

/** 远程指导: an enterprise asks its insurer, provider or an expert; response time is derived (response-time.ts). */
export const guidanceThreads = pgTable(
  "guidance_threads",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    channel: guidanceChannel().notNull(),
    /** The answering organisation (insurer or provider), or the expert's employer. */
    counterpartOrgId: uuid().references(() => organisations.id),
    expertId: uuid().references(() => experts.id),
    subject: text().notNull(),
    targetMinutes: integer(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    firstAnsweredAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    createdByUserId: uuid().references(() => users.id),
  },
  (t) => [
    index("guidance_threads_enterprise_idx").on(t.enterpriseId, t.openedAt),
    index("guidance_threads_counterpart_idx").on(t.counterpartOrgId, t.openedAt),
  ],
);

export const guidanceMessages = pgTable(
  "guidance_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    threadId: uuid()
      .notNull()
      .references(() => guidanceThreads.id, { onDelete: "cascade" }),
    authorOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    authorUserId: uuid().references(() => users.id),
    body: text().notNull(),
    fileIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("guidance_messages_thread_idx").on(t.threadId, t.at)],
);

/** 免费安全体检 (Jiangxi): a bureau or insurer runs a program for a list of enterprises. */
export const checkupPrograms = pgTable(
  "checkup_programs",
  {
    id: uuid().primaryKey().defaultRandom(),
    runnerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    name: text().notNull(),
    description: text().notNull().default(""),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("checkup_programs_runner_idx").on(t.runnerOrgId),
    check("checkup_programs_dates_check", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** An enterprise in a program, who carries its check-up out, and what came of it (一企一策). */
export const checkupEnterprises = pgTable(
  "checkup_enterprises",
  {
    programId: uuid()
      .notNull()
      .references(() => checkupPrograms.id, { onDelete: "cascade" }),
    enterpriseId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** The organisation commissioned to carry it out (a provider, an expert's employer); null = the runner. */
    carrierOrgId: uuid().references(() => organisations.id),
    inspectionId: uuid().references(() => inspections.id),
    /** 一企一策: the written plan for this enterprise. */
    planText: text(),
    planFileId: uuid().references(() => files.id),
    planIssuedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.enterpriseId] }),
    index("checkup_enterprises_enterprise_idx").on(t.enterpriseId),
    index("checkup_enterprises_carrier_idx").on(t.carrierOrgId),
  ],
);

export type EnterpriseProfile = typeof enterpriseProfiles.$inferSelect;
export type Inspection = typeof inspections.$inferSelect;
export type Hazard = typeof hazards.$inferSelect;
export type Expert = typeof experts.$inferSelect;
