// The expert pool (decision 021): one pool kept by providers (their employees) and bureaus or
// the platform (independent experts); search filters; assignment permissions; bureau draws
// reproducible from their seed, with ties to the inspected party excluded; not enough → 422.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { expertAssignments, expertDraws, experts, insurancePolicies, type Organisation } from "../../db/schema";
import { ExpertDrawSchema, ExpertProfileSchema, ExpertSearchSchema } from "../../app/forms/experts";
import { drawExperts } from "../../app/domain/expert-draw";
import {
  assignExpert,
  createExpert,
  deleteExpert,
  getExpertProfile,
  listAssignments,
  listMaintainedExperts,
  searchExperts,
  toExpertProfile,
  updateExpert,
} from "../../app/services/experts.server";
import { createExpertDraw, getExpertDraw, listExpertDraws } from "../../app/services/expert-draws.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner } from "../factories/accounts";
import { insertEngagement, verifiedOrg } from "../factories/engagements";
import { createTestDb, type TestDb } from "../setup/test-db";

const TODAY = "2026-12-03";
let t: TestDb;

type Party = { org: Organisation; actor: { userId: string; orgId: string; ip: string } };
const party = (r: { org: Organisation; user: { id: string } }): Party => ({
  org: r.org,
  actor: { userId: r.user.id, orgId: r.org.id, ip: "203.0.113.9" },
});
const acting = (p: Party) => ({ id: p.org.id, kind: p.org.kind, regionCode: p.org.regionCode });

