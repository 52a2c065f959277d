import { and, count, desc, eq, ilike, isNotNull, isNull, like, or, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { memberships, organisations, users } from "../../db/schema";
import type { OrgKind } from "../../db/schema";
import { regionLikePattern } from "../domain/region-scope";
import { AppError, notFound } from "../utils/errors";
import { writeAudit } from "./audit.server";
import type { Actor } from "./actor";
import { pageWindow } from "../domain/paging";

export async function getOwnOrganisation(db: DbOrTx, params: { orgId: string }) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, params.orgId));
  if (!org) throw notFound();
  return org;
}

export type OrganisationProfileInput = {
  name: string;
  uscc?: string;
  regionCode: string;
  industryCode?: string;
  contactPhone?: string;
  address?: string;
  description?: string;
};

/**
 * A change of name, USCC or region puts a verified organisation back to pending:
 * the platform verified the old identity, not the new one.
 */
export async function updateOrganisationProfile(db: Db, actor: Actor, input: OrganisationProfileInput) {
  return db.transaction(async (tx) => {
    const before = await getOwnOrganisation(tx, { orgId: actor.orgId });
    if (input.uscc && input.uscc !== before.uscc) {
      const [taken] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.uscc, input.uscc), sql`${organisations.id} <> ${actor.orgId}`));
      if (taken) throw new AppError(409, "uscc_taken", "uscc_taken");
    }
    const identityChanged =
      before.name !== input.name ||
      (input.uscc ?? before.uscc) !== before.uscc ||
      before.regionCode !== input.regionCode;
    const [after] = await tx
      .update(organisations)
      .set({
        name: input.name,
        uscc: input.uscc ?? before.uscc,
        regionCode: before.kind === "bureau" ? before.regionCode : input.regionCode,
        industryCode: input.industryCode ?? null,
        contactPhone: input.contactPhone ?? null,
        address: input.address ?? null,
        description: input.description ?? null,
        ...(identityChanged && before.verificationStatus === "verified" && before.kind !== "bureau"
          ? { verificationStatus: "pending" as const, verifiedAt: null }
          : {}),
      })
      .where(eq(organisations.id, actor.orgId))
      .returning();
    await writeAudit(tx, {
      action: "organisation.updated",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "organisation",
      subjectId: actor.orgId,
      data: { identityChanged },
      ip: actor.ip,
    });
    return after;
  });
}

export type OrganisationListFilter = {
  q?: string;
  kind?: OrgKind;
  status?: "pending" | "verified" | "rejected" | "suspended";
  page?: number;
};

function listConditions(filter: OrganisationListFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.q) {
    const term = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(organisations.name, term), ilike(organisations.uscc, term))!);
  }
  if (filter.kind) where.push(eq(organisations.kind, filter.kind));
  if (filter.status === "suspended") where.push(isNotNull(organisations.suspendedAt));
  else if (filter.status)
    where.push(and(eq(organisations.verificationStatus, filter.status), isNull(organisations.suspendedAt))!);
  return where;
}

/** For the platform admin: every organisation, searchable and paged. */
export async function listOrganisations(db: DbOrTx, filter: OrganisationListFilter) {
  return pagedOrganisations(db, listConditions(filter), filter.page);
}

/** For a bureau: the organisations registered in its region, and nothing outside it. */
export async function listOrganisationsInRegion(
  db: DbOrTx,
  params: { bureauRegionCode: string } & OrganisationListFilter,
) {
  const where = listConditions(params);
  where.push(like(organisations.regionCode, regionLikePattern(params.bureauRegionCode)));
  where.push(sql`${organisations.kind} in ('enterprise', 'provider', 'insurer', 'group')`);
  return pagedOrganisations(db, where, params.page);
}

async function pagedOrganisations(db: DbOrTx, where: SQL[], requestedPage?: number) {
  const { page, limit, offset } = pageWindow(requestedPage);
  const condition = where.length ? and(...where) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: organisations.id,
        kind: organisations.kind,
        name: organisations.name,
        uscc: organisations.uscc,
        regionCode: organisations.regionCode,
        industryCode: organisations.industryCode,
        verificationStatus: organisations.verificationStatus,
        suspendedAt: organisations.suspendedAt,
        createdAt: organisations.createdAt,
      })
      .from(organisations)
      .where(condition)
      .orderBy(desc(organisations.createdAt), organisations.id)
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(organisations).where(condition),
  ]);
  return { rows, total, page, pageSize: limit };
}

export async function getOrganisationForAdmin(db: DbOrTx, params: { orgId: string }) {
  const org = await getOwnOrganisation(db, params);
  const members = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, params.orgId));
  return { org, members };
}
