import { and, eq, gte, isNotNull, or, asc, lte } from "drizzle-orm";
import type { Db } from "../../db/client";
import { insurancePlanItems, memberships, organisations, users } from "../../db/schema";
import { addDays, type IsoDate } from "../domain/calendar-date";
import { shanghaiDateString } from "../domain/format";
import { DEMO_ORGS } from "./demo-data";

/**
 * Calendar demo (issue 9): on 安泰's stored plan items (written by the policies seed), assign a
 * few of the coming ones to its demo login and agree visit dates, so /insurer/calendar ("mine")
 * and /insured/calendar show agreed visits next to due dates. Does nothing when there are no plan
 * items, or once any of 安泰's items has an assignee or an agreed date (idempotent, and it never
 * overrides what another seed or a user did).
 */
export async function seedCalendarDemo(db: Db, now: Date): Promise<void> {
  const antai = DEMO_ORGS.find((o) => o.key === "insurer-jinhua");
  if (!antai) return;
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, antai.name));
  if (!org) return;
  const [touched] = await db
    .select({ id: insurancePlanItems.id })
    .from(insurancePlanItems)
    .where(
      and(
        eq(insurancePlanItems.insurerId, org.id),
        or(isNotNull(insurancePlanItems.assigneeUserId), isNotNull(insurancePlanItems.scheduledOn)),
      ),
    )
    .limit(1);
  if (touched) return;
  const [login] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.orgId, org.id), eq(users.email, antai.login?.email ?? "")));
  if (!login) return;
  const today = shanghaiDateString(now) as IsoDate;
  const coming = await db
    .select()
    .from(insurancePlanItems)
    .where(
      and(
        eq(insurancePlanItems.insurerId, org.id),
        eq(insurancePlanItems.state, "open"),
        gte(insurancePlanItems.dueDate, today),
        lte(insurancePlanItems.dueDate, addDays(today, 75)),
      ),
    )
    .orderBy(asc(insurancePlanItems.dueDate), asc(insurancePlanItems.id))
    .limit(6);
  for (const [i, item] of coming.entries()) {
    // Every other item gets a date agreed a few days before it is due (never before today).
    const agreed = addDays(item.dueDate as IsoDate, -3) < today ? today : addDays(item.dueDate as IsoDate, -3);
    await db
      .update(insurancePlanItems)
      .set({
        assigneeKind: "staff",
        assigneeUserId: login.id,
        ...(i % 2 === 0 ? { scheduledOn: agreed } : {}),
        version: item.version + 1,
      })
      .where(and(eq(insurancePlanItems.id, item.id), eq(insurancePlanItems.insurerId, org.id)));
  }
}
