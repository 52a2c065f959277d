/**
 * 一企一档: the archive of one insured enterprise as one insurer keeps it (issue 9; AQ 9010 asks
 * the service records to be kept, the issue at least five years). Everything is the acting
 * insurer's own — its policies, plans, visits, commissioned work, fee ledger and complaints,
 * each query scoped by insurerId in its WHERE — except the enterprise's hazards, which belong to
 * the enterprise: a new insurer sees the hazards found before and their state, never the prior
 * insurer's policies, plans, ledger or complaints.
 *
 * Retention: none of these tables is pruned by any job (docs/domain.md, "Retention").
 */
import { and, asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import {
  engagements,
  hazards,
  insurancePlanItems,
  insurancePolicies,
  insuranceVisits,
  organisations,
  preventionFeeEntries,
} from "../../db/schema";
import { addDays, type IsoDate } from "../domain/calendar-date";
import { preventionFundFen } from "../domain/prevention-fee";
import { notFound } from "../utils/errors";
import { complaintsOfEnterprise } from "./insurance-complaints.server";
import { planItemStatusSql } from "./insurance-plans.server";
import { feeEntriesOfEnterprise } from "./prevention-fees.server";
import { sheetOf, workbookResponse } from "./spreadsheet.server";

export type YearAssessment = {
  policyId: string;
  policyNumber: string;
  year: number;
  from: string;
  to: string;
  due: number;
  done: number;
  completionPct: number | null;
};

/** The policy years of [startDate, endDate]: [start + k years, next anniversary − 1 day]. */
export function policyYears(startDate: string, endDate: string): Array<{ year: number; from: string; to: string }> {
  const out: Array<{ year: number; from: string; to: string }> = [];
  const [y, m, d] = startDate.split("-").map(Number) as [number, number, number];
  for (let k = 0; k < 50; k++) {
    const from = anniversary(y + k, m, d);
    if (from > endDate) break;
    const next = anniversary(y + k + 1, m, d);
    const to = addDays(next as IsoDate, -1);
    out.push({ year: k + 1, from, to: to < endDate ? to : endDate });
  }
  return out;
}

function anniversary(year: number, month: number, day: number): string {
  // 29 February falls back to 28 February in common years.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(day, last)).padStart(2, "0")}`;
}

/**
 * Per policy year: items due in it (not cancelled, due by today or by the year's end whichever
 * is earlier), how many are done, the completion rate.
 */
export function yearlyAssessment(
  policies: ReadonlyArray<{ id: string; policyNumber: string; startDate: string; endDate: string }>,
  items: ReadonlyArray<{ policyId: string; dueDate: string; state: string }>,
  today: IsoDate,
): YearAssessment[] {
  const out: YearAssessment[] = [];
  for (const p of policies) {
    for (const y of policyYears(p.startDate, p.endDate)) {
      const cutoff = y.to < today ? y.to : today;
      const inYear = items.filter(
        (i) => i.policyId === p.id && i.state !== "cancelled" && i.dueDate >= y.from && i.dueDate <= y.to,
      );
      const due = inYear.filter((i) => i.dueDate <= cutoff || i.state === "done");
      const done = due.filter((i) => i.state === "done").length;
      out.push({
        policyId: p.id,
        policyNumber: p.policyNumber,
        year: y.year,
        from: y.from,
        to: y.to,
        due: due.length,
        done,
        completionPct: due.length ? Math.round((done / due.length) * 1000) / 10 : null,
      });
    }
  }
  return out;
}

/** The archive of one enterprise for the acting insurer, or 404 when it never insured it. */
export async function getEnterpriseArchive(db: DbOrTx, insurerId: string, enterpriseId: string, today: IsoDate) {
  const [enterprise] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      uscc: organisations.uscc,
      regionCode: organisations.regionCode,
    })
    .from(organisations)
    .where(and(eq(organisations.id, enterpriseId), eq(organisations.kind, "enterprise")));
  if (!enterprise) throw notFound();
  const policies = await db
    .select()
    .from(insurancePolicies)
    .where(and(eq(insurancePolicies.insurerId, insurerId), eq(insurancePolicies.enterpriseId, enterpriseId)))
    .orderBy(asc(insurancePolicies.startDate));
  // An insurer that never insured the enterprise has no archive of it (the enterprise is not its to see).
  if (policies.length === 0) throw notFound();

  const policyNumber = new Map(policies.map((p) => [p.id, p.policyNumber]));
  const [items, visits, commissions, entries, complaints, enterpriseHazards] = await Promise.all([
    db
      .select({
        id: insurancePlanItems.id,
        policyId: insurancePlanItems.policyId,
        service: insurancePlanItems.service,
        sequence: insurancePlanItems.sequence,
        windowStart: insurancePlanItems.windowStart,
        dueDate: insurancePlanItems.dueDate,
        scheduledOn: insurancePlanItems.scheduledOn,
        state: insurancePlanItems.state,
        status: planItemStatusSql(today),
        assigneeKind: insurancePlanItems.assigneeKind,
        doneAt: insurancePlanItems.doneAt,
      })
      .from(insurancePlanItems)
      .where(and(eq(insurancePlanItems.insurerId, insurerId), eq(insurancePlanItems.enterpriseId, enterpriseId)))
      .orderBy(asc(insurancePlanItems.dueDate), asc(insurancePlanItems.service), asc(insurancePlanItems.sequence)),
    db
      .select({
        id: insuranceVisits.id,
        policyId: insuranceVisits.policyId,
        planItemId: insuranceVisits.planItemId,
        service: insurancePlanItems.service,
        kind: insuranceVisits.kind,
        startedAt: insuranceVisits.startedAt,
        endedAt: insuranceVisits.endedAt,
        place: insuranceVisits.place,
        staffNames: insuranceVisits.staffNames,
        summary: insuranceVisits.summary,
        satisfaction: insuranceVisits.satisfaction,
        serviceConfirmedAt: insuranceVisits.serviceConfirmedAt,
        enterpriseConfirmedAt: insuranceVisits.enterpriseConfirmedAt,
      })
      .from(insuranceVisits)
      .innerJoin(insurancePlanItems, eq(insurancePlanItems.id, insuranceVisits.planItemId))
      .where(and(eq(insuranceVisits.insurerId, insurerId), eq(insuranceVisits.enterpriseId, enterpriseId)))
      .orderBy(asc(insuranceVisits.startedAt)),
    db
      .select({
        engagementId: engagements.id,
        policyId: preventionFeeEntries.policyId,
        planItemId: preventionFeeEntries.planItemId,
        service: insurancePlanItems.service,
        title: engagements.title,
        providerName: organisations.name,
        priceFen: engagements.priceFen,
        status: engagements.status,
        overrunFen: preventionFeeEntries.overrunFen,
        createdAt: preventionFeeEntries.createdAt,
      })
      .from(preventionFeeEntries)
      .innerJoin(insurancePolicies, eq(insurancePolicies.id, preventionFeeEntries.policyId))
      .innerJoin(engagements, eq(engagements.id, preventionFeeEntries.engagementId))
      .innerJoin(organisations, eq(organisations.id, engagements.providerId))
      .leftJoin(insurancePlanItems, eq(insurancePlanItems.id, preventionFeeEntries.planItemId))
      .where(
        and(
          eq(preventionFeeEntries.insurerId, insurerId),
          eq(insurancePolicies.enterpriseId, enterpriseId),
          eq(preventionFeeEntries.kind, "commission"),
        ),
      )
      .orderBy(asc(preventionFeeEntries.createdAt)),
    feeEntriesOfEnterprise(db, insurerId, enterpriseId),
    complaintsOfEnterprise(db, insurerId, enterpriseId, today),
    db
      .select({
        id: hazards.id,
        description: hazards.description,
        grade: hazards.grade,
        status: hazards.status,
        source: hazards.source,
        foundOn: hazards.foundOn,
        deadline: hazards.deadline,
        finderName: organisations.name,
      })
      .from(hazards)
      .innerJoin(organisations, eq(organisations.id, hazards.finderOrgId))
      .where(eq(hazards.enterpriseId, enterpriseId))
      .orderBy(desc(hazards.foundOn))
      .limit(2000),
  ]);
  return {
    enterprise,
    policies: policies.map((p) => ({ ...p, fundFen: preventionFundFen(p.premiumFen, p.preventionFeeBps) })),
    items: items.map((i) => ({ ...i, policyNumber: policyNumber.get(i.policyId) ?? "" })),
    visits: visits.map((v) => ({ ...v, policyNumber: policyNumber.get(v.policyId) ?? "" })),
    commissions: commissions.map((c) => ({ ...c, policyNumber: policyNumber.get(c.policyId) ?? "" })),
    entries,
    complaints,
    hazards: enterpriseHazards,
    assessment: yearlyAssessment(policies, items, today),
  };
}

