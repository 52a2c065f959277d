/**
 * Who may quote for, or hold, which engagement. Pure rules; the services load the facts.
 *
 * - No referee-and-player (docs/domain.md, "Who may hold an engagement": "a provider that assessed an
 *   enterprise (安全评价) may not also hold its custody contract"). The issue fixes the
 *   look-back at three years. The same conflict read the other way round — assessing an
 *   enterprise whose safety one currently manages — is refused too: the assessor would be
 *   grading its own work.
 * - Only within a qualification's scope: the Jinhua plan (docs/domain.md, "Sources"; 服务形式 2) says a
 *   provider serves "在核准业务范围内" (docs/domain.md, "Who may hold an engagement").
 * - A suspended provider (平台暂停) or one on a black list (失信; docs/domain.md,
 *   "Who may hold an engagement") cannot quote.
 */
import type { EngagementState } from "./engagement-machine";
import { qualificationCovers, type QualificationFacts } from "./listing-visibility";
import { LICENSED_CATEGORIES } from "./service-categories";

export const ASSESSMENT_LOOKBACK_YEARS = 3;

/** An earlier engagement between some provider and some enterprise, as the rules need it. */
export type EngagementHistoryItem = {
  providerId: string;
  enterpriseId: string;
  category: string;
  status: EngagementState;
  /** Asia/Shanghai date (YYYY-MM-DD) of the latest of signed / delivered / accepted. */
  lastActiveOn: string;
};

export type AssessmentConflict = {
  code: "assessment_then_custody" | "custody_then_assessment";
  /** Date of the conflicting engagement's latest activity. */
  since: string;
};

/** States in which an engagement never got going: an open offer or a cancelled one. */
const NEVER_SERVED: readonly EngagementState[] = ["offer", "cancelled"];
/** States in which the provider no longer holds the engagement; any other served state is running. */
const FINISHED: readonly EngagementState[] = ["accepted", "closed", "cancelled"];

/** `today` minus `years` calendar years; 29 February falls back to 28 February. */
export function yearsBefore(today: string, years: number): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const year = y - years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/**
 * A conflict for `providerId` taking on `category` work for `enterpriseId`, or null.
 * Custody is refused when the same provider assessed the same enterprise on or after the day
 * three years back (or the assessment is still running). Assessment is refused while the
 * same provider holds a running custody contract with that enterprise.
 */
export function assessmentConflict(
  history: readonly EngagementHistoryItem[],
  params: { providerId: string; enterpriseId: string; category: string; today: string },
): AssessmentConflict | null {
  const between = history.filter(
    (h) =>
      h.providerId === params.providerId && h.enterpriseId === params.enterpriseId && !NEVER_SERVED.includes(h.status),
  );
  if (params.category === "custody") {
    const cutoff = yearsBefore(params.today, ASSESSMENT_LOOKBACK_YEARS);
    const hit = latest(
      between.filter((h) => h.category === "assessment" && (!FINISHED.includes(h.status) || h.lastActiveOn >= cutoff)),
    );
    return hit ? { code: "assessment_then_custody", since: hit.lastActiveOn } : null;
  }
  if (params.category === "assessment") {
    const hit = latest(between.filter((h) => h.category === "custody" && !FINISHED.includes(h.status)));
    return hit ? { code: "custody_then_assessment", since: hit.lastActiveOn } : null;
  }
  return null;
}

function latest(items: EngagementHistoryItem[]): EngagementHistoryItem | undefined {
  return [...items].sort((a, b) => b.lastActiveOn.localeCompare(a.lastActiveOn))[0];
}

/**
 * Whether the provider's qualifications let it work in `category` on `today`. The licensed
 * categories (安全评价, 检测检验, 职业卫生; see service-categories.ts) need a verified
 * qualification in force whose scope covers them; the others need none by law.
 */
export function withinQualificationScope(
  qualifications: readonly QualificationFacts[],
  category: string,
  today: string,
): boolean {
  if (!(LICENSED_CATEGORIES as readonly string[]).includes(category)) return true;
  return qualificationCovers(qualifications, category, today);
}

export type ProviderStanding = {
  /** organisations.suspended_at is set (the platform suspended it, or it exited 退出). */
  suspended: boolean;
  /** On a bureau's black list (失信). */
  blacklisted: boolean;
};

export type QuoteRefusalCode =
  "provider_suspended" | "provider_blacklisted" | "outside_qualification_scope" | AssessmentConflict["code"];

/**
 * Why this provider may not quote (or be picked), or null. Checked in this order so the
 * message names the most basic problem first: standing, then scope, then conflicts.
 */
export function quoteRefusal(input: {
  standing: ProviderStanding;
  /** withinQualificationScope(qualifications, category, today). */
  coversCategory: boolean;
  conflict: AssessmentConflict | null;
}): QuoteRefusalCode | null {
  if (input.standing.suspended) return "provider_suspended";
  if (input.standing.blacklisted) return "provider_blacklisted";
  if (!input.coversCategory) return "outside_qualification_scope";
  if (input.conflict) return input.conflict.code;
  return null;
}
