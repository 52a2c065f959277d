// The marketplace's events reach the right organisations, and the inbox, its links and the API
// show each user only their own notifications, re-checking visibility when one is opened.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { notifications, serviceRequests } from "../../db/schema";
import { action as inboxAction, loader as inboxLoader } from "../../app/routes/notifications/index";
import { loader as openLoader } from "../../app/routes/notifications/open";
import { loader as apiLoader } from "../../app/routes/api/notifications";
import { loader as mailLoader } from "../../app/routes/admin/mail";
import { deliverPendingMail } from "../../app/services/mail-delivery.server";
import { createMailTransport } from "../../app/services/mail.server";
import { createOrgWithOwner } from "../factories/accounts";
import { action as settingsAction } from "../../app/routes/settings/notifications";
import { createApiToken } from "../../app/services/api-tokens.server";
import { NOTIFICATION_TYPE_NAMES } from "../../app/domain/notification-types";
import { getPreferences } from "../../app/services/notifications.server";
import { applyTransition } from "../../app/services/engagements.server";
import { postMessage } from "../../app/services/messages.server";
import { acceptQuote, submitQuote } from "../../app/services/quotes.server";
import { createRequest } from "../../app/services/requests.server";
import { createSession } from "../../app/services/sessions.server";
import { loadEnv } from "../../app/utils/env.server";
import { makeEnterprise, makeProvider } from "../factories/marketplace";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
const env = loadEnv({ NODE_ENV: "test" });
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const NOW = new Date("2026-05-20T09:00:00+08:00");
type Who = { user: { id: string }; org: { id: string } };

async function call(
  fn: (args: never) => unknown,
  who: Who,
  url: string,
  params: Record<string, string> = {},
  form?: Record<string, string>,
) {
  const { token } = await createSession(t.db, { userId: who.user.id, activeOrgId: who.org.id, now: new Date() });
  const headers = { Cookie: `anfu_session=${token}` };
  const request = form
    ? new Request(`http://localhost${url}`, { method: "POST", headers, body: new URLSearchParams(form) })
    : new Request(`http://localhost${url}`, { headers });
  const settle = (value: unknown) => {
    if (value instanceof Response)
      return { status: value.status, body: null as unknown, location: value.headers.get("location") };
    const v = value as { type?: string; data?: unknown; init?: { status?: number } };
    if (v && v.type === "DataWithResponseInit") return { status: v.init?.status ?? 200, body: v.data, location: null };
    return { status: 200, body: value, location: null };
  };
  try {
    return settle(
      await fn({ request, params, context: { db: t.db, env, cspNonce: "", clientIp: "127.0.0.1" } } as never),
    );
  } catch (thrown) {
    return settle(thrown);
  }
}

async function market() {
  const enterprise = await makeEnterprise(t.db);
  const chosen = await makeProvider(t.db, { categories: ["consulting"] });
  const other = await makeProvider(t.db, { categories: ["consulting"] });
  const request = await createRequest(
    t.db,
    enterprise.actor,
    {
      category: "consulting",
      title: "安全生产标准化咨询",
      description: "需要协助完成三级标准化创建",
      regionCode: "330702",
      budgetFen: 3_000_000,
      deadline: "2026-06-30",
    },
    NOW,
  );
  return { enterprise, chosen, other, request };
}

const inApp = (orgId: string, type: string) =>
  t.db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.recipientOrgId, orgId), eq(notifications.type, type), eq(notifications.channel, "in_app")),
    );

