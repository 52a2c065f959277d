// 执业告知: a provider declares each county it serves to that county's bureau; a bureau sees
// the notices for counties in its own region and nowhere else (docs/domain.md, "Organisations":
// bureau scope).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, practiceNotices, providerProfiles } from "../../db/schema";
import { PracticeNoticeSchema, ProviderProfileSchema } from "../../app/forms/provider";
import {
  declarePracticeNotice,
  listOwnPracticeNotices,
  listPracticeNoticesInRegion,
  withdrawPracticeNotice,
} from "../../app/services/practice-notices.server";
import { updateOwnProfile } from "../../app/services/providers.server";
import { AppError } from "../../app/utils/errors";
import { providerWithActor } from "../factories/providers";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-06-01T09:00:00+08:00");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

async function statusOf(work: Promise<unknown>): Promise<number | "ok"> {
  try {
    await work;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

const notice = (countyCode: string, categories = "") =>
  PracticeNoticeSchema.parse({ countyCode, categories, note: "" });

async function servingJinhuaCity() {
  const p = await providerWithActor(t.db);
  await updateOwnProfile(
    t.db,
    p.actor,
    ProviderProfileSchema.parse({ categories: "consulting,custody", regionCodes: "330700", staffCount: "12" }),
    NOW,
  );
  return p;
}

describe("declaring", () => {
  it("records a county within the regions served, with the profile's categories by default", async () => {
    const p = await servingJinhuaCity();
    const { notice: row, regionAdded } = await declarePracticeNotice(t.db, p.actor, notice("330782"), NOW);
    expect(regionAdded).toBe(false);
    expect(row.categories).toEqual(["consulting", "custody"]);
    const [profile] = await t.db.select().from(providerProfiles).where(eq(providerProfiles.orgId, p.org.id));
    expect(profile!.regionCodes).toEqual(["330700"]);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, row.id), eq(auditLog.action, "practice_notice.declared")));
    expect(audit!.orgId).toBe(p.org.id);
  });

  it("adds a county outside the regions served to the profile, and re-indexes it", async () => {
    const p = await servingJinhuaCity();
    const { regionAdded } = await declarePracticeNotice(t.db, p.actor, notice("370212", "consulting"), NOW);
    expect(regionAdded).toBe(true);
    const [profile] = await t.db.select().from(providerProfiles).where(eq(providerProfiles.orgId, p.org.id));
    expect(profile!.regionCodes).toEqual(["330700", "370212"]);
    expect(profile!.regionKeys).toEqual(expect.arrayContaining(["370200", "370212"]));
  });

  it("works on a provider that has no profile yet", async () => {
    const p = await providerWithActor(t.db);
    const { regionAdded } = await declarePracticeNotice(t.db, p.actor, notice("330702"), NOW);
    expect(regionAdded).toBe(true);
  });

  it("is made to a county, not a city or province, and once per county while in force", async () => {
    const p = await servingJinhuaCity();
    expect(await statusOf(declarePracticeNotice(t.db, p.actor, notice("330700"), NOW))).toBe(422);
    expect(await statusOf(declarePracticeNotice(t.db, p.actor, notice("330000"), NOW))).toBe(422);
    const { notice: first } = await declarePracticeNotice(t.db, p.actor, notice("330703"), NOW);
    expect(await statusOf(declarePracticeNotice(t.db, p.actor, notice("330703"), NOW))).toBe(409);
    await withdrawPracticeNotice(t.db, p.actor, first.id, NOW);
    await declarePracticeNotice(t.db, p.actor, notice("330703"), NOW);
    const own = await listOwnPracticeNotices(t.db, { providerId: p.org.id });
    expect(own.map((n) => [n.countyCode, n.withdrawnAt === null])).toEqual([
      ["330703", true],
      ["330703", false],
    ]);
  });

  it("is for providers only", async () => {
    const e = await providerWithActor(t.db, { kind: "enterprise" });
    expect(await statusOf(declarePracticeNotice(t.db, e.actor, notice("330702"), NOW))).toBe(403);
  });
});

describe("bureaus see their own region only", () => {
  it("a city bureau sees its counties; another city's bureau and a sibling county's bureau do not", async () => {
    const p = await servingJinhuaCity();
    const { notice: wucheng } = await declarePracticeNotice(t.db, p.actor, notice("330702"), NOW);
    const { notice: yiwu } = await declarePracticeNotice(t.db, p.actor, notice("330782"), NOW);
    const ids = async (bureauRegionCode: string) =>
      (await listPracticeNoticesInRegion(t.db, { bureauRegionCode })).rows
        .filter((r) => r.providerId === p.org.id)
        .map((r) => r.id)
        .sort();

    expect(await ids("330700")).toEqual([wucheng.id, yiwu.id].sort());
    expect(await ids("330000")).toEqual([wucheng.id, yiwu.id].sort());
    expect(await ids("330782")).toEqual([yiwu.id]);
    expect(await ids("330702")).toEqual([wucheng.id]);
    expect(await ids("370200")).toEqual([]);
    expect(
      (await listPracticeNoticesInRegion(t.db, { bureauRegionCode: "370200" })).rows.every((r) =>
        r.countyCode.startsWith("3702"),
      ),
    ).toBe(true);
  });

  it("withdrawn notices are hidden unless asked for", async () => {
    const p = await servingJinhuaCity();
    const { notice: n } = await declarePracticeNotice(t.db, p.actor, notice("330784"), NOW);
    await withdrawPracticeNotice(t.db, p.actor, n.id, NOW);
    const current = await listPracticeNoticesInRegion(t.db, { bureauRegionCode: "330784" });
    expect(current.rows.some((r) => r.id === n.id)).toBe(false);
    const all = await listPracticeNoticesInRegion(t.db, { bureauRegionCode: "330784", includeWithdrawn: true });
    expect(all.rows.find((r) => r.id === n.id)?.withdrawnAt).not.toBeNull();
  });
});

describe("another provider", () => {
  it("cannot withdraw the notice, nor see it among its own", async () => {
    const a = await servingJinhuaCity();
    const b = await servingJinhuaCity();
    const { notice: n } = await declarePracticeNotice(t.db, a.actor, notice("330723"), NOW);
    expect(await statusOf(withdrawPracticeNotice(t.db, b.actor, n.id, NOW))).toBe(404);
    const [row] = await t.db.select().from(practiceNotices).where(eq(practiceNotices.id, n.id));
    expect(row!.withdrawnAt).toBeNull();
    expect(await listOwnPracticeNotices(t.db, { providerId: b.org.id })).toHaveLength(0);
  });
});
