// The bureau's oversight flags over insurers' visits (issue 9, "Oversight flags for the bureau"):
// crafted visits and photos, inserted directly, must raise each kind of flag with the records
// behind it; a bureau of another region sees none of it and gets the 404 of a missing record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { files, insurancePlanItems, insuranceVisitPhotos, insuranceVisits } from "../../db/schema";
import type { IsoDate } from "../../app/domain/calendar-date";
import {
  insurerOverview,
  insurerPoliciesInRegion,
  regionFlags,
  regionPolicy,
  regionVisit,
  regionVisitPhoto,
  saveOversightConfig,
  flagWindow,
  type Bureau,
} from "../../app/services/insurance-oversight.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner } from "../factories/accounts";
import { insertPolicy } from "../factories/insurance";
import { createTestDb, type TestDb } from "../setup/test-db";

const TODAY = "2026-03-20" as IsoDate;
const window = flagWindow({}, TODAY);

let t: TestDb;
let insurerId: string;
let staffId: string;
let bureau: Bureau;
let otherBureau: Bureau;
let policyA: string;
let policyB: string;
const visit: Record<string, string> = {};

const at = (iso: string) => new Date(iso);

async function photo(ownerOrgId: string, visitId: string, sha: string, dHash: string | null) {
  const [file] = await t.db
    .insert(files)
    .values({
      ownerOrgId,
      purpose: "photo",
      originalName: "现场.jpg",
      storedName: `2026-03/${randomUUID()}.jpg`,
      mimeType: "image/jpeg",
      sizeBytes: 10,
      sha256: sha,
    })
    .returning();
  await t.db.insert(insuranceVisitPhotos).values({ visitId, fileId: file!.id, sha256: sha, dHash });
  return file!.id;
}

async function addVisit(
  policyId: string,
  v: { from: string; to: string; lat: number; lng: number; staff: string[] },
): Promise<string> {
  const [item] = await t.db
    .select()
    .from(insurancePlanItems)
    .where(and(eq(insurancePlanItems.policyId, policyId), eq(insurancePlanItems.service, "key_inspection")))
    .orderBy(asc(insurancePlanItems.sequence))
    .limit(1);
  const [row] = await t.db
    .insert(insuranceVisits)
    .values({
      planItemId: item!.id,
      policyId,
      insurerId: item!.insurerId,
      enterpriseId: item!.enterpriseId,
      startedAt: at(v.from),
      endedAt: at(v.to),
      place: "厂区",
      lat: v.lat,
      lng: v.lng,
      staffUserIds: v.staff,
      staffNames: ["检查员"],
    })
    .returning();
  return row!.id;
}

const sha = (c: string) => c.repeat(64);

beforeAll(async () => {
  t = await createTestDb();
  const insurer = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" });
  insurerId = insurer.org.id;
  staffId = insurer.user.id;
  const b1 = await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330700" });
  const b2 = await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330100" });
  bureau = { id: b1.org.id, kind: "bureau", regionCode: "330700" };
  otherBureau = { id: b2.org.id, kind: "bureau", regionCode: "330100" };
  policyA = (await insertPolicy(t.db, insurerId)).policy.id;
  policyB = (await insertPolicy(t.db, insurerId)).policy.id;
  // Jinhua, 10 minutes (short); then Hangzhou (~140 km) 40 minutes later: impossible travel.
  visit.short = await addVisit(policyA, {
    from: "2026-03-10T01:00:00Z",
    to: "2026-03-10T01:10:00Z",
    lat: 29.079,
    lng: 119.647,
    staff: [staffId],
  });
  visit.far = await addVisit(policyB, {
    from: "2026-03-10T01:50:00Z",
    to: "2026-03-10T03:00:00Z",
    lat: 30.274,
    lng: 120.155,
    staff: [staffId],
  });
  // The same photo bytes at two enterprises: identical reuse.
  await photo(insurerId, visit.short, sha("a"), "0f0f0f0f0f0f0f0f");
  await photo(insurerId, visit.far, sha("a"), "0f0f0f0f0f0f0f0f");
  // Two different files whose perceptual hashes differ by one bit: near-identical reuse.
  visit.nearA = await addVisit(policyA, {
    from: "2026-03-12T01:00:00Z",
    to: "2026-03-12T03:00:00Z",
    lat: 29.079,
    lng: 119.647,
    staff: [],
  });
  visit.nearB = await addVisit(policyB, {
    from: "2026-03-14T01:00:00Z",
    to: "2026-03-14T03:00:00Z",
    lat: 30.274,
    lng: 120.155,
    staff: [],
  });
  await photo(insurerId, visit.nearA, sha("b"), "ffffffffffffffff");
  await photo(insurerId, visit.nearB, sha("c"), "fffffffffffffffe");
});
afterAll(async () => t?.close());

