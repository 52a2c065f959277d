import { and, count, desc, eq, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { engagements, organisations, reviews, type Review } from "../../db/schema";
import {
  REVIEW_WINDOW_DAYS,
  REVIEWABLE_STATUSES,
  directionOf,
  isPublished,
  mayRead,
  replyRefusal,
  reviewRefusal,
  reviewWindowEnd,
  validateScores,
  type ReviewSectionData,
  type ReviewSide,
  type ReviewView,
  type Scores,
} from "../domain/reviews";
import { AppError, notFound } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { notifyEngagementParties } from "./notify-recipients.server";
import { recomputeProviderCredit } from "./credit.server";
import type { Actor } from "./actor";
import { pageWindow } from "../domain/paging";

const DAY_MS = 86_400_000;

/** The engagement as one of its two parties sees it; anyone else gets a 404, not a hint. */
async function engagementForParty(db: DbOrTx, params: { engagementId: string; orgId: string; lock?: boolean }) {
  const query = db
    .select()
    .from(engagements)
    .where(
      and(
        eq(engagements.id, params.engagementId),
        or(eq(engagements.enterpriseId, params.orgId), eq(engagements.providerId, params.orgId)),
      ),
    );
  const [engagement] = params.lock ? await query.for("update") : await query;
  if (!engagement) throw notFound();
  const side: ReviewSide = engagement.enterpriseId === params.orgId ? "enterprise" : "provider";
  return { engagement, side };
}

/** Which side the acting organisation is on, so the route can pick the right form schema. */
export async function getReviewerSide(
  db: DbOrTx,
  params: { engagementId: string; orgId: string },
): Promise<ReviewSide> {
  return (await engagementForParty(db, params)).side;
}

/**
 * Writes down the publication of every review whose window has closed (acceptance + 14 days),
 * optionally only for one engagement or one provider, and regrades the providers concerned.
 * Idempotent: run it from a scheduler, and lazily before reading reviews.
 */
export async function publishDueReviews(
  db: DbOrTx,
  now: Date,
  scope: { engagementId?: string; providerId?: string } = {},
): Promise<number> {
  const cutoff = new Date(now.getTime() - REVIEW_WINDOW_DAYS * DAY_MS);
  return db.transaction(async (tx) => {
    const where: SQL[] = [
      isNull(reviews.publishedAt),
      eq(reviews.engagementId, engagements.id),
      isNotNull(engagements.acceptedAt),
      lte(engagements.acceptedAt, cutoff),
    ];
    if (scope.engagementId) where.push(eq(reviews.engagementId, scope.engagementId));
    if (scope.providerId) where.push(eq(engagements.providerId, scope.providerId));
    const published = await tx
      .update(reviews)
      .set({ publishedAt: sql`${engagements.acceptedAt} + make_interval(days => ${REVIEW_WINDOW_DAYS})` })
      .from(engagements)
      .where(and(...where))
      .returning({
        providerId: engagements.providerId,
        direction: reviews.direction,
        engagementId: reviews.engagementId,
      });
    const providers = new Set(published.filter((r) => r.direction === "client_to_provider").map((r) => r.providerId));
    for (const providerId of providers) await recomputeProviderCredit(tx, providerId, now);
    for (const id of new Set(published.map((r) => r.engagementId)))
      await notifyEngagementParties(tx, {
        engagementId: id,
        exceptOrgId: null,
        type: "review_published",
        key: `review_published:${id}`,
        now,
      });
    return published.length;
  });
}

export type ReviewInput = Scores & { engagementId: string; body?: string };

/** One review per side per engagement; the second one in publishes both (double-blind). */
export async function submitReview(db: Db, actor: Actor, input: ReviewInput, now: Date) {
  return db.transaction(async (tx) => {
    // The lock makes the two sides' submissions queue up, so "am I second?" has one answer.
    const { engagement, side } = await engagementForParty(tx, {
      engagementId: input.engagementId,
      orgId: actor.orgId,
      lock: true,
    });
    const existing = await tx.select().from(reviews).where(eq(reviews.engagementId, engagement.id));
    const refusal = reviewRefusal({
      status: engagement.status,
      acceptedAt: engagement.acceptedAt,
      side,
      submitted: existing,
      now,
    });
    if (refusal) throw new AppError(409, refusal, `credit.${refusal}`);
    const direction = directionOf(side);
    const checked = validateScores(direction, input);
    if (!checked.ok) throw new AppError(422, "score_invalid", "credit.score_invalid", { field: checked.field });
    const bothIn = existing.some((r) => r.direction !== direction);
    const [review] = await tx
      .insert(reviews)
      .values({
        engagementId: engagement.id,
        direction,
        reviewerOrgId: actor.orgId,
        revieweeOrgId: side === "enterprise" ? engagement.providerId : engagement.enterpriseId,
        ...checked.scores,
        body: input.body ?? "",
        createdAt: now,
        publishedAt: bothIn ? now : null,
      })
      .returning();
    if (bothIn)
      await tx
        .update(reviews)
        .set({ publishedAt: now })
        .where(and(eq(reviews.engagementId, engagement.id), isNull(reviews.publishedAt)));
    await writeAudit(tx, {
      action: "review.submitted",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "engagement",
      subjectId: engagement.id,
      data: { direction, overall: checked.scores.overall, published: bothIn },
      ip: actor.ip,
    });
    if (bothIn) await recomputeProviderCredit(tx, engagement.providerId, now);
    if (bothIn)
      await notifyEngagementParties(tx, {
        engagementId: engagement.id,
        exceptOrgId: null,
        type: "review_published",
        key: `review_published:${engagement.id}`,
        now,
      });
    return { review, published: bothIn };
  });
}

/** The provider answers the enterprise's review, once, after publication, in public. */
export async function replyToReview(db: Db, actor: Actor, input: { engagementId: string; body: string }, now: Date) {
  await publishDueReviews(db, now, { engagementId: input.engagementId });
  return db.transaction(async (tx) => {
    const { engagement, side } = await engagementForParty(tx, {
      engagementId: input.engagementId,
      orgId: actor.orgId,
      lock: true,
    });
    const [review] = await tx
      .select()
      .from(reviews)
      .where(and(eq(reviews.engagementId, engagement.id), eq(reviews.direction, "client_to_provider")));
    if (!review) throw notFound("credit.no_review_to_reply");
    const refusal = replyRefusal({
      viewerSide: side,
      reviewDirection: review.direction,
      published: review.publishedAt !== null && review.publishedAt <= now,
      hasReply: review.reply !== null,
    });
    if (refusal) throw new AppError(refusal === "not_reviewee" ? 403 : 409, refusal, `credit.${refusal}`);
    await tx
      .update(reviews)
      .set({ reply: input.body, repliedAt: now })
      .where(and(eq(reviews.id, review.id), isNull(reviews.reply)));
    await writeAudit(tx, {
      action: "review.replied",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "engagement",
      subjectId: engagement.id,
      ip: actor.ip,
    });
    await notifyEngagementParties(tx, {
      engagementId: engagement.id,
      exceptOrgId: actor.orgId,
      type: "review_replied",
      key: `review_replied:${review.id}`,
      now,
    });
  });
}

const toView = (r: Review): ReviewView => ({
  direction: r.direction,
  professionalism: r.professionalism,
  timeliness: r.timeliness,
  effect: r.effect,
  overall: r.overall,
  body: r.body,
  reply: r.reply,
  repliedAt: r.repliedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  publishedAt: r.publishedAt?.toISOString() ?? null,
});

/** For the engagement page's loader: the review section as this party may see it. */
export async function loadReviewSection(
  db: Db,
  params: { engagementId: string; orgId: string; now: Date },
): Promise<ReviewSectionData> {
  const now = params.now;
  const { engagement, side } = await engagementForParty(db, params);
  await publishDueReviews(db, now, { engagementId: engagement.id });
  const pair = await db.select().from(reviews).where(eq(reviews.engagementId, engagement.id));
  const own = pair.find((r) => r.direction === directionOf(side)) ?? null;
  const other = pair.find((r) => r.direction !== directionOf(side)) ?? null;
  const pairRule = { reviews: pair, acceptedAt: engagement.acceptedAt };
  const otherVisible =
    other &&
    mayRead({ reviewDirection: other.direction, viewerSide: side, published: isPublished(other, pairRule, now) });
  const refusal = reviewRefusal({
    status: engagement.status,
    acceptedAt: engagement.acceptedAt,
    side,
    submitted: pair,
    now,
  });
  const clientReview = pair.find((r) => r.direction === "client_to_provider");
  return {
    engagementId: engagement.id,
    viewerSide: side,
    status: engagement.status,
    reviewable:
      (REVIEWABLE_STATUSES as readonly string[]).includes(engagement.status) && engagement.acceptedAt !== null,
    windowClosesAt: engagement.acceptedAt ? reviewWindowEnd(engagement.acceptedAt).toISOString() : null,
    canReview: refusal === null,
    refusal,
    own: own ? toView(own) : null,
    other: otherVisible && other ? toView(other) : null,
    otherSubmitted: other !== null,
    canReply:
      !!clientReview &&
      replyRefusal({
        viewerSide: side,
        reviewDirection: clientReview.direction,
        published: isPublished(clientReview, pairRule, now),
        hasReply: clientReview.reply !== null,
      }) === null,
  };
}

/** A provider's published reviews, newest first, for its public pages; no reviewer names. */
export async function listPublishedReviews(db: Db, params: { providerId: string; page?: number; now: Date }) {
  const now = params.now;
  const { page, limit, offset } = pageWindow(params.page);
  await publishDueReviews(db, now, { providerId: params.providerId });
  const condition = and(
    eq(reviews.revieweeOrgId, params.providerId),
    eq(reviews.direction, "client_to_provider"),
    isNotNull(reviews.publishedAt),
    lte(reviews.publishedAt, now),
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: reviews.id,
        professionalism: reviews.professionalism,
        timeliness: reviews.timeliness,
        effect: reviews.effect,
        overall: reviews.overall,
        body: reviews.body,
        reply: reviews.reply,
        repliedAt: reviews.repliedAt,
        publishedAt: reviews.publishedAt,
        category: engagements.category,
        reviewerRegionCode: organisations.regionCode,
      })
      .from(reviews)
      .innerJoin(engagements, eq(engagements.id, reviews.engagementId))
      .innerJoin(organisations, eq(organisations.id, reviews.reviewerOrgId))
      .where(condition)
      .orderBy(desc(reviews.publishedAt), desc(reviews.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(reviews).where(condition),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      repliedAt: r.repliedAt?.toISOString() ?? null,
      publishedAt: r.publishedAt!.toISOString(),
    })),
    total,
    page,
    pageSize: limit,
  };
}

export type { ReviewSectionData, ReviewView };
export type PublishedReviewRow = Awaited<ReturnType<typeof listPublishedReviews>>["rows"][number];
