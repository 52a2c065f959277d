// Issue 9, "Calendar": the secret ICS feeds (per insurer staff member: the items assigned to them;
// per enterprise: its items from all its insurers), looked up by the token's SHA-256 only; a reset
// kills the old URL at once; another organisation's items never enter a feed; a token of the wrong
// shape is 404. And the month views' scoping (mine / all, the enterprise's from all its insurers).
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarFeeds, insurancePlanItems, memberships, organisations, users } from "../../db/schema";
import { loader as feedLoader } from "../../app/routes/calendar/feed";
import {
  feedMadeAt,
  insuredMonth,
  insurerMonth,
  issueFeed,
  renderFeed,
} from "../../app/services/insurance-calendar.server";
import { sha256Hex } from "../../app/utils/crypto.server";
import { AppError } from "../../app/utils/errors";
import { TEST_PASSWORD, createOrgWithOwner, registerOrg } from "../factories/accounts";
import { insertPolicy } from "../factories/insurance";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-03-01T02:00:00Z");
const TODAY = "2026-03-01";
let t: TestDb;
let insurerA: { orgId: string; ownerId: string; staffId: string };
let insurerB: string;
let enterprise: { orgId: string; ownerId: string; uscc: string };
let otherEnterprise: { uscc: string };
let assigned: string;
let cancelled: string;
let bItem: string;
let otherItem: string;

const actor = (orgId: string, userId: string) => ({ orgId, userId, ip: "127.0.0.1" });
const uidOf = (id: string) => `UID:plan-item-${id}@anfu.calendar`;

async function feedResponse(param: string) {
  return (await feedLoader({
    request: new Request(`http://localhost/calendar/${param}`),
    params: { token: param },
    context: { db: t.db },
  } as never)) as Response;
}

