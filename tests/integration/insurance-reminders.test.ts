// Issue 9, "Reminders" (app/domain/plan-reminders.ts): the daily job tells at-risk and overdue
// items to the assignee (addressed as that user) and the insurer's coordinators, an agreed visit
// to the enterprise two days ahead; one notification per item and state — run twice, the second
// run writes nothing; texts in both languages; mail rows follow each user's preference.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insurancePlanItems, memberships, notifications, users } from "../../db/schema";
import { findJob } from "../../jobs/registry";
import { sendPlanReminders } from "../../app/services/insurance-reminders.server";
import { visibleLink } from "../../app/services/notification-links.server";
import { resources } from "../../app/i18n/resources";
import { TEST_PASSWORD, createOrgWithOwner, registerOrg } from "../factories/accounts";
import { insertPolicy } from "../factories/insurance";
import { createTestDb, type TestDb } from "../setup/test-db";

// 2026-06-10 08:10 in Beijing.
const NOW = new Date("2026-06-10T00:10:00Z");
let t: TestDb;
let insurer: { orgId: string; ownerId: string; staffId: string; otherStaffId: string };
let enterprise: { orgId: string; ownerId: string };
let atRisk: string;
let overdue: string;
let visit: string;

const inApp = (ids: string[]) =>
  t.db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.subjectId, ids), eq(notifications.channel, "in_app")));

beforeAll(async () => {
  t = await createTestDb();
  const a = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702", name: "安泰保险" });
  const staff = [];
  for (const name of ["王服务", "李旁观"]) {
    const [u] = await t.db
      .insert(users)
      .values({ email: `${name}.${Date.now()}@test.anfu`, name, passwordHash: TEST_PASSWORD })
      .returning();
    await t.db.insert(memberships).values({ userId: u!.id, orgId: a.org.id, role: "member" });
    staff.push(u!.id);
  }
  insurer = { orgId: a.org.id, ownerId: a.user.id, staffId: staff[0]!, otherStaffId: staff[1]! };
  const e = await registerOrg(t.db, { kind: "enterprise", name: "鑫达机械有限公司", now: NOW });
  enterprise = { orgId: e.org.id, ownerId: e.user.id };
  const { policy } = await insertPolicy(
    t.db,
    insurer.orgId,
    { enterprise: { uscc: e.org.uscc!, name: "鑫达机械有限公司", regionCode: "330702" } },
    { today: "2026-01-01", now: new Date("2026-01-01T02:00:00Z") },
  );
  const items = await t.db.select().from(insurancePlanItems).where(eq(insurancePlanItems.policyId, policy.id));
  // Park every item far ahead, done, so only the three below owe anything on 2026-06-10.
  await t.db
    .update(insurancePlanItems)
    .set({ state: "done", doneAt: NOW })
    .where(eq(insurancePlanItems.policyId, policy.id));
  const [one, two, three] = items;
  atRisk = one!.id;
  overdue = two!.id;
  visit = three!.id;
  const open = { state: "open" as const, doneAt: null, windowStart: "2026-04-01" };
  await t.db
    .update(insurancePlanItems)
    .set({ ...open, dueDate: "2026-06-14", assigneeKind: "staff", assigneeUserId: insurer.staffId })
    .where(eq(insurancePlanItems.id, atRisk));
  await t.db
    .update(insurancePlanItems)
    .set({ ...open, dueDate: "2026-06-08" })
    .where(eq(insurancePlanItems.id, overdue));
  await t.db
    .update(insurancePlanItems)
    .set({ ...open, dueDate: "2026-06-30", scheduledOn: "2026-06-12" })
    .where(eq(insurancePlanItems.id, visit));
});
afterAll(async () => t?.close());

describe("the plan-reminders job", () => {
  it("is registered and daily", () => {
    expect(findJob("plan-reminders")?.cron).toBe("10 0 * * *");
  });

  it("notifies each reminder's people once; a second run writes nothing", async () => {
    const first = await sendPlanReminders(t.db, NOW);
    expect(first).toBeGreaterThan(0);
    const rows = await inApp([atRisk, overdue, visit]);
    const who = (id: string) =>
      rows
        .filter((r) => r.subjectId === id)
        .map((r) => `${r.type}→${r.recipientUserId}`)
        .sort();
    // At risk and assigned: the assignee and the coordinator (owner); the other staff member is not told.
    expect(who(atRisk)).toEqual(
      [`plan_item_at_risk→${insurer.ownerId}`, `plan_item_at_risk→${insurer.staffId}`].sort(),
    );
    // Overdue, nobody assigned: the coordinators.
    expect(who(overdue)).toEqual([`plan_item_overdue→${insurer.ownerId}`]);
    // The visit agreed for two days ahead: the enterprise.
    expect(who(visit)).toEqual([`insured_visit_upcoming→${enterprise.ownerId}`]);
    expect(rows.some((r) => r.recipientUserId === insurer.otherStaffId)).toBe(false);
    const visitRow = rows.find((r) => r.subjectId === visit)!;
    expect(visitRow.params).toMatchObject({ insurer: "安泰保险", scheduledOn: "2026-06-12" });

    const total = (await t.db.select().from(notifications)).length;
    expect(await sendPlanReminders(t.db, NOW)).toBe(0);
    expect(await sendPlanReminders(t.db, new Date(NOW.getTime() + 3_600_000))).toBe(0);
    expect((await t.db.select().from(notifications)).length).toBe(total);
  });

  it("mail follows the existing outbox: an e-mail row per recipient by the type's default", async () => {
    const mail = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.subjectId, atRisk), eq(notifications.channel, "email")));
    expect(mail.map((m) => m.status).sort()).toEqual(["pending", "pending"]);
  });

  it("a moved due date is a new state: told again; a done item is not", async () => {
    await t.db.update(insurancePlanItems).set({ dueDate: "2026-06-15" }).where(eq(insurancePlanItems.id, atRisk));
    await t.db.update(insurancePlanItems).set({ state: "done", doneAt: NOW }).where(eq(insurancePlanItems.id, overdue));
    const before = await inApp([atRisk, overdue]);
    await sendPlanReminders(t.db, new Date(NOW.getTime() + 86_400_000));
    const after = await inApp([atRisk, overdue]);
    expect(after.length - before.length).toBe(2);
    expect(after.filter((r) => r.subjectId === overdue)).toHaveLength(
      before.filter((r) => r.subjectId === overdue).length,
    );
  });

  it("links are followed only by those who may see the item", async () => {
    const n = { type: "plan_item_at_risk", subjectType: "insurance_plan_item", subjectId: atRisk };
    expect(await visibleLink(t.db, { orgId: insurer.orgId, now: NOW }, n)).toBe(`/insurer/plan-items/${atRisk}`);
    expect(await visibleLink(t.db, { orgId: enterprise.orgId, now: NOW }, n)).toBeNull();
    const v = { type: "insured_visit_upcoming", subjectType: "insured_plan_item", subjectId: visit };
    expect(await visibleLink(t.db, { orgId: enterprise.orgId, now: NOW }, v)).toBe("/insured/calendar");
    expect(await visibleLink(t.db, { orgId: insurer.orgId, now: NOW }, v)).toBeNull();
  });

  it("has its texts in zh-CN and en", () => {
    for (const lang of ["zh-CN", "en"] as const)
      for (const type of ["plan_item_at_risk", "plan_item_overdue", "insured_visit_upcoming"]) {
        const entry = (resources[lang].notifications.types as Record<string, { title: string; body: string }>)[type];
        expect(entry?.title && entry.body, `${lang} ${type}`).toBeTruthy();
      }
  });
});
