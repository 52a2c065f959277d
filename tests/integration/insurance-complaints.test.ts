// Complaints about insurance prevention services (AQ 9010-2019: complaints are answered within a
// set time and the record kept; issue 9: 10 working days, 30 where a check is needed, extendable
// once by at most 30 with a reason). Deadlines count working days of the official calendar
// (holidays and 调休 make-up days, app/domain/working-days.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { memberships, notifications, users } from "../../db/schema";
import type { IsoDate } from "../../app/domain/calendar-date";
import {
  fileComplaint,
  getInsurerComplaint,
  listInsuredComplaints,
  listInsurerComplaints,
  stepComplaint,
} from "../../app/services/insurance-complaints.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner } from "../factories/accounts";
import { insertPolicy } from "../factories/insurance";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let insurer: { orgId: string; userId: string; ip: string };
let otherInsurer: { orgId: string; userId: string; ip: string };
let enterprise: { orgId: string; userId: string; ip: string };
let policyId: string;
const now = new Date("2026-03-02T02:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  const a = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" });
  const b = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" });
  insurer = { orgId: a.org.id, userId: a.user.id, ip: "203.0.113.9" };
  otherInsurer = { orgId: b.org.id, userId: b.user.id, ip: "203.0.113.9" };
  const { policy } = await insertPolicy(t.db, insurer.orgId);
  policyId = policy.id;
  enterprise = { orgId: policy.enterpriseId, userId: await memberOf(policy.enterpriseId), ip: "203.0.113.7" };
});
afterAll(async () => t?.close());

/** A member of the (unclaimed) insured enterprise the policy put on the register. */
async function memberOf(orgId: string) {
  const [user] = await t.db
    .insert(users)
    .values({ email: `ent-${orgId.slice(0, 8)}@test.anfu`, name: "企业安全员", passwordHash: "x" })
    .returning();
  await t.db.insert(memberships).values({ userId: user!.id, orgId, role: "owner" });
  return user!.id;
}

const file = (today: string, subject = "检查走过场") =>
  fileComplaint(
    t.db,
    enterprise,
    { policyId, planItemId: null, subject, body: "检查人员只停留了十分钟。" },
    today as IsoDate,
    now,
  );

