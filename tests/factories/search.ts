import { sql } from "drizzle-orm";
import { indexTokens } from "../../app/domain/cjk-tokens";
import { regionSearchKeys } from "../../app/domain/region-keys";
import type { Region } from "../../app/domain/regions";
import type { ServiceCategoryCode } from "../../app/domain/service-categories";
import { textArray } from "../../app/services/pg-arrays.server";
import { refreshListingSearchIndex, refreshProviderSearchIndex } from "../../app/services/search-index.server";
import type { Db } from "../../db/client";
import { organisations, providerProfiles, qualifications, serviceListings, type CreditGrade } from "../../db/schema";
import {
  LISTING_TEMPLATES,
  companyName,
  countyPool,
  describeListing,
  describeProvider,
  industriesFor,
  rng,
} from "../../app/seed/scale-data";
import { makeUscc } from "./accounts";

export type ProviderSpec = {
  name: string;
  regionCodes?: string[];
  categories?: ServiceCategoryCode[];
  industryCodes?: string[];
  grade?: CreditGrade | null;
  reviewCount?: number;
  ratingSum?: number;
  status?: "pending" | "verified" | "rejected";
  suspended?: boolean;
  description?: string;
};

/** A provider organisation and profile, indexed for search the way the app indexes it. */
export async function addProvider(db: Db, spec: ProviderSpec) {
  const regionCodes = spec.regionCodes ?? ["330702"];
  const [org] = await db
    .insert(organisations)
    .values({
      kind: "provider",
      name: spec.name,
      uscc: makeUscc("330702"),
      regionCode: regionCodes[0],
      verificationStatus: spec.status ?? "verified",
      suspendedAt: spec.suspended ? new Date() : null,
    })
    .returning();
  await db.insert(providerProfiles).values({
    orgId: org.id,
    categories: spec.categories ?? ["consulting"],
    regionCodes,
    industryCodes: spec.industryCodes ?? [],
    creditGrade: spec.grade ?? null,
    reviewCount: spec.reviewCount ?? 0,
    ratingSum: spec.ratingSum ?? 0,
    description: spec.description ?? "",
  });
  // The refresh stamps updatedAt only (it orders rows, decides nothing): the wall clock will do.
  await refreshProviderSearchIndex(db, org.id, new Date());
  return org;
}

export async function addListing(
  db: Db,
  providerId: string,
  spec: {
    title: string;
    category?: ServiceCategoryCode;
    priceFen?: number;
    requiredQualificationType?: string | null;
    status?: "active" | "paused";
    regionCodes?: string[];
  },
) {
  const [row] = await db
    .insert(serviceListings)
    .values({
      providerId,
      category: spec.category ?? "consulting",
      title: spec.title,
      scope: "服务范围",
      priceModel: "fixed",
      priceFen: spec.priceFen ?? 1_000_000,
      regionCodes: spec.regionCodes ?? ["330702"],
      requiredQualificationType: spec.requiredQualificationType ?? null,
      status: spec.status ?? "active",
    })
    .returning();
  await refreshListingSearchIndex(db, row.id, new Date());
  return row;
}

export async function addQualification(
  db: Db,
  providerId: string,
  spec: {
    type: string;
    status?: "pending" | "verified" | "rejected";
    validFrom?: string;
    validTo: string;
    scopeCategories?: ServiceCategoryCode[];
  },
) {
  const [row] = await db
    .insert(qualifications)
    .values({
      providerId,
      type: spec.type,
      certificateNo: `Q-${Math.random().toString(36).slice(2, 10)}`,
      issuer: "浙江省应急管理厅",
      scope: "证书所列范围",
      scopeCategories: spec.scopeCategories ?? [],
      validFrom: spec.validFrom ?? "2020-01-01",
      validTo: spec.validTo,
      status: spec.status ?? "verified",
    })
    .returning();
  return row;
}

/**
 * Many realistic providers and listings at once (for plan tests), from the scale generator's
 * vocabulary; search vectors and region keys are computed here exactly as the app does.
 */
