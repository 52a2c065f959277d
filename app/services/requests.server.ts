import { and, count, desc, eq, gte, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { organisations, providerProfiles, quotes, serviceRequests } from "../../db/schema";
import type { ServiceCategory } from "../../db/schema";
import { shanghaiDateString } from "../domain/format";
import { AppError, notFound } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { notifyMatchedProviders } from "./notify-recipients.server";
import { REQUEST_SUBJECT } from "./lifecycle-subjects.server";
import { pageWindow } from "../domain/paging";
import { declineOpenQuotes } from "./quotes.server";
import { fire } from "./transitions.server";

export type { Actor } from "./actor";
import type { Actor } from "./actor";

export type NewRequestInput = {
  category: ServiceCategory;
  title: string;
  description: string;
  regionCode: string;
  industryCode?: string;
  budgetFen?: number;
  /** Last day providers may quote (Asia/Shanghai). */
  deadline?: string;
};

const LIVE_QUOTE = sql`${quotes.status} in ('submitted', 'accepted')`;

/** 需求: an enterprise posts a need; matching providers see it in their inbox. */
export async function createRequest(db: Db, actor: Actor, input: NewRequestInput, now: Date) {
  if (input.deadline && input.deadline < shanghaiDateString(now)) {
    throw new AppError(400, "deadline_past", "engagement.deadline_in_past");
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(serviceRequests)
      .values({ ...input, enterpriseId: actor.orgId, createdByUserId: actor.userId, createdAt: now })
      .returning();
    await writeAudit(tx, {
      action: "request.created",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "service_request",
      subjectId: row.id,
      data: { category: row.category, regionCode: row.regionCode, budgetFen: row.budgetFen },
      ip: actor.ip,
    });
    await notifyMatchedProviders(tx, row, now);
    return row;
  });
}

/**
 * Ends an open request without picking anyone: `closed` (the enterprise declined every quote)
 * or `cancelled` (it withdrew the need). Either way every live quote is declined.
 */
export async function endRequest(
  db: Db,
  actor: Actor,
  params: { requestId: string; outcome: "closed" | "cancelled"; now: Date },
) {
  await db.transaction(async (tx) =>
    fire(tx, REQUEST_SUBJECT, {
      id: params.requestId,
      scope: eq(serviceRequests.enterpriseId, actor.orgId),
      event: params.outcome === "closed" ? "close" : "cancel",
      actor: { role: "enterprise", ...actor },
      now: params.now,
      prepare: async (tx, request) => {
        const declinedQuotes = await declineOpenQuotes(tx, { requestId: request.id, now: params.now });
        return { auditData: { declinedQuotes } };
      },
    }),
  );
}

/** The enterprise's requests, newest first, with how many live quotes each has. */
export async function listOwnRequests(
  db: DbOrTx,
  params: { orgId: string; status?: "open" | "awarded" | "closed" | "cancelled"; page?: number },
) {
  const where = and(
    eq(serviceRequests.enterpriseId, params.orgId),
    params.status ? eq(serviceRequests.status, params.status) : undefined,
  );
  const { page, limit, offset } = pageWindow(params.page);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: serviceRequests.id,
        title: serviceRequests.title,
        category: serviceRequests.category,
        regionCode: serviceRequests.regionCode,
        budgetFen: serviceRequests.budgetFen,
        deadline: serviceRequests.deadline,
        status: serviceRequests.status,
        createdAt: serviceRequests.createdAt,
        // Spelled out: drizzle leaves columns of a one-table select unqualified, and a bare
        // "id" inside this subquery would mean quotes.id.
        quoteCount: sql<number>`(select count(*)::int from quotes q where q.request_id = "service_requests"."id" and q.status in ('submitted', 'accepted'))`,
      })
      .from(serviceRequests)
      .where(where)
      .orderBy(desc(serviceRequests.createdAt), serviceRequests.id)
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(serviceRequests).where(where),
  ]);
  return { rows, total, page, pageSize: limit };
}