describe("marketplace events", () => {
  it("tells matched providers of a request, the enterprise of each quote, and each provider of the decision", async () => {
    const { enterprise, chosen, other, request } = await market();
    expect(await inApp(chosen.org.id, "request_matched")).toHaveLength(1);
    expect(await inApp(other.org.id, "request_matched")).toHaveLength(1);
    expect(await inApp(enterprise.org.id, "request_matched")).toHaveLength(0);
    const q1 = await submitQuote(
      t.db,
      chosen.actor,
      { requestId: request.id, priceFen: 2_000_000, plan: "三个月完成" },
      NOW,
    );
    await submitQuote(t.db, other.actor, { requestId: request.id, priceFen: 2_500_000, plan: "两个月完成" }, NOW);
    const quoted = await inApp(enterprise.org.id, "quote_received");
    expect(quoted.map((n) => [n.subjectId, n.params.requestTitle])).toEqual([
      [request.id, "安全生产标准化咨询"],
      [request.id, "安全生产标准化咨询"],
    ]);
    const engagement = await acceptQuote(t.db, enterprise.actor, { requestId: request.id, quoteId: q1.id, now: NOW });
    expect((await inApp(chosen.org.id, "quote_accepted")).map((n) => n.subjectId)).toEqual([engagement.id]);
    expect((await inApp(other.org.id, "quote_not_chosen")).map((n) => n.subjectId)).toEqual([request.id]);
    expect(await inApp(chosen.org.id, "quote_not_chosen")).toHaveLength(0);

    // A transition tells the other side only.
    await applyTransition(t.db, chosen.actor, { engagementId: engagement.id, event: "start", now: NOW });
    expect(
      (await inApp(enterprise.org.id, "engagement_transition")).map((n) => [n.subjectId, n.params.toStatus]),
    ).toEqual([[engagement.id, "in_service"]]);
    expect(await inApp(chosen.org.id, "engagement_transition")).toHaveLength(0);

    // Messages: at most one notice per thread and recipient in ten minutes, none to the sender.
    await postMessage(t.db, enterprise.actor, { engagementId: engagement.id, body: "您好", now: NOW });
    await postMessage(t.db, enterprise.actor, {
      engagementId: engagement.id,
      body: "请尽快开始",
      now: new Date(NOW.getTime() + 60_000),
    });
    expect(await inApp(chosen.org.id, "message_received")).toHaveLength(1);
    expect(await inApp(enterprise.org.id, "message_received")).toHaveLength(0);
    await postMessage(t.db, enterprise.actor, {
      engagementId: engagement.id,
      body: "还在吗",
      now: new Date(NOW.getTime() + 11 * 60_000),
    });
    expect(await inApp(chosen.org.id, "message_received")).toHaveLength(2);
  });
});

describe("the inbox", () => {
  it("lists the user's own notifications newest first, counts unread and marks read", async () => {
    const { enterprise, chosen, request } = await market();
    await submitQuote(t.db, chosen.actor, { requestId: request.id, priceFen: 2_000_000, plan: "三个月完成" }, NOW);
    const page = await call(inboxLoader, enterprise, "/notifications");
    const body = page.body as { rows: { id: string; type: string; read: boolean }[]; unread: number };
    expect(body.rows.map((r) => [r.type, r.read])).toEqual([["quote_received", false]]);
    expect(body.unread).toBe(1);
    // Someone else's notification id changes nothing.
    await call(inboxAction, chosen, "/notifications", {}, { intent: "read", id: body.rows[0]!.id });
    expect(((await call(inboxLoader, enterprise, "/notifications")).body as { unread: number }).unread).toBe(1);
    await call(inboxAction, enterprise, "/notifications", {}, { intent: "read-all" });
    expect(((await call(inboxLoader, enterprise, "/notifications")).body as { unread: number }).unread).toBe(0);
  });

  it("opens the object when it is still visible, says unavailable when it is gone, 404 for another's", async () => {
    const { enterprise, chosen, request } = await market();
    await submitQuote(t.db, chosen.actor, { requestId: request.id, priceFen: 2_000_000, plan: "三个月完成" }, NOW);
    const [n] = await inApp(enterprise.org.id, "quote_received");
    expect(await call(openLoader, enterprise, `/notifications/${n!.id}`, { notificationId: n!.id })).toMatchObject({
      status: 302,
      location: `/requests/${request.id}`,
    });
    expect((await call(openLoader, chosen, `/notifications/${n!.id}`, { notificationId: n!.id })).status).toBe(404);
    expect(
      (await call(openLoader, enterprise, "/notifications/not-a-uuid", { notificationId: "not-a-uuid" })).status,
    ).toBe(404);
    // The request is no longer the enterprise's (as if moved away): the link must not follow it.
    await t.db.update(serviceRequests).set({ enterpriseId: chosen.org.id }).where(eq(serviceRequests.id, request.id));
    const gone = await call(openLoader, enterprise, `/notifications/${n!.id}`, { notificationId: n!.id });
    expect(gone.status).toBe(410);
    expect(JSON.stringify(gone.body)).not.toContain("安全生产标准化咨询");
  });

  it("refuses a bad preference with a 400 and saves good ones", async () => {
    const { enterprise } = await market();
    const bad = await call(
      settingsAction,
      enterprise,
      "/settings/notifications",
      {},
      { locale: "fr", "mode.quote_received": "email" },
    );
    expect(bad.status).toBe(400);
    const modes = Object.fromEntries(NOTIFICATION_TYPE_NAMES.map((type) => [`mode.${type}`, "in_app"]));
    const good = await call(
      settingsAction,
      enterprise,
      "/settings/notifications",
      {},
      { locale: "en", ...modes, "mode.quote_received": "digest" },
    );
    expect(good.body).toMatchObject({ saved: true });
    const prefs = await getPreferences(t.db, enterprise.user.id);
    expect([prefs.locale, prefs.modes.quote_received, prefs.modes.request_matched]).toEqual(["en", "digest", "in_app"]);
  });
});

