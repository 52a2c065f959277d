import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { organisations, practiceNotices, providerProfiles, qualifications, serviceListings } from "../../db/schema";
import { categoriesCoveredBy, licenceFor } from "../domain/qualification-types";
import { shanghaiDateString } from "../domain/format";
import { refreshListingSearchIndex, refreshProviderSearchIndex } from "../services/search-index.server";
import { DEMO_ORGS } from "./demo-data";
import { MARKETPLACE_DEMO, type DemoProviderContent } from "./marketplace-demo-data";

/**
 * Profiles, qualifications, practice notices and listings for the demo providers.
 * Idempotent: a profile is only filled while still empty, and every other row is matched by
 * its natural key (certificate number, county, listing title) before inserting.
 */
export async function seedMarketplaceDemo(db: Db, now: Date): Promise<void> {
  const year = Number(shanghaiDateString(now).slice(0, 4));
  await db.transaction(async (tx) => {
    for (const [key, content] of Object.entries(MARKETPLACE_DEMO)) {
      const demo = DEMO_ORGS.find((o) => o.key === key);
      if (!demo) continue;
      const [org] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.name, demo.name));
      if (!org) continue;
      await seedProvider(tx, org.id, content, year, now);
    }
  });
}

async function seedProvider(tx: Tx, providerId: string, c: DemoProviderContent, year: number, now: Date) {
  const profile = {
    categories: c.categories,
    description: c.description,
    regionCodes: c.regionCodes,
    industryCodes: c.industryCodes,
    staffCount: c.staffCount,
    contactName: c.contact.name,
    contactPhone: c.contact.phone,
    contactEmail: c.contact.email,
  };
  // A profile created empty on first visit is filled; one the provider has edited is left alone.
  await tx
    .insert(providerProfiles)
    .values({ orgId: providerId, ...profile })
    .onConflictDoUpdate({
      target: providerProfiles.orgId,
      set: profile,
      setWhere: sql`${providerProfiles.categories} = '{}'`,
    });
  await refreshProviderSearchIndex(tx, providerId, now);

  const date = ([offset, monthDay]: [number, string]) => `${year + offset}-${monthDay}`;
  for (const q of c.qualifications) {
    const [found] = await tx
      .select({ id: qualifications.id })
      .from(qualifications)
      .where(and(eq(qualifications.providerId, providerId), eq(qualifications.certificateNo, q.certificateNo)));
    if (found) continue;
    await tx.insert(qualifications).values({
      providerId,
      type: q.type,
      certificateNo: q.certificateNo,
      issuer: q.issuer,
      scope: q.scope,
      scopeCategories: [...categoriesCoveredBy(q.type)],
      validFrom: date(q.from),
      validTo: date(q.to),
      status: q.status,
      reviewedAt: q.status === "verified" ? new Date(`${date(q.from)}T02:00:00Z`) : null,
    });
  }

  for (const n of c.notices) {
    const [found] = await tx
      .select({ id: practiceNotices.id })
      .from(practiceNotices)
      .where(
        and(
          eq(practiceNotices.providerId, providerId),
          eq(practiceNotices.countyCode, n.countyCode),
          isNull(practiceNotices.withdrawnAt),
        ),
      );
    if (!found)
      await tx
        .insert(practiceNotices)
        .values({ providerId, countyCode: n.countyCode, categories: n.categories, note: n.note });
  }

  for (const l of c.listings) {
    const [found] = await tx
      .select({ id: serviceListings.id })
      .from(serviceListings)
      .where(and(eq(serviceListings.providerId, providerId), eq(serviceListings.title, l.title)));
    if (found) continue;
    const [row] = await tx
      .insert(serviceListings)
      .values({
        providerId,
        category: l.category,
        title: l.title,
        scope: l.scope,
        deliverables: l.deliverables,
        priceModel: l.priceModel,
        priceFen: l.priceFen,
        regionCodes: c.regionCodes,
        industryCodes: l.industryCodes ?? [],
        requiredQualificationType: l.requiredQualificationType ?? licenceFor(l.category),
      })
      .returning({ id: serviceListings.id });
    await refreshListingSearchIndex(tx, row!.id, now);
  }
}
