// The routes around requests and engagements, called as Remix calls them: refusals come back as
// 4xx with a message key (never a 500), and an outsider gets the 404 of a missing page.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { engagementEvents, engagements } from "../../db/schema";
import { resources } from "../../app/i18n/resources";
import { action as engagementAction, loader as engagementLoader } from "../../app/routes/engagements/detail";
import { loader as engagementListLoader } from "../../app/routes/engagements/index";
import { action as offerAction, loader as offerLoader } from "../../app/routes/engagements/new";
import { action as quoteAction } from "../../app/routes/provider-inbox/request";
import { action as requestAction, loader as requestLoader } from "../../app/routes/requests/detail";
import { applyTransition } from "../../app/services/engagements.server";
import { acceptQuote, submitQuote } from "../../app/services/quotes.server";
import { createRequest } from "../../app/services/requests.server";
import { createSession } from "../../app/services/sessions.server";
import { loadEnv } from "../../app/utils/env.server";
import { makeEnterprise, makeProvider } from "../factories/marketplace";
import { addListing, addQualification } from "../factories/search";
import { createTestDb, type TestDb } from "../setup/test-db";

/** The use cases' clock in this file: fixed, never the wall clock. */
const NOW = new Date("2026-06-01T09:00:00+08:00");
let t: TestDb;
let uploadDir: string;
let env: ReturnType<typeof loadEnv>;
beforeAll(async () => {
  t = await createTestDb();
  uploadDir = await mkdtemp(path.join(tmpdir(), "anfu-engagement-routes-"));
  env = loadEnv({ NODE_ENV: "test", UPLOAD_DIR: uploadDir });
});
afterAll(async () => {
  await t.close();
  await rm(uploadDir, { recursive: true, force: true });
});

type Who = { user: { id: string }; org: { id: string } };
type Outcome = { status: number; body: unknown; location?: string | null };

/** Runs a loader or action and reports what the browser would get: status, data, redirect. */
async function call(
  fn: (args: never) => unknown,
  who: Who,
  url: string,
  params: Record<string, string>,
  form?: Record<string, string>,
): Promise<Outcome> {
  const { token } = await createSession(t.db, { userId: who.user.id, activeOrgId: who.org.id, now: new Date() });
  const headers: Record<string, string> = { Cookie: `anfu_session=${token}` };
  const request = form
    ? new Request(`http://localhost${url}`, { method: "POST", headers, body: new URLSearchParams(form) })
    : new Request(`http://localhost${url}`, { headers });
  const settle = (value: unknown): Outcome => {
    if (value instanceof Response) return { status: value.status, body: null, location: value.headers.get("location") };
    const v = value as { type?: string; data?: unknown; init?: { status?: number } };
    if (v && v.type === "DataWithResponseInit") return { status: v.init?.status ?? 200, body: v.data };
    return { status: 200, body: value };
  };
  try {
    return settle(
      await fn({ request, params, context: { db: t.db, env, cspNonce: "", clientIp: "127.0.0.1" } } as never),
    );
  } catch (thrown) {
    return settle(thrown);
  }
}

async function setup() {
  const enterprise = await makeEnterprise(t.db);
  const provider = await makeProvider(t.db, {
    categories: ["assessment", "custody"],
    qualificationTypes: [["safety_assessment", ["assessment"]]],
  });
  const request = await createRequest(
    t.db,
    enterprise.actor,
    { category: "assessment", title: "安全现状评价", description: "d", regionCode: "330702" },
    NOW,
  );
  const quote = await submitQuote(
    t.db,
    provider.actor,
    { requestId: request.id, priceFen: 2_000_000, plan: "评价方案" },
    NOW,
  );
  return { enterprise, provider, request, quote };
}

