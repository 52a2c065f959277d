import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { enterpriseProfiles, organisations, riskAssessments } from "../../db/schema";
import type { RiskGrade } from "../domain/risk-grade";
import { usccCheckCharacter } from "../domain/uscc";

/**
 * Demo register (issue 8): a dozen unclaimed enterprises of 婺城区 put on the register by the
 * 金华 bureau, with register facts and a few risk grades. Idempotent: matched by USCC. Their
 * USCCs are fixed, so the demo can show claiming (register with one of them).
 */
const uscc = (n: number) => {
  const first17 = `91330702MA2R${String(n).padStart(4, "0")}X`;
  return first17 + usccCheckCharacter(first17);
};

type DemoEnterprise = {
  n: number;
  name: string;
  industry: string;
  detail?: string;
  employees: number;
  highRisk?: boolean;
  reasons: Array<1 | 2 | 3 | 4 | 5>;
  grade?: { grade: RiskGrade; on: string; reason: string };
};

export const REGISTER_DEMO: DemoEnterprise[] = [
  {
    n: 1,
    name: "金华市婺城区恒达五金制品厂",
    industry: "33",
    detail: "3311",
    employees: 42,
    reasons: [2],
    grade: { grade: "yellow", on: "2026-03-12", reason: "金属打磨粉尘，除尘系统运行基本正常" },
  },
  {
    n: 2,
    name: "金华市鑫源化工有限公司",
    industry: "26",
    detail: "2614",
    employees: 180,
    highRisk: true,
    reasons: [1],
    grade: { grade: "orange", on: "2026-04-02", reason: "危化品储罐区，构成重大危险源" },
  },
  {
    n: 3,
    name: "金华市婺城区永盛家具厂",
    industry: "21",
    employees: 65,
    reasons: [2, 3],
    grade: { grade: "yellow", on: "2026-02-20", reason: "木粉尘涉爆，喷涂作业" },
  },
  { n: 4, name: "金华市安平机械配件有限公司", industry: "34", employees: 88, reasons: [2] },
  {
    n: 5,
    name: "金华市婺城区金桥纺织厂",
    industry: "17",
    employees: 120,
    reasons: [],
    grade: { grade: "blue", on: "2026-01-15", reason: "年度评定，风险较低" },
  },
  {
    n: 6,
    name: "金华市宏远建筑工程有限公司",
    industry: "47",
    employees: 260,
    highRisk: true,
    reasons: [1, 5],
    grade: { grade: "red", on: "2026-05-06", reason: "高处作业事故，挂牌整改中" },
  },
  { n: 7, name: "金华市婺城区绿源食品厂", industry: "14", employees: 35, reasons: [2] },
  { n: 8, name: "金华市晨光塑料制品有限公司", industry: "29", employees: 76, reasons: [2] },
  { n: 9, name: "金华市婺城区顺达物流有限公司", industry: "59", employees: 54, reasons: [] },
  { n: 10, name: "金华市兴华金属冶炼有限公司", industry: "32", employees: 150, highRisk: true, reasons: [1, 3] },
  { n: 11, name: "金华市婺城区好邻居超市", industry: "52", employees: 18, reasons: [2] },
  { n: 12, name: "金华市婺城区富强印刷厂", industry: "23", employees: 27, reasons: [2, 3] },
];

export async function seedRegisterDemo(db: Db, now: Date): Promise<void> {
  const [bureau] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, "bureau"), eq(organisations.regionCode, "330700")));
  await db.transaction(async (tx) => {
    for (const e of REGISTER_DEMO) {
      const code = uscc(e.n);
      let [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.uscc, code));
      if (org) continue;
      [org] = await tx
        .insert(organisations)
        .values({
          kind: "enterprise",
          name: e.name,
          uscc: code,
          regionCode: "330702",
          industryCode: e.industry,
          unclaimed: true,
          createdAt: now,
        })
        .returning({ id: organisations.id });
      await tx.insert(enterpriseProfiles).values({
        orgId: org!.id,
        industryDetail: e.detail ?? null,
        employees: e.employees,
        highRisk: e.highRisk ?? false,
        priorityReasons: e.reasons.map((reason) => ({ reason, by: "declared" as const })),
        addedByOrgId: bureau?.id ?? null,
        updatedAt: now,
      });
      if (e.grade)
        await tx.insert(riskAssessments).values({
          enterpriseId: org!.id,
          grade: e.grade.grade,
          assessedOn: e.grade.on,
          assessorOrgId: bureau?.id ?? null,
          assessorName: "金华市应急管理局 王科长",
          reason: e.grade.reason,
          recordedAt: now,
        });
    }
  });
}
