import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { hazardEvents, hazards, inspections, organisations } from "../../db/schema";
import { addDays, type IsoDate } from "../domain/calendar-date";
import { shanghaiDateString } from "../domain/format";

/**
 * Demo hazards of 鑫达五金 (issue 8), so the registers, the bureau's view and its dashboard have
 * something to show: a major hazard the provider 安正 found and reported to 金华市应急管理局
 * three hours ago (unacknowledged, so escalated and red), a general one of the same inspection
 * past its deadline, and an open self-check hazard. Idempotent: matched by description.
 */
const DEMO_MAJOR = "粉尘除尘系统未设置锁气卸灰装置";
const DEMO_OVERDUE = "配电箱未做接地保护";
const DEMO_SELF_CHECK = "消防通道堆放纸箱";

export async function seedHazardsDemo(db: Db, now: Date): Promise<void> {
  const names = ["金华市婺城区鑫达五金制品有限公司", "浙江安正安全技术咨询有限公司", "金华市应急管理局"];
  const orgs = await db.select().from(organisations).where(inArray(organisations.name, names));
  const byName = new Map(orgs.map((o) => [o.name, o]));
  const xinda = byName.get(names[0]!);
  const anzheng = byName.get(names[1]!);
  const bureau = byName.get(names[2]!);
  if (!xinda || !anzheng || !bureau) return;
  const [already] = await db
    .select({ id: hazards.id })
    .from(hazards)
    .where(and(eq(hazards.enterpriseId, xinda.id), eq(hazards.description, DEMO_MAJOR)));
  if (already) return;
  const today = shanghaiDateString(now) as IsoDate;
  const earlier = addDays(today, -20);
  const reportedAt = new Date(now.getTime() - 3 * 3600_000);
  await db.transaction(async (tx) => {
    const [visit] = await tx
      .insert(inspections)
      .values({
        enterpriseId: xinda.id,
        inspectorOrgId: anzheng.id,
        source: "provider",
        inspectedOn: earlier,
        inspectorNames: ["张明"],
        findings: "粉尘涉爆除尘系统和电气安全检查",
      })
      .returning();
    const [selfCheck] = await tx
      .insert(inspections)
      .values({ enterpriseId: xinda.id, inspectorOrgId: xinda.id, source: "self_check", inspectedOn: today })
      .returning();
    const rows = await tx
      .insert(hazards)
      .values([
        {
          enterpriseId: xinda.id,
          inspectionId: visit!.id,
          finderOrgId: anzheng.id,
          source: "provider" as const,
          grade: "major" as const,
          description: DEMO_MAJOR,
          location: "抛光车间",
          responsiblePerson: "陈建国",
          foundOn: earlier,
          deadline: addDays(today, 10),
          reportedToBureauId: bureau.id,
          reportedAt,
          escalatedAt: new Date(reportedAt.getTime() + 2 * 3600_000),
        },
        {
          enterpriseId: xinda.id,
          inspectionId: visit!.id,
          finderOrgId: anzheng.id,
          source: "provider" as const,
          grade: "general" as const,
          description: DEMO_OVERDUE,
          location: "二号车间",
          responsiblePerson: "陈建国",
          foundOn: earlier,
          deadline: addDays(today, -5),
        },
        {
          enterpriseId: xinda.id,
          inspectionId: selfCheck!.id,
          finderOrgId: xinda.id,
          source: "self_check" as const,
          grade: "general" as const,
          description: DEMO_SELF_CHECK,
          location: "仓库",
          responsiblePerson: "陈建国",
          foundOn: today,
          deadline: addDays(today, 7),
        },
      ])
      .returning();
    await tx.insert(hazardEvents).values(
      rows.map((h) => ({
        hazardId: h.id,
        event: "found",
        fromStatus: null,
        toStatus: "open" as const,
        actorOrgId: h.finderOrgId,
        at: h.id === rows[0]!.id ? reportedAt : now,
      })),
    );
  });
}
