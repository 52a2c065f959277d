// Service listings: managed by their provider only; shown to the public only while the
// provider holds a verified qualification in force of the type the listing needs
// (docs/domain.md, "Listings and their visibility": an expired qualification hides the services that need it), with the reason
// told to the owner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { organisations, quotes, serviceListings, serviceRequests, qualifications, auditLog } from "../../db/schema";
import {
  createListing,
  deleteListing,
  getOwnListing,
  getPublicListing,
  listOwnListings,
  setListingStatus,
  updateListing,
} from "../../app/services/listings.server";
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

describe("creating and editing", () => {
  it("stores the price in fen and indexes the listing for search", async () => {
    const p = await providerWithActor(t.db);
    const { id } = await createListing(t.db, p.actor, listingInput({ price: "1,234.50", regionCodes: "330700" }), NOW);
    const [row] = await t.db.select().from(serviceListings).where(eq(serviceListings.id, id));
    expect(row!.priceFen).toBe(123_450);
    expect(row!.regionKeys).toEqual(expect.arrayContaining(["330000", "330700", "330702", "330782"]));
    const [{ indexed }] = await t.db
      .select({ indexed: sql<boolean>`${serviceListings.searchVector} @@ to_tsquery('simple', '标准')` })
      .from(serviceListings)
      .where(eq(serviceListings.id, id));
    expect(indexed).toBe(true);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(audit!.action).toBe("listing.created");
  });

  it("ties a licensed category to its licence even when the form names none", async () => {
    const p = await providerWithActor(t.db);
    const { id } = await createListing(
      t.db,
      p.actor,
      listingInput({ category: "assessment", title: "安全现状评价" }),
      NOW,
    );
    const listing = await getOwnListing(t.db, { providerId: p.org.id, listingId: id, today: TODAY });
    expect(listing.requiredQualificationType).toBe("safety_assessment");
  });

  it("refuses a required qualification that does not cover the category", async () => {
    const p = await providerWithActor(t.db);
    expect(
      await statusOf(
        createListing(
          t.db,
          p.actor,
          listingInput({ category: "assessment", requiredQualificationType: "rescue_team" }),
          NOW,
        ),
      ),
    ).toBe(422);
  });

  it("refuses non-providers", async () => {
    const e = await providerWithActor(t.db, { kind: "enterprise" });
    expect(await statusOf(createListing(t.db, e.actor, listingInput(), NOW))).toBe(403);
  });

  it("refuses a zero or malformed price in the form", () => {
    expect(() => listingInput({ price: "0" })).toThrow();
    expect(() => listingInput({ price: "12.345" })).toThrow();
    expect(() => listingInput({ price: "-5" })).toThrow();
  });
});

