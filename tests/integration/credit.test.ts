import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, organisations, practiceNotices, providerProfiles } from "../../db/schema";
import { decideOrganisation } from "../../app/services/admin.server";
import {
  getProviderCredit,
  gradeUngradedProviders,
  listGoodStandingProviders,
  recomputeProviderCredit,
  regradeProviders,
} from "../../app/services/credit.server";
import {
  listBureauRecords,
  listEvaluableProviders,
  listViolations,
  recordEvaluation,
  recordViolation,
} from "../../app/services/evaluations.server";
import { listPublishedReviews, submitReview } from "../../app/services/reviews.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner } from "../factories/accounts";
import { insertEngagement, verifiedOrg, verifiedProvider } from "../factories/engagements";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
type Party = { org: { id: string }; user: { id: string } };
let enterprise: Party;
let admin: Party;
let jinhuaBureau: Party;
let hangzhouBureau: Party;

const actor = (p: Party) => ({ userId: p.user.id, orgId: p.org.id, ip: "203.0.113.10" });
const now = new Date("2025-06-10T04:00:00Z");

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, key: error.messageKey };
    throw error;
  }
  throw new Error("expected the use case to be refused");
}

const profile = async (providerId: string) =>
  (await t.db.select().from(providerProfiles).where(eq(providerProfiles.orgId, providerId)))[0];
const org = async (id: string) => (await t.db.select().from(organisations).where(eq(organisations.id, id)))[0];
const listedIds = async (regionCode?: string) =>
  (await listGoodStandingProviders(t.db, { regionCode, now })).rows.map((r) => r.id);

beforeAll(async () => {
  t = await createTestDb();
  enterprise = await verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" });
  admin = await createOrgWithOwner(t.db, { kind: "platform", regionCode: "110000" });
  jinhuaBureau = await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330700" });
  hangzhouBureau = await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330100" });
});
afterAll(async () => {
  await t.close();
});

describe("grade after publication", () => {
  it("is recomputed when both reviews are in, not before", async () => {
    const provider = await verifiedProvider(t.db, { regionCode: "330702" });
    const acceptedAt = new Date("2025-06-01T02:00:00Z");
    const engagement = await insertEngagement(t.db, {
      enterpriseId: enterprise.org.id,
      providerId: provider.org.id,
      acceptedAt,
      deliveredAt: new Date("2025-03-20T02:00:00Z"),
      endDate: "2025-03-31",
    });
    await submitReview(
      t.db,
      actor(enterprise),
      { engagementId: engagement.id, professionalism: 5, timeliness: 5, effect: 5 },
      new Date("2025-06-02T02:00:00Z"),
    );
    expect((await profile(provider.org.id)).creditGrade).toBeNull();
    expect((await profile(provider.org.id)).reviewCount).toBe(0);

    await submitReview(
      t.db,
      actor(provider),
      { engagementId: engagement.id, overall: 5 },
      new Date("2025-06-03T02:00:00Z"),
    );
    const after = await profile(provider.org.id);
    expect(after.creditGrade).toBe("B");
    expect(after.reviewCount).toBe(1);
    expect(after.ratingSum).toBe(5);
    expect(after.creditReasons.map((r) => r.code)).toEqual(["rating", "on_time"]);
    expect(await listedIds()).toContain(provider.org.id);
    expect((await listPublishedReviews(t.db, { providerId: provider.org.id, now })).total).toBe(1);
  });

  it("gradeUngradedProviders grades new verified providers once, so they can be listed", async () => {
    const fresh = await verifiedProvider(t.db, { regionCode: "330703" });
    expect(await listedIds("330703")).not.toContain(fresh.org.id);
    expect(await gradeUngradedProviders(t.db, now)).toBeGreaterThanOrEqual(1);
    expect((await profile(fresh.org.id)).creditGrade).toBe("B");
    expect(await listedIds("330703")).toContain(fresh.org.id);
    expect(await gradeUngradedProviders(t.db, now)).toBe(0);
  });

  it("a provider never graded is graded when its credit page is first opened", async () => {
    const provider = await verifiedProvider(t.db, { regionCode: "330702" });
    const credit = await getProviderCredit(t.db, { providerId: provider.org.id, now });
    expect(credit.grade).toBe("B");
    expect(credit.reasons).toEqual([{ code: "no_history" }]);
    expect(await refusal(getProviderCredit(t.db, { providerId: enterprise.org.id, now }))).toEqual({
      status: 404,
      key: "not_found",
    });
  });
});

