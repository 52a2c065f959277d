import { and, arrayContains, eq, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { engagements, organisations, providerProfiles, quotes } from "../../db/schema";
import type { NotificationType } from "../domain/notification-types";
import { regionPath } from "../domain/regions";
import { notify } from "./notify.server";

/**
 * Events whose recipients are found by a query rather than known to the caller. Each is still
 * one call in the service that causes the event, inside its transaction.
 */

/** A new request: every provider it matches now (the same test as the provider inbox). */
export async function notifyMatchedProviders(
  tx: DbOrTx,
  request: { id: string; title: string; category: string; regionCode: string; enterpriseId: string },
  now: Date,
) {
  const providers = await tx
    .select({ orgId: providerProfiles.orgId })
    .from(providerProfiles)
    .innerJoin(organisations, eq(organisations.id, providerProfiles.orgId))
    .where(
      and(
        sql`${request.category}::service_category = any(${providerProfiles.categories})`,
        arrayContains(providerProfiles.regionKeys, [request.regionCode]),
        ne(providerProfiles.orgId, request.enterpriseId),
        isNull(organisations.suspendedAt),
      ),
    );
  for (const p of providers) {
    await notify(tx, {
      type: "request_matched",
      key: `request_matched:${request.id}`,
      orgId: p.orgId,
      subjectId: request.id,
      params: { requestTitle: request.title },
      now,
    });
  }
}

/** A quote accepted: the chosen provider hears "accepted", every other live quoter "not chosen". */
export async function notifyQuoteDecision(
  tx: DbOrTx,
  p: {
    requestId: string;
    requestTitle: string;
    acceptedQuoteId: string;
    acceptedProviderId: string;
    engagementId: string;
    now: Date;
  },
) {
  const params = { requestTitle: p.requestTitle };
  await notify(tx, {
    type: "quote_accepted",
    key: `quote_accepted:${p.acceptedQuoteId}`,
    orgId: p.acceptedProviderId,
    subjectId: p.engagementId,
    params,
    now: p.now,
  });
  const others = await tx
    .select({ id: quotes.id, providerId: quotes.providerId })
    .from(quotes)
    .where(
      and(
        eq(quotes.requestId, p.requestId),
        eq(quotes.status, "declined"),
        ne(quotes.providerId, p.acceptedProviderId),
      ),
    );
  for (const q of others) {
    await notify(tx, {
      type: "quote_not_chosen",
      key: `quote_not_chosen:${q.id}`,
      orgId: q.providerId,
      subjectId: p.requestId,
      params,
      now: p.now,
    });
  }
}

/** A practice notice: the bureaus of the county and of its city and province (each sees it). */
export async function notifyBureausOfNotice(
  tx: DbOrTx,
  notice: { id: string; countyCode: string; providerId: string },
  now: Date,
) {
  const [provider] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, notice.providerId));
  const codes = regionPath(notice.countyCode).map((r) => r.code);
  if (!codes.length) return;
  const bureaus = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "bureau"),
        sql`${organisations.regionCode} in (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
      ),
    );
  for (const b of bureaus) {
    await notify(tx, {
      type: "practice_notice_received",
      key: `practice_notice_received:${notice.id}`,
      orgId: b.id,
      subjectId: notice.id,
      params: { providerName: provider?.name ?? "" },
      now,
    });
  }
}

/**
 * An engagement event for its parties: both sides except the one that acted (a platform ruling
 * or the system tells both). The engagement's title is the text's parameter.
 */
export async function notifyEngagementParties(
  tx: DbOrTx,
  p: {
    engagementId: string;
    exceptOrgId: string | null;
    type: NotificationType;
    key: string;
    params?: Record<string, string | number>;
    now: Date;
  },
) {
  const [e] = await tx
    .select({ title: engagements.title, enterpriseId: engagements.enterpriseId, providerId: engagements.providerId })
    .from(engagements)
    .where(eq(engagements.id, p.engagementId));
  if (!e) return;
  for (const orgId of [e.enterpriseId, e.providerId]) {
    if (orgId === p.exceptOrgId) continue;
    await notify(tx, {
      type: p.type,
      key: p.key,
      orgId,
      subjectId: p.engagementId,
      params: { engagementTitle: e.title, ...p.params },
      now: p.now,
    });
  }
}
