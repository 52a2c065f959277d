// A bureau sees the organisations registered in its own region and beneath it — a city
// bureau every county of the city, a county bureau its county — and nothing outside,
// scoped in the SQL WHERE by the region prefix (app/domain/region-scope.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOrganisationsInRegion } from "../../app/services/organisations.server";
import { createOrgWithOwner, registerOrg } from "../factories/accounts";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  // 330702 婺城区 and 330782 义乌市 are in 金华市 330700; 330703 金东区 too.
  // 370202 市南区 is in 青岛市; 330100 杭州市 is another city of the same province.
  ids.wucheng = (await registerOrg(t.db, { regionCode: "330702" })).org.id;
  ids.yiwu = (await registerOrg(t.db, { regionCode: "330782", kind: "provider" })).org.id;
  ids.jindong = (await registerOrg(t.db, { regionCode: "330703", kind: "insurer" })).org.id;
  ids.shinan = (await registerOrg(t.db, { regionCode: "370202" })).org.id;
  ids.hangzhou = (await registerOrg(t.db, { regionCode: "330100" })).org.id;
  // 330106 西湖区: a county of the same province but another city.
  ids.hangzhouCounty = (await registerOrg(t.db, { regionCode: "330106" })).org.id;
  // Bureaus and the platform are never listed, even inside the region.
  ids.jinhuaBureau = (await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330700" })).org.id;
  ids.yiwuBureau = (await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330782" })).org.id;
  ids.platform = (await createOrgWithOwner(t.db, { kind: "platform", regionCode: "330700" })).org.id;
});
afterAll(async () => {
  await t.close();
});

async function visibleTo(bureauRegionCode: string, filter: { q?: string; page?: number } = {}) {
  const result = await listOrganisationsInRegion(t.db, { bureauRegionCode, ...filter });
  return { ids: new Set(result.rows.map((r) => r.id)), total: result.total };
}

describe("a city bureau (金华市 330700)", () => {
  it("sees the organisations of its counties", async () => {
    const seen = await visibleTo("330700");
    expect(seen.ids).toEqual(new Set([ids.wucheng, ids.yiwu, ids.jindong]));
    expect(seen.total).toBe(3);
  });

  it("does not see Qingdao (370202), Hangzhou (330100, 330106), bureaus or the platform", async () => {
    const seen = await visibleTo("330700");
    for (const outside of ["shinan", "hangzhou", "hangzhouCounty", "jinhuaBureau", "yiwuBureau", "platform"]) {
      expect(seen.ids.has(ids[outside]), outside).toBe(false);
    }
  });

  it("cannot widen its scope through the search box", async () => {
    const seen = await visibleTo("330700", { q: "%" });
    expect(seen.ids.has(ids.shinan)).toBe(false);
    expect(seen.total).toBe(0);
  });
});

describe("a county bureau", () => {
  it("义乌市 330782 sees only its county", async () => {
    const seen = await visibleTo("330782");
    expect(seen.ids).toEqual(new Set([ids.yiwu]));
    expect(seen.total).toBe(1);
  });

  it("婺城区 330702 does not see its neighbour 330782", async () => {
    const seen = await visibleTo("330702");
    expect(seen.ids).toEqual(new Set([ids.wucheng]));
  });
});

describe("other scopes", () => {
  it("a provincial bureau (浙江省 330000) sees every Zhejiang organisation and nothing in Shandong", async () => {
    const seen = await visibleTo("330000");
    expect(seen.ids).toEqual(new Set([ids.wucheng, ids.yiwu, ids.jindong, ids.hangzhou, ids.hangzhouCounty]));
  });

  it("an unknown region code is refused, never turned into a country-wide pattern", async () => {
    await expect(visibleTo("")).rejects.toThrow();
    await expect(visibleTo("999999")).rejects.toThrow();
    await expect(visibleTo("33%")).rejects.toThrow();
  });
});
