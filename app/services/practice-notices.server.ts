import { and, count, desc, eq, isNull, like, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { organisations, practiceNotices, providerProfiles } from "../../db/schema";
import { regionLikePattern } from "../domain/region-scope";
import { countiesWithin, regionContains } from "../domain/regions";
import { normaliseCategories } from "../domain/service-categories";
import type { PracticeNoticeInput } from "../forms/provider";
import { AppError, notFound } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { ensureProviderProfile } from "./providers.server";
import { notifyBureausOfNotice } from "./notify-recipients.server";
import { refreshProviderSearchIndex } from "./search-index.server";
import type { Actor } from "./actor";
import { pageWindow } from "../domain/paging";

/** A county-level unit (县/区/县级市), or a city that has none below it (东莞, 中山, 儋州). */
function isCountyLevel(code: string): boolean {
  const within = countiesWithin(code);
  return within.length === 1 && within[0]!.code === code;
}

/**
 * 执业告知: the provider tells a county's bureau that it practises there. A county outside
 * the regions the profile says it serves is added to them, so the profile and the notices agree.
 */
export async function declarePracticeNotice(db: Db, actor: Actor, input: PracticeNoticeInput, now: Date) {
  if (!isCountyLevel(input.countyCode))
    throw new AppError(422, "notice_county_required", "provider.notice_county_required");
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, actor.orgId));
    if (org?.kind !== "provider") throw new AppError(403, "forbidden", "wrong_org_kind");
    await ensureProviderProfile(tx, actor.orgId, now);
    const [profile] = await tx
      .select()
      .from(providerProfiles)
      .where(eq(providerProfiles.orgId, actor.orgId))
      .for("update");
    const [active] = await tx
      .select({ id: practiceNotices.id })
      .from(practiceNotices)
      .where(
        and(
          eq(practiceNotices.providerId, actor.orgId),
          eq(practiceNotices.countyCode, input.countyCode),
          isNull(practiceNotices.withdrawnAt),
        ),
      );
    if (active) throw new AppError(409, "notice_exists", "provider.notice_exists");
    const served = profile!.regionCodes;
    const regionAdded = !served.some((code) => regionContains(code, input.countyCode));
    if (regionAdded) {
      await tx
        .update(providerProfiles)
        .set({ regionCodes: [...served, input.countyCode] })
        .where(eq(providerProfiles.orgId, actor.orgId));
      await refreshProviderSearchIndex(tx, actor.orgId, now);
    }
    const categories = input.categories.length > 0 ? input.categories : normaliseCategories(profile!.categories);
    const [row] = await tx
      .insert(practiceNotices)
      .values({ providerId: actor.orgId, countyCode: input.countyCode, categories, note: input.note, declaredAt: now })
      .returning();
    await writeAudit(tx, {
      action: "practice_notice.declared",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "practice_notice",
      subjectId: row!.id,
      data: { countyCode: input.countyCode, regionAdded },
      ip: actor.ip,
    });
    await notifyBureausOfNotice(tx, row!, row!.declaredAt);
    return { notice: row!, regionAdded };
  });
}

export async function withdrawPracticeNotice(db: Db, actor: Actor, noticeId: string, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(practiceNotices)
      .set({ withdrawnAt: now })
      .where(
        and(
          eq(practiceNotices.id, noticeId),
          eq(practiceNotices.providerId, actor.orgId),
          isNull(practiceNotices.withdrawnAt),
        ),
      )
      .returning();
    if (!row) throw notFound();
    await writeAudit(tx, {
      action: "practice_notice.withdrawn",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "practice_notice",
      subjectId: row.id,
      data: { countyCode: row.countyCode },
      ip: actor.ip,
    });
  });
}

/** The provider's own notices, current ones first. */
export async function listOwnPracticeNotices(db: DbOrTx, params: { providerId: string }) {
  return db
    .select()
    .from(practiceNotices)
    .where(eq(practiceNotices.providerId, params.providerId))
    .orderBy(sql`${practiceNotices.withdrawnAt} is not null`, desc(practiceNotices.declaredAt));
}

/** A bureau's view: notices for counties in its region only (a city bureau sees its counties). */
export async function listPracticeNoticesInRegion(
  db: DbOrTx,
  params: { bureauRegionCode: string; includeWithdrawn?: boolean; page?: number },
) {
  const { page, limit, offset } = pageWindow(params.page);
  const where = and(
    like(practiceNotices.countyCode, regionLikePattern(params.bureauRegionCode)),
    params.includeWithdrawn ? undefined : isNull(practiceNotices.withdrawnAt),
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: practiceNotices.id,
        countyCode: practiceNotices.countyCode,
        categories: practiceNotices.categories,
        note: practiceNotices.note,
        declaredAt: practiceNotices.declaredAt,
        withdrawnAt: practiceNotices.withdrawnAt,
        providerId: organisations.id,
        providerName: organisations.name,
        providerUscc: organisations.uscc,
        providerRegion: organisations.regionCode,
        providerSuspendedAt: organisations.suspendedAt,
      })
      .from(practiceNotices)
      .innerJoin(organisations, eq(organisations.id, practiceNotices.providerId))
      .where(where)
      .orderBy(desc(practiceNotices.declaredAt), practiceNotices.id)
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(practiceNotices).where(where),
  ]);
  return { rows, total, page, pageSize: limit };
}
