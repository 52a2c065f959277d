import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { mailLog, memberships, notificationPreferences, notifications, users } from "../../db/schema";
import { MAIL_MAX_ATTEMPTS } from "../../app/domain/notification-types";
import { notify } from "../../app/services/notify.server";
import { deliverPendingMail } from "../../app/services/mail-delivery.server";
import { sendDigests } from "../../app/services/mail-digest.server";
import { createMailTransport, type MailEnv } from "../../app/services/mail.server";
import { hashPassword } from "../../app/services/passwords.server";
import { makeEnterprise } from "../factories/marketplace";
import { startSmtpServer } from "../factories/smtp";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mailEnv: MailEnv;
const NOW = new Date("2026-05-20T09:00:00+08:00");

beforeAll(async () => {
  t = await createTestDb();
  smtp = await startSmtpServer();
  mailEnv = { smtpUrl: smtp.url, mailFrom: "安服市集 <noreply@anfu.test>", appOrigin: "http://anfu.test" };
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const smtpDeps = () => ({ mailEnv, transport: createMailTransport(mailEnv) });
const quoteEvent = (orgId: string, key: string) => ({
  type: "quote_received" as const,
  key,
  orgId,
  subjectId: "00000000-0000-4000-8000-000000000001",
  params: { requestTitle: "安全生产标准化咨询", providerName: "金华安评有限公司" },
  now: NOW,
});

async function rowsFor(key: string) {
  return t.db.select().from(notifications).where(eq(notifications.eventKey, key));
}

async function addMember(orgId: string, role: "admin" | "member") {
  const [user] = await t.db
    .insert(users)
    .values({
      email: `m${Math.random().toString(36).slice(2)}@test.anfu`,
      name: "成员",
      passwordHash: await hashPassword("x".repeat(12)),
    })
    .returning();
  await t.db.insert(memberships).values({ userId: user.id, orgId, role });
  return user;
}

describe("the transactional outbox", () => {
  it("writes one in-app row per member and one mail row per member who wants mail, once per event", async () => {
    const ent = await makeEnterprise(t.db);
    const second = await addMember(ent.org.id, "member");
    await t.db.insert(notificationPreferences).values({ userId: second.id, type: "quote_received", mode: "in_app" });
    await t.db.transaction((tx) => notify(tx, quoteEvent(ent.org.id, "quote_received:a")));
    // The same event again (a retried job, a double submit) adds nothing.
    const again = await t.db.transaction((tx) => notify(tx, quoteEvent(ent.org.id, "quote_received:a")));
    expect(again).toBe(0);
    const rows = await rowsFor("quote_received:a");
    expect(
      rows
        .filter((r) => r.channel === "in_app")
        .map((r) => r.recipientUserId)
        .sort(),
    ).toEqual([ent.user.id, second.id].sort());
    const mails = rows.filter((r) => r.channel === "email");
    expect(mails.map((r) => [r.recipientUserId, r.status])).toEqual([[ent.user.id, "pending"]]);
  });

  it("notifies only the given roles when roles are named", async () => {
    const ent = await makeEnterprise(t.db);
    await addMember(ent.org.id, "member");
    await t.db.transaction((tx) => notify(tx, { ...quoteEvent(ent.org.id, "quote_received:roles"), roles: ["owner"] }));
    const rows = await rowsFor("quote_received:roles");
    expect(new Set(rows.map((r) => r.recipientUserId))).toEqual(new Set([ent.user.id]));
  });

  it("leaves no notification when the change's transaction rolls back", async () => {
    const ent = await makeEnterprise(t.db);
    await expect(
      t.db.transaction(async (tx) => {
        await notify(tx, quoteEvent(ent.org.id, "quote_received:rolled-back"));
        throw new Error("the change failed after notifying");
      }),
    ).rejects.toThrow("the change failed");
    expect(await rowsFor("quote_received:rolled-back")).toEqual([]);
  });
});

describe("mail delivery over SMTP", () => {
  it("sends the mail in Chinese to the recipient once, however often the relay runs", async () => {
    const ent = await makeEnterprise(t.db);
    await t.db.transaction((tx) => notify(tx, quoteEvent(ent.org.id, "quote_received:smtp")));
    const before = smtp.received.length;
    await deliverPendingMail(t.db, smtpDeps(), NOW);
    await deliverPendingMail(t.db, smtpDeps(), NOW);
    const got = smtp.received.slice(before).filter((m) => m.to.includes(ent.user.email));
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toBe("“安全生产标准化咨询”收到新报价");
    expect(got[0]!.text).toContain("您的需求“安全生产标准化咨询”收到一份新报价");
    expect(got[0]!.html).toContain("http://anfu.test/requests/00000000-0000-4000-8000-000000000001");
    const [row] = (await rowsFor("quote_received:smtp")).filter((r) => r.channel === "email");
    expect(row!.status).toBe("sent");
    const logged = await t.db
      .select()
      .from(mailLog)
      .where(eq(mailLog.idempotencyKey, `notification:${row!.id}`));
    expect(logged.map((l) => l.transport)).toEqual(["smtp"]);
  });

  it("keeps the in-app notice when SMTP is down, retries with backoff and marks the mail failed after the last try", async () => {
    const ent = await makeEnterprise(t.db);
    await t.db.transaction((tx) => notify(tx, quoteEvent(ent.org.id, "quote_received:down")));
    smtp.state.refuse = true;
    try {
      let at = NOW;
      for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
        expect(await deliverPendingMail(t.db, smtpDeps(), at)).toBe(0);
        const [mail] = (await rowsFor("quote_received:down")).filter((r) => r.channel === "email");
        expect(mail!.attempts).toBe(attempt);
        if (attempt < MAIL_MAX_ATTEMPTS) {
          expect(mail!.status).toBe("pending");
          expect(mail!.nextAttemptAt!.getTime()).toBeGreaterThan(at.getTime());
          // Not due yet: a run before the backoff ends does not try again.
          await deliverPendingMail(t.db, smtpDeps(), at);
          expect((await rowsFor("quote_received:down")).find((r) => r.channel === "email")!.attempts).toBe(attempt);
          at = mail!.nextAttemptAt!;
        } else {
          expect(mail!.status).toBe("failed");
          expect(mail!.lastError).toMatch(/try again later/);
        }
      }
    } finally {
      smtp.state.refuse = false;
    }
    const inApp = (await rowsFor("quote_received:down")).filter((r) => r.channel === "in_app");
    expect(inApp).toHaveLength(1);
  });

  it("a worker killed mid-job: the row is sent by the next run after its lease, once", async () => {
    const ent = await makeEnterprise(t.db);
    await t.db.transaction((tx) => notify(tx, quoteEvent(ent.org.id, "quote_received:killed")));
    const [row] = (await rowsFor("quote_received:killed")).filter((r) => r.channel === "email");
    // What a worker leaves behind when killed between claiming and sending: a leased row.
    await t.db
      .update(notifications)
      .set({ attempts: 1, nextAttemptAt: new Date(NOW.getTime() + 5 * 60_000) })
      .where(eq(notifications.id, row!.id));
    const before = smtp.received.length;
    await deliverPendingMail(t.db, smtpDeps(), NOW);
    expect(smtp.received.length - before).toBe(0);
    await deliverPendingMail(t.db, smtpDeps(), new Date(NOW.getTime() + 6 * 60_000));
    await deliverPendingMail(t.db, smtpDeps(), new Date(NOW.getTime() + 12 * 60_000));
    expect(smtp.received.slice(before).filter((m) => m.to.includes(ent.user.email))).toHaveLength(1);
  });

  it("a worker killed after recording the send but before marking the row: nothing is sent again", async () => {
    const ent = await makeEnterprise(t.db);
    await t.db.transaction((tx) => notify(tx, quoteEvent(ent.org.id, "quote_received:recorded")));
    const [row] = (await rowsFor("quote_received:recorded")).filter((r) => r.channel === "email");
    await t.db.insert(mailLog).values({
      idempotencyKey: `notification:${row!.id}`,
      toAddress: ent.user.email,
      subject: "s",
      textBody: "t",
      htmlBody: "h",
      transport: "smtp",
    });
    const before = smtp.received.length;
    await deliverPendingMail(t.db, smtpDeps(), NOW);
    expect(smtp.received.length - before).toBe(0);
    const [after] = (await rowsFor("quote_received:recorded")).filter((r) => r.channel === "email");
    expect(after!.status).toBe("sent");
  });

  it("keeps mails in the mail log when no SMTP_URL is set", async () => {
    const ent = await makeEnterprise(t.db);
    await t.db.transaction((tx) => notify(tx, quoteEvent(ent.org.id, "quote_received:log")));
    const logEnv = { ...mailEnv, smtpUrl: undefined };
    await deliverPendingMail(t.db, { mailEnv: logEnv, transport: createMailTransport(logEnv) }, NOW);
    const logged = await t.db.select().from(mailLog).where(eq(mailLog.toAddress, ent.user.email));
    expect(logged.map((l) => [l.transport, l.subject])).toEqual([["log", "“安全生产标准化咨询”收到新报价"]]);
  });

  it("sends 100 mails exactly once with two relays running at the same time", async () => {
    const ent = await makeEnterprise(t.db);
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < 100; i++) await notify(tx, quoteEvent(ent.org.id, `quote_received:bulk:${i}`));
    });
    const before = smtp.received.length;
    const [a, b] = await Promise.all([
      deliverPendingMail(t.db, smtpDeps(), NOW, 200),
      deliverPendingMail(t.db, smtpDeps(), NOW, 200),
    ]);
    expect(a + b).toBe(100);
    const got = smtp.received.slice(before).filter((m) => m.to.includes(ent.user.email));
    expect(got).toHaveLength(100);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(100);
  });

  it("gathers digest rows into one mail per user and day", async () => {
    const ent = await makeEnterprise(t.db);
    await t.db.insert(notificationPreferences).values({ userId: ent.user.id, type: "quote_received", mode: "digest" });
    await t.db.transaction(async (tx) => {
      await notify(tx, quoteEvent(ent.org.id, "quote_received:digest:1"));
      await notify(tx, quoteEvent(ent.org.id, "quote_received:digest:2"));
    });
    expect(await deliverPendingMail(t.db, smtpDeps(), NOW)).toBe(0);
    const before = smtp.received.length;
    await sendDigests(t.db, smtpDeps(), NOW);
    await sendDigests(t.db, smtpDeps(), NOW);
    const got = smtp.received.slice(before).filter((m) => m.to.includes(ent.user.email));
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toBe("安服市集每日摘要：2 条通知");
    const rows = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientUserId, ent.user.id), eq(notifications.channel, "email")));
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
  });
});