describe("violations and suspension (退出)", () => {
  it("a serious violation suspends the provider with an audit entry and takes it off the 公示 list", async () => {
    const provider = await verifiedProvider(t.db, { regionCode: "330702" });
    await recomputeProviderCredit(t.db, provider.org.id, now);
    expect(await listedIds("330700")).toContain(provider.org.id);

    const result = await recordViolation(
      t.db,
      actor(admin),
      {
        providerId: provider.org.id,
        kind: "qualification_renting",
        serious: true,
        occurredOn: "2025-06-01",
        note: "出借安全评价资质证书",
      },
      now,
    );
    expect(result.credit?.grade).toBe("D");
    expect(result.credit?.suspendedNow).toBe(true);
    const suspended = await org(provider.org.id);
    expect(suspended.suspendedAt).not.toBeNull();
    expect(suspended.suspendedReason).toBe("严重违法违规：租借资质（2025-06-01）");
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, provider.org.id), eq(auditLog.action, "organisation.suspend")));
    expect(audits).toHaveLength(1);
    expect(audits[0].data).toMatchObject({ automatic: true, grade: "D" });
    expect(await listedIds("330700")).not.toContain(provider.org.id);
    const publicPage = await getProviderCredit(t.db, { providerId: provider.org.id, now });
    expect(publicPage.provider.suspended).toBe(true);
    expect(publicPage.violations).toEqual([{ kind: "qualification_renting", serious: true, occurredOn: "2025-06-01" }]);
    const adminList = await listViolations(t.db, {});
    expect(adminList.rows.find((v) => v.providerId === provider.org.id)).toMatchObject({
      serious: true,
      providerSuspended: true,
      recordedBy: (await org(admin.org.id)).name,
    });
  });

  it("an admin's reinstatement is not undone by recomputing the same record, only by a new trigger", async () => {
    const provider = await verifiedProvider(t.db, { regionCode: "330702" });
    await recordViolation(
      t.db,
      actor(jinhuaBureau),
      {
        providerId: provider.org.id,
        kind: "falsification",
        serious: true,
        occurredOn: "2025-05-01",
        note: "检测报告数据造假",
      },
      now,
    );
    expect((await org(provider.org.id)).suspendedAt).not.toBeNull();

    await decideOrganisation(
      t.db,
      { userId: admin.user.id, orgId: admin.org.id, ip: "203.0.113.1" },
      { now: new Date(now.getTime() + 30_000), orgId: provider.org.id, decision: "reinstate" },
    );
    const later = new Date(now.getTime() + 60_000);
    const again = await recomputeProviderCredit(t.db, provider.org.id, later);
    expect(again?.grade).toBe("D");
    expect(again?.suspendedNow).toBe(false);
    await recordEvaluation(
      t.db,
      actor(jinhuaBureau),
      { providerId: provider.org.id, result: "pass", evaluatedOn: "2025-06-01" },
      later,
    );
    expect((await org(provider.org.id)).suspendedAt).toBeNull();

    const result = await recordViolation(
      t.db,
      actor(admin),
      {
        providerId: provider.org.id,
        kind: "monopoly_pricing",
        serious: false,
        occurredOn: "2025-06-02",
        note: "统一抬价",
      },
      new Date(later.getTime() + 60_000),
    );
    expect(result.credit?.suspendedNow).toBe(true);
    expect((await org(provider.org.id)).suspendedAt).not.toBeNull();
  });
});

