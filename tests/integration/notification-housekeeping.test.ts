import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, like } from "drizzle-orm";
import { mailLog, memberships, notificationPreferences, notifications, users } from "../../db/schema";
import { retentionCutoffs } from "../../app/domain/notification-retention";
import { notify } from "../../app/services/notify.server";
import { sendDigests } from "../../app/services/mail-digest.server";
import { createMailTransport } from "../../app/services/mail.server";
import { markAllRead, markRead } from "../../app/services/notifications.server";
import { pruneNotifications } from "../../app/services/notification-retention.server";
import { hashPassword } from "../../app/services/passwords.server";
import { findJob } from "../../jobs/registry";
import { makeEnterprise } from "../factories/marketplace";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const DAY = 86_400_000;
const NOW = new Date("2026-05-20T09:00:00+08:00");
const DIGEST_AT = new Date("2026-05-21T08:00:00+08:00");
const logDeps = () => {
  const mailEnv = { mailFrom: "安服市集 <noreply@anfu.test>", appOrigin: "http://anfu.test" };
  return { mailEnv, transport: createMailTransport(mailEnv) };
};

const quoteEvent = (orgId: string, key: string, requestTitle: string) => ({
  type: "quote_received" as const,
  key,
  orgId,
  subjectId: "00000000-0000-4000-8000-000000000001",
  params: { requestTitle, providerName: "金华安评有限公司" },
  now: NOW,
});

async function digestUser() {
  const ent = await makeEnterprise(t.db);
  await t.db.insert(notificationPreferences).values({ userId: ent.user.id, type: "quote_received", mode: "digest" });
  return ent;
}

const inAppRow = (userId: string, key: string) =>
  t.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.recipientUserId, userId),
        eq(notifications.eventKey, key),
        eq(notifications.channel, "in_app"),
      ),
    )
    .then((rows) => rows[0]!);

const emailRows = (userId: string) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientUserId, userId), eq(notifications.channel, "email")));

const digestMail = async (userId: string, orgId: string) =>
  (
    await t.db
      .select()
      .from(mailLog)
      .where(eq(mailLog.idempotencyKey, `digest:${userId}:${orgId}:2026-05-21`))
  )[0];

// Issue 7: the digest tells a user what they have not seen; a notice read in the app is not news.
describe("the daily digest leaves out what the user already read in the app", () => {
  it("mails only the unread ones and settles the read one without mail", async () => {
    const ent = await digestUser();
    await t.db.transaction(async (tx) => {
      await notify(tx, quoteEvent(ent.org.id, "hk:digest:a", "甲需求"));
      await notify(tx, quoteEvent(ent.org.id, "hk:digest:b", "乙需求"));
      await notify(tx, quoteEvent(ent.org.id, "hk:digest:c", "丙需求"));
    });
    const readAt = new Date(NOW.getTime() + 3_600_000);
    const b = await inAppRow(ent.user.id, "hk:digest:b");
    await markRead(t.db, { userId: ent.user.id, orgId: ent.org.id, id: b.id, now: readAt });

    expect(await sendDigests(t.db, logDeps(), DIGEST_AT)).toBeGreaterThanOrEqual(1);
    const mail = await digestMail(ent.user.id, ent.org.id);
    expect(mail?.subject).toBe("安服市集每日摘要：2 条通知");
    expect(mail?.textBody).toContain("甲需求");
    expect(mail?.textBody).toContain("丙需求");
    expect(mail?.textBody).not.toContain("乙需求");

    const rows = await emailRows(ent.user.id);
    const byKey = Object.fromEntries(rows.map((r) => [r.eventKey, r]));
    expect(byKey["hk:digest:a"]).toMatchObject({ status: "sent", sentAt: DIGEST_AT, readAt: null });
    expect(byKey["hk:digest:c"]).toMatchObject({ status: "sent", sentAt: DIGEST_AT, readAt: null });
    // Settled, not mailed: no sent_at, and the moment it was read in the app.
    expect(byKey["hk:digest:b"]).toMatchObject({ status: "sent", sentAt: null, readAt });
  });

  it("sends nothing when everything waiting was read, and nothing on a rerun", async () => {
    const ent = await digestUser();
    await t.db.transaction(async (tx) => {
      await notify(tx, quoteEvent(ent.org.id, "hk:allread:a", "甲"));
      await notify(tx, quoteEvent(ent.org.id, "hk:allread:b", "乙"));
    });
    await markAllRead(t.db, { userId: ent.user.id, orgId: ent.org.id, now: NOW });
    await sendDigests(t.db, logDeps(), DIGEST_AT);
    await sendDigests(t.db, logDeps(), new Date(DIGEST_AT.getTime() + DAY));
    expect(await digestMail(ent.user.id, ent.org.id)).toBeUndefined();
    const rows = await emailRows(ent.user.id);
    expect(rows.map((r) => [r.status, r.sentAt, r.readAt])).toEqual([
      ["sent", null, NOW],
      ["sent", null, NOW],
    ]);
  });

  it("another member reading their own copy does not take the notice out of this user's digest", async () => {
    const ent = await digestUser();
    const [colleague] = await t.db
      .insert(users)
      .values({
        email: `hk-${Math.random().toString(36).slice(2)}@test.anfu`,
        passwordHash: await hashPassword("irrelevant-password-1"),
        name: "同事",
      })
      .returning();
    await t.db.insert(memberships).values({ userId: colleague!.id, orgId: ent.org.id, role: "member" });
    await t.db.transaction((tx) => notify(tx, quoteEvent(ent.org.id, "hk:colleague", "同事已读的需求")));
    await markAllRead(t.db, { userId: colleague!.id, orgId: ent.org.id, now: NOW });
    await sendDigests(t.db, logDeps(), DIGEST_AT);
    const mail = await digestMail(ent.user.id, ent.org.id);
    expect(mail?.subject).toBe("安服市集每日摘要：1 条通知");
    expect(mail?.textBody).toContain("同事已读的需求");
  });
});