beforeAll(async () => {
  t = await createTestDb();
  const a = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702", name: "安泰保险" });
  const [staff] = await t.db
    .insert(users)
    .values({ email: `staff.${Date.now()}@test.anfu`, name: "王服务", passwordHash: TEST_PASSWORD })
    .returning();
  await t.db.insert(memberships).values({ userId: staff!.id, orgId: a.org.id, role: "member" });
  insurerA = { orgId: a.org.id, ownerId: a.user.id, staffId: staff!.id };
  insurerB = (await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702", name: "平和保险" })).org.id;
  const e = await registerOrg(t.db, { kind: "enterprise", name: "鑫达机械有限公司", now: NOW });
  const [eOrg] = await t.db
    .update(organisations)
    .set({ address: "金华市婺城区工业路 8 号" })
    .where(eq(organisations.id, e.org.id))
    .returning();
  enterprise = { orgId: eOrg!.id, ownerId: e.user.id, uscc: eOrg!.uscc! };
  const f = await registerOrg(t.db, { kind: "enterprise", name: "别家企业", now: NOW });
  otherEnterprise = { uscc: f.org.uscc! };

  const enterpriseInput = { uscc: enterprise.uscc, name: "鑫达机械有限公司", regionCode: "330702" };
  const pA = (await insertPolicy(t.db, insurerA.orgId, { enterprise: enterpriseInput })).policy;
  const pB = (await insertPolicy(t.db, insurerB, { enterprise: enterpriseInput })).policy;
  const pF = (
    await insertPolicy(t.db, insurerA.orgId, {
      enterprise: { uscc: otherEnterprise.uscc, name: "别家企业", regionCode: "330702" },
    })
  ).policy;
  const itemsOf = (policyId: string) =>
    t.db.select().from(insurancePlanItems).where(eq(insurancePlanItems.policyId, policyId));
  const [first, second] = (await itemsOf(pA.id)).filter((i) => i.service === "key_inspection");
  assigned = first!.id;
  cancelled = second!.id;
  await t.db
    .update(insurancePlanItems)
    .set({ assigneeKind: "staff", assigneeUserId: insurerA.staffId, scheduledOn: "2026-03-20", version: 2 })
    .where(eq(insurancePlanItems.id, assigned));
  await t.db
    .update(insurancePlanItems)
    .set({ state: "cancelled", cancelledAt: NOW })
    .where(eq(insurancePlanItems.id, cancelled));
  bItem = (await itemsOf(pB.id)).find((i) => i.service === "key_inspection" && i.sequence === 1)!.id;
  const fItem = (await itemsOf(pF.id))[0]!;
  otherItem = fItem.id;
  // The other enterprise's item is assigned to the same staff member: it belongs in the staff feed
  // (same insurer), never in the enterprise's.
  await t.db
    .update(insurancePlanItems)
    .set({ assigneeKind: "staff", assigneeUserId: insurerA.staffId })
    .where(eq(insurancePlanItems.id, otherItem));
});
afterAll(async () => t?.close());

describe("a staff member's feed", () => {
  let token: string;
  it("is made once, stored only as its SHA-256, and lists exactly the items assigned to them", async () => {
    expect(await feedMadeAt(t.db, { orgId: insurerA.orgId, userId: insurerA.staffId })).toBeNull();
    token = await issueFeed(t.db, actor(insurerA.orgId, insurerA.staffId), {
      owner: { orgId: insurerA.orgId, userId: insurerA.staffId },
      mode: "create",
      now: NOW,
    });
    const [row] = await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, insurerA.staffId));
    expect(row!.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const res = await feedResponse(`${token}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/calendar/);
    const ics = await res.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain(uidOf(assigned));
    expect(ics).toContain(uidOf(otherItem));
    expect(ics).not.toContain(uidOf(bItem));
    // The agreed date is the event's day; service label, enterprise and address are in it.
    const event = ics.split("BEGIN:VEVENT").find((e) => e.includes(uidOf(assigned)))!;
    expect(event).toContain("DTSTART;VALUE=DATE:20260320");
    expect(event).toContain("SEQUENCE:2");
    expect(event).toContain("STATUS:CONFIRMED");
    expect(event).toMatch(/SUMMARY:\[上门\] 重点排查 · 鑫达机械有限公司/);
    expect(event).toContain("LOCATION:金华市婺城区工业路 8 号");
  });

  it("keeps the UID when the agreed date moves, so a calendar app updates the event", async () => {
    await t.db
      .update(insurancePlanItems)
      .set({ scheduledOn: "2026-03-22", version: 3 })
      .where(eq(insurancePlanItems.id, assigned));
    const ics = (await renderFeed(t.db, token, NOW))!;
    const event = ics.split("BEGIN:VEVENT").find((e) => e.includes(uidOf(assigned)))!;
    expect(event).toContain("DTSTART;VALUE=DATE:20260322");
    expect(event).toContain("SEQUENCE:3");
  });

  it("refuses a second 'make' with 409; a reset replaces the hash and the old URL is 404 at once", async () => {
    const again = await issueFeed(t.db, actor(insurerA.orgId, insurerA.staffId), {
      owner: { orgId: insurerA.orgId, userId: insurerA.staffId },
      mode: "create",
      now: NOW,
    }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).status).toBe(409);
    const fresh = await issueFeed(t.db, actor(insurerA.orgId, insurerA.staffId), {
      owner: { orgId: insurerA.orgId, userId: insurerA.staffId },
      mode: "reset",
      now: NOW,
    });
    expect(fresh).not.toBe(token);
    expect((await feedResponse(`${token}.ics`)).status).toBe(404);
    expect((await feedResponse(`${fresh}.ics`)).status).toBe(200);
    token = fresh;
  });

  it("stops answering when the staff member has left the insurer", async () => {
    await t.db
      .delete(memberships)
      .where(and(eq(memberships.userId, insurerA.staffId), eq(memberships.orgId, insurerA.orgId)));
    expect((await feedResponse(`${token}.ics`)).status).toBe(404);
    await t.db.insert(memberships).values({ userId: insurerA.staffId, orgId: insurerA.orgId, role: "member" });
    expect((await feedResponse(`${token}.ics`)).status).toBe(200);
  });
});

describe("an enterprise's feed", () => {
  it("lists its items from all its insurers, withdrawn ones as CANCELLED, and nothing of another enterprise", async () => {
    const token = await issueFeed(t.db, actor(enterprise.orgId, enterprise.ownerId), {
      owner: { orgId: enterprise.orgId, userId: null },
      mode: "create",
      now: NOW,
    });
    const ics = await (await feedResponse(`${token}.ics`)).text();
    expect(ics).toContain(uidOf(assigned));
    expect(ics).toContain(uidOf(bItem));
    expect(ics).not.toContain(uidOf(otherItem));
    expect(ics).toContain("平和保险");
    const own = await t.db
      .select({ id: insurancePlanItems.id })
      .from(insurancePlanItems)
      .where(eq(insurancePlanItems.enterpriseId, enterprise.orgId));
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(own.length);
    const event = ics.split("BEGIN:VEVENT").find((e) => e.includes(uidOf(cancelled)))!;
    expect(event).toContain("STATUS:CANCELLED");
    // Every UID in the feed is one of the enterprise's own items.
    const uids = [...ics.matchAll(/UID:plan-item-([0-9a-f-]+)@/g)].map((m) => m[1]);
    expect(new Set(uids)).toEqual(new Set(own.map((r) => r.id)));
  });
});

describe("tokens that name no feed", () => {
  it.each([
    ["nothing.ics", "too short"],
    ["abcdefghijklmnopqrstuvwxyz234567abcdefgh", "no .ics"],
    ["abcdefghijklmnopqrstuvwxyz234567abcdefgh.ics", "right shape, unknown"],
    ["abcdefghijklmnop'rstuvwxyz234567abcdefgh.ics", "a quote in it"],
    [`${"a".repeat(300)}.ics`, "far too long"],
    ["%00%00.ics", "control bytes"],
  ])("%s is 404 (%s)", async (param) => {
    expect((await feedResponse(param)).status).toBe(404);
  });
});

describe("month views", () => {
  it("'mine' shows only the acting staff member's items, 'all' only the insurer's own", async () => {
    const mine = await insurerMonth(t.db, {
      orgId: insurerA.orgId,
      userId: insurerA.staffId,
      scope: "mine",
      month: "2026-03",
      today: TODAY,
    });
    expect(mine.map((e) => e.id)).toEqual([assigned]);
    expect(mine[0]).toMatchObject({ day: "2026-03-22", status: "scheduled", partyName: "鑫达机械有限公司" });
    const all = await insurerMonth(t.db, {
      orgId: insurerA.orgId,
      userId: insurerA.ownerId,
      scope: "all",
      month: "2026-03",
      today: TODAY,
    });
    expect(all.map((e) => e.id)).toContain(assigned);
    expect(all.map((e) => e.id)).not.toContain(bItem);
    expect(all.map((e) => e.id)).not.toContain(cancelled);
    const theirs = await t.db
      .select({ id: insurancePlanItems.id })
      .from(insurancePlanItems)
      .where(and(ne(insurancePlanItems.insurerId, insurerA.orgId)));
    expect(all.filter((e) => theirs.some((r) => r.id === e.id))).toEqual([]);
  });

  it("the enterprise sees its items from every insurer and never another enterprise's", async () => {
    const months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07"];
    const seen = new Set<string>();
    for (const month of months)
      for (const e of await insuredMonth(t.db, { orgId: enterprise.orgId, month, today: TODAY })) seen.add(e.id);
    expect(seen.has(assigned)).toBe(true);
    expect(seen.has(otherItem)).toBe(false);
    expect(seen.has(bItem)).toBe(true);
  });
});

describe("making a feed twice at once", () => {
  it("one wins, the other is a 409 (the owner's unique index), never a 500", async () => {
    const other = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" });
    const make = () =>
      issueFeed(t.db, actor(other.org.id, other.user.id), {
        owner: { orgId: other.org.id, userId: other.user.id },
        mode: "create",
        now: NOW,
      }).then(
        () => 200,
        (e: unknown) => (e instanceof AppError ? e.status : 500),
      );
    const statuses = await Promise.all([make(), make()]);
    expect(statuses.sort()).toEqual([200, 409]);
  });
});