describe("the admin's mail log", () => {
  it("shows the platform admin mails kept without SMTP and refuses everyone else", async () => {
    const { enterprise, chosen, request } = await market();
    await submitQuote(t.db, chosen.actor, { requestId: request.id, priceFen: 2_000_000, plan: "三个月完成" }, NOW);
    const mailEnv = { mailFrom: "安服市集 <noreply@anfu.test>", appOrigin: "http://anfu.test" };
    await deliverPendingMail(t.db, { mailEnv, transport: createMailTransport(mailEnv) }, NOW);
    const admin = await createOrgWithOwner(t.db, { kind: "platform", regionCode: "330000" });
    const page = await call(mailLoader, admin, "/admin/mail");
    const rows = (page.body as { rows: { to: string; subject: string; transport: string }[] }).rows;
    expect(rows.filter((r) => r.to === enterprise.user.email).map((r) => [r.subject, r.transport])).toEqual([
      ["“安全生产标准化咨询”收到新报价", "log"],
    ]);
    expect((await call(mailLoader, enterprise, "/admin/mail")).status).toBe(403);
  });
});

describe("GET /api/v1/notifications", () => {
  it("lists the token's organisation's events once each, and 401 without a token", async () => {
    const { enterprise, chosen, request } = await market();
    await submitQuote(t.db, chosen.actor, { requestId: request.id, priceFen: 2_000_000, plan: "三个月完成" }, NOW);
    const { secret } = await createApiToken(
      t.db,
      { userId: enterprise.user.id, orgId: enterprise.org.id, ip: "127.0.0.1" },
      "ERP",
    );
    const ok = (await apiLoader({
      request: new Request("http://localhost/api/v1/notifications", { headers: { Authorization: `Bearer ${secret}` } }),
      params: {},
      context: { db: t.db, env },
    } as never)) as Response;
    expect(ok.status).toBe(200);
    const json = (await ok.json()) as { notifications: { type: string; subject: { id: string } }[] };
    expect(json.notifications.map((n) => [n.type, n.subject.id])).toEqual([["quote_received", request.id]]);
    const bad = (await apiLoader({
      request: new Request("http://localhost/api/v1/notifications?before=yesterday", {
        headers: { Authorization: `Bearer ${secret}` },
      }),
      params: {},
      context: { db: t.db, env },
    } as never)) as Response;
    expect(bad.status).toBe(400);
    const anon = await apiLoader({
      request: new Request("http://localhost/api/v1/notifications"),
      params: {},
      context: { db: t.db, env },
    } as never).catch((r: Response) => r);
    expect((anon as Response).status).toBe(401);
  });
});