/** A notification row of a given age, channel and state, written directly (the clock is passed). */
async function oldRow(
  who: { userId: string; orgId: string },
  key: string,
  p: { channel: "in_app" | "email"; ageDays: number; status: "sent" | "failed" | "pending" | "digest"; read?: boolean },
) {
  const createdAt = new Date(NOW.getTime() - p.ageDays * DAY);
  const [row] = await t.db
    .insert(notifications)
    .values({
      eventKey: key,
      type: "quote_received",
      channel: p.channel,
      recipientUserId: who.userId,
      recipientOrgId: who.orgId,
      subjectType: "quote",
      subjectId: null,
      createdAt,
      status: p.status,
      readAt: p.read ? new Date(createdAt.getTime() + DAY) : null,
      sentAt: p.status === "sent" ? createdAt : null,
    })
    .returning({ id: notifications.id });
  return row!.id;
}

async function mailLogRow(key: string, ageDays: number) {
  await t.db.insert(mailLog).values({
    idempotencyKey: key,
    toAddress: "someone@test.anfu",
    subject: "s",
    textBody: "t",
    htmlBody: "<p>t</p>",
    transport: "log",
    createdAt: new Date(NOW.getTime() - ageDays * DAY),
  });
}

// The retention rule: app/domain/notification-retention.ts (180 days read in-app, 90 days mail).
describe("prune-notifications", () => {
  it.each<[string, Parameters<typeof oldRow>[2], boolean]>([
    ["a read in-app notice of 181 days goes", { channel: "in_app", ageDays: 181, status: "sent", read: true }, true],
    ["a read in-app notice of 179 days stays", { channel: "in_app", ageDays: 179, status: "sent", read: true }, false],
    ["an unread in-app notice stays however old", { channel: "in_app", ageDays: 800, status: "sent" }, false],
    ["a sent mail row of 91 days goes", { channel: "email", ageDays: 91, status: "sent" }, true],
    ["a failed mail row of 91 days goes", { channel: "email", ageDays: 91, status: "failed" }, true],
    ["a sent mail row of 89 days stays", { channel: "email", ageDays: 89, status: "sent" }, false],
    ["a mail row still pending stays however old", { channel: "email", ageDays: 200, status: "pending" }, false],
    ["a mail row waiting for the digest stays", { channel: "email", ageDays: 200, status: "digest" }, false],
  ])("%s", async (_case, spec, goes) => {
    const ent = await makeEnterprise(t.db);
    const id = await oldRow({ userId: ent.user.id, orgId: ent.org.id }, `hk:prune:${Math.random()}`, spec);
    await pruneNotifications(t.db, NOW);
    const left = await t.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.id, id));
    expect(left.length === 0).toBe(goes);
  });

  it("deletes mail log entries older than 90 days and keeps the newer ones", async () => {
    await mailLogRow("hk:log:91", 91);
    await mailLogRow("hk:log:89", 89);
    await pruneNotifications(t.db, NOW);
    const left = await t.db
      .select({ key: mailLog.idempotencyKey })
      .from(mailLog)
      .where(like(mailLog.idempotencyKey, "hk:log:%"));
    expect(left.map((r) => r.key)).toEqual(["hk:log:89"]);
  });

  it("works through a backlog in batches, counts what it deleted, and a rerun deletes nothing", async () => {
    const ent = await makeEnterprise(t.db);
    const who = { userId: ent.user.id, orgId: ent.org.id };
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(
        await oldRow(who, `hk:batch:in:${i}`, { channel: "in_app", ageDays: 200 + i, status: "sent", read: true }),
      );
      ids.push(await oldRow(who, `hk:batch:mail:${i}`, { channel: "email", ageDays: 100 + i, status: "sent" }));
    }
    for (let i = 0; i < 5; i++) await mailLogRow(`hk:batch:log:${i}`, 120 + i);
    // Everything older than the cut-offs that earlier tests left behind goes too; count it first.
    const cut = retentionCutoffs(NOW);
    expect(cut.email.getTime()).toBe(NOW.getTime() - 90 * DAY);
    const first = await pruneNotifications(t.db, NOW, 3);
    expect(first.readInApp).toBeGreaterThanOrEqual(7);
    expect(first.email).toBeGreaterThanOrEqual(7);
    expect(first.mailLog).toBeGreaterThanOrEqual(5);
    expect(await t.db.select().from(notifications).where(inArray(notifications.id, ids))).toEqual([]);
    expect(await pruneNotifications(t.db, NOW, 3)).toEqual({ readInApp: 0, email: 0, mailLog: 0 });
  });

  it("runs daily from the job registry with the clock it is given", async () => {
    const job = findJob("prune-notifications")!;
    expect(job.cron).toBe("30 18 * * *");
    const ent = await makeEnterprise(t.db);
    const id = await oldRow({ userId: ent.user.id, orgId: ent.org.id }, "hk:job", {
      channel: "in_app",
      ageDays: 10,
      status: "sent",
      read: true,
    });
    const context = (now: Date) => ({ db: t.db, now, delivery: logDeps() });
    // 10 days old at NOW: kept; the same row seen 171 days later is 181 days old: gone.
    expect(await job.run(context(NOW))).toBe(0);
    expect(await job.run(context(new Date(NOW.getTime() + 171 * DAY)))).toBeGreaterThanOrEqual(1);
    expect(await t.db.select().from(notifications).where(eq(notifications.id, id))).toEqual([]);
  });
});
