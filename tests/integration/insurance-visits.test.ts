// Doing the visits (issue 9, AQ 9010; decision 025): an insurer assigns and schedules a plan item,
// records a visit (a checking service carries an inspection whose hazards are the written notice),
// both sides confirm — either first, concurrently too — and only then is the item done; a visit
// that found hazards is followed by a return visit (回访). Another insurer or enterprise gets 404.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  hazards,
  inspections,
  insurancePlanItems,
  insuranceVisitPhotos,
  notifications,
  type Organisation,
} from "../../db/schema";
import type { IsoDate } from "../../app/domain/calendar-date";
import { addDraftHazard, confirmInspection, updateDraft } from "../../app/services/inspections.server";
import { insuredOverview } from "../../app/services/insured.server";
import {
  confirmVisitByEnterprise,
  confirmVisitByInsurer,
  getVisit,
} from "../../app/services/insurance-visit-confirm.server";
import { recordVisit, type VisitInput } from "../../app/services/insurance-visit-record.server";
import { assignPlanItem, getPlanItem, schedulePlanItem } from "../../app/services/insurance-visits.server";
import { loadEnv } from "../../app/utils/env.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner } from "../factories/accounts";
import { verifiedOrg } from "../factories/engagements";
import { fileOf, pngBytes } from "../factories/files";
import { insertPolicy } from "../factories/insurance";
import { tempUploadDir } from "../factories/providers";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-03-10T02:00:00Z");
const TODAY = "2026-03-10" as IsoDate;
let t: TestDb;
let uploads: Awaited<ReturnType<typeof tempUploadDir>>;
let env: ReturnType<typeof loadEnv>;
const o: Record<string, Organisation> = {};
const u: Record<string, { id: string; name: string }> = {};

const insurer = (name = "insurer") => ({
  orgId: o[name]!.id,
  userId: u[name]!.id,
  orgKind: "insurer" as const,
  regionCode: o[name]!.regionCode,
});
const enterprise = (name = "enterprise") => ({
  orgId: o[name]!.id,
  userId: u[name]!.id,
  orgKind: "enterprise" as const,
  regionCode: o[name]!.regionCode,
});

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A fresh policy of `enterprise` with the insurer; its item of `service` (the first by sequence). */
async function itemOf(service: string) {
  const e = o.enterprise!;
  const { policy } = await insertPolicy(t.db, o.insurer!.id, {
    enterprise: { uscc: e.uscc!, name: e.name, regionCode: e.regionCode },
    optionalServices: [],
  });
  const [item] = await t.db
    .select()
    .from(insurancePlanItems)
    .where(and(eq(insurancePlanItems.policyId, policy.id), eq(insurancePlanItems.service, service as "key_inspection")))
    .orderBy(asc(insurancePlanItems.sequence))
    .limit(1);
  return item!;
}

const visitInput = (itemId: string, over: Partial<VisitInput> = {}): VisitInput => ({
  itemId,
  startedAt: new Date("2026-03-10T01:00:00Z"),
  endedAt: new Date("2026-03-10T01:45:00Z"),
  place: "厂区一号车间",
  lat: 29.08,
  lng: 119.65,
  staffUserIds: [u.insurer!.id],
  staffNames: ["外聘 王工"],
  summary: "培训到场 32 人",
  photos: [],
  now: NOW,
  ...over,
});

const generalAnswers = () =>
  Object.fromEntries(
    ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "13", "14", "15"].map((k) => [
      `gen-${k}`,
      "pass",
    ]),
  );

/** Records a risk-assessment visit, fills and confirms its inspection with one hazard. */
async function checkedVisit() {
  const item = await itemOf("risk_assessment");
  const { visit, inspectionId } = await recordVisit(
    t.db,
    env,
    insurer(),
    visitInput(item.id, { templateKey: "general_industry_trade" }),
  );
  expect(inspectionId).toBeTruthy();
  const [draft] = await t.db.select().from(inspections).where(eq(inspections.id, inspectionId!));
  await updateDraft(t.db, insurer(), {
    inspectionId: draft!.id,
    version: draft!.version,
    inspectedOn: TODAY,
    inspectorNames: draft!.inspectorNames,
    answers: generalAnswers(),
    findings: "现场查勘",
    now: NOW,
  });
  await addDraftHazard(t.db, env, insurer(), {
    inspectionId: draft!.id,
    hazard: { grade: "general", description: "灭火器过期", deadline: "2026-04-10" as IsoDate },
    now: NOW,
  });
  return { item, visit, inspectionId: inspectionId! };
}