async function codeOf(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("answer deadlines (AQ 9010; issue 9: 10 / 30 working days, one extension ≤ 30 with a reason)", () => {
  const cases: Array<{
    rule: string;
    filedOn: string;
    needsCheck: boolean;
    extendDays?: number;
    dueOn: string;
  }> = [
    { rule: "base: 10 working days", filedOn: "2026-03-02", needsCheck: false, dueOn: "2026-03-16" },
    {
      rule: "a check is needed: 30 working days, 清明 (4–6 April) not counted",
      filedOn: "2026-03-02",
      needsCheck: true,
      dueOn: "2026-04-14",
    },
    {
      rule: "春节 holidays not counted, the make-up Saturday 28 Feb counted",
      filedOn: "2026-02-10",
      needsCheck: false,
      dueOn: "2026-03-02",
    },
    {
      rule: "extended once by 5 working days",
      filedOn: "2026-03-02",
      needsCheck: false,
      extendDays: 5,
      dueOn: "2026-03-23",
    },
    {
      rule: "check + the longest extension (30): 劳动节 1–5 May off, make-up Saturday 9 May counted",
      filedOn: "2026-03-02",
      needsCheck: true,
      extendDays: 30,
      dueOn: "2026-05-28",
    },
  ];
  it.each(cases)("$rule: filed $filedOn → due $dueOn", async (c) => {
    const row = await file(c.filedOn);
    let version = row.version;
    if (c.needsCheck) {
      version = (
        await stepComplaint(t.db, insurer, {
          id: row.id,
          version,
          step: { kind: "needs_check" },
          today: c.filedOn as IsoDate,
          now,
        })
      ).version;
    }
    if (c.extendDays) {
      await stepComplaint(t.db, insurer, {
        id: row.id,
        version,
        step: { kind: "extend", days: c.extendDays, reason: "需现场核查" },
        today: c.filedOn as IsoDate,
        now,
      });
    }
    const seen = await getInsurerComplaint(t.db, insurer.orgId, row.id, c.filedOn as IsoDate);
    expect(seen.deadline.dueOn).toBe(c.dueOn);
  });

  it("a second extension, one over 30 days, one without a reason, or one after the deadline is refused", async () => {
    const row = await file("2026-03-02");
    const step = (days: number, reason: string, today: string, version = row.version) =>
      stepComplaint(t.db, insurer, {
        id: row.id,
        version,
        step: { kind: "extend", days, reason },
        today: today as IsoDate,
        now,
      });
    expect(await codeOf(step(31, "核查", "2026-03-03"))).toBe("extension_too_long");
    expect(await codeOf(step(5, "  ", "2026-03-03"))).toBe("reason_required");
    expect(await codeOf(step(5, "核查", "2026-03-17"))).toBe("deadline_passed");
    const extended = await step(5, "核查", "2026-03-03");
    expect(await codeOf(step(5, "再次", "2026-03-04", extended.version))).toBe("already_extended");
  });

  it("breach: unanswered after the deadline is flagged; answered on time is not", async () => {
    const late = await file("2026-03-02", "迟迟不答复");
    const onTime = await file("2026-03-02", "按时答复");
    await stepComplaint(t.db, insurer, {
      id: onTime.id,
      version: onTime.version,
      step: { kind: "answer", answer: "已安排复查。" },
      today: "2026-03-05" as IsoDate,
      now: new Date("2026-03-05T02:00:00Z"),
    });
    const seenLate = await getInsurerComplaint(t.db, insurer.orgId, late.id, "2026-03-17" as IsoDate);
    const seenOnTime = await getInsurerComplaint(t.db, insurer.orgId, onTime.id, "2026-03-17" as IsoDate);
    expect(seenLate.deadline.breached).toBe(true);
    expect(seenOnTime.deadline.breached).toBe(false);
    const breached = await listInsurerComplaints(t.db, insurer.orgId, { status: "breached" }, "2026-03-17" as IsoDate);
    expect(breached.rows.map((r) => r.id)).toContain(late.id);
    expect(breached.rows.map((r) => r.id)).not.toContain(onTime.id);
  });
});

describe("filing and answering", () => {
  it("notifies the insurer on filing and the enterprise on the answer; nothing changes after the answer", async () => {
    const row = await file("2026-03-02", "通知测试");
    const told = (orgId: string, type: string) =>
      t.db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.recipientOrgId, orgId),
            eq(notifications.type, type),
            eq(notifications.subjectId, row.id),
          ),
        );
    expect((await told(insurer.orgId, "insurance_complaint_filed")).length).toBeGreaterThan(0);
    const answered = await stepComplaint(t.db, insurer, {
      id: row.id,
      version: row.version,
      step: { kind: "answer", answer: "已整改。" },
      today: "2026-03-03" as IsoDate,
      now,
    });
    expect((await told(enterprise.orgId, "insurance_complaint_answered")).length).toBeGreaterThan(0);
    expect(
      await codeOf(
        stepComplaint(t.db, insurer, {
          id: row.id,
          version: answered.version,
          step: { kind: "needs_check" },
          today: "2026-03-03" as IsoDate,
          now,
        }),
      ),
    ).toBe("already_answered");
    const mine = await listInsuredComplaints(t.db, enterprise.orgId, {}, "2026-03-03" as IsoDate);
    expect(mine.rows.find((r) => r.id === row.id)?.answer).toBe("已整改。");
  });

  it("another insurer does not see the complaint (404) nor list it; a foreign policy cannot be complained about", async () => {
    const row = await file("2026-03-02", "隔离");
    expect(await codeOf(getInsurerComplaint(t.db, otherInsurer.orgId, row.id, "2026-03-02" as IsoDate))).toBe(
      "not_found",
    );
    const theirs = await listInsurerComplaints(t.db, otherInsurer.orgId, {}, "2026-03-02" as IsoDate);
    expect(theirs.total).toBe(0);
    const other = await createOrgWithOwner(t.db, { kind: "enterprise", regionCode: "330702" });
    expect(
      await codeOf(
        fileComplaint(
          t.db,
          { orgId: other.org.id, userId: other.user.id, ip: "203.0.113.1" },
          { policyId, planItemId: null, subject: "x", body: "y" },
          "2026-03-02" as IsoDate,
          now,
        ),
      ),
    ).toBe("policy_unknown");
  });
});
