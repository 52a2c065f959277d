import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { organisations, providerProfiles, serviceListings } from "../../db/schema";
import { indexTokens } from "../domain/cjk-tokens";
import { regionSearchKeys } from "../domain/region-keys";
import { textArray } from "./pg-arrays.server";

/**
 * Recomputes a provider's search vector and region keys from its stored profile.
 * Call it in the same transaction as any change to the organisation name or the profile.
 */
export async function refreshProviderSearchIndex(db: DbOrTx, providerId: string, now: Date): Promise<void> {
  const [row] = await db
    .select({
      name: organisations.name,
      description: providerProfiles.description,
      regionCodes: providerProfiles.regionCodes,
    })
    .from(providerProfiles)
    .innerJoin(organisations, eq(organisations.id, providerProfiles.orgId))
    .where(eq(providerProfiles.orgId, providerId));
  if (!row) return;
  const tokens = indexTokens([row.name, row.description]);
  await db
    .update(providerProfiles)
    .set({
      searchVector: sql`array_to_tsvector(${textArray(tokens)})`,
      regionKeys: regionSearchKeys(row.regionCodes),
      updatedAt: now,
    })
    .where(eq(providerProfiles.orgId, providerId));
}

/** Same for a listing: title, scope and deliverables, plus the provider's name. */
export async function refreshListingSearchIndex(db: DbOrTx, listingId: string, now: Date): Promise<void> {
  const [row] = await db
    .select({
      title: serviceListings.title,
      scope: serviceListings.scope,
      deliverables: serviceListings.deliverables,
      regionCodes: serviceListings.regionCodes,
      providerName: organisations.name,
    })
    .from(serviceListings)
    .innerJoin(organisations, eq(organisations.id, serviceListings.providerId))
    .where(eq(serviceListings.id, listingId));
  if (!row) return;
  const tokens = indexTokens([row.title, row.scope, row.deliverables, row.providerName]);
  await db
    .update(serviceListings)
    .set({
      searchVector: sql`array_to_tsvector(${textArray(tokens)})`,
      regionKeys: regionSearchKeys(row.regionCodes),
      updatedAt: now,
    })
    .where(eq(serviceListings.id, listingId));
}

/**
 * Recomputes the search flags of a provider's listings (visible_from/visible_until, grade,
 * ranking). Database triggers (migration 0004_listing_search_triggers) already do this whenever
 * a listing, the provider's organisation, profile or qualifications change, so calling it after
 * a qualification change is a harmless, explicit re-check.
 */
export async function refreshListingVisibility(db: DbOrTx, params: { providerId: string }): Promise<void> {
  await db
    .update(serviceListings)
    .set({ status: sql`${serviceListings.status}` })
    .where(eq(serviceListings.providerId, params.providerId));
}
