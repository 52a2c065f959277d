// Provider profiles: created on first use, kept in the search index, edited only by their
// own organisation; the public page shows verified qualifications and visible listings only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { organisations, providerProfiles, serviceListings } from "../../db/schema";
import { ProviderProfileSchema, collapseMultiValues } from "../../app/forms/provider";
import { getOwnProfile, getPublicProviderProfile, updateOwnProfile } from "../../app/services/providers.server";
import { createListing } from "../../app/services/listings.server";
import { AppError } from "../../app/utils/errors";
import { insertQualification, listingInput, providerWithActor } from "../factories/providers";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-06-01T09:00:00+08:00");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const TODAY = "2026-11-23";

async function statusOf(work: Promise<unknown>): Promise<number | "ok"> {
  try {
    await work;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

function profileForm(fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
  collapseMultiValues(form, ["categories", "regionCodes", "industryCodes"]);
  const parsed = ProviderProfileSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

describe("own profile", () => {
  it("is created on first read, once, and indexed for search", async () => {
    const p = await providerWithActor(t.db);
    const first = await getOwnProfile(t.db, { orgId: p.org.id, now: NOW });
    const second = await getOwnProfile(t.db, { orgId: p.org.id, now: NOW });
    expect(first.profile.orgId).toBe(p.org.id);
    expect(second.profile.orgId).toBe(p.org.id);
    const rows = await t.db.select().from(providerProfiles).where(eq(providerProfiles.orgId, p.org.id));
    expect(rows).toHaveLength(1);
    const [{ indexed }] = await t.db
      .select({ indexed: sql<boolean>`${providerProfiles.searchVector} <> ''::tsvector` })
      .from(providerProfiles)
      .where(eq(providerProfiles.orgId, p.org.id));
    expect(indexed).toBe(true);
  });

  it("is not for other kinds of organisation", async () => {
    const e = await providerWithActor(t.db, { kind: "enterprise" });
    expect(await statusOf(getOwnProfile(t.db, { orgId: e.org.id, now: NOW }))).toBe(404);
    const rows = await t.db.select().from(providerProfiles).where(eq(providerProfiles.orgId, e.org.id));
    expect(rows).toHaveLength(0);
  });

  it("saves categories, regions, industries, staff and contact, and refreshes the region keys", async () => {
    const p = await providerWithActor(t.db);
    const input = profileForm({
      categories: ["custody", "consulting", "custody"],
      description: "专注五金、机械行业安全生产标准化与安全托管",
      regionCodes: ["330702", "330782"],
      industryCodes: ["33", "C"],
      staffCount: "36",
      contactName: "张明",
      contactPhone: "0579-82345678",
      contactEmail: "Service@AnZheng.example.cn",
    });
    await updateOwnProfile(t.db, p.actor, input, NOW);
    const { profile } = await getOwnProfile(t.db, { orgId: p.org.id, now: NOW });
    expect(profile.categories).toEqual(["consulting", "custody"]);
    expect(profile.regionCodes).toEqual(["330702", "330782"]);
    expect(profile.industryCodes).toEqual(["33", "C"]);
    expect(profile.staffCount).toBe(36);
    expect(profile.contactEmail).toBe("service@anzheng.example.cn");
    // Served counties are found from their city and province too (region-keys.ts).
    expect(profile.regionKeys).toEqual(expect.arrayContaining(["330000", "330700", "330702", "330782"]));
  });

  it("refuses unknown region and category codes in the form", () => {
    expect(
      ProviderProfileSchema.safeParse({ categories: "consulting", regionCodes: "999999", staffCount: "1" }).success,
    ).toBe(false);
    expect(
      ProviderProfileSchema.safeParse({ categories: "fortune_telling", regionCodes: "330702", staffCount: "1" })
        .success,
    ).toBe(false);
    expect(ProviderProfileSchema.safeParse({ categories: "", regionCodes: "330702", staffCount: "1" }).success).toBe(
      false,
    );
  });
});

// Provider experts are rows of the expert pool now: tests/integration/experts.test.ts.

describe("public profile", () => {
  it("shows verified qualifications with their validity and visible listings only", async () => {
    const p = await providerWithActor(t.db);
    await getOwnProfile(t.db, { orgId: p.org.id, now: NOW });
    await insertQualification(t.db, p.org.id, { type: "safety_assessment" });
    await insertQualification(t.db, p.org.id, { type: "testing_inspection", validTo: "2026-06-30" });
    await insertQualification(t.db, p.org.id, { type: "occupational_health_tech", status: "pending" });
    const listing = (title: string, category: "assessment" | "testing" | "occupational_health") =>
      createListing(t.db, p.actor, listingInput({ category, title, price: "5000" }), NOW);
    await listing("安全现状评价", "assessment");
    await listing("可燃气体报警器检测", "testing");
    await listing("职业病危害因素检测", "occupational_health");

    const page = await getPublicProviderProfile(t.db, { providerId: p.org.id, today: TODAY });
    expect(page.qualifications.map((q) => [q.type, q.inForce])).toEqual([
      ["safety_assessment", true],
      ["testing_inspection", false],
    ]);
    expect(page.listings.map((l) => l.title)).toEqual(["安全现状评价"]);
  });

  it("is not found for suspended providers and for other kinds of organisation", async () => {
    const p = await providerWithActor(t.db);
    const e = await providerWithActor(t.db, { kind: "enterprise" });
    await t.db
      .update(organisations)
      .set({ suspendedAt: new Date(), suspendedReason: "租借资质" })
      .where(eq(organisations.id, p.org.id));
    expect(await statusOf(getPublicProviderProfile(t.db, { providerId: p.org.id, today: TODAY }))).toBe(404);
    expect(await statusOf(getPublicProviderProfile(t.db, { providerId: e.org.id, today: TODAY }))).toBe(404);
  });

  it("lists nothing the provider paused", async () => {
    const p = await providerWithActor(t.db);
    await createListing(t.db, p.actor, listingInput(), NOW);
    await t.db.update(serviceListings).set({ status: "paused" }).where(eq(serviceListings.providerId, p.org.id));
    const page = await getPublicProviderProfile(t.db, { providerId: p.org.id, today: TODAY });
    expect(page.listings).toHaveLength(0);
  });
});