describe("grades without waiting for another event (daily regrade, verification)", () => {
  it("verifying a provider grades it at once, so it is on the 公示 list", async () => {
    const pending = await createOrgWithOwner(t.db, { kind: "provider", regionCode: "330702" });
    expect((await profile(pending.org.id))?.creditGrade ?? null).toBeNull();
    await decideOrganisation(t.db, actor(admin), { orgId: pending.org.id, decision: "verify", now });
    const graded = await profile(pending.org.id);
    expect(graded?.creditGrade).toBe("B"); // decision 006: a new provider starts at B
    expect(graded?.creditComputedAt).toEqual(now);
    expect(await listedIds()).toContain(pending.org.id);
  });

  it("regradeProviders regrades those whose 3-year window lost a record, and the ungraded, nobody else", async () => {
    const gradedOn = new Date("2025-06-01T04:00:00Z");
    const aging = await verifiedProvider(t.db, { regionCode: "330702" });
    // Inside the window on 2025-06-01 (it starts 2022-06-01), outside on 2025-06-10 (starts 2022-06-10).
    await recordViolation(
      t.db,
      actor(jinhuaBureau),
      {
        providerId: aging.org.id,
        kind: "monopoly_pricing",
        serious: false,
        occurredOn: "2022-06-05",
        note: "统一抬价",
      },
      gradedOn,
    );
    expect((await profile(aging.org.id))?.creditReasons?.map((r) => r.code)).toContain("violation");
    const steady = await verifiedProvider(t.db, { regionCode: "330702" });
    await recomputeProviderCredit(t.db, steady.org.id, gradedOn);
    const ungraded = await verifiedProvider(t.db, { regionCode: "330702" });

    const regraded = await regradeProviders(t.db, { now });
    expect(regraded).toContain(aging.org.id);
    expect(regraded).toContain(ungraded.org.id);
    expect(regraded).not.toContain(steady.org.id);
    const aged = await profile(aging.org.id);
    expect(aged?.creditComputedAt).toEqual(now);
    expect(aged?.creditReasons?.map((r) => r.code) ?? []).not.toContain("violation");
    expect((await profile(ungraded.org.id))?.creditGrade).toBe("B");
    // Idempotent: nothing left to do the same day.
    expect(await regradeProviders(t.db, { now })).not.toContain(aging.org.id);
  });
});

describe("bureau evaluations are scoped by region", () => {
  it("a bureau evaluates providers of its region (registered, practising or serving there), nobody else", async () => {
    const local = await verifiedProvider(t.db, { regionCode: "330703" });
    const practising = await verifiedProvider(t.db, { regionCode: "330102" });
    const distant = await verifiedProvider(t.db, { regionCode: "330105" });
    await t.db
      .insert(practiceNotices)
      .values({ providerId: practising.org.id, countyCode: "330723", categories: ["consulting"] });

    const evaluable = (await listEvaluableProviders(t.db, { bureauRegionCode: "330700" })).map((p) => p.id);
    expect(evaluable).toEqual(expect.arrayContaining([local.org.id, practising.org.id]));
    expect(evaluable).not.toContain(distant.org.id);

    const done = await recordEvaluation(
      t.db,
      actor(jinhuaBureau),
      { providerId: local.org.id, result: "good", evaluatedOn: "2025-05-20", note: "抽查报告规范" },
      now,
    );
    expect(done.credit?.reasons.some((r) => r.code === "evaluations")).toBe(true);
    await recordEvaluation(
      t.db,
      actor(jinhuaBureau),
      { providerId: practising.org.id, result: "pass", evaluatedOn: "2025-05-20" },
      now,
    );
    expect(
      await refusal(
        recordEvaluation(
          t.db,
          actor(jinhuaBureau),
          { providerId: distant.org.id, result: "fail", evaluatedOn: "2025-05-20" },
          now,
        ),
      ),
    ).toEqual({ status: 404, key: "credit.provider_not_in_scope" });
    expect(
      await refusal(
        recordViolation(
          t.db,
          actor(hangzhouBureau),
          { providerId: local.org.id, kind: "falsification", serious: true, occurredOn: "2025-05-20", note: "x" },
          now,
        ),
      ),
    ).toEqual({ status: 404, key: "credit.provider_not_in_scope" });
    expect(
      await refusal(
        recordEvaluation(
          t.db,
          actor(enterprise),
          { providerId: local.org.id, result: "fail", evaluatedOn: "2025-05-20" },
          now,
        ),
      ),
    ).toEqual({ status: 403, key: "wrong_org_kind" });
    expect(
      await refusal(
        recordEvaluation(
          t.db,
          actor(admin),
          { providerId: local.org.id, result: "fail", evaluatedOn: "2025-05-20" },
          now,
        ),
      ),
    ).toEqual({ status: 403, key: "wrong_org_kind" });
    expect(
      await refusal(
        recordEvaluation(
          t.db,
          actor(jinhuaBureau),
          { providerId: local.org.id, result: "good", evaluatedOn: "2025-06-11" },
          now,
        ),
      ),
    ).toEqual({ status: 422, key: "credit.date_in_future" });

    const mine = await listBureauRecords(t.db, { bureauId: jinhuaBureau.org.id });
    expect(mine.evaluations.map((e) => e.providerId)).toEqual(
      expect.arrayContaining([local.org.id, practising.org.id]),
    );
    const theirs = await listBureauRecords(t.db, { bureauId: hangzhouBureau.org.id });
    expect(theirs.evaluations).toEqual([]);
  });

  it("serving an enterprise of the region is enough", async () => {
    const serving = await verifiedProvider(t.db, { regionCode: "330105" });
    await insertEngagement(t.db, { enterpriseId: enterprise.org.id, providerId: serving.org.id });
    expect((await listEvaluableProviders(t.db, { bureauRegionCode: "330700" })).map((p) => p.id)).toContain(
      serving.org.id,
    );
  });
});

