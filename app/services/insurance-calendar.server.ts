/**
 * The plan calendar (issue 9, "Calendar"): month views for the insurer (its items, or one staff
 * member's) and for the insured enterprise, and secret ICS feeds a calendar app subscribes to.
 *
 * A feed is a `calendar_feeds` row: per insurer staff member (the items assigned to them) or per
 * enterprise (its items from all its insurers). Only the token's SHA-256 is stored and the lookup
 * is by that hash; issuing again replaces the hash, so the old URL answers 404 at once. The URL is
 * shown once, when it is made. Every query is scoped by the feed's (or the acting) organisation.
 */
import { aliasedTable, and, asc, between, eq, isNull, ne, sql, type SQL } from "drizzle-orm";
import { createEvents, type EventAttributes } from "ics";
import type { Db, DbOrTx } from "../../db/client";
import { calendarFeeds, insurancePlanItems, memberships, organisations, users } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { feedEvent, type FeedItem } from "../domain/calendar-feed";
import { monthGrid, type YearMonth } from "../domain/calendar-month";
import { SERVICE_LABELS } from "../domain/insurance-plan";
import { AppError } from "../utils/errors";
import { generateSecretToken, sha256Hex } from "../utils/crypto.server";
import { writeAudit } from "./audit.server";
import { isUniqueViolation } from "./db-errors.server";
import type { Actor } from "./actor";
import { planItemStatusSql } from "./insurance-plans.server";

export type CalendarScope = "mine" | "all";

export type CalendarEntry = {
  id: string;
  day: IsoDate;
  service: keyof typeof SERVICE_LABELS;
  status: string;
  dueDate: IsoDate;
  scheduledOn: IsoDate | null;
  partyName: string;
  assigneeName: string | null;
};

/** A feed's owner: a staff member of an insurer (userId) or an enterprise (userId null). */
export type FeedOwner = { orgId: string; userId: string | null };

const MAX_FEED_EVENTS = 2000;

function gridBounds(month: YearMonth) {
  const weeks = monthGrid(month);
  return { from: weeks[0]![0]!, to: weeks.at(-1)!.at(-1)! };
}

async function monthEntries(
  db: DbOrTx,
  scope: SQL,
  party: "enterprise" | "insurer",
  month: YearMonth,
  today: IsoDate,
): Promise<CalendarEntry[]> {
  const t = insurancePlanItems;
  const other = aliasedTable(organisations, "party");
  const { from, to } = gridBounds(month);
  const day = sql<IsoDate>`coalesce(${t.scheduledOn}, ${t.dueDate})`;
  const rows = await db
    .select({
      id: t.id,
      day,
      service: t.service,
      status: planItemStatusSql(today),
      dueDate: t.dueDate,
      scheduledOn: t.scheduledOn,
      partyName: other.name,
      assigneeName: users.name,
    })
    .from(t)
    .innerJoin(other, eq(other.id, party === "enterprise" ? t.enterpriseId : t.insurerId))
    .leftJoin(users, eq(users.id, t.assigneeUserId))
    .where(and(scope, ne(t.state, "cancelled"), between(day, from, to)))
    .orderBy(asc(day), asc(t.service), asc(t.id))
    .limit(3000);
  return rows.map((r) => ({ ...r, day: String(r.day) as IsoDate, scheduledOn: r.scheduledOn as IsoDate | null }));
}

/** The insurer's items in the month's grid: all of them, or those assigned to the acting user. */
export async function insurerMonth(
  db: DbOrTx,
  p: { orgId: string; userId: string; scope: CalendarScope; month: YearMonth; today: IsoDate },
): Promise<CalendarEntry[]> {
  const t = insurancePlanItems;
  const scope =
    p.scope === "mine" ? and(eq(t.insurerId, p.orgId), eq(t.assigneeUserId, p.userId))! : eq(t.insurerId, p.orgId);
  return monthEntries(db, scope, "enterprise", p.month, p.today);
}

/** The enterprise's items from all its insurers in the month's grid. */
export async function insuredMonth(
  db: DbOrTx,
  p: { orgId: string; month: YearMonth; today: IsoDate },
): Promise<CalendarEntry[]> {
  return monthEntries(db, eq(insurancePlanItems.enterpriseId, p.orgId), "insurer", p.month, p.today);
}

function ownerWhere(owner: FeedOwner) {
  return and(
    eq(calendarFeeds.orgId, owner.orgId),
    owner.userId ? eq(calendarFeeds.userId, owner.userId) : isNull(calendarFeeds.userId),
  );
}

/** When the owner's feed was made, or null when there is none. */
export async function feedMadeAt(db: DbOrTx, owner: FeedOwner): Promise<Date | null> {
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(ownerWhere(owner));
  return row?.createdAt ?? null;
}

/**
 * Makes the owner's feed (mode "create": 409 when one exists — reset it instead) or replaces its
 * token (mode "reset": the old URL stops working in the same commit). Returns the new token,
 * which is never stored in the clear and so shown only now.
 */
