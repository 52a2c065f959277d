import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../../db/client";
import { organisations, riskAssessments, users } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { currentRiskGrade, type RiskGrade } from "../domain/risk-grade";
import { AppError } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { syncEnterprisePlans } from "./insurance-plans.server";
import { inspectionRelations, mayViewEnterpriseRecords, type ActingOrg } from "./enterprise-relations.server";

/**
 * 红橙黄蓝 risk grades (issue 8; decision 017). Who may record one: the enterprise's bureau, an
 * insurer with a policy in force, a provider serving it (or whose expert is assigned to it), and
 * the enterprise itself as a self-assessment (自评). A self-assessment is kept in the history but
 * never becomes the current grade that others (the insurance plans) read.
 */
export type AssessorCapacity = "bureau" | "insurer" | "provider" | "self";

export async function riskAssessorCapacity(
  db: DbOrTx,
  org: ActingOrg,
  enterpriseId: string,
  today: IsoDate,
): Promise<AssessorCapacity | null> {
  if (org.id === enterpriseId) return "self";
  if (org.kind !== "bureau" && org.kind !== "insurer" && org.kind !== "provider") return null;
  const rel = await inspectionRelations(db, org, enterpriseId, today);
  if (rel.isEnterpriseBureau) return "bureau";
  if (rel.insuresEnterprise) return "insurer";
  if (rel.servesEnterprise || rel.expertAssigned) return "provider";
  return null;
}

export type RiskAssessmentRow = {
  id: string;
  grade: RiskGrade;
  assessedOn: string;
  assessor: string;
  assessorOrgId: string | null;
  assessorOrgName: string | null;
  reason: string;
  recordedAt: Date;
  recordedByName: string | null;
  selfAssessment: boolean;
};

const assessorOrg = alias(organisations, "assessor_org");

/** Every assessment of the enterprise, newest first (the caller has checked visibility). */
export async function listRiskAssessments(db: DbOrTx, enterpriseId: string): Promise<RiskAssessmentRow[]> {
  const rows = await db
    .select({
      id: riskAssessments.id,
      grade: riskAssessments.grade,
      assessedOn: riskAssessments.assessedOn,
      assessor: riskAssessments.assessorName,
      assessorOrgId: riskAssessments.assessorOrgId,
      assessorOrgName: assessorOrg.name,
      reason: riskAssessments.reason,
      recordedAt: riskAssessments.recordedAt,
      recordedByName: users.name,
    })
    .from(riskAssessments)
    .leftJoin(assessorOrg, eq(assessorOrg.id, riskAssessments.assessorOrgId))
    .leftJoin(users, eq(users.id, riskAssessments.recordedByUserId))
    .where(eq(riskAssessments.enterpriseId, enterpriseId))
    .orderBy(desc(riskAssessments.assessedOn), desc(riskAssessments.recordedAt));
  return rows.map((r) => ({ ...r, selfAssessment: r.assessorOrgId === enterpriseId }));
}

/** The grade in force on `today` from assessments by others (self-assessments do not count); null when none. */
export function currentExternalGrade<T extends RiskAssessmentRow>(rows: readonly T[], today: IsoDate): T | null {
  return currentRiskGrade(
    rows.filter((r) => !r.selfAssessment),
    today,
  );
}

/** What the insurance plans read: the enterprise's current grade on `today`, or null. */
export async function riskGradeOf(db: DbOrTx, enterpriseId: string, today: IsoDate): Promise<RiskGrade | null> {
  const [row] = await db
    .select({ grade: riskAssessments.grade })
    .from(riskAssessments)
    .where(
      and(
        eq(riskAssessments.enterpriseId, enterpriseId),
        sql`${riskAssessments.assessedOn} <= ${today}`,
        sql`${riskAssessments.assessorOrgId} IS DISTINCT FROM ${riskAssessments.enterpriseId}`,
      ),
    )
    .orderBy(desc(riskAssessments.assessedOn), desc(riskAssessments.recordedAt))
    .limit(1);
  return row?.grade ?? null;
}

export type RiskAssessmentInput = {
  grade: RiskGrade;
  assessedOn: IsoDate;
  assessorName: string;
  reason: string;
};

/**
 * Records an assessment. Someone who cannot see the enterprise gets a 404 (its existence is not
 * revealed); someone who sees it but may not grade it (a group, an insurer whose policy ended) a 403.
 */
export async function recordRiskAssessment(
  db: Db,
  input: RiskAssessmentInput & {
    org: ActingOrg;
    actor: { userId: string; ip?: string | null };
    enterpriseId: string;
    today: IsoDate;
    now: Date;
  },
): Promise<{ id: string; capacity: AssessorCapacity }> {
  return db.transaction(async (tx) => {
    const [enterprise] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, input.enterpriseId), eq(organisations.kind, "enterprise")));
    if (!enterprise || !(await mayViewEnterpriseRecords(tx, input.org, input.enterpriseId, input.today)))
      throw new AppError(404, "not_found", "not_found");
    const capacity = await riskAssessorCapacity(tx, input.org, input.enterpriseId, input.today);
    if (!capacity) throw new AppError(403, "not_an_assessor", "register.not_an_assessor");
    const [row] = await tx
      .insert(riskAssessments)
      .values({
        enterpriseId: input.enterpriseId,
        grade: input.grade,
        assessedOn: input.assessedOn,
        assessorOrgId: input.org.id,
        assessorName: input.assessorName,
        reason: input.reason,
        recordedByUserId: input.actor.userId,
        recordedAt: input.now,
      })
      .returning({ id: riskAssessments.id });
    await writeAudit(tx, {
      action: "risk_grade.recorded",
      actorUserId: input.actor.userId,
      orgId: input.org.id,
      subjectType: "organisation",
      subjectId: input.enterpriseId,
      data: { grade: input.grade, assessedOn: input.assessedOn, capacity },
      ip: input.actor.ip ?? null,
      at: input.now,
    });
    // 分类分级: a new grade re-plans the enterprise's insurance (from the next period on).
    if (capacity !== "self") await syncEnterprisePlans(tx, input.enterpriseId, input.today, input.now);
    return { id: row!.id, capacity };
  });
}
