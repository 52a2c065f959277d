import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { engagementEvents, engagements, organisations, serviceListings } from "../../db/schema";
import type { ServiceCategory } from "../../db/schema";
import { shanghaiDateString } from "../domain/format";
import { listingVisibility } from "../domain/listing-visibility";
import { AppError, notFound } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { notifyEngagementParties } from "./notify-recipients.server";
import { assertProviderMayContract } from "./engagement-eligibility.server";
import { providerVisibilityFacts } from "./listings.server";
import type { Actor } from "./requests.server";

export type DirectOfferInput = {
  listingId: string;
  title: string;
  scope: string;
  priceFen: number;
  startDate?: string;
  endDate?: string;
};

/**
 * An enterprise proposes terms to a provider straight from one of its active listings (no
 * request round). The engagement starts in `offer`, waiting for the provider, who may
 * accept, counter or decline (cancel); the turns then alternate (engagement-machine.ts).
 * Two-way choice (docs/domain.md, "Requests and quotes"): nothing is signed until the provider accepts.
 */
export async function createDirectOffer(db: Db, actor: Actor, input: DirectOfferInput, now: Date) {
  if (input.startDate && input.endDate && input.endDate < input.startDate) {
    throw new AppError(400, "dates_order", "engagement.dates_order");
  }
  return db.transaction(async (tx) => {
    const listing = await getListingForOffer(tx, { listingId: input.listingId, now });
    if (!listing || listing.providerId === actor.orgId) throw notFound();
    await assertProviderMayContract(tx, {
      providerId: listing.providerId,
      enterpriseId: actor.orgId,
      category: listing.category as ServiceCategory,
      now,
      side: "enterprise",
    });
    const [engagement] = await tx
      .insert(engagements)
      .values({
        enterpriseId: actor.orgId,
        providerId: listing.providerId,
        category: listing.category,
        title: input.title,
        scope: input.scope,
        priceFen: input.priceFen,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        deliveryForm: "enterprise_purchase",
        payer: "enterprise",
        subsidyEligible: listing.category === "custody",
        status: "offer",
        offerAwaitingOrgId: listing.providerId,
        version: 0,
        createdAt: now,
      })
      .returning();
    await tx.insert(engagementEvents).values({
      engagementId: engagement.id,
      event: "offer",
      fromStatus: null,
      toStatus: "offer",
      actorOrgId: actor.orgId,
      actorUserId: actor.userId,
      data: { listingId: listing.id, priceFen: input.priceFen },
      at: now,
    });
    await writeAudit(tx, {
      action: "engagement.offered",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "engagement",
      subjectId: engagement.id,
      data: { listingId: listing.id, providerId: listing.providerId, priceFen: input.priceFen },
      ip: actor.ip,
    });
    // Creating an offer is not a transition, so the executor's notify_parties does not run: tell the provider here.
    await notifyEngagementParties(tx, {
      engagementId: engagement.id,
      exceptOrgId: actor.orgId,
      type: "engagement_transition",
      key: `engagement_transition:${engagement.id}:${engagement.version}`,
      params: { toStatus: engagement.status },
      now,
    });
    return engagement;
  });
}

/**
 * A listing as the offer form shows it: only what the public marketplace shows anyway, and only
 * while the public listing page would show it (listingVisibility: an expired licence, a paused
 * listing or a suspended provider hide it). Null otherwise, so the form answers 404 like the page.
 */
export async function getListingForOffer(db: DbOrTx, params: { listingId: string; now: Date }) {
  const [listing] = await db
    .select({
      id: serviceListings.id,
      title: serviceListings.title,
      scope: serviceListings.scope,
      category: serviceListings.category,
      priceFen: serviceListings.priceFen,
      providerId: serviceListings.providerId,
      providerName: organisations.name,
      status: serviceListings.status,
      requiredQualificationType: serviceListings.requiredQualificationType,
    })
    .from(serviceListings)
    .innerJoin(organisations, eq(organisations.id, serviceListings.providerId))
    .where(and(eq(serviceListings.id, params.listingId), eq(organisations.kind, "provider")));
  if (!listing) return null;
  const facts = await providerVisibilityFacts(db, listing.providerId);
  const visibility = listingVisibility({ listing, ...facts, today: shanghaiDateString(params.now) });
  if (!visibility.visible) return null;
  const { status: _status, requiredQualificationType: _required, ...shown } = listing;
  return shown;
}
