import { and, desc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { organisations, qualifications, quotes, serviceListings, type ServiceListing } from "../../db/schema";
import { listingVisibility, type QualificationFacts, type Visibility } from "../domain/listing-visibility";
import { categoriesCoveredBy, licenceFor, type QualificationTypeCode } from "../domain/qualification-types";
import type { ServiceCategoryCode } from "../domain/service-categories";
import type { ListingInput } from "../forms/provider";
import { AppError, notFound } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { refreshListingSearchIndex } from "./search-index.server";
import type { Actor } from "./actor";

const MAX_LISTINGS = 100;

/** What listingVisibility needs to know about a provider, read once for all its listings. */
export async function providerVisibilityFacts(db: DbOrTx, providerId: string) {
  const [org] = await db
    .select({ suspendedAt: organisations.suspendedAt, verificationStatus: organisations.verificationStatus })
    .from(organisations)
    .where(eq(organisations.id, providerId));
  const quals: QualificationFacts[] = await db
    .select({
      type: qualifications.type,
      status: qualifications.status,
      validFrom: qualifications.validFrom,
      validTo: qualifications.validTo,
      scopeCategories: qualifications.scopeCategories,
    })
    .from(qualifications)
    .where(eq(qualifications.providerId, providerId));
  return {
    providerSuspended: !org || org.suspendedAt !== null,
    providerVerification: org?.verificationStatus,
    qualifications: quals,
  };
}

function judge(
  listing: Pick<ServiceListing, "status" | "requiredQualificationType">,
  facts: Awaited<ReturnType<typeof providerVisibilityFacts>>,
  day: string,
): Visibility {
  return listingVisibility({ listing, ...facts, today: day });
}

/** The qualification a listing must name: for a licensed category, one that covers it. */
function requiredTypeFor(category: ServiceCategoryCode, chosen: QualificationTypeCode | undefined): string | null {
  if (chosen && chosen !== "other" && !categoriesCoveredBy(chosen).includes(category)) {
    throw new AppError(422, "qualification_type_mismatch", "provider.qualification_type_mismatch");
  }
  // 安全评价 / 检测检验 / 职业卫生 may only be offered under their licence.
  return chosen ?? licenceFor(category);
}

function listingValues(input: ListingInput) {
  return {
    category: input.category,
    title: input.title,
    scope: input.scope,
    deliverables: input.deliverables ?? "",
    priceModel: input.priceModel,
    priceFen: input.price,
    regionCodes: input.regionCodes,
    industryCodes: input.industryCodes,
    requiredQualificationType: requiredTypeFor(input.category, input.requiredQualificationType),
  };
}

export async function createListing(db: Db, actor: Actor, input: ListingInput, now: Date) {
  const values = listingValues(input);
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, actor.orgId));
    if (org?.kind !== "provider") throw new AppError(403, "forbidden", "wrong_org_kind");
    const existing = await tx
      .select({ id: serviceListings.id })
      .from(serviceListings)
      .where(eq(serviceListings.providerId, actor.orgId));
    if (existing.length >= MAX_LISTINGS)
      throw new AppError(409, "too_many_listings", "provider.too_many_listings", { max: MAX_LISTINGS });
    const [row] = await tx
      .insert(serviceListings)
      .values({ providerId: actor.orgId, ...values })
      .returning({ id: serviceListings.id });
    await refreshListingSearchIndex(tx, row!.id, now);
    await writeAudit(tx, {
      action: "listing.created",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "service_listing",
      subjectId: row!.id,
      ip: actor.ip,
    });
    return row!;
  });
}

export async function updateListing(db: Db, actor: Actor, listingId: string, input: ListingInput, now: Date) {
  const values = listingValues(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(serviceListings)
      .set({ ...values, updatedAt: now })
      .where(and(eq(serviceListings.id, listingId), eq(serviceListings.providerId, actor.orgId)))
      .returning({ id: serviceListings.id });
    if (!row) throw notFound();
    await refreshListingSearchIndex(tx, row.id, now);
    await writeAudit(tx, {
      action: "listing.updated",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "service_listing",
      subjectId: row.id,
      ip: actor.ip,
    });
    return row;
  });
}