export type EnterpriseArchive = Awaited<ReturnType<typeof getEnterpriseArchive>>;

const yuan = (fen: number) => (fen / 100).toFixed(2);
const SERVICE_ZH: Record<string, string> = {
  risk_assessment: "风险评估",
  key_inspection: "重点排查",
  thorough_inspection: "起底式大检查",
  all_staff_training: "全员培训",
  rectification_assistance: "协助整改",
  one_enterprise_one_plan: "一企一策",
  remote_guidance: "24小时远程指导",
  onsite_stationing: "驻厂驻点",
};
const STATUS_ZH: Record<string, string> = {
  planned: "待安排",
  scheduled: "已约定",
  done: "已完成",
  at_risk: "临期未约",
  overdue: "逾期",
  cancelled: "已取消",
};
const ENTRY_ZH: Record<string, string> = { fund: "预防费提取", commission: "委托服务", release: "退回" };
const ts = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "");

/** The archive as ONE workbook, in Chinese like the officials' own tables. */
export function archiveWorkbook(a: EnterpriseArchive) {
  return workbookResponse({
    filename: `一企一档-${a.enterprise.name}`,
    sheets: [
      sheetOf(
        "保单",
        [
          { header: "保单号", width: 20, value: (p) => p.policyNumber },
          { header: "起保日期", value: (p) => p.startDate },
          { header: "终保日期", value: (p) => p.endDate },
          { header: "保费(元)", value: (p) => yuan(p.premiumFen) },
          { header: "预防费比例(%)", value: (p) => p.preventionFeeBps / 100 },
          { header: "预防费(元)", value: (p) => yuan(p.fundFen) },
          { header: "风险等级", value: (p) => p.riskGrade },
          { header: "可选服务", width: 24, value: (p) => p.optionalServices.map((s) => SERVICE_ZH[s] ?? s).join("、") },
          { header: "状态", value: (p) => p.status },
        ],
        a.policies,
      ),
      sheetOf(
        "服务计划",
        [
          { header: "保单号", width: 20, value: (i) => i.policyNumber },
          { header: "服务", value: (i) => `${SERVICE_ZH[i.service] ?? i.service} ${i.sequence}` },
          { header: "窗口开始", value: (i) => i.windowStart },
          { header: "截止日期", value: (i) => i.dueDate },
          { header: "约定日期", value: (i) => i.scheduledOn },
          { header: "状态", value: (i) => STATUS_ZH[i.status] ?? i.status },
        ],
        a.items,
      ),
      sheetOf(
        "服务记录",
        [
          { header: "保单号", width: 20, value: (v) => v.policyNumber },
          { header: "服务", value: (v) => SERVICE_ZH[v.service] ?? v.service },
          { header: "类型", value: (v) => (v.kind === "return_visit" ? "回访" : "服务") },
          { header: "开始", width: 20, value: (v) => ts(v.startedAt) },
          { header: "结束", width: 20, value: (v) => ts(v.endedAt) },
          { header: "地点", width: 28, value: (v) => v.place },
          { header: "服务人员", width: 24, value: (v) => v.staffNames.join("、") },
          { header: "服务方确认", width: 20, value: (v) => ts(v.serviceConfirmedAt) },
          { header: "企业确认", width: 20, value: (v) => ts(v.enterpriseConfirmedAt) },
          { header: "摘要", width: 40, value: (v) => v.summary },
        ],
        a.visits,
      ),
      sheetOf(
        "委托服务",
        [
          { header: "保单号", width: 20, value: (c) => c.policyNumber },
          { header: "服务", value: (c) => (c.service ? (SERVICE_ZH[c.service] ?? c.service) : "") },
          { header: "合同", width: 28, value: (c) => c.title },
          { header: "服务机构", width: 24, value: (c) => c.providerName },
          { header: "金额(元)", value: (c) => yuan(c.priceFen) },
          { header: "超支(元)", value: (c) => yuan(c.overrunFen) },
          { header: "状态", value: (c) => c.status },
        ],
        a.commissions,
      ),
      sheetOf(
        "预防费台账",
        [
          { header: "保单号", width: 20, value: (e) => e.policyNumber },
          { header: "时间", width: 20, value: (e) => ts(e.createdAt) },
          { header: "类型", value: (e) => ENTRY_ZH[e.kind] ?? e.kind },
          { header: "金额(元)", value: (e) => yuan(e.amountFen) },
          { header: "超支(元)", value: (e) => yuan(e.overrunFen) },
          { header: "超支原因", width: 28, value: (e) => e.overrunReason },
          { header: "合同", width: 28, value: (e) => e.engagementTitle },
        ],
        a.entries,
      ),
      sheetOf(
        "投诉",
        [
          { header: "保单号", width: 20, value: (c) => c.policyNumber },
          { header: "投诉日期", value: (c) => c.filedOn },
          { header: "主题", width: 28, value: (c) => c.subject },
          { header: "需核查", value: (c) => (c.needsCheck ? "是" : "否") },
          { header: "延期(工作日)", value: (c) => c.extensionDays },
          { header: "延期原因", width: 24, value: (c) => c.extensionReason },
          { header: "答复期限", value: (c) => c.deadline.dueOn },
          { header: "答复时间", width: 20, value: (c) => ts(c.answeredAt) },
          { header: "超期", value: (c) => (c.deadline.breached ? "是" : "否") },
          { header: "答复", width: 40, value: (c) => c.answer },
        ],
        a.complaints,
      ),
      sheetOf(
        "年度考核",
        [
          { header: "保单号", width: 20, value: (y) => y.policyNumber },
          { header: "保单年度", value: (y) => y.year },
          { header: "起", value: (y) => y.from },
          { header: "止", value: (y) => y.to },
          { header: "应完成", value: (y) => y.due },
          { header: "已完成", value: (y) => y.done },
          { header: "完成率(%)", value: (y) => y.completionPct },
        ],
        a.assessment,
      ),
      sheetOf(
        "企业隐患",
        [
          { header: "隐患描述", width: 40, value: (h) => h.description },
          { header: "等级", value: (h) => (h.grade === "major" ? "重大" : "一般") },
          { header: "状态", value: (h) => h.status },
          { header: "发现单位", width: 24, value: (h) => h.finderName },
          { header: "发现日期", value: (h) => h.foundOn },
          { header: "整改期限", value: (h) => h.deadline },
        ],
        a.hazards,
      ),
    ],
  });
}
