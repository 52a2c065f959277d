import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { organisations, providerProfiles, qualifications } from "../../db/schema";
import { qualificationInForce } from "../domain/listing-visibility";
import type { ProviderProfileInput } from "../forms/provider";
import { notFound } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { listMaintainedExperts, publicExpertsOf } from "./experts.server";
import { listVisibleListingsOf } from "./listings.server";
import { refreshProviderSearchIndex } from "./search-index.server";
import type { Actor } from "./actor";

/**
 * Every provider organisation has exactly one profile row. Registration does not create it;
 * the first read or write does, and indexes it for search in the same transaction.
 */
export async function ensureProviderProfile(tx: DbOrTx, orgId: string, now: Date): Promise<void> {
  const inserted = await tx
    .insert(providerProfiles)
    .values({ orgId })
    .onConflictDoNothing()
    .returning({ orgId: providerProfiles.orgId });
  if (inserted.length > 0) await refreshProviderSearchIndex(tx, orgId, now);
}

async function requireProviderOrg(db: DbOrTx, orgId: string) {
  const [org] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      regionCode: organisations.regionCode,
      verificationStatus: organisations.verificationStatus,
      suspendedAt: organisations.suspendedAt,
    })
    .from(organisations)
    .where(and(eq(organisations.id, orgId), eq(organisations.kind, "provider")));
  if (!org) throw notFound();
  return org;
}

/** The acting provider's own profile and experts (rows of the pool it keeps); creates the profile on first use. */
export async function getOwnProfile(db: Db, params: { orgId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const org = await requireProviderOrg(tx, params.orgId);
    await ensureProviderProfile(tx, params.orgId, params.now);
    const [profile] = await tx.select().from(providerProfiles).where(eq(providerProfiles.orgId, params.orgId));
    const experts = await listMaintainedExperts(tx, params.orgId);
    return { org, profile: profile!, experts };
  });
}

export async function updateOwnProfile(db: Db, actor: Actor, input: ProviderProfileInput, now: Date) {
  return db.transaction(async (tx) => {
    await requireProviderOrg(tx, actor.orgId);
    await ensureProviderProfile(tx, actor.orgId, now);
    await tx
      .update(providerProfiles)
      .set({
        categories: input.categories,
        description: input.description ?? "",
        regionCodes: input.regionCodes,
        industryCodes: input.industryCodes,
        staffCount: input.staffCount,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        contactEmail: input.contactEmail ?? null,
        updatedAt: now,
      })
      .where(eq(providerProfiles.orgId, actor.orgId));
    await refreshProviderSearchIndex(tx, actor.orgId, now);
    await writeAudit(tx, {
      action: "provider.profile_updated",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "provider_profile",
      subjectId: actor.orgId,
      data: { categories: input.categories, regionCodes: input.regionCodes },
      ip: actor.ip,
    });
  });
}

/**
 * The public profile page: what the provider publishes, its verified qualifications with
 * whether each is in force today, and its listings that are publicly visible. A suspended
 * or rejected provider has no public page.
 */
export async function getPublicProviderProfile(db: DbOrTx, params: { providerId: string; today: string }) {
  const today = params.today;
  const [org] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      regionCode: organisations.regionCode,
      verificationStatus: organisations.verificationStatus,
      description: organisations.description,
    })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, params.providerId),
        eq(organisations.kind, "provider"),
        isNull(organisations.suspendedAt),
      ),
    );
  if (!org || org.verificationStatus === "rejected") throw notFound();
  const [profile] = await db.select().from(providerProfiles).where(eq(providerProfiles.orgId, org.id));
  const experts = await publicExpertsOf(db, org.id);
  const verified = await db
    .select({
      id: qualifications.id,
      type: qualifications.type,
      certificateNo: qualifications.certificateNo,
      issuer: qualifications.issuer,
      scope: qualifications.scope,
      scopeCategories: qualifications.scopeCategories,
      validFrom: qualifications.validFrom,
      validTo: qualifications.validTo,
      status: qualifications.status,
    })
    .from(qualifications)
    .where(and(eq(qualifications.providerId, org.id), eq(qualifications.status, "verified")))
    .orderBy(asc(qualifications.type), asc(qualifications.validTo));
  const listings = await listVisibleListingsOf(db, { providerId: org.id, today });
  return {
    org,
    profile: profile ?? null,
    experts,
    qualifications: verified.map((q) => ({ ...q, inForce: qualificationInForce(q, today) })),
    listings,
    today,
  };
}
