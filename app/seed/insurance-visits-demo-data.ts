import { and, asc, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { insurancePlanItems, insuranceVisits, memberships, organisations, users } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { shanghaiDateString } from "../domain/format";
import { DEMO_ORGS } from "./demo-data";

/**
 * Visits demo (issue 9): 安泰 has done about two thirds of what fell due on its demo policies —
 * a visit on the due day's morning, two hours on site, confirmed by both sides — so the desk,
 * the bureau's oversight and the archive show a realistic mix of done and overdue work. Every
 * third item stays open (overdue). Idempotent: does nothing once 安泰 has any visit.
 */
export async function seedInsuranceVisitsDemo(db: Db, now: Date): Promise<void> {
  const antai = DEMO_ORGS.find((o) => o.key === "insurer-jinhua");
  if (!antai?.login) return;
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, antai.name));
  if (!org) return;
  const [visited] = await db
    .select({ id: insuranceVisits.id })
    .from(insuranceVisits)
    .where(eq(insuranceVisits.insurerId, org.id))
    .limit(1);
  if (visited) return;
  const [login] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.orgId, org.id), eq(users.email, antai.login.email)));
  if (!login) return;
  const today = shanghaiDateString(now) as IsoDate;
  const due = await db
    .select({
      id: insurancePlanItems.id,
      policyId: insurancePlanItems.policyId,
      enterpriseId: insurancePlanItems.enterpriseId,
      dueDate: insurancePlanItems.dueDate,
      place: organisations.name,
    })
    .from(insurancePlanItems)
    .innerJoin(organisations, eq(organisations.id, insurancePlanItems.enterpriseId))
    .where(
      and(
        eq(insurancePlanItems.insurerId, org.id),
        eq(insurancePlanItems.state, "open"),
        lt(insurancePlanItems.dueDate, today),
      ),
    )
    .orderBy(asc(insurancePlanItems.dueDate), asc(insurancePlanItems.id));
  const done = due.filter((_, i) => i % 3 !== 2);
  if (done.length === 0) return;
  await db.transaction(async (tx) => {
    for (let i = 0; i < done.length; i += 500) {
      const batch = done.slice(i, i + 500);
      await tx.insert(insuranceVisits).values(
        batch.map((item) => {
          // 09:00–11:00 Beijing time on the due day.
          const startedAt = new Date(`${item.dueDate}T01:00:00Z`);
          const endedAt = new Date(startedAt.getTime() + 2 * 3_600_000);
          return {
            planItemId: item.id,
            policyId: item.policyId,
            insurerId: org.id,
            enterpriseId: item.enterpriseId,
            startedAt,
            endedAt,
            place: item.place,
            staffUserIds: [login.id],
            staffNames: [login.name],
            summary: "按计划上门服务（演示记录）。",
            createdByUserId: login.id,
            serviceConfirmedAt: endedAt,
            serviceConfirmedByUserId: login.id,
            enterpriseConfirmedAt: endedAt,
            createdAt: endedAt,
          };
        }),
      );
      await tx
        .update(insurancePlanItems)
        .set({ state: "done", doneAt: now })
        .where(
          and(
            eq(insurancePlanItems.insurerId, org.id),
            inArray(
              insurancePlanItems.id,
              batch.map((b) => b.id),
            ),
          ),
        );
    }
  });
}