describe("the 公示 list", () => {
  it("filters by region: registered in it (a city includes its counties) or serving it", async () => {
    const wucheng = await verifiedProvider(t.db, { regionCode: "330702", name: "婺城安全咨询有限公司" });
    const hangzhouServingJinhua = await verifiedProvider(t.db, {
      regionCode: "330102",
      servedRegions: ["330723"],
      name: "上城安评服务有限公司",
    });
    const pending = await verifiedProvider(t.db, { regionCode: "330702" });
    await t.db.update(organisations).set({ verificationStatus: "pending" }).where(eq(organisations.id, pending.org.id));
    for (const p of [wucheng, hangzhouServingJinhua, pending]) await recomputeProviderCredit(t.db, p.org.id, now);

    const city = await listedIds("330700");
    expect(city).toEqual(expect.arrayContaining([wucheng.org.id, hangzhouServingJinhua.org.id]));
    expect(city).not.toContain(pending.org.id);
    expect(await listedIds("330000")).toEqual(expect.arrayContaining([wucheng.org.id, hangzhouServingJinhua.org.id]));
    const wuyi = await listedIds("330723");
    expect(wuyi).toContain(hangzhouServingJinhua.org.id);
    expect(wuyi).not.toContain(wucheng.org.id);
    expect(await listedIds("330105")).not.toContain(wucheng.org.id);

    const page = await listGoodStandingProviders(t.db, { regionCode: "330700", now });
    expect(page.period).toEqual({ year: 2025, half: 1 });
    expect(await refusal(listGoodStandingProviders(t.db, { regionCode: "999999", now }))).toEqual({
      status: 422,
      key: "region_unknown",
    });
  });

  it("leaves out C grades", async () => {
    const weak = await verifiedProvider(t.db, { regionCode: "330702" });
    await recordViolation(
      t.db,
      actor(jinhuaBureau),
      { providerId: weak.org.id, kind: "falsification", serious: false, occurredOn: "2025-04-01", note: "台账补签" },
      now,
    );
    expect((await profile(weak.org.id)).creditGrade).toBe("C");
    expect((await org(weak.org.id)).suspendedAt).toBeNull();
    expect(await listedIds("330700")).not.toContain(weak.org.id);
  });
});