async function statusOf(work: Promise<unknown>): Promise<number | string> {
  try {
    await work;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}
async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.messageKey}`;
    throw error;
  }
}

const profile = (over: Record<string, unknown> = {}) =>
  ExpertProfileSchema.parse({
    name: "专家",
    title: "senior",
    specialties: "mechanical",
    regionCodes: "330700",
    active: "on",
    ...over,
  });

let bureau: Party, otherBureau: Party, insurer: Party, platform: Party;
let enterprise: Party, otherEnterprise: Party, farEnterprise: Party;
let provider: Party, servingProvider: Party;

beforeAll(async () => {
  t = await createTestDb();
  bureau = party(await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330700" }));
  otherBureau = party(await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "370200" }));
  insurer = party(await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330700" }));
  platform = party(await createOrgWithOwner(t.db, { kind: "platform", regionCode: "330700" }));
  enterprise = party(await verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" }));
  otherEnterprise = party(await verifiedOrg(t.db, { kind: "enterprise", regionCode: "330782" }));
  farEnterprise = party(await verifiedOrg(t.db, { kind: "enterprise", regionCode: "370202" }));
  provider = party(await verifiedOrg(t.db, { kind: "provider", regionCode: "330702" }));
  servingProvider = party(await verifiedOrg(t.db, { kind: "provider", regionCode: "330702" }));
  await insertEngagement(t.db, {
    enterpriseId: enterprise.org.id,
    providerId: servingProvider.org.id,
    status: "in_service",
  });
  await t.db.insert(insurancePolicies).values({
    insurerId: insurer.org.id,
    enterpriseId: enterprise.org.id,
    policyNumber: "P-EXP-1",
    premiumFen: 100_000,
    preventionFeeBps: 1500,
    riskGrade: "blue",
    startDate: "2026-01-01",
    endDate: "2026-12-31",
  });
});
afterAll(async () => {
  await t.close();
});

describe("keeping profiles", () => {
  it("a provider keeps its employees, a bureau or the platform independent experts; others are refused", async () => {
    const own = await createExpert(t.db, provider.actor, acting(provider), profile({ name: "李工" }));
    expect(own.employerOrgId).toBe(provider.org.id);
    expect(own.maintainedByOrgId).toBe(provider.org.id);
    const independent = await createExpert(t.db, bureau.actor, acting(bureau), profile({ name: "独立甲" }));
    expect(independent.employerOrgId).toBeNull();
    expect(independent.maintainedByOrgId).toBe(bureau.org.id);
    expect(
      (await createExpert(t.db, platform.actor, acting(platform), profile({ name: "平台专家" }))).employerOrgId,
    ).toBeNull();
    for (const p of [enterprise, insurer])
      expect(await statusOf(createExpert(t.db, p.actor, acting(p), profile()))).toBe(403);

    // Only the keeper edits or deletes: another organisation's id is a 404.
    expect(await statusOf(updateExpert(t.db, servingProvider.actor, acting(servingProvider), own.id, profile()))).toBe(
      404,
    );
    expect(await statusOf(updateExpert(t.db, otherBureau.actor, acting(otherBureau), independent.id, profile()))).toBe(
      404,
    );
    expect(await statusOf(deleteExpert(t.db, servingProvider.actor, acting(servingProvider), own.id))).toBe(404);
    await updateExpert(
      t.db,
      provider.actor,
      acting(provider),
      own.id,
      profile({ name: "李国强", title: "senior_full" }),
    );
    const [row] = await t.db.select().from(experts).where(eq(experts.id, own.id));
    expect(row).toMatchObject({ name: "李国强", title: "senior_full" });
    expect((await listMaintainedExperts(t.db, provider.org.id)).map((e) => e.name)).toEqual(["李国强"]);
    await deleteExpert(t.db, provider.actor, acting(provider), own.id);
    expect(await listMaintainedExperts(t.db, provider.org.id)).toEqual([]);
  });

  it("declared conflicts are typed as USCCs and an unknown one is refused with the code", async () => {
    const input = profile({ name: "回避测试", conflictUsccs: enterprise.org.uscc! });
    const row = await createExpert(t.db, bureau.actor, acting(bureau), input);
    expect(row.declaredConflictOrgIds).toEqual([enterprise.org.id]);
    expect(ExpertProfileSchema.safeParse({ ...input, conflictUsccs: "not-a-uscc" }).success).toBe(false);
    const unknown = "91330702MA2XXXXXXX";
    const parsed = ExpertProfileSchema.safeParse({
      name: "x",
      title: "none",
      specialties: "law",
      regionCodes: "330700",
      conflictUsccs: unknown,
    });
    // A well-formed USCC nobody holds is a 422 from the service (or refused by its check digit).
    if (parsed.success)
      expect(await codeOf(createExpert(t.db, bureau.actor, acting(bureau), parsed.data))).toBe(
        "422 experts.conflict_unknown",
      );
    await t.db.delete(experts).where(eq(experts.id, row.id));
  });

  it("rejects bad profiles: unknown specialty, no region, backwards unavailable range", () => {
    const base = { name: "x", title: "none", specialties: "law", regionCodes: "330700" };
    expect(ExpertProfileSchema.safeParse(base).success).toBe(true);
    expect(ExpertProfileSchema.safeParse({ ...base, specialties: "astrology" }).success).toBe(false);
    expect(ExpertProfileSchema.safeParse({ ...base, regionCodes: "" }).success).toBe(false);
    expect(ExpertProfileSchema.safeParse({ ...base, unavailable: "2026-12-05~2026-12-01" }).success).toBe(false);
    expect(ExpertProfileSchema.safeParse({ ...base, unavailable: "2026-02-30" }).success).toBe(false);
    const ok = ExpertProfileSchema.parse({ ...base, unavailable: "2026-12-01~2026-12-05\n2026-12-24" });
    expect(ok.unavailable).toEqual([
      { from: "2026-12-01", to: "2026-12-05" },
      { from: "2026-12-24", to: "2026-12-24" },
    ]);
  });
});

describe("search", () => {
  beforeAll(async () => {
    const add = (name: string, over: Record<string, unknown>) =>
      createExpert(t.db, otherBureau.actor, acting(otherBureau), profile({ name, ...over }));
    await add("搜-化工金华", { specialties: "hazardous_chemicals", regionCodes: "330700", industryCodes: "C" });
    await add("搜-化工婺城", {
      specialties: "hazardous_chemicals",
      regionCodes: "330702",
      title: "intermediate",
      safetyEngineerLevel: "senior",
    });
    await add("搜-化工浙江", { specialties: "hazardous_chemicals,fire", regionCodes: "330000", industryCodes: "26" });
    await add("搜-化工青岛", { specialties: "hazardous_chemicals", regionCodes: "370200" });
    await add("搜-休假", {
      specialties: "hazardous_chemicals",
      regionCodes: "330700",
      unavailable: "2026-12-01~2026-12-10",
    });
    await add("搜-暂停", { specialties: "hazardous_chemicals", regionCodes: "330700", active: "" });
  });
  const names = async (q: Record<string, string>) =>
    (await searchExperts(t.db, ExpertSearchSchema.parse({ q: "搜-", ...q, page: "1" }))).rows.map((r) => r.name).sort();

  // Table: each filter and what it keeps (the inactive one never shows).
  it.each([
    [{}, ["搜-休假", "搜-化工婺城", "搜-化工浙江", "搜-化工金华", "搜-化工青岛"]],
    [{ specialty: "fire" }, ["搜-化工浙江"]],
    // region contains: a county finds experts of the county, its city and its province
    [{ region: "330702" }, ["搜-休假", "搜-化工婺城", "搜-化工浙江", "搜-化工金华"]],
    // and a city finds experts inside it (a county) as well as above it
    [{ region: "330700" }, ["搜-休假", "搜-化工婺城", "搜-化工浙江", "搜-化工金华"]],
    [{ region: "370202" }, ["搜-化工青岛"]],
    // industry: empty = any; section C covers division 26; division 26 matches section C
    [{ industry: "26" }, ["搜-休假", "搜-化工婺城", "搜-化工浙江", "搜-化工金华", "搜-化工青岛"]],
    [{ industry: "F" }, ["搜-休假", "搜-化工婺城", "搜-化工青岛"]],
    [{ title: "intermediate" }, ["搜-化工婺城"]],
    [{ level: "senior" }, ["搜-化工婺城"]],
    [{ availableOn: "2026-12-05" }, ["搜-化工婺城", "搜-化工浙江", "搜-化工金华", "搜-化工青岛"]],
    [{ availableOn: "2026-12-11" }, ["搜-休假", "搜-化工婺城", "搜-化工浙江", "搜-化工金华", "搜-化工青岛"]],
    // garbage filters are ignored, not a 500
    [
      { specialty: "'; drop table experts; --", region: "999999", availableOn: "2026-13-01" },
      ["搜-休假", "搜-化工婺城", "搜-化工浙江", "搜-化工金华", "搜-化工青岛"],
    ],
  ])("%j", async (q, expected) => {
    expect(await names(q as Record<string, string>)).toEqual([...expected].sort());
  });

  it("lists no phone; the profile shows it only to keeper, bureaus and assigners", async () => {
    const row = await createExpert(
      t.db,
      otherBureau.actor,
      acting(otherBureau),
      profile({ name: "电话测试", phone: "13555790099" }),
    );
    const result = await searchExperts(t.db, ExpertSearchSchema.parse({ q: "电话测试" }));
    expect(JSON.stringify(result.rows)).not.toContain("13555790099");
    const seen = async (p: Party) => (await getExpertProfile(t.db, acting(p), row.id, TODAY)).expert.phone;
    expect(await seen(otherBureau)).toBe("13555790099");
    expect(await seen(bureau)).toBe("13555790099");
    expect(await seen(enterprise)).toBeNull();
    expect(await seen(insurer)).toBeNull();
    expect(await seen(provider)).toBeNull();
    await assignExpert(
      t.db,
      enterprise.actor,
      acting(enterprise),
      row.id,
      { enterpriseId: enterprise.org.id, task: "自查" },
      TODAY,
    );
    expect(await seen(enterprise)).toBe("13555790099");
  });
});

describe("assignment", () => {
  let independent: string, ofProvider: string, ofServing: string, conflicted: string;
  beforeAll(async () => {
    independent = (await createExpert(t.db, bureau.actor, acting(bureau), profile({ name: "指派-独立" }))).id;
    ofProvider = (await createExpert(t.db, provider.actor, acting(provider), profile({ name: "指派-机构" }))).id;
    ofServing = (
      await createExpert(t.db, servingProvider.actor, acting(servingProvider), profile({ name: "指派-服务方" }))
    ).id;
    conflicted = (
      await createExpert(
        t.db,
        bureau.actor,
        acting(bureau),
        profile({ name: "指派-回避", conflictUsccs: enterprise.org.uscc! }),
      )
    ).id;
  });
  const assign = (p: Party, expertId: string, enterpriseId: string, dueOn?: string) =>
    assignExpert(t.db, p.actor, acting(p), expertId, { enterpriseId, task: "年度检查", dueOn }, TODAY);

  // Who may assign to whom (issue 8 "Experts": bureau of the region, insurer with a policy in force, the enterprise).
  it.each([
    ["the enterprise itself", () => enterprise, () => enterprise.org.id, "ok"],
    ["an enterprise for another enterprise", () => otherEnterprise, () => enterprise.org.id, 403],
    ["the bureau of the region", () => bureau, () => enterprise.org.id, "ok"],
    ["another region's bureau", () => otherBureau, () => enterprise.org.id, 403],
    ["the bureau, to another region's enterprise", () => bureau, () => farEnterprise.org.id, 403],
    ["an insurer with a policy in force", () => insurer, () => enterprise.org.id, "ok"],
    ["an insurer without a policy", () => insurer, () => otherEnterprise.org.id, 403],
    ["a provider", () => provider, () => enterprise.org.id, 403],
    ["the platform", () => platform, () => enterprise.org.id, 403],
    ["anyone, to a non-enterprise", () => bureau, () => provider.org.id, 422],
  ])("%s → %s", async (_label, who, target, expected) => {
    expect(await statusOf(assign(who(), independent, target()))).toBe(expected);
  });

  it("refuses an expert tied to the enterprise, with the reason", async () => {
    expect(await codeOf(assign(bureau, ofServing, enterprise.org.id))).toBe(
      "409 experts.tied.employed_by_serving_provider",
    );
    expect(await codeOf(assign(bureau, conflicted, enterprise.org.id))).toBe("409 experts.tied.declared_conflict");
    expect(await statusOf(assign(bureau, ofServing, otherEnterprise.org.id))).toBe("ok");
  });

  it("shows the task to the expert's employer and to the assigner, not to others", async () => {
    await assign(insurer, ofProvider, enterprise.org.id, "2026-12-20");
    const seen = async (p: Party) =>
      (await listAssignments(t.db, acting(p), 1)).rows.filter((r) => r.expertId === ofProvider).length;
    expect(await seen(provider)).toBe(1);
    expect(await seen(insurer)).toBe(1);
    expect(await seen(servingProvider)).toBe(0);
    expect(await seen(enterprise)).toBe(0);
    // An independent expert: the assigner and the keeper (here the same bureau, and the enterprise it assigned for).
    const ofIndependent = async (p: Party) =>
      (await listAssignments(t.db, acting(p), 1)).rows.filter((r) => r.expertId === independent).length;
    expect(await ofIndependent(bureau)).toBeGreaterThan(0);
    expect(await ofIndependent(enterprise)).toBe(1);
    expect(await ofIndependent(provider)).toBe(0);
  });

  it("an assigned expert cannot be deleted (409), only paused", async () => {
    expect(await codeOf(deleteExpert(t.db, provider.actor, acting(provider), ofProvider))).toBe("409 experts.in_use");
  });
});

describe("bureau draws", () => {
  let pool: Record<string, string>;
  let drawBureau: Party, drawEnterprise: Party, employerOfInspected: Party;
  beforeAll(async () => {
    // A region of its own so the other tests' experts do not matter.
    drawBureau = party(await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330100" }));
    drawEnterprise = party(await verifiedOrg(t.db, { kind: "enterprise", regionCode: "330102" }));
    employerOfInspected = drawEnterprise;
    const serving = party(await verifiedOrg(t.db, { kind: "provider", regionCode: "330102" }));
    await insertEngagement(t.db, { enterpriseId: drawEnterprise.org.id, providerId: serving.org.id, status: "signed" });
    const add = async (keeper: Party, name: string, over: Record<string, unknown> = {}) =>
      (
        await createExpert(
          t.db,
          keeper.actor,
          acting(keeper),
          profile({ name, specialties: "dust_explosion", regionCodes: "330100", ...over }),
        )
      ).id;
    pool = {
      a: await add(drawBureau, "抽-甲"),
      b: await add(drawBureau, "抽-乙"),
      c: await add(drawBureau, "抽-丙"),
      d: await add(drawBureau, "抽-丁", { industryCodes: "13" }),
      serving: await add(serving, "抽-服务方专家"),
      conflict: await add(drawBureau, "抽-回避", { conflictUsccs: drawEnterprise.org.uscc! }),
      away: await add(drawBureau, "抽-出差", { unavailable: "2026-12-10~2026-12-12" }),
    };
    // An enterprise can employ an expert too (its own safety engineer).
    pool.own = await t.db
      .insert(experts)
      .values({
        name: "抽-本企业",
        employerOrgId: employerOfInspected.org.id,
        maintainedByOrgId: drawBureau.org.id,
        specialties: ["dust_explosion"],
        regionCodes: ["330100"],
      })
      .returning()
      .then((r) => r[0]!.id);
  });
  const input = (over: Record<string, unknown> = {}) =>
    ExpertDrawSchema.parse({
      task: "粉尘涉爆专项检查",
      enterpriseId: drawEnterprise.org.id,
      specialty: "dust_explosion",
      regionCode: "330102",
      industryCode: "C",
      from: "2026-12-11",
      to: "2026-12-11",
      count: "2",
      ...over,
    });

  it("draws from the eligible only, records seed and every exclusion, assigns the drawn, and re-runs the same", async () => {
    const draw = await createExpertDraw(t.db, drawBureau.actor, acting(drawBureau), input(), { seed: "seed-1" });
    expect(draw.seed).toBe("seed-1");
    expect(draw.drawnExpertIds).toHaveLength(2);
    const eligible = [pool.a, pool.b, pool.c, pool.d];
    for (const id of draw.drawnExpertIds) expect(eligible).toContain(id);
    const reasons = Object.fromEntries(draw.excluded.map((e) => [e.expertId, e.reason]));
    expect(reasons[pool.serving!]).toBe("employed_by_serving_provider");
    expect(reasons[pool.conflict!]).toBe("declared_conflict");
    expect(reasons[pool.own!]).toBe("employed_by_inspected");
    expect(reasons[pool.away!]).toBe("unavailable");
    // Experts of other tests are outside the region or specialty, each with its reason.
    for (const id of eligible) expect(reasons[id]).toBeUndefined();

    const assigned = await t.db.select().from(expertAssignments).where(eq(expertAssignments.drawId, draw.id));
    expect(assigned.map((a) => a.expertId).sort()).toEqual([...draw.drawnExpertIds].sort());
    expect(assigned.every((a) => a.enterpriseId === drawEnterprise.org.id && a.dueOn === "2026-12-11")).toBe(true);

    const shown = await getExpertDraw(t.db, acting(drawBureau), draw.id);
    expect(shown.rerun).toMatchObject({ poolUnchanged: true, reproduced: true });
    expect(shown.excluded.find((e) => e.id === pool.serving)?.reason).toBe("employed_by_serving_provider");

    // The pure rule over the pool read back from the database, from the stored seed: the same.
    const rows = await t.db.select().from(experts);
    const again = drawExperts(rows.map(toExpertProfile), {
      ...shown.criteria,
      inspectedOrgId: drawEnterprise.org.id,
      seed: "seed-1",
    });
    expect(again.ok && again.drawn).toEqual(draw.drawnExpertIds);
  });

  it("same seed and pool → same experts; the re-run notices a changed pool", async () => {
    const one = await createExpertDraw(t.db, drawBureau.actor, acting(drawBureau), input(), { seed: "fixed" });
    const two = await createExpertDraw(t.db, drawBureau.actor, acting(drawBureau), input(), { seed: "fixed" });
    expect(two.drawnExpertIds).toEqual(one.drawnExpertIds);
    const seeds = ["s1", "s2", "s3", "s4", "s5", "s6"];
    const results = new Set<string>();
    for (const seed of seeds) {
      const d = await createExpertDraw(t.db, drawBureau.actor, acting(drawBureau), input(), { seed });
      results.add([...d.drawnExpertIds].sort().join());
    }
    expect(results.size).toBeGreaterThan(1); // the seed matters

    await updateExpert(
      t.db,
      drawBureau.actor,
      acting(drawBureau),
      pool.c!,
      profile({ name: "抽-丙", specialties: "law", regionCodes: "330100" }),
    );
    const shown = await getExpertDraw(t.db, acting(drawBureau), one.id);
    expect(shown.rerun.poolUnchanged).toBe(false);
  });

  it("not enough eligible experts is a clear 422 and writes nothing", async () => {
    const before = (await t.db.select().from(expertDraws)).length;
    const assignmentsBefore = (await t.db.select().from(expertAssignments)).length;
    expect(
      await codeOf(createExpertDraw(t.db, drawBureau.actor, acting(drawBureau), input({ count: "9" }), { seed: "x" })),
    ).toBe("422 experts.not_enough_eligible");
    expect((await t.db.select().from(expertDraws)).length).toBe(before);
    expect((await t.db.select().from(expertAssignments)).length).toBe(assignmentsBefore);
  });

  it("only a bureau draws, and only for an enterprise of its region; draws are private to it", async () => {
    expect(await codeOf(createExpertDraw(t.db, bureau.actor, acting(bureau), input(), { seed: "x" }))).toBe(
      "422 experts.enterprise_not_in_region",
    );
    expect(await statusOf(createExpertDraw(t.db, insurer.actor, acting(insurer), input(), { seed: "x" }))).toBe(403);
    const list = await listExpertDraws(t.db, acting(drawBureau), 1);
    expect(list.total).toBeGreaterThan(0);
    expect((await listExpertDraws(t.db, acting(bureau), 1)).rows.map((r) => r.id)).not.toContain(list.rows[0]!.id);
    expect(await statusOf(getExpertDraw(t.db, acting(bureau), list.rows[0]!.id))).toBe(404);
  });

  it("refuses bad draw input before the service", () => {
    const base = { task: "x", enterpriseId: drawEnterprise.org.id, from: "2026-12-01", to: "2026-12-02", count: "2" };
    expect(ExpertDrawSchema.safeParse(base).success).toBe(true);
    for (const bad of [
      { count: "0" },
      { count: "21" },
      { count: "1.5" },
      { count: "abc" },
      { to: "2026-11-30" },
      { from: "2026-02-30" },
      { enterpriseId: "nope" },
      { specialty: "astrology" },
      { regionCode: "999999" },
    ])
      expect(ExpertDrawSchema.safeParse({ ...base, ...bad }).success).toBe(false);
  });
});