/** Pause or resume: a paused listing stays the owner's but is shown to nobody else. */
export async function setListingStatus(
  db: Db,
  actor: Actor,
  listingId: string,
  status: "active" | "paused",
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(serviceListings)
      .set({ status, updatedAt: now })
      .where(and(eq(serviceListings.id, listingId), eq(serviceListings.providerId, actor.orgId)))
      .returning({ id: serviceListings.id });
    if (!row) throw notFound();
    await refreshListingSearchIndex(tx, row.id, now);
    await writeAudit(tx, {
      action: `listing.${status === "paused" ? "paused" : "resumed"}`,
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "service_listing",
      subjectId: row.id,
      ip: actor.ip,
    });
  });
}

/** A listing someone quoted from is part of that history: it can be paused, not deleted. */
export async function deleteListing(db: Db, actor: Actor, listingId: string) {
  return db.transaction(async (tx) => {
    const [own] = await tx
      .select({ id: serviceListings.id })
      .from(serviceListings)
      .where(and(eq(serviceListings.id, listingId), eq(serviceListings.providerId, actor.orgId)))
      .for("update");
    if (!own) throw notFound();
    const [used] = await tx.select({ id: quotes.id }).from(quotes).where(eq(quotes.listingId, listingId)).limit(1);
    if (used) throw new AppError(409, "listing_in_use", "provider.listing_in_use");
    await tx.delete(serviceListings).where(eq(serviceListings.id, listingId));
    await writeAudit(tx, {
      action: "listing.deleted",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "service_listing",
      subjectId: listingId,
      ip: actor.ip,
    });
  });
}

const ownerColumns = {
  id: serviceListings.id,
  category: serviceListings.category,
  title: serviceListings.title,
  scope: serviceListings.scope,
  deliverables: serviceListings.deliverables,
  priceModel: serviceListings.priceModel,
  priceFen: serviceListings.priceFen,
  regionCodes: serviceListings.regionCodes,
  industryCodes: serviceListings.industryCodes,
  requiredQualificationType: serviceListings.requiredQualificationType,
  status: serviceListings.status,
  updatedAt: serviceListings.updatedAt,
};

/** The owner's listings, each with whether the public sees it and, if not, why. */
export async function listOwnListings(db: DbOrTx, params: { providerId: string; today: string }) {
  const day = params.today;
  const rows = await db
    .select(ownerColumns)
    .from(serviceListings)
    .where(eq(serviceListings.providerId, params.providerId))
    .orderBy(desc(serviceListings.updatedAt), serviceListings.id);
  const facts = await providerVisibilityFacts(db, params.providerId);
  return rows.map((row) => ({ ...row, visibility: judge(row, facts, day) }));
}

export async function getOwnListing(db: DbOrTx, params: { providerId: string; listingId: string; today: string }) {
  const [row] = await db
    .select(ownerColumns)
    .from(serviceListings)
    .where(and(eq(serviceListings.id, params.listingId), eq(serviceListings.providerId, params.providerId)));
  if (!row) throw notFound();
  const facts = await providerVisibilityFacts(db, params.providerId);
  return { ...row, visibility: judge(row, facts, params.today) };
}

/** Public: a provider's listings that pass listingVisibility today. */
export async function listVisibleListingsOf(db: DbOrTx, params: { providerId: string; today: string }) {
  const rows = await db
    .select(ownerColumns)
    .from(serviceListings)
    .where(and(eq(serviceListings.providerId, params.providerId), eq(serviceListings.status, "active")))
    .orderBy(serviceListings.category, serviceListings.priceFen);
  const facts = await providerVisibilityFacts(db, params.providerId);
  return rows
    .filter((row) => judge(row, facts, params.today).visible)
    .map(({ status: _s, updatedAt: _u, ...rest }) => rest);
}

/** Public listing detail: 404 unless it is visible today, so a hidden listing does not reveal itself. */
export async function getPublicListing(db: DbOrTx, params: { listingId: string; today: string }) {
  const [row] = await db
    .select({
      ...ownerColumns,
      providerId: serviceListings.providerId,
      providerName: organisations.name,
      providerRegion: organisations.regionCode,
      providerKind: organisations.kind,
    })
    .from(serviceListings)
    .innerJoin(organisations, eq(organisations.id, serviceListings.providerId))
    .where(eq(serviceListings.id, params.listingId));
  if (!row || row.providerKind !== "provider") throw notFound();
  const facts = await providerVisibilityFacts(db, row.providerId);
  if (!judge(row, facts, params.today).visible) throw notFound();
  const { status: _s, providerKind: _k, ...rest } = row;
  return rest;
}