export async function addManyProviders(db: Db, count: number, listingsEach: number, seed = 7) {
  const r = rng(seed);
  const pool = countyPool();
  for (let start = 0; start < count; start += 250) {
    const orgRows: Array<typeof organisations.$inferInsert> = [];
    const specs: Array<{
      county: Region;
      name: string;
      categories: ServiceCategoryCode[];
      industries: string[];
      reviews: number;
      description: string;
    }> = [];
    for (let i = start; i < Math.min(count, start + 250); i++) {
      const county = r.pick(pool);
      const { name, categories } = companyName(r, county);
      const industries = industriesFor(r);
      const titles = categories.flatMap((c) => LISTING_TEMPLATES[c].titles);
      specs.push({
        county,
        name,
        categories,
        industries,
        reviews: r.int(0, 40),
        description: describeProvider(r, name, county, industries, titles),
      });
      orgRows.push({
        kind: "provider" as const,
        name,
        uscc: makeUscc(county.code),
        regionCode: county.code,
        verificationStatus: "verified" as const,
      });
    }
    const orgs = await db.insert(organisations).values(orgRows).returning({ id: organisations.id });
    await db.insert(providerProfiles).values(
      orgs.map((o, k) => ({
        orgId: o.id,
        categories: specs[k].categories,
        regionCodes: [specs[k].county.code],
        regionKeys: regionSearchKeys([specs[k].county.code]),
        industryCodes: specs[k].industries,
        creditGrade: r.pick(["A", "B", "B", "C", null] as const),
        reviewCount: specs[k].reviews,
        ratingSum: specs[k].reviews * 4 + (specs[k].reviews % 3),
        description: specs[k].description,
        searchVector: sql`array_to_tsvector(${textArray(indexTokens([specs[k].name, specs[k].description]))})`,
      })),
    );
    const listingRows = orgs.flatMap((o, k) =>
      Array.from({ length: listingsEach }, () => {
        const category = r.pick(specs[k].categories);
        const title = r.pick(LISTING_TEMPLATES[category].titles);
        const { scope, deliverables } = describeListing(r, title, specs[k].county, specs[k].industries);
        return {
          providerId: o.id,
          category,
          title,
          scope,
          deliverables,
          priceModel: "fixed" as const,
          priceFen: r.int(20, 1500) * 10_000,
          regionCodes: [specs[k].county.code],
          regionKeys: regionSearchKeys([specs[k].county.code]),
          industryCodes: specs[k].industries,
          searchVector: sql`array_to_tsvector(${textArray(indexTokens([title, scope, deliverables, specs[k].name]))})`,
        };
      }),
    );
    await db.insert(serviceListings).values(listingRows);
  }
  await db.execute(sql`vacuum analyze organisations, provider_profiles, service_listings`);
}

/**
 * Multiplies every provider (with its profile and listings) `times` more times inside the
 * database — names, texts and tokens kept, ratings varied — so plan tests run at a size where
 * index plans are what a real planner picks, without generating each row in JavaScript.
 */
export async function multiplyProviders(db: Db, times: number) {
  await db.execute(sql`
    insert into organisations (id, kind, name, region_code, verification_status)
    select md5(o.id::text || k)::uuid, 'provider', o.name, o.region_code, o.verification_status
    from organisations o cross join generate_series(1, ${times}) k where o.kind = 'provider'`);
  await db.execute(sql`
    insert into provider_profiles (org_id, categories, description, region_codes, region_keys, industry_codes,
      credit_grade, review_count, rating_sum, search_vector)
    select md5(p.org_id::text || k)::uuid, p.categories, p.description, p.region_codes, p.region_keys, p.industry_codes,
      p.credit_grade, (p.review_count + k * 7) % 41, ((p.review_count + k * 7) % 41) * 4 + k % 2, p.search_vector
    from provider_profiles p cross join generate_series(1, ${times}) k`);
  await db.execute(sql`
    insert into service_listings (provider_id, category, title, scope, deliverables, price_model, price_fen,
      region_codes, region_keys, industry_codes, search_vector)
    select md5(l.provider_id::text || k)::uuid, l.category, l.title, l.scope, l.deliverables, l.price_model,
      l.price_fen + k * 100, l.region_codes, l.region_keys, l.industry_codes, l.search_vector
    from service_listings l cross join generate_series(1, ${times}) k`);
  await db.execute(sql`vacuum analyze organisations, provider_profiles, service_listings`);
}
