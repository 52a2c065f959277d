// The demo's marketplace content: every demo provider has a profile, experts, qualifications,
// notices and listings; one expired licence hides its listing and one pending licence hides
// another, each with the reason the owner sees; running the seed again changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import {
  organisations,
  practiceNotices,
  experts,
  providerProfiles,
  qualifications,
  serviceListings,
} from "../../db/schema";
import { seedDemo } from "../../app/seed/demo";
import { seedMarketplaceDemo } from "../../app/seed/marketplace-demo";
import { listOwnListings } from "../../app/services/listings.server";
import { listPracticeNoticesInRegion } from "../../app/services/practice-notices.server";
import { shanghaiDateString } from "../../app/domain/format";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-06-01T09:00:00+08:00");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { NODE_ENV: "development" }, NOW);
});
afterAll(async () => {
  await t.close();
});

const idOf = async (name: string) =>
  (await t.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)))[0]!.id;
const counts = async () => ({
  profiles: (await t.db.select({ n: count() }).from(providerProfiles))[0]!.n,
  experts: (await t.db.select({ n: count() }).from(experts))[0]!.n,
  qualifications: (await t.db.select({ n: count() }).from(qualifications))[0]!.n,
  notices: (await t.db.select({ n: count() }).from(practiceNotices))[0]!.n,
  listings: (await t.db.select({ n: count() }).from(serviceListings))[0]!.n,
});

describe("seedMarketplaceDemo", () => {
  it("gives each demo provider a profile, experts, qualifications, notices and 3–5 listings", async () => {
    for (const name of ["浙江安正安全技术咨询有限公司", "金华市安联安全评价有限公司", "青岛安达安全服务有限公司"]) {
      const id = await idOf(name);
      const [profile] = await t.db.select().from(providerProfiles).where(eq(providerProfiles.orgId, id));
      expect(profile!.categories.length).toBeGreaterThan(0);
      expect(profile!.regionKeys.length).toBeGreaterThan(profile!.regionCodes.length);
      const listings = await t.db.select().from(serviceListings).where(eq(serviceListings.providerId, id));
      expect(listings.length).toBeGreaterThanOrEqual(3);
      expect(listings.length).toBeLessThanOrEqual(5);
      expect((await t.db.select().from(experts).where(eq(experts.employerOrgId, id))).length).toBeGreaterThan(0);
      expect(
        (await t.db.select().from(practiceNotices).where(eq(practiceNotices.providerId, id))).length,
      ).toBeGreaterThan(0);
    }
  });

  it("hides 安达's testing listing (expired licence) and 安正's training listing (pending), and says why", async () => {
    const today = shanghaiDateString(NOW);
    const lastYear = Number(today.slice(0, 4)) - 1;
    const anda = await listOwnListings(t.db, { providerId: await idOf("青岛安达安全服务有限公司"), today });
    expect(anda.find((l) => l.category === "testing")!.visibility).toEqual({
      visible: false,
      reasons: [{ code: "qualification_expired", qualificationType: "testing_inspection", date: `${lastYear}-06-30` }],
    });
    expect(anda.filter((l) => l.visibility.visible)).toHaveLength(3);

    const anzheng = await listOwnListings(t.db, { providerId: await idOf("浙江安正安全技术咨询有限公司"), today });
    expect(anzheng.find((l) => l.category === "training")!.visibility).toEqual({
      visible: false,
      reasons: [{ code: "qualification_pending", qualificationType: "training_institution" }],
    });
    expect(anzheng.find((l) => l.category === "custody")!.visibility).toEqual({ visible: true });

    const anlian = await listOwnListings(t.db, { providerId: await idOf("金华市安联安全评价有限公司"), today });
    expect(anlian.every((l) => l.visibility.visible)).toBe(true);
  });

  it("shows the Jinhua bureau the Jinhua notices and the Qingdao bureau the Qingdao ones", async () => {
    const jinhua = await listPracticeNoticesInRegion(t.db, { bureauRegionCode: "330700" });
    const qingdao = await listPracticeNoticesInRegion(t.db, { bureauRegionCode: "370200" });
    expect(jinhua.total).toBe(4);
    expect(qingdao.total).toBe(2);
    expect(qingdao.rows.every((r) => r.providerName === "青岛安达安全服务有限公司")).toBe(true);
  });

  it("is idempotent", async () => {
    const before = await counts();
    await seedMarketplaceDemo(t.db, NOW);
    await seedDemo(t.db, { NODE_ENV: "development" }, NOW);
    expect(await counts()).toEqual(before);
  });

  it("fills a profile created empty on first visit, but leaves an edited one alone", async () => {
    const id = await idOf("金华市安联安全评价有限公司");
    await t.db.update(providerProfiles).set({ description: "我们自己写的简介" }).where(eq(providerProfiles.orgId, id));
    await seedMarketplaceDemo(t.db, NOW);
    const [profile] = await t.db.select().from(providerProfiles).where(eq(providerProfiles.orgId, id));
    expect(profile!.description).toBe("我们自己写的简介");
  });
});
