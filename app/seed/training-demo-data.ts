import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import {
  checkupEnterprises,
  checkupPrograms,
  engagements,
  groupMembers,
  guidanceMessages,
  guidanceThreads,
  insurancePolicies,
  organisations,
  trainingSessions,
} from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { writePolicy } from "../services/policies.server";
import { DEMO_ORGS } from "./demo-data";

/**
 * Demo data of training, remote guidance and free check-ups (issue 8): a serving contract and a
 * policy so that 鑫达 has a provider and an insurer to ask, a few training sessions, an answered
 * and a waiting guidance thread, and a 金华 check-up program. Idempotent: it does nothing once
 * its first training session exists.
 */
const MARK = "有限空间作业安全培训（演示）";

export async function seedTrainingDemo(db: Db, now: Date): Promise<void> {
  const id = async (key: string) => {
    const name = DEMO_ORGS.find((o) => o.key === key)?.name;
    if (!name) return null;
    const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
    return row?.id ?? null;
  };
  const [xinda, jiamei, anzheng, antai, wujin, jinhua] = await Promise.all(
    ["ent-xinda", "ent-jiamei", "prov-anzheng", "insurer-jinhua", "group-hardware", "bureau-jinhua"].map(id),
  );
  if (!xinda || !jiamei || !anzheng || !jinhua) return;
  const [done] = await db
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(eq(trainingSessions.topic, MARK));
  if (done) return;
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

  await db.transaction(async (tx) => {
    const [serving] = await tx
      .select({ id: engagements.id })
      .from(engagements)
      .where(and(eq(engagements.enterpriseId, xinda), eq(engagements.providerId, anzheng)));
    if (!serving) {
      await tx.insert(engagements).values({
        enterpriseId: xinda,
        providerId: anzheng,
        category: "consulting",
        title: "安全生产标准化咨询（演示）",
        scope: "安全生产标准化建设咨询、隐患排查与培训",
        priceFen: 3_600_000,
        status: "in_service",
        startDate: day(-60),
        endDate: day(300),
        signedAt: at(-24 * 60),
      });
    }
    if (antai) {
      // Through writePolicy, like every policy, so it has its fund and its derived plan.
      const [written] = await tx
        .select({ id: insurancePolicies.id })
        .from(insurancePolicies)
        .where(
          and(eq(insurancePolicies.insurerId, antai), eq(insurancePolicies.policyNumber, "AZX-DEMO-TRAINING-0001")),
        );
      const [ent] = await tx
        .select({ uscc: organisations.uscc, name: organisations.name, regionCode: organisations.regionCode })
        .from(organisations)
        .where(eq(organisations.id, xinda));
      if (!written && ent?.uscc)
        await writePolicy(tx, {
          insurerId: antai,
          actorUserId: null,
          policy: {
            policyNumber: "AZX-DEMO-TRAINING-0001",
            enterprise: { uscc: ent.uscc, name: ent.name, regionCode: ent.regionCode },
            premiumFen: 1_200_000,
            preventionFeeBps: 1500,
            startDate: day(-90) as IsoDate,
            endDate: day(275) as IsoDate,
            riskGrade: "yellow",
            optionalServices: [],
          },
          today: day(0) as IsoDate,
          now,
        });
    }
    if (wujin) {
      await tx
        .insert(groupMembers)
        .values([
          { groupId: wujin, enterpriseId: xinda, status: "active", joinedAt: now },
          { groupId: wujin, enterpriseId: jiamei, status: "active", joinedAt: now },
        ])
        .onConflictDoNothing();
    }
    await tx.insert(trainingSessions).values([
      {
        organiserOrgId: anzheng,
        trainerOrgId: anzheng,
        enterpriseId: xinda,
        topic: MARK,
        kind: "all_staff",
        heldOn: day(-20),
        hours: 4,
        attendeeCount: 46,
        attendees: [
          { name: "陈建国", role: "主要负责人" },
          { name: "王立新", role: "安全管理员" },
          { name: "赵小军", role: "车间主任" },
        ],
      },
      {
        organiserOrgId: xinda,
        enterpriseId: xinda,
        topic: "冲压设备安全操作规程",
        kind: "special_operations",
        heldOn: day(-8),
        hours: 2,
        attendeeCount: 12,
      },
      ...(antai
        ? [
            {
              organiserOrgId: antai,
              trainerOrgId: antai,
              enterpriseId: xinda,
              topic: "主要负责人安全生产责任制",
              kind: "principals" as const,
              heldOn: day(-35),
              hours: 8,
              attendeeCount: 3,
            },
          ]
        : []),
      ...(wujin
        ? [
            {
              organiserOrgId: wujin,
              trainerOrgId: wujin,
              groupId: wujin,
              topic: "五金行业粉尘防爆经验交流会",
              kind: "exchange_meeting" as const,
              heldOn: day(-12),
              hours: 3,
              attendeeCount: 2,
              attendees: [
                { name: "王立新", enterpriseId: xinda },
                { name: "吴丽萍", enterpriseId: jiamei },
              ],
            },
          ]
        : []),
    ]);
    const [answered] = await tx
      .insert(guidanceThreads)
      .values({
        enterpriseId: xinda,
        channel: "provider",
        counterpartOrgId: anzheng,
        subject: "抛光车间除尘系统如何整改？",
        openedAt: at(-50),
        firstAnsweredAt: at(-47),
      })
      .returning();
    await tx.insert(guidanceMessages).values([
      {
        threadId: answered!.id,
        authorOrgId: xinda,
        body: "抛光车间的除尘管道积尘较多，是否需要改为湿式除尘？",
        at: at(-50),
      },
      {
        threadId: answered!.id,
        authorOrgId: anzheng,
        body: "铝镁粉尘建议采用湿式除尘，并每班清理管道积尘。下周现场查看后给出具体方案。",
        at: at(-47),
      },
    ]);
    if (antai) {
      const [waiting] = await tx
        .insert(guidanceThreads)
        .values({
          enterpriseId: xinda,
          channel: "guidance_24h",
          counterpartOrgId: antai,
          subject: "夜间受限空间作业审批流程",
          openedAt: at(-3),
        })
        .returning();
      await tx.insert(guidanceMessages).values({
        threadId: waiting!.id,
        authorOrgId: xinda,
        body: "今晚需进入污水池检修，作业审批需要哪些人签字？",
        at: at(-3),
      });
    }
    const [program] = await tx
      .insert(checkupPrograms)
      .values({
        runnerOrgId: jinhua,
        name: "2026 年小微企业免费安全体检（演示）",
        description: "面向辖区小微企业的免费安全体检，体检后一企一策；发现的问题不作为处罚依据。",
        startsOn: day(-30),
        endsOn: day(120),
      })
      .returning();
    await tx.insert(checkupEnterprises).values([
      { programId: program!.id, enterpriseId: xinda, carrierOrgId: anzheng },
      { programId: program!.id, enterpriseId: jiamei },
    ]);
  });
}
