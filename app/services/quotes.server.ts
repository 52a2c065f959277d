import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import {
  engagementEvents,
  engagements,
  organisations,
  providerProfiles,
  qualifications,
  quotes,
  serviceListings,
  serviceRequests,
} from "../../db/schema";
import { shanghaiDateString } from "../domain/format";
import { qualificationInForce } from "../domain/listing-visibility";
import { withinQualificationScope } from "../domain/engagement-rules";
import { AppError, notFound } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { notify } from "./notify.server";
import { notifyQuoteDecision } from "./notify-recipients.server";
import { assertProviderMayContract } from "./engagement-eligibility.server";
import { ENGAGEMENT_SUBJECT, QUOTE_SUBJECT, REQUEST_SUBJECT } from "./lifecycle-subjects.server";
import { requestAudienceCondition, type Actor } from "./requests.server";
import { fire } from "./transitions.server";

export type QuoteInput = {
  requestId: string;
  priceFen: number;
  plan: string;
  durationDays?: number;
  validUntil?: string;
  listingId?: string;
};

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/**
 * A provider quotes on a request it can see (matching, open, before the deadline), if the
 * rules of engagement-rules.ts let it; one live quote per provider per request (a partial
 * unique index backs this up against a double submit).
 */
export async function submitQuote(db: Db, actor: Actor, input: QuoteInput, now: Date) {
  try {
    return await db.transaction(async (tx) => {
      const today = shanghaiDateString(now);
      const audience = await requestAudienceCondition(tx, actor.orgId);
      const [request] = audience
        ? await tx
            .select()
            .from(serviceRequests)
            .where(and(eq(serviceRequests.id, input.requestId), audience))
        : [];
      // Not for this provider: the same 404 as a request that does not exist.
      if (!request) throw notFound();
      if (request.status !== "open") throw new AppError(409, "request_not_open", "engagement.request_not_open");
      if (request.deadline && request.deadline < today)
        throw new AppError(409, "deadline_passed", "engagement.deadline_passed");
      await assertProviderMayContract(tx, {
        providerId: actor.orgId,
        enterpriseId: request.enterpriseId,
        category: request.category,
        now,
        side: "provider",
      });
      if (input.listingId) {
        const [listing] = await tx
          .select({ id: serviceListings.id })
          .from(serviceListings)
          .where(
            and(
              eq(serviceListings.id, input.listingId),
              eq(serviceListings.providerId, actor.orgId),
              eq(serviceListings.category, request.category),
            ),
          );
        if (!listing) throw new AppError(400, "listing_invalid", "engagement.listing_invalid");
      }
      const [quote] = await tx
        .insert(quotes)
        .values({
          requestId: request.id,
          providerId: actor.orgId,
          listingId: input.listingId ?? null,
          priceFen: input.priceFen,
          plan: input.plan,
          durationDays: input.durationDays ?? null,
          validUntil: input.validUntil ?? null,
          createdByUserId: actor.userId,
          createdAt: now,
        })
        .returning();
      await writeAudit(tx, {
        action: "quote.submitted",
        actorUserId: actor.userId,
        orgId: actor.orgId,
        subjectType: "quote",
        subjectId: quote.id,
        data: { requestId: request.id, priceFen: quote.priceFen },
        ip: actor.ip,
      });
      await notify(tx, {
        type: "quote_received",
        key: `quote_received:${quote.id}`,
        orgId: request.enterpriseId,
        subjectId: request.id,
        params: { requestTitle: request.title },
        now,
      });
      return quote;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, "quote_exists", "engagement.quote_exists");
    throw error;
  }
}

/** The provider takes back its own submitted quote; 404 for anyone else's. */
export async function withdrawQuote(db: Db, actor: Actor, params: { quoteId: string; now: Date }) {
  await db.transaction(async (tx) =>
    fire(tx, QUOTE_SUBJECT, {
      id: params.quoteId,
      scope: eq(quotes.providerId, actor.orgId),
      event: "withdraw",
      actor: { role: "provider", ...actor },
      now: params.now,
    }),
  );
}

/** Every still-submitted quote on the request except `keep`, declined by the system: not chosen. */
export async function declineOpenQuotes(
  tx: DbOrTx,
  params: { requestId: string; keep?: string; now: Date },
): Promise<number> {
  const open = await tx
    .select({ id: quotes.id })
    .from(quotes)
    .where(
      and(
        eq(quotes.requestId, params.requestId),
        eq(quotes.status, "submitted"),
        params.keep ? ne(quotes.id, params.keep) : undefined,
      ),
    )
    .orderBy(asc(quotes.id));
  for (const { id } of open) {
    await fire(tx, QUOTE_SUBJECT, {
      id,
      event: "decline",
      actor: { role: "system", userId: null, orgId: null },
      now: params.now,
    });
  }
  return open.length;
}

/**
 * The quotes on the enterprise's own request, side by side: price, plan, duration and what
 * tells the providers apart (credit grade, rating, whether a qualification covering the
 * category is in force and until when).
 */
export async function compareQuotes(db: DbOrTx, params: { requestId: string; orgId: string; now: Date }) {
  const [request] = await db
    .select()
    .from(serviceRequests)
    .where(and(eq(serviceRequests.id, params.requestId), eq(serviceRequests.enterpriseId, params.orgId)));
  if (!request) throw notFound();
  const today = shanghaiDateString(params.now);
  const rows = await db
    .select({
      quote: quotes,
      providerName: organisations.name,
      creditGrade: providerProfiles.creditGrade,
      reviewCount: providerProfiles.reviewCount,
      ratingSum: providerProfiles.ratingSum,
    })
    .from(quotes)
    .innerJoin(organisations, eq(organisations.id, quotes.providerId))
    .leftJoin(providerProfiles, eq(providerProfiles.orgId, quotes.providerId))
    .where(and(eq(quotes.requestId, request.id), ne(quotes.status, "withdrawn")))
    .orderBy(asc(quotes.priceFen), asc(quotes.createdAt));
  const providerIds = [...new Set(rows.map((r) => r.quote.providerId))];
  const quals = providerIds.length
    ? await db.select().from(qualifications).where(inArray(qualifications.providerId, providerIds))
    : [];
  const compared = rows.map((r) => {
    const own = quals.filter((q) => q.providerId === r.quote.providerId);
    const inForce = own.filter((q) => qualificationInForce(q, today));
    return {
      ...r.quote,
      providerName: r.providerName,
      creditGrade: r.creditGrade,
      rating: r.reviewCount ? Math.round((r.ratingSum! / r.reviewCount) * 10) / 10 : null,
      reviewCount: r.reviewCount ?? 0,
      inScope: withinQualificationScope(own, request.category, today),
      qualifications: inForce.map((q) => ({ type: q.type, certificateNo: q.certificateNo, validTo: q.validTo })),
    };
  });
  const [awarded] = await db
    .select({ id: engagements.id })
    .from(engagements)
    .where(and(eq(engagements.requestId, request.id), eq(engagements.enterpriseId, params.orgId)));
  return { request, quotes: compared, engagementId: awarded?.id ?? null };
}

/**
 * The enterprise picks one quote: that is accepting the provider's offer. Three machines move
 * in one transaction, each through the executor: the request is awarded (its row locked first,
 * so two concurrent picks make exactly one engagement), the quote is chosen and the others
 * declined, and the engagement, created in `offer` with the quote as the provider's offer, is
 * signed by the enterprise's accept_offer (which re-checks the provider's eligibility).
 */
export async function acceptQuote(db: Db, actor: Actor, params: { requestId: string; quoteId: string; now: Date }) {
  const now = params.now;
  const enterprise = { role: "enterprise" as const, ...actor };
  return db.transaction(async (tx) => {
    const request = await fire(tx, REQUEST_SUBJECT, {
      id: params.requestId,
      scope: eq(serviceRequests.enterpriseId, actor.orgId),
      event: "award",
      actor: enterprise,
      now,
    });
    const quote = await fire(tx, QUOTE_SUBJECT, {
      id: params.quoteId,
      scope: eq(quotes.requestId, request.id),
      event: "choose",
      actor: enterprise,
      now,
      prepare: (_tx, q) => {
        if (q.validUntil && q.validUntil < shanghaiDateString(now)) {
          throw new AppError(409, "quote_expired", "engagement.quote_expired");
        }
      },
    });
    await declineOpenQuotes(tx, { requestId: request.id, keep: quote.id, now });

    const startDate = shanghaiDateString(now);
    const endDate = quote.durationDays
      ? shanghaiDateString(new Date(now.getTime() + quote.durationDays * 86_400_000))
      : null;
    const [offer] = await tx
      .insert(engagements)
      .values({
        enterpriseId: actor.orgId,
        providerId: quote.providerId,
        requestId: request.id,
        quoteId: quote.id,
        category: request.category,
        title: request.title,
        scope: quote.plan,
        priceFen: quote.priceFen,
        startDate,
        endDate,
        deliveryForm: "enterprise_purchase",
        payer: "enterprise",
        // Policy 002 subsidises custody (安全托管) for industrial/trade firms; the subsidy
        // program still checks the enterprise itself when it applies.
        subsidyEligible: request.category === "custody",
        status: "offer",
        offerAwaitingOrgId: actor.orgId,
        version: 0,
        createdAt: now,
      })
      .returning();
    // The quote was the provider's offer: its history starts when the quote was made.
    await tx.insert(engagementEvents).values({
      engagementId: offer.id,
      event: "offer",
      fromStatus: null,
      toStatus: "offer",
      actorOrgId: quote.providerId,
      actorUserId: quote.createdByUserId,
      data: { quoteId: quote.id, priceFen: quote.priceFen },
      at: quote.createdAt,
    });
    const signed = await fire(tx, ENGAGEMENT_SUBJECT, {
      id: offer.id,
      event: "accept_offer",
      actor: enterprise,
      now,
      // notifyQuoteDecision below tells every quoting provider the outcome, the chosen one included.
      withoutEffects: ["notify_parties"],
      prepare: async () => {
        // The provider's standing may have changed since it quoted.
        await assertProviderMayContract(tx, {
          providerId: quote.providerId,
          enterpriseId: actor.orgId,
          category: request.category,
          now,
          side: "enterprise",
        });
        return {
          changes: { offerAwaitingOrgId: null },
          data: { quoteId: quote.id },
          auditData: { quoteId: quote.id, requestId: request.id, providerId: quote.providerId },
        };
      },
    });
    await notifyQuoteDecision(tx, {
      requestId: request.id,
      requestTitle: request.title,
      acceptedQuoteId: quote.id,
      acceptedProviderId: quote.providerId,
      engagementId: offer.id,
      now,
    });
    return signed;
  });
}
