import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { engagements, organisations, providerProfiles, qualifications } from "../../db/schema";
import { shanghaiDateString } from "../domain/format";
import {
  assessmentConflict,
  quoteRefusal,
  withinQualificationScope,
  type ProviderStanding,
  type QuoteRefusalCode,
} from "../domain/engagement-rules";
import { AppError } from "../utils/errors";

/**
 * The provider's standing for quoting and contracting.
 * Black list: the schema has no credit-list table yet, so a failing credit grade (D, docs/domain.md,
 * "Who may hold an engagement") stands in for 失信. The credit feature should
 * replace this one query when it adds the bureau's black list.
 */
export async function providerStanding(db: DbOrTx, providerId: string): Promise<ProviderStanding> {
  const [row] = await db
    .select({ suspendedAt: organisations.suspendedAt, creditGrade: providerProfiles.creditGrade })
    .from(organisations)
    .leftJoin(providerProfiles, eq(providerProfiles.orgId, organisations.id))
    .where(eq(organisations.id, providerId));
  if (!row) return { suspended: true, blacklisted: false };
  return { suspended: row.suspendedAt !== null, blacklisted: row.creditGrade === "D" };
}

/** Every rule of app/domain/engagement-rules.ts for this provider, enterprise and category, now. */
export async function providerRefusal(
  db: DbOrTx,
  params: { providerId: string; enterpriseId: string; category: string; now: Date },
): Promise<QuoteRefusalCode | null> {
  const today = shanghaiDateString(params.now);
  const [standing, quals, history] = await Promise.all([
    providerStanding(db, params.providerId),
    db
      .select({
        type: qualifications.type,
        status: qualifications.status,
        validFrom: qualifications.validFrom,
        validTo: qualifications.validTo,
        scopeCategories: qualifications.scopeCategories,
      })
      .from(qualifications)
      .where(eq(qualifications.providerId, params.providerId)),
    db
      .select({
        providerId: engagements.providerId,
        enterpriseId: engagements.enterpriseId,
        category: engagements.category,
        status: engagements.status,
        signedAt: engagements.signedAt,
        deliveredAt: engagements.deliveredAt,
        acceptedAt: engagements.acceptedAt,
        createdAt: engagements.createdAt,
      })
      .from(engagements)
      .where(
        and(
          eq(engagements.providerId, params.providerId),
          eq(engagements.enterpriseId, params.enterpriseId),
          inArray(engagements.category, ["assessment", "custody"]),
        ),
      ),
  ]);
  const conflict = assessmentConflict(
    history.map((h) => ({
      ...h,
      lastActiveOn: shanghaiDateString(latestOf(h.signedAt, h.deliveredAt, h.acceptedAt) ?? h.createdAt),
    })),
    { providerId: params.providerId, enterpriseId: params.enterpriseId, category: params.category, today },
  );
  return quoteRefusal({
    standing,
    coversCategory: withinQualificationScope(quals, params.category, today),
    conflict,
  });
}

function latestOf(...dates: Array<Date | null>): Date | null {
  const present = dates.filter((d): d is Date => d !== null);
  return present.length ? new Date(Math.max(...present.map((d) => d.getTime()))) : null;
}

/**
 * Throws the refusal as a 409 (422 would suggest bad input; the input is fine, the state of
 * the world forbids it). `side` picks the wording: the provider is told about itself, the
 * enterprise about the provider it tried to sign.
 */
export async function assertProviderMayContract(
  db: DbOrTx,
  params: { providerId: string; enterpriseId: string; category: string; now: Date; side: "provider" | "enterprise" },
): Promise<void> {
  const refusal = await providerRefusal(db, params);
  if (!refusal) return;
  const key = params.side === "provider" ? refusal : `${refusal}_buyer`;
  throw new AppError(409, refusal, `engagement.${key}`);
}