describe("visibility", () => {
  it("hides a listing whose required qualification is missing, pending, expired — and says why to its owner", async () => {
    const p = await providerWithActor(t.db);
    const { id } = await createListing(
      t.db,
      p.actor,
      listingInput({ category: "testing", title: "可燃气体检测报警器检测", price: "3000" }),
      NOW,
    );
    const own = () => getOwnListing(t.db, { providerId: p.org.id, listingId: id, today: TODAY });

    expect((await own()).visibility).toEqual({
      visible: false,
      reasons: [{ code: "qualification_missing", qualificationType: "testing_inspection" }],
    });
    expect(await statusOf(getPublicListing(t.db, { listingId: id, today: TODAY }))).toBe(404);

    const q = await insertQualification(t.db, p.org.id, {
      type: "testing_inspection",
      status: "pending",
      validTo: "2026-06-30",
    });
    expect((await own()).visibility).toEqual({
      visible: false,
      reasons: [{ code: "qualification_pending", qualificationType: "testing_inspection" }],
    });

    await t.db.update(qualifications).set({ status: "verified" }).where(eq(qualifications.id, q.id));
    expect((await own()).visibility).toEqual({
      visible: false,
      reasons: [{ code: "qualification_expired", qualificationType: "testing_inspection", date: "2026-06-30" }],
    });
    expect(await statusOf(getPublicListing(t.db, { listingId: id, today: TODAY }))).toBe(404);
    // On a day it was still valid, the same listing was public.
    expect((await getPublicListing(t.db, { listingId: id, today: "2026-06-30" })).title).toBe("可燃气体检测报警器检测");

    await insertQualification(t.db, p.org.id, {
      type: "testing_inspection",
      validFrom: "2026-07-01",
      validTo: "2031-06-30",
    });
    expect((await own()).visibility).toEqual({ visible: true });
    const pub = await getPublicListing(t.db, { listingId: id, today: TODAY });
    expect(pub.providerId).toBe(p.org.id);
  });

  it("pausing hides, resuming shows again", async () => {
    const p = await providerWithActor(t.db);
    const { id } = await createListing(t.db, p.actor, listingInput(), NOW);
    await setListingStatus(t.db, p.actor, id, "paused", NOW);
    expect((await getOwnListing(t.db, { providerId: p.org.id, listingId: id, today: TODAY })).visibility).toEqual({
      visible: false,
      reasons: [{ code: "listing_paused" }],
    });
    expect(await statusOf(getPublicListing(t.db, { listingId: id, today: TODAY }))).toBe(404);
    await setListingStatus(t.db, p.actor, id, "active", NOW);
    expect((await getPublicListing(t.db, { listingId: id, today: TODAY })).id).toBe(id);
  });

  it("a suspended provider's listings are hidden", async () => {
    const p = await providerWithActor(t.db);
    const { id } = await createListing(t.db, p.actor, listingInput(), NOW);
    await t.db
      .update(organisations)
      .set({ suspendedAt: new Date(), suspendedReason: "弄虚作假" })
      .where(eq(organisations.id, p.org.id));
    const [own] = await listOwnListings(t.db, { providerId: p.org.id, today: TODAY });
    expect(own!.visibility).toEqual({ visible: false, reasons: [{ code: "provider_suspended" }] });
    expect(await statusOf(getPublicListing(t.db, { listingId: id, today: TODAY }))).toBe(404);
  });
});

describe("another provider", () => {
  it("cannot read, edit, pause or delete the listing", async () => {
    const a = await providerWithActor(t.db);
    const b = await providerWithActor(t.db);
    const { id } = await createListing(
      t.db,
      a.actor,
      listingInput({ title: "A 的安全托管服务", category: "custody" }),
      NOW,
    );
    expect(await statusOf(getOwnListing(t.db, { providerId: b.org.id, listingId: id, today: TODAY }))).toBe(404);
    expect(await statusOf(updateListing(t.db, b.actor, id, listingInput({ title: "被篡改" }), NOW))).toBe(404);
    expect(await statusOf(setListingStatus(t.db, b.actor, id, "paused", NOW))).toBe(404);
    expect(await statusOf(deleteListing(t.db, b.actor, id))).toBe(404);
    expect(await listOwnListings(t.db, { providerId: b.org.id, today: TODAY })).toHaveLength(0);
    const [row] = await t.db.select().from(serviceListings).where(eq(serviceListings.id, id));
    expect(row!.title).toBe("A 的安全托管服务");
    expect(row!.status).toBe("active");
  });
});

describe("deleting", () => {
  it("deletes an unused listing, but keeps one a quote refers to", async () => {
    const p = await providerWithActor(t.db);
    const e = await providerWithActor(t.db, { kind: "enterprise" });
    const unused = await createListing(t.db, p.actor, listingInput({ title: "无人引用" }), NOW);
    await deleteListing(t.db, p.actor, unused.id);
    expect(await t.db.select().from(serviceListings).where(eq(serviceListings.id, unused.id))).toHaveLength(0);

    const quoted = await createListing(t.db, p.actor, listingInput({ title: "已被报价" }), NOW);
    const [request] = await t.db
      .insert(serviceRequests)
      .values({
        enterpriseId: e.org.id,
        category: "consulting",
        title: "标准化咨询",
        description: "需要",
        regionCode: "330702",
      })
      .returning();
    await t.db
      .insert(quotes)
      .values({ requestId: request!.id, providerId: p.org.id, listingId: quoted.id, priceFen: 800_000, plan: "方案" });
    expect(await statusOf(deleteListing(t.db, p.actor, quoted.id))).toBe(409);
    expect(await t.db.select().from(serviceListings).where(eq(serviceListings.id, quoted.id))).toHaveLength(1);
  });
});