export async function issueFeed(
  db: Db,
  actor: Actor,
  p: { owner: FeedOwner; mode: "create" | "reset"; now: Date },
): Promise<string> {
  const token = generateSecretToken(25);
  const tokenHash = sha256Hex(token);
  const feedExists = () => new AppError(409, "feed_exists", "calendar:errors.feed_exists");
  // Two "make" clicks at once: the owner's unique index lets one win; the other is the 409.
  return db
    .transaction(async (tx) => {
      const [existing] = await tx.select().from(calendarFeeds).where(ownerWhere(p.owner)).for("update");
      if (existing && p.mode === "create") throw feedExists();
      if (!existing && p.mode === "reset") throw new AppError(409, "no_feed", "calendar:errors.no_feed");
      if (existing)
        await tx
          .update(calendarFeeds)
          .set({ tokenHash, createdAt: p.now })
          .where(and(eq(calendarFeeds.id, existing.id), eq(calendarFeeds.orgId, p.owner.orgId)));
      else await tx.insert(calendarFeeds).values({ ...p.owner, tokenHash, createdAt: p.now });
      await writeAudit(tx, {
        action: p.mode === "create" ? "calendar_feed.created" : "calendar_feed.reset",
        actorUserId: actor.userId,
        orgId: actor.orgId,
        subjectType: "calendar_feed",
        subjectId: existing?.id ?? null,
        data: { personal: Boolean(p.owner.userId) },
        ip: actor.ip,
      });
      return token;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? feedExists() : error;
    });
}

type FeedRow = {
  id: string;
  state: "open" | "done" | "cancelled";
  dueDate: string;
  scheduledOn: string | null;
  version: number;
  service: keyof typeof SERVICE_LABELS;
  partyName: string;
  address: string | null;
};

async function feedRows(db: DbOrTx, scope: SQL, party: "enterprise" | "insurer"): Promise<FeedRow[]> {
  const t = insurancePlanItems;
  const other = aliasedTable(organisations, "party");
  const enterprise = aliasedTable(organisations, "site");
  return db
    .select({
      id: t.id,
      state: t.state,
      dueDate: t.dueDate,
      scheduledOn: t.scheduledOn,
      version: t.version,
      service: t.service,
      partyName: other.name,
      address: enterprise.address,
    })
    .from(t)
    .innerJoin(other, eq(other.id, party === "enterprise" ? t.enterpriseId : t.insurerId))
    .innerJoin(enterprise, eq(enterprise.id, t.enterpriseId))
    .where(scope)
    .orderBy(sql`coalesce(${t.scheduledOn}, ${t.dueDate}) desc`, asc(t.id))
    .limit(MAX_FEED_EVENTS);
}

const FEED_LABELS = { visit: "[上门]", due: "[到期]", done: "[已完成]" };

/**
 * The ICS text of the feed whose token this is, or null (404) for an unknown token, a staff
 * member who has left the insurer, or an organisation that is no longer what the feed was for.
 */
export async function renderFeed(db: DbOrTx, token: string, now: Date): Promise<string | null> {
  const [feed] = await db
    .select({ orgId: calendarFeeds.orgId, userId: calendarFeeds.userId, kind: organisations.kind })
    .from(calendarFeeds)
    .innerJoin(organisations, eq(organisations.id, calendarFeeds.orgId))
    .where(eq(calendarFeeds.tokenHash, sha256Hex(token)));
  if (!feed) return null;
  const t = insurancePlanItems;
  let rows: FeedRow[];
  let name: string;
  if (feed.userId) {
    if (feed.kind !== "insurer") return null;
    const [member] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, feed.orgId), eq(memberships.userId, feed.userId)));
    if (!member) return null;
    rows = await feedRows(db, and(eq(t.insurerId, feed.orgId), eq(t.assigneeUserId, feed.userId))!, "enterprise");
    name = "安服市集 · 我的防预服务";
  } else {
    if (feed.kind !== "enterprise") return null;
    rows = await feedRows(db, eq(t.enterpriseId, feed.orgId), "insurer");
    name = "安服市集 · 保险防预服务";
  }
  const stamp = now.getTime();
  const events: EventAttributes[] = rows.map((r) => {
    const e = feedEvent(
      {
        id: r.id,
        state: r.state,
        dueDate: r.dueDate as IsoDate,
        scheduledOn: r.scheduledOn as IsoDate | null,
        version: r.version,
        serviceLabel: SERVICE_LABELS[r.service].zh,
        partyName: r.partyName,
        address: r.address,
      } satisfies FeedItem,
      FEED_LABELS,
    );
    return {
      uid: e.uid,
      start: e.start,
      end: e.end,
      title: e.title,
      description: e.description,
      ...(e.location ? { location: e.location } : {}),
      status: e.status,
      sequence: e.sequence,
      timestamp: stamp,
      productId: "anfu/calendar",
      calName: name,
    };
  });
  const { error, value } = createEvents(events, { productId: "anfu/calendar", calName: name });
  if (error || value === undefined) throw error ?? new Error("ics");
  return value;
}
