// Reviews of an engagement (docs/domain.md, "Reviews"): only the buyer of an accepted engagement
// reviews the provider, once, on professionalism, timeliness and effect (1–5); the provider
// may review its client once; both stay hidden until both are in or the window closes
// (double-blind), and the provider may answer a published review once, in public.

export const REVIEW_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

export type ReviewSide = "enterprise" | "provider";
export type ReviewDirection = "client_to_provider" | "provider_to_client";

/** Statuses after acceptance: the work is done and judged, so it can be reviewed. */
export const REVIEWABLE_STATUSES = ["accepted", "closed"] as const;

export function directionOf(side: ReviewSide): ReviewDirection {
  return side === "enterprise" ? "client_to_provider" : "provider_to_client";
}

export type SubmittedReview = { direction: ReviewDirection; createdAt: Date; publishedAt?: Date | null };

/** The moment reviewing closes and whatever was written is shown: acceptance + 14 days. */
export function reviewWindowEnd(acceptedAt: Date): Date {
  return new Date(acceptedAt.getTime() + REVIEW_WINDOW_DAYS * DAY_MS);
}

export type ReviewRefusal = "not_accepted" | "already_reviewed" | "window_closed";

/**
 * May this side review now? Reviewing closes with the window: a review written after the
 * other side's was shown could answer it, which is exactly what double-blind prevents.
 */
export function reviewRefusal(input: {
  status: string;
  acceptedAt: Date | null;
  side: ReviewSide;
  submitted: readonly SubmittedReview[];
  now: Date;
}): ReviewRefusal | null {
  if (!(REVIEWABLE_STATUSES as readonly string[]).includes(input.status) || !input.acceptedAt) return "not_accepted";
  const direction = directionOf(input.side);
  if (input.submitted.some((r) => r.direction === direction)) return "already_reviewed";
  if (input.now.getTime() >= reviewWindowEnd(input.acceptedAt).getTime()) return "window_closed";
  return null;
}

export type Scores = { professionalism?: number; timeliness?: number; effect?: number; overall?: number };
export type ValidScores = {
  professionalism: number | null;
  timeliness: number | null;
  effect: number | null;
  overall: number;
};
export type ScoreField = keyof Scores;

export const isScore = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 5;

/**
 * The enterprise scores professionalism, timeliness and effect (docs/domain.md, "Reviews"), and its overall
 * score is their rounded mean, so nobody can give 5 overall beside three 1s. The provider
 * rates its client with one overall score (cooperation, payment): the three criteria are
 * about service quality and make no sense the other way round.
 */
export function validateScores(
  direction: ReviewDirection,
  input: Scores,
): { ok: true; scores: ValidScores } | { ok: false; field: ScoreField } {
  if (direction === "client_to_provider") {
    for (const field of ["professionalism", "timeliness", "effect"] as const) {
      if (!isScore(input[field])) return { ok: false, field };
    }
    const { professionalism, timeliness, effect } = input as Required<Scores>;
    return {
      ok: true,
      scores: { professionalism, timeliness, effect, overall: Math.round((professionalism + timeliness + effect) / 3) },
    };
  }
  if (!isScore(input.overall)) return { ok: false, field: "overall" };
  return { ok: true, scores: { professionalism: null, timeliness: null, effect: null, overall: input.overall } };
}

/**
 * When the pair becomes visible: as soon as both sides are in (the later submission),
 * otherwise when the window closes, whoever did or did not write.
 */
export function publicationTime(reviews: readonly SubmittedReview[], acceptedAt: Date): Date {
  const client = reviews.find((r) => r.direction === "client_to_provider");
  const provider = reviews.find((r) => r.direction === "provider_to_client");
  const windowEnd = reviewWindowEnd(acceptedAt);
  if (client && provider) {
    const later = Math.max(client.createdAt.getTime(), provider.createdAt.getTime());
    return new Date(Math.min(later, windowEnd.getTime()));
  }
  return windowEnd;
}

/** Published when stored as such, or when its publication time has come (not yet written down). */
export function isPublished(
  review: { publishedAt?: Date | null },
  pair: { reviews: readonly SubmittedReview[]; acceptedAt: Date | null },
  now: Date,
): boolean {
  if (review.publishedAt) return review.publishedAt.getTime() <= now.getTime();
  if (!pair.acceptedAt) return false;
  return publicationTime(pair.reviews, pair.acceptedAt).getTime() <= now.getTime();
}

/**
 * What a viewer may read of a pair: each party always sees what it wrote itself; the other
 * side's review (and the public's view of either) only once published.
 */
export function mayRead(input: {
  reviewDirection: ReviewDirection;
  viewerSide: ReviewSide | null;
  published: boolean;
}): boolean {
  if (input.published) return true;
  return input.viewerSide !== null && directionOf(input.viewerSide) === input.reviewDirection;
}

export type ReplyRefusal = "not_reviewee" | "not_published" | "already_replied";

/** Only the provider answers, only a review about it, only once, and only after it is public. */
export function replyRefusal(input: {
  viewerSide: ReviewSide;
  reviewDirection: ReviewDirection;
  published: boolean;
  hasReply: boolean;
}): ReplyRefusal | null {
  if (input.viewerSide !== "provider" || input.reviewDirection !== "client_to_provider") return "not_reviewee";
  if (!input.published) return "not_published";
  if (input.hasReply) return "already_replied";
  return null;
}

// The review section as one party sees it, serialisable for a loader (dates as ISO strings).

export type ReviewView = {
  direction: ReviewDirection;
  professionalism: number | null;
  timeliness: number | null;
  effect: number | null;
  overall: number;
  body: string;
  reply: string | null;
  repliedAt: string | null;
  createdAt: string;
  publishedAt: string | null;
};

/** Everything `<EngagementReviewSection>` shows, already serialisable (dates as ISO strings). */
export type ReviewSectionData = {
  engagementId: string;
  viewerSide: ReviewSide;
  status: string;
  /** accepted or closed: reviewing is about the finished work. */
  reviewable: boolean;
  windowClosesAt: string | null;
  canReview: boolean;
  refusal: ReviewRefusal | null;
  own: ReviewView | null;
  /** The other side's review, only once published (double-blind). */
  other: ReviewView | null;
  otherSubmitted: boolean;
  canReply: boolean;
};
