import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { engagements, organisations } from "../../db/schema";
import { addDays } from "../domain/calendar-date";
import { shanghaiDateString } from "../domain/format";
import { DEMO_ORGS } from "./demo-data";

/**
 * Demo data of inspections (issue 8): 安正 serves 鑫达 under an engagement in service, the
 * relation that lets a provider inspect an enterprise (inspection-sources.ts). Idempotent: a
 * serving engagement between the two is left as it is.
 */
export async function seedInspectionsDemo(db: Db, now: Date): Promise<void> {
  const nameOf = (key: string) => DEMO_ORGS.find((d) => d.key === key)!.name;
  const [enterprise] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.name, nameOf("ent-xinda")));
  const [provider] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.name, nameOf("prov-anzheng")));
  if (!enterprise || !provider) return;
  const [serving] = await db
    .select({ id: engagements.id })
    .from(engagements)
    .where(
      and(
        eq(engagements.enterpriseId, enterprise.id),
        eq(engagements.providerId, provider.id),
        inArray(engagements.status, ["signed", "in_service", "delivered", "changes_requested"]),
      ),
    );
  if (serving) return;
  const today = shanghaiDateString(now);
  await db.insert(engagements).values({
    enterpriseId: enterprise.id,
    providerId: provider.id,
    category: "consulting",
    title: "隐患排查治理技术服务（年度）",
    scope: "每季度一次全面隐患排查，出具检查报告并跟踪整改",
    priceFen: 3_600_000,
    status: "in_service",
    startDate: addDays(today, -30),
    endDate: addDays(today, 335),
    signedAt: new Date(now.getTime() - 30 * 86_400_000),
  });
}