describe("request and engagement routes", () => {
  it("the enterprise picks a quote on its request page and lands on the signed engagement", async () => {
    const { enterprise, request, quote } = await setup();
    const page = await call(requestLoader, enterprise, `/requests/${request.id}`, { requestId: request.id });
    expect(page.status).toBe(200);
    const picked = await call(
      requestAction,
      enterprise,
      `/requests/${request.id}`,
      { requestId: request.id },
      { intent: "pick", quoteId: quote.id },
    );
    expect(picked.status).toBe(302);
    const [engagement] = await t.db.select().from(engagements).where(eq(engagements.requestId, request.id));
    expect(picked.location).toBe(`/engagements/${engagement!.id}`);
    const view = await call(engagementLoader, enterprise, picked.location!, { engagementId: engagement!.id });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      engagement: { status: "signed" },
      viewerRole: "enterprise",
      actions: ["cancel"],
    });
  });

  it("an outsider gets 404 on the request page, the engagement page and the engagement's actions", async () => {
    const { enterprise, provider, request, quote } = await setup();
    const engagement = await acceptQuote(t.db, enterprise.actor, {
      now: NOW,
      requestId: request.id,
      quoteId: quote.id,
    });
    const outsider = await makeEnterprise(t.db);
    expect((await call(requestLoader, outsider, `/requests/${request.id}`, { requestId: request.id })).status).toBe(
      404,
    );
    expect(
      (await call(requestAction, outsider, `/requests/${request.id}`, { requestId: request.id }, { intent: "cancel" }))
        .status,
    ).toBe(404);
    expect(
      (await call(engagementLoader, outsider, `/engagements/${engagement.id}`, { engagementId: engagement.id })).status,
    ).toBe(404);
    const acted = await call(
      engagementAction,
      outsider,
      `/engagements/${engagement.id}`,
      { engagementId: engagement.id },
      { intent: "transition", event: "cancel", reason: "x", version: "1" },
    );
    expect(acted.status).toBe(404);
    const wrote = await call(
      engagementAction,
      outsider,
      `/engagements/${engagement.id}`,
      { engagementId: engagement.id },
      { intent: "message", body: "你好" },
    );
    expect(wrote.status).toBe(404);
    const list = await call(engagementListLoader, outsider, "/engagements", {});
    expect((list.body as { result: { total: number } }).result.total).toBe(0);
    // The provider party, by contrast, sees it.
    expect(
      (await call(engagementLoader, provider, `/engagements/${engagement.id}`, { engagementId: engagement.id })).status,
    ).toBe(200);
    expect(
      (await call(engagementLoader, outsider, "/engagements/not-a-uuid", { engagementId: "not-a-uuid" })).status,
    ).toBe(404);
  });

  it("an illegal transition from the page is a 409 with its message key, for that form only", async () => {
    const { enterprise, request, quote } = await setup();
    const engagement = await acceptQuote(t.db, enterprise.actor, {
      now: NOW,
      requestId: request.id,
      quoteId: quote.id,
    });
    const before = await t.db.select().from(engagementEvents).where(eq(engagementEvents.engagementId, engagement.id));
    const result = await call(
      engagementAction,
      enterprise,
      `/engagements/${engagement.id}`,
      { engagementId: engagement.id },
      { intent: "transition", event: "start", version: String(engagement.version) },
    );
    expect(result).toMatchObject({
      status: 409,
      body: { intent: "transition:start", problem: { formError: { key: "engagement.actor_not_allowed" } } },
    });
    const bogus = await call(
      engagementAction,
      enterprise,
      `/engagements/${engagement.id}`,
      { engagementId: engagement.id },
      { intent: "transition", event: "explode", version: "1" },
    );
    expect(bogus.status).toBe(400);
    const noReason = await call(
      engagementAction,
      enterprise,
      `/engagements/${engagement.id}`,
      { engagementId: engagement.id },
      { intent: "transition", event: "cancel", reason: "", version: String(engagement.version) },
    );
    expect(noReason).toMatchObject({
      status: 400,
      body: { problem: { formError: { key: "engagement.reason_required" } } },
    });
    expect(
      await t.db.select().from(engagementEvents).where(eq(engagementEvents.engagementId, engagement.id)),
    ).toHaveLength(before.length);
  });

  it("refuses the assessor's custody quote with the referee-and-player message", async () => {
    const { enterprise, provider, request, quote } = await setup();
    const engagement = await acceptQuote(t.db, enterprise.actor, {
      now: NOW,
      requestId: request.id,
      quoteId: quote.id,
    });
    await t.db
      .update(engagements)
      .set({ status: "accepted", acceptedAt: new Date() })
      .where(eq(engagements.id, engagement.id));
    const custody = await createRequest(
      t.db,
      enterprise.actor,
      { category: "custody", title: "安全托管", description: "d", regionCode: "330702" },
      NOW,
    );
    const refused = await call(
      quoteAction,
      provider,
      `/provider/inbox/${custody.id}`,
      { requestId: custody.id },
      { price: "50000", plan: "托管方案" },
    );
    expect(refused).toMatchObject({ status: 409, body: { formError: { key: "engagement.assessment_then_custody" } } });
    const zh = (resources["zh-CN"].errors as unknown as { engagement: Record<string, string> }).engagement
      .assessment_then_custody;
    expect(zh).toBe("贵机构近三年内为该企业做过安全评价，按“不得既当裁判员又当运动员”的规定，不能承接其安全托管服务。");
  });

  it("a counter-offer with bad money is refused beside its field", async () => {
    const { enterprise, provider, request, quote } = await setup();
    const engagement = await acceptQuote(t.db, enterprise.actor, {
      now: NOW,
      requestId: request.id,
      quoteId: quote.id,
    });
    await applyTransition(t.db, provider.actor, { now: NOW, engagementId: engagement.id, event: "start" });
    const result = await call(
      engagementAction,
      enterprise,
      `/engagements/${engagement.id}`,
      { engagementId: engagement.id },
      { intent: "counter", price: "12.345", scope: "x", version: "2" },
    );
    expect(result).toMatchObject({
      status: 400,
      body: { intent: "counter", problem: { fieldErrors: { price: "engagement.amount_invalid" } } },
    });
  });

  it("a listing hidden by an expired licence is a 404 on the offer form and cannot be offered on", async () => {
    const enterprise = await makeEnterprise(t.db);
    const provider = await makeProvider(t.db, { categories: ["assessment"] });
    await addQualification(t.db, provider.org.id, {
      type: "safety_assessment",
      validFrom: "2020-01-01",
      validTo: "2021-12-31",
      scopeCategories: ["assessment"],
    });
    const hidden = await addListing(t.db, provider.org.id, {
      title: "隐藏的安全评价",
      category: "assessment",
      requiredQualificationType: "safety_assessment",
    });
    const url = `/engagements/new?listingId=${hidden.id}`;
    const page = await call(offerLoader, enterprise, url, {});
    expect(page.status).toBe(404);
    expect(JSON.stringify(page.body ?? null)).not.toContain("隐藏的安全评价");
    const offered = await call(
      offerAction,
      enterprise,
      url,
      {},
      { listingId: hidden.id, title: "t", scope: "s", price: "100" },
    );
    expect(offered.status).toBe(404);
    expect(await t.db.select().from(engagements).where(eq(engagements.providerId, provider.org.id))).toHaveLength(0);
    // The same provider's listing that needs no licence is offered on as before.
    const open = await addListing(t.db, provider.org.id, { title: "安全咨询", category: "assessment" });
    expect((await call(offerLoader, enterprise, `/engagements/new?listingId=${open.id}`, {})).status).toBe(200);
  });
});