beforeAll(async () => {
  t = await createTestDb();
  uploads = await tempUploadDir();
  env = loadEnv({ NODE_ENV: "test", UPLOAD_DIR: uploads.env.UPLOAD_DIR, RATE_LIMIT_TOKEN_PER_MINUTE: "0" });
  const add = (name: string, r: { org: Organisation; user: { id: string; name: string } }) => {
    o[name] = r.org;
    u[name] = r.user;
  };
  add("insurer", await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" }));
  add("otherInsurer", await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" }));
  add("enterprise", await verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" }));
  add("otherEnterprise", await verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" }));
}, 60_000);

afterAll(async () => {
  await t?.close();
  await uploads?.remove();
});

describe("assigning and scheduling a plan item", () => {
  it("assigns to a member of the insurer, refuses a stranger (422) and a stale version (409)", async () => {
    const item = await itemOf("key_inspection");
    const assigned = await assignPlanItem(t.db, insurer(), {
      itemId: item.id,
      version: item.version,
      kind: "staff",
      userId: u.insurer!.id,
      now: NOW,
    });
    expect([assigned.assigneeKind, assigned.assigneeUserId, assigned.version]).toEqual([
      "staff",
      u.insurer!.id,
      item.version + 1,
    ]);
    const stranger = await refusal(
      assignPlanItem(t.db, insurer(), {
        itemId: item.id,
        version: assigned.version,
        kind: "staff",
        userId: u.otherInsurer!.id,
        now: NOW,
      }),
    );
    expect([stranger.status, stranger.code]).toEqual([422, "not_staff"]);
    const stale = await refusal(
      assignPlanItem(t.db, insurer(), { itemId: item.id, version: item.version, kind: "none", now: NOW }),
    );
    expect(stale.status).toBe(409);
  });

  it("schedules a date within the window and the policy, notifies the enterprise; refuses past and outside dates", async () => {
    const item = await itemOf("key_inspection");
    const scheduled = await schedulePlanItem(t.db, insurer(), {
      itemId: item.id,
      version: item.version,
      date: "2026-03-20" as IsoDate,
      today: TODAY,
      now: NOW,
    });
    expect(scheduled.scheduledOn).toBe("2026-03-20");
    const sent = await t.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.type, "insurance_visit_scheduled"),
          eq(notifications.subjectId, item.id),
          eq(notifications.channel, "in_app"),
        ),
      );
    expect(sent.map((n) => n.recipientUserId)).toEqual([u.enterprise!.id]);
    for (const date of ["2026-03-01", "2027-02-01"]) {
      const error = await refusal(
        schedulePlanItem(t.db, insurer(), {
          itemId: item.id,
          version: scheduled.version,
          date: date as IsoDate,
          today: TODAY,
          now: NOW,
        }),
      );
      expect(error.status).toBe(422);
    }
  });

  it("another insurer gets 404 for the item, its assignment and its schedule", async () => {
    const item = await itemOf("key_inspection");
    expect((await refusal(getPlanItem(t.db, o.otherInsurer!.id, item.id, TODAY))).status).toBe(404);
    const other = insurer("otherInsurer");
    expect(
      (await refusal(assignPlanItem(t.db, other, { itemId: item.id, version: 0, kind: "none", now: NOW }))).status,
    ).toBe(404);
    expect(
      (
        await refusal(
          schedulePlanItem(t.db, other, { itemId: item.id, version: 0, date: null, today: TODAY, now: NOW }),
        )
      ).status,
    ).toBe(404);
  });
});

describe("recording a visit", () => {
  it("stores time, place, staff and photos with sha256 and dHash (null when not decodable)", async () => {
    const item = await itemOf("all_staff_training");
    const { visit, inspectionId } = await recordVisit(
      t.db,
      env,
      insurer(),
      visitInput(item.id, { photos: [fileOf(pngBytes(), "a.png", "image/png")] }),
    );
    expect(inspectionId).toBeNull();
    expect(visit.staffUserIds).toEqual([u.insurer!.id]);
    const photos = await t.db.select().from(insuranceVisitPhotos).where(eq(insuranceVisitPhotos.visitId, visit.id));
    expect(photos).toHaveLength(1);
    expect(photos[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(photos[0]!.dHash).toBe("0000000000000000");
  });

  it.each([
    ["end before start", { endedAt: new Date("2026-03-10T00:30:00Z") }],
    [
      "a visit in the future",
      { startedAt: new Date("2026-03-11T01:00:00Z"), endedAt: new Date("2026-03-11T02:00:00Z") },
    ],
    ["no place", { place: "  " }],
    ["nobody present", { staffUserIds: [], staffNames: [] }],
    ["a non-member as staff", { staffUserIds: ["00000000-0000-4000-8000-000000000000"] }],
  ])("refuses %s with 422", async (_label, over) => {
    const item = await itemOf("all_staff_training");
    expect((await refusal(recordVisit(t.db, env, insurer(), visitInput(item.id, over)))).status).toBe(422);
  });

  it("a checking service needs a checklist and gets a draft inspection of source insurer", async () => {
    const item = await itemOf("risk_assessment");
    expect((await refusal(recordVisit(t.db, env, insurer(), visitInput(item.id)))).status).toBe(422);
    const { inspectionId } = await recordVisit(
      t.db,
      env,
      insurer(),
      visitInput(item.id, { templateKey: "general_industry_trade" }),
    );
    const [row] = await t.db.select().from(inspections).where(eq(inspections.id, inspectionId!));
    expect([row!.source, row!.inspectorOrgId, row!.inspectorConfirmedAt]).toEqual(["insurer", o.insurer!.id, null]);
    expect(row!.inspectorNames).toEqual([u.insurer!.name, "外聘 王工"]);
  });

  it("another insurer cannot record on the item (404)", async () => {
    const item = await itemOf("all_staff_training");
    expect((await refusal(recordVisit(t.db, env, insurer("otherInsurer"), visitInput(item.id)))).status).toBe(404);
  });
});

describe("dual confirmation", () => {
  it("the insurer cannot confirm before its inspection is confirmed; nor can the enterprise", async () => {
    const { visit } = await checkedVisit();
    expect((await refusal(confirmVisitByInsurer(t.db, insurer(), { visitId: visit.id, now: NOW }))).code).toBe(
      "inspection_not_confirmed",
    );
    expect((await refusal(confirmVisitByEnterprise(t.db, enterprise(), { visitId: visit.id, now: NOW }))).code).toBe(
      "inspection_not_confirmed",
    );
  });

  it("done only after both: insurer first leaves it open; the enterprise's confirmation closes it and acknowledges the inspection", async () => {
    const { item, visit, inspectionId } = await checkedVisit();
    await confirmInspection(t.db, insurer(), { inspectionId, now: NOW });
    const first = await confirmVisitByInsurer(t.db, insurer(), { visitId: visit.id, now: NOW });
    expect(first.itemDone).toBe(false);
    const [open] = await t.db.select().from(insurancePlanItems).where(eq(insurancePlanItems.id, item.id));
    expect(open!.state).toBe("open");
    const again = await refusal(confirmVisitByInsurer(t.db, insurer(), { visitId: visit.id, now: NOW }));
    expect(again.code).toBe("already_confirmed");
    const second = await confirmVisitByEnterprise(t.db, enterprise(), { visitId: visit.id, now: NOW });
    expect(second.itemDone).toBe(true);
    const [done] = await t.db.select().from(insurancePlanItems).where(eq(insurancePlanItems.id, item.id));
    expect([done!.state, done!.doneAt?.toISOString()]).toEqual(["done", NOW.toISOString()]);
    const [insp] = await t.db.select().from(inspections).where(eq(inspections.id, inspectionId));
    expect(insp!.enterpriseAcknowledgedByUserId).toBe(u.enterprise!.id);
    const view = await getVisit(t.db, "enterprise", o.enterprise!.id, visit.id);
    expect([view.serviceConfirmedByName, view.enterpriseConfirmedByName]).toEqual([
      u.insurer!.name,
      u.enterprise!.name,
    ]);
    expect(view.hazards.map((h) => h.description)).toEqual(["灭火器过期"]);
  });

  it("the enterprise may confirm first (no inspection); the insurer's confirmation then closes the item", async () => {
    const item = await itemOf("all_staff_training");
    const { visit } = await recordVisit(t.db, env, insurer(), visitInput(item.id));
    expect((await confirmVisitByEnterprise(t.db, enterprise(), { visitId: visit.id, now: NOW })).itemDone).toBe(false);
    expect((await confirmVisitByInsurer(t.db, insurer(), { visitId: visit.id, now: NOW })).itemDone).toBe(true);
  });

  it("two confirmations at once: both succeed, the item is closed exactly once", async () => {
    const item = await itemOf("all_staff_training");
    const { visit } = await recordVisit(t.db, env, insurer(), visitInput(item.id));
    const [a, b] = await Promise.all([
      confirmVisitByInsurer(t.db, insurer(), { visitId: visit.id, now: NOW }),
      confirmVisitByEnterprise(t.db, enterprise(), { visitId: visit.id, now: NOW }),
    ]);
    expect([a.itemDone, b.itemDone].filter(Boolean)).toHaveLength(1);
    const [done] = await t.db.select().from(insurancePlanItems).where(eq(insurancePlanItems.id, item.id));
    expect(done!.state).toBe("done");
  });

  it("two enterprise users confirming at once: one wins, the other gets 409", async () => {
    const item = await itemOf("all_staff_training");
    const { visit } = await recordVisit(t.db, env, insurer(), visitInput(item.id));
    const results = await Promise.allSettled([
      confirmVisitByEnterprise(t.db, enterprise(), { visitId: visit.id, now: NOW }),
      confirmVisitByEnterprise(t.db, enterprise(), { visitId: visit.id, now: NOW }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("another enterprise or insurer gets 404 for the visit and its confirmation", async () => {
    const item = await itemOf("all_staff_training");
    const { visit } = await recordVisit(t.db, env, insurer(), visitInput(item.id));
    expect((await refusal(getVisit(t.db, "enterprise", o.otherEnterprise!.id, visit.id))).status).toBe(404);
    expect((await refusal(getVisit(t.db, "insurer", o.otherInsurer!.id, visit.id))).status).toBe(404);
    expect(
      (await refusal(confirmVisitByEnterprise(t.db, enterprise("otherEnterprise"), { visitId: visit.id, now: NOW })))
        .status,
    ).toBe(404);
    expect(
      (await refusal(confirmVisitByInsurer(t.db, insurer("otherInsurer"), { visitId: visit.id, now: NOW }))).status,
    ).toBe(404);
  });

  it("the enterprise sees the visit awaiting its confirmation on its overview", async () => {
    const item = await itemOf("all_staff_training");
    const { visit } = await recordVisit(t.db, env, insurer(), visitInput(item.id));
    const before = await insuredOverview(t.db, o.enterprise!.id, TODAY, {});
    expect(before.awaiting.map((v) => v.id)).toContain(visit.id);
    expect(before.policies.length).toBeGreaterThan(0);
    const other = await insuredOverview(t.db, o.otherEnterprise!.id, TODAY, {});
    expect(other.awaiting).toEqual([]);
  });
});

describe("return visit (回访)", () => {
  it("is due after a done visit that found hazards; recorded with satisfaction, confirmed by the enterprise", async () => {
    const { item, visit, inspectionId } = await checkedVisit();
    const early = await refusal(
      recordVisit(
        t.db,
        env,
        insurer(),
        visitInput(item.id, { returnOf: { visitId: visit.id, fixVerified: true, satisfaction: 5, comments: "" } }),
      ),
    );
    expect(early.code).toBe("return_not_due");
    await confirmInspection(t.db, insurer(), { inspectionId, now: NOW });
    await confirmVisitByInsurer(t.db, insurer(), { visitId: visit.id, now: NOW });
    await confirmVisitByEnterprise(t.db, enterprise(), { visitId: visit.id, now: NOW });
    expect(await t.db.select().from(hazards).where(eq(hazards.inspectionId, inspectionId))).toHaveLength(1);
    const due = await getPlanItem(t.db, o.insurer!.id, item.id, TODAY);
    expect(due.returnVisitsDue.map((d) => d.visitId)).toEqual([visit.id]);
    const bad = await refusal(
      recordVisit(
        t.db,
        env,
        insurer(),
        visitInput(item.id, { returnOf: { visitId: visit.id, fixVerified: true, satisfaction: 6, comments: "" } }),
      ),
    );
    expect(bad.status).toBe(422);
    const { visit: ret } = await recordVisit(
      t.db,
      env,
      insurer(),
      visitInput(item.id, {
        returnOf: { visitId: visit.id, fixVerified: true, satisfaction: 4, comments: "整改及时" },
      }),
    );
    expect([ret.kind, ret.returnOfVisitId, ret.satisfaction, ret.fixVerified]).toEqual([
      "return_visit",
      visit.id,
      4,
      true,
    ]);
    expect((await getPlanItem(t.db, o.insurer!.id, item.id, TODAY)).returnVisitsDue).toEqual([]);
    await confirmVisitByInsurer(t.db, insurer(), { visitId: ret.id, now: NOW });
    const confirmed = await confirmVisitByEnterprise(t.db, enterprise(), { visitId: ret.id, now: NOW });
    expect(confirmed.visit.enterpriseConfirmedAt).toBeTruthy();
    const twice = await refusal(
      recordVisit(
        t.db,
        env,
        insurer(),
        visitInput(item.id, { returnOf: { visitId: visit.id, fixVerified: true, satisfaction: 4, comments: "" } }),
      ),
    );
    expect(twice.code).toBe("return_not_due");
  });

  it("a further service visit on a done item is refused (409)", async () => {
    const item = await itemOf("all_staff_training");
    const { visit } = await recordVisit(t.db, env, insurer(), visitInput(item.id));
    await confirmVisitByInsurer(t.db, insurer(), { visitId: visit.id, now: NOW });
    await confirmVisitByEnterprise(t.db, enterprise(), { visitId: visit.id, now: NOW });
    expect((await refusal(recordVisit(t.db, env, insurer(), visitInput(item.id)))).status).toBe(409);
  });
});