describe("regionFlags", () => {
  it("raises each kind of flag with the records behind it", async () => {
    const { flags, visits } = await regionFlags(t.db, bureau, { window, today: TODAY });
    const of = <K extends string>(kind: K) => flags.filter((f) => f.kind === kind);

    expect(of("short_visit")).toEqual([
      { kind: "short_visit", visitIds: [visit.short], minutes: 10, minimumMinutes: 30 },
    ]);
    expect(of("impossible_travel")).toEqual([
      expect.objectContaining({ personId: staffId, visitIds: [visit.short, visit.far] }),
    ]);
    const reused = of("photo_reused") as Array<Extract<(typeof flags)[number], { kind: "photo_reused" }>>;
    const identical = reused.find((f) => f.match === "identical")!;
    expect(new Set(identical.visitIds)).toEqual(new Set([visit.short, visit.far]));
    expect(identical.enterpriseIds).toHaveLength(2);
    // Photo ids are "visitId/fileId": the link to the scoped photo route.
    for (const id of identical.photoIds) expect(identical.visitIds).toContain(id.split("/")[0]);
    const near = reused.find((f) => f.match === "near_identical")!;
    expect(new Set(near.visitIds)).toEqual(new Set([visit.nearA, visit.nearB]));
    // Both policies owe items due before today (the first key inspection and the assessment), none done.
    const below = of("below_frequency") as Array<Extract<(typeof flags)[number], { kind: "below_frequency" }>>;
    expect(new Set(below.map((f) => f.policyId))).toEqual(new Set([policyA, policyB]));
    for (const f of below) {
      expect(f.doneCount).toBe(0);
      expect(f.planItemIds.length).toBe(f.dueCount);
    }
    // Every visit a flag links to is described for its link text.
    for (const id of flags.flatMap((f) => ("visitIds" in f ? f.visitIds : []))) expect(visits[id]).toBeDefined();
  });

  it("follows the bureau's thresholds: a 5-minute minimum clears the short visit, 300 km/h the travel", async () => {
    await saveOversightConfig(t.db, bureau, { minVisitMinutes: 5, maxTravelKmh: 300, photoHammingMax: 0 }, new Date());
    const { flags, config } = await regionFlags(t.db, bureau, { window, today: TODAY });
    expect(config).toMatchObject({ minVisitMinutes: 5, maxTravelKmh: 300, photoHammingMax: 0 });
    expect(flags.some((f) => f.kind === "short_visit")).toBe(false);
    expect(flags.some((f) => f.kind === "impossible_travel")).toBe(false);
    // Hamming 0: the one-bit-apart pair is no longer near-identical; the identical copy still is.
    expect(flags.filter((f) => f.kind === "photo_reused").map((f) => (f as { match: string }).match)).toEqual([
      "identical",
    ]);
    await saveOversightConfig(t.db, bureau, { minVisitMinutes: 30, maxTravelKmh: 100, photoHammingMax: 5 }, new Date());
  });

  it("leaves out visits outside the window", async () => {
    const { flags } = await regionFlags(t.db, bureau, {
      window: { from: "2026-03-11" as IsoDate, to: "2026-03-20" as IsoDate },
      today: TODAY,
    });
    expect(flags.some((f) => f.kind === "short_visit" || f.kind === "impossible_travel")).toBe(false);
  });

  it("shows a bureau of another region nothing, and its drill-downs answer 404", async () => {
    const { flags } = await regionFlags(t.db, otherBureau, { window, today: TODAY });
    expect(flags).toEqual([]);
    expect(await insurerOverview(t.db, otherBureau, TODAY)).toEqual([]);
    const page = await insurerPoliciesInRegion(t.db, otherBureau, { insurerId, today: TODAY });
    expect(page.total).toBe(0);
    const [ph] = await t.db.select().from(insuranceVisitPhotos).where(eq(insuranceVisitPhotos.visitId, visit.short));
    for (const attempt of [
      () => regionVisit(t.db, otherBureau, visit.short),
      () => regionPolicy(t.db, otherBureau, { policyId: policyA, today: TODAY }),
      () => regionVisitPhoto(t.db, otherBureau, { visitId: visit.short, fileId: ph!.fileId }),
    ]) {
      await expect(attempt()).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.status === 404);
    }
  });

  it("lets the region's bureau open the records behind the flags", async () => {
    const { visit: v, photos } = await regionVisit(t.db, bureau, visit.short);
    expect(v.policyId).toBe(policyA);
    expect(photos).toHaveLength(1);
    await expect(
      regionVisitPhoto(t.db, bureau, { visitId: visit.short, fileId: photos[0]!.fileId }),
    ).resolves.toMatchObject({ mimeType: "image/jpeg" });
    const { plan, visits } = await regionPolicy(t.db, bureau, { policyId: policyA, today: TODAY });
    expect(visits.map((x) => x.id)).toContain(visit.short);
    expect(plan.some((i) => i.status === "overdue")).toBe(true);
  });
});

describe("insurerOverview", () => {
  it("counts the insurer's policies in the region and its overdue items by service", async () => {
    const [row] = await insurerOverview(t.db, bureau, TODAY);
    expect(row).toMatchObject({ insurerId, policies: 2, policiesInForce: 2, doneOfDue: 0 });
    expect(row!.overdue).toBeGreaterThan(0);
    expect(Object.values(row!.overdueByService).reduce((s, n) => s + (n ?? 0), 0)).toBe(row!.overdue);
  });

  it("refuses a window that runs backwards or longer than a year", () => {
    expect(() => flagWindow({ from: "2026-03-20", to: "2026-03-01" }, TODAY)).toThrow(AppError);
    expect(() => flagWindow({ from: "2024-01-01", to: "2026-03-01" }, TODAY)).toThrow(AppError);
  });
});
