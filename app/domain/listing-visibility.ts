import { categoriesCoveredBy } from "./qualification-types";

/**
 * Whether a service listing is shown to the public, and if not, why (the owner sees the why).
 * docs/domain.md, "Listings and their visibility": an expired qualification hides the services that need it;
 * qualifications are verified by the platform admin, so an unverified one does not count either.
 *
 * Dates are calendar dates "YYYY-MM-DD" in Asia/Shanghai; ISO strings compare correctly as text.
 */

export type QualificationFacts = {
  type: string;
  status: "pending" | "verified" | "rejected";
  validFrom: string;
  validTo: string;
  /** The categories this qualification covers; when empty, its type's default coverage applies. */
  scopeCategories?: readonly string[] | null;
};

export type VisibilityReason =
  | { code: "provider_suspended" }
  | { code: "provider_rejected" }
  | { code: "listing_paused" }
  | { code: "qualification_missing"; qualificationType: string }
  | { code: "qualification_pending"; qualificationType: string }
  | { code: "qualification_rejected"; qualificationType: string }
  | { code: "qualification_expired"; qualificationType: string; date: string }
  | { code: "qualification_not_yet_valid"; qualificationType: string; date: string };

export type Visibility = { visible: true } | { visible: false; reasons: VisibilityReason[] };

export type ListingVisibilityInput = {
  listing: { status: "active" | "paused"; requiredQualificationType: string | null };
  providerSuspended: boolean;
  /** The platform's verdict on the organisation; a rejected provider is not shown (pending is). */
  providerVerification?: "pending" | "verified" | "rejected";
  qualifications: readonly QualificationFacts[];
  today: string;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertDate(today: string): void {
  // Text comparison of dates is only sound for zero-padded ISO dates.
  if (!ISO_DATE.test(today)) throw new RangeError(`today must be YYYY-MM-DD, got ${today}`);
}

/** Verified by the platform and in force on `today` (both ends inclusive). */
export function qualificationInForce(q: QualificationFacts, today: string): boolean {
  assertDate(today);
  return q.status === "verified" && q.validFrom <= today && today <= q.validTo;
}

export function listingVisibility(input: ListingVisibilityInput): Visibility {
  const { listing, providerSuspended, qualifications, today } = input;
  assertDate(today);
  const reasons: VisibilityReason[] = [];
  if (providerSuspended) reasons.push({ code: "provider_suspended" });
  if (input.providerVerification === "rejected") reasons.push({ code: "provider_rejected" });
  if (listing.status === "paused") reasons.push({ code: "listing_paused" });
  if (listing.requiredQualificationType) {
    reasons.push(...qualificationReasons(listing.requiredQualificationType, qualifications, today));
  }
  return reasons.length === 0 ? { visible: true } : { visible: false, reasons };
}

/** Nothing when one qualification of the type is in force; otherwise every state that explains it. */
function qualificationReasons(type: string, all: readonly QualificationFacts[], today: string): VisibilityReason[] {
  const ofType = all.filter((q) => q.type === type);
  if (ofType.some((q) => qualificationInForce(q, today))) return [];
  if (ofType.length === 0) return [{ code: "qualification_missing", qualificationType: type }];
  const reasons: VisibilityReason[] = [];
  const verified = ofType.filter((q) => q.status === "verified");
  const expired = verified
    .filter((q) => q.validTo < today)
    .map((q) => q.validTo)
    .sort();
  if (expired.length)
    reasons.push({ code: "qualification_expired", qualificationType: type, date: expired[expired.length - 1]! });
  const future = verified
    .filter((q) => q.validFrom > today)
    .map((q) => q.validFrom)
    .sort();
  if (future.length) reasons.push({ code: "qualification_not_yet_valid", qualificationType: type, date: future[0]! });
  if (ofType.some((q) => q.status === "pending"))
    reasons.push({ code: "qualification_pending", qualificationType: type });
  if (ofType.some((q) => q.status === "rejected"))
    reasons.push({ code: "qualification_rejected", qualificationType: type });
  return reasons;
}

/** The categories a qualification covers: its own scope when recorded, else its type's default. */
export function coveredCategories(q: QualificationFacts): readonly string[] {
  return q.scopeCategories && q.scopeCategories.length > 0 ? q.scopeCategories : categoriesCoveredBy(q.type);
}

/**
 * Whether the provider holds, on `today`, a verified qualification in force whose scope covers
 * `category` — the test for quoting or contracting in a category ("no work outside a
 * qualification's scope", docs/domain.md, "Who may hold an engagement"). Whether a category needs a qualification at all is the
 * caller's policy (see LICENSED_CATEGORIES in service-categories.ts).
 */
export function qualificationCovers(
  qualifications: readonly QualificationFacts[],
  category: string,
  today: string,
): boolean {
  assertDate(today);
  return qualifications.some((q) => qualificationInForce(q, today) && coveredCategories(q).includes(category));
}