export async function getOwnRequest(db: DbOrTx, params: { requestId: string; orgId: string }) {
  const [row] = await db
    .select()
    .from(serviceRequests)
    .where(and(eq(serviceRequests.id, params.requestId), eq(serviceRequests.enterpriseId, params.orgId)));
  if (!row) throw notFound();
  return row;
}

/**
 * Who a request is for: a provider offering its category in a region it serves (region_keys
 * holds the served codes with their ancestors and descendants, so one membership test
 * answers "serves this region?"). Null when the provider has no profile yet.
 */
export async function requestAudienceCondition(db: DbOrTx, providerId: string): Promise<SQL | null> {
  const [profile] = await db
    .select({ categories: providerProfiles.categories, regionKeys: providerProfiles.regionKeys })
    .from(providerProfiles)
    .where(eq(providerProfiles.orgId, providerId));
  if (!profile || profile.categories.length === 0 || profile.regionKeys.length === 0) return null;
  return and(
    inArray(serviceRequests.category, profile.categories),
    inArray(serviceRequests.regionCode, profile.regionKeys),
    sql`${serviceRequests.enterpriseId} <> ${providerId}`,
  )!;
}

/** Still taking quotes: open, and the quoting deadline (inclusive) not passed. */
export function openForQuotes(today: string): SQL {
  return and(
    eq(serviceRequests.status, "open"),
    or(isNull(serviceRequests.deadline), gte(serviceRequests.deadline, today)),
  )!;
}

async function matchCondition(db: DbOrTx, providerId: string, today: string): Promise<SQL | null> {
  const audience = await requestAudienceCondition(db, providerId);
  return audience ? and(audience, openForQuotes(today))! : null;
}

/** The provider's inbox: matching open requests it has no live quote on, newest first. */
export async function providerInbox(db: DbOrTx, params: { providerId: string; page?: number; now: Date }) {
  const { page, limit, offset } = pageWindow(params.page);
  const match = await matchCondition(db, params.providerId, shanghaiDateString(params.now));
  if (!match) return { rows: [], total: 0, page, pageSize: limit, hasProfile: false };
  const where = and(
    match,
    sql`not exists (select 1 from ${quotes} where ${quotes.requestId} = ${serviceRequests.id} and ${quotes.providerId} = ${params.providerId} and ${LIVE_QUOTE})`,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: serviceRequests.id,
        title: serviceRequests.title,
        category: serviceRequests.category,
        regionCode: serviceRequests.regionCode,
        budgetFen: serviceRequests.budgetFen,
        deadline: serviceRequests.deadline,
        createdAt: serviceRequests.createdAt,
        enterpriseName: organisations.name,
      })
      .from(serviceRequests)
      .innerJoin(organisations, eq(organisations.id, serviceRequests.enterpriseId))
      .where(where)
      .orderBy(desc(serviceRequests.createdAt), serviceRequests.id)
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(serviceRequests).where(where),
  ]);
  return { rows, total, page, pageSize: limit, hasProfile: true };
}

/**
 * One request as a provider sees it: only if it matches the provider now, or the provider
 * has quoted on it before (so it can follow its own quote). 404 otherwise.
 */
export async function getRequestForProvider(db: DbOrTx, params: { requestId: string; providerId: string; now: Date }) {
  const match = await matchCondition(db, params.providerId, shanghaiDateString(params.now));
  const quotedBefore = sql`exists (select 1 from ${quotes} where ${quotes.requestId} = ${serviceRequests.id} and ${quotes.providerId} = ${params.providerId})`;
  const [row] = await db
    .select({ request: serviceRequests, enterpriseName: organisations.name, matches: match ?? sql<boolean>`false` })
    .from(serviceRequests)
    .innerJoin(organisations, eq(organisations.id, serviceRequests.enterpriseId))
    .where(and(eq(serviceRequests.id, params.requestId), match ? or(match, quotedBefore) : quotedBefore));
  if (!row) throw notFound();
  const ownQuotes = await db
    .select()
    .from(quotes)
    .where(and(eq(quotes.requestId, params.requestId), eq(quotes.providerId, params.providerId)))
    .orderBy(desc(quotes.createdAt));
  return { request: row.request, enterpriseName: row.enterpriseName, canQuote: Boolean(row.matches), ownQuotes };
}
