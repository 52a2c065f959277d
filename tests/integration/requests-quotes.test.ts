import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, engagementEvents, engagements, organisations, quotes, serviceRequests } from "../../db/schema";
import { acceptQuote, compareQuotes, submitQuote, withdrawQuote } from "../../app/services/quotes.server";
import {
  createRequest,
  endRequest,
  getRequestForProvider,
  listOwnRequests,
  providerInbox,
} from "../../app/services/requests.server";
import { AppError } from "../../app/utils/errors";
import { makeEnterprise, makeProvider } from "../factories/marketplace";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const NOW = new Date("2026-05-20T09:00:00+08:00");

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, key: error.messageKey };
    throw error;
  }
  throw new Error("expected the call to be refused");
}

async function postNeed(
  enterprise: Awaited<ReturnType<typeof makeEnterprise>>,
  over: Partial<Parameters<typeof createRequest>[2]> = {},
) {
  return createRequest(
    t.db,
    enterprise.actor,
    {
      category: "consulting",
      title: "安全生产标准化咨询",
      description: "需要协助完成三级标准化创建",
      regionCode: "330702",
      budgetFen: 3_000_000,
      deadline: "2026-06-30",
      ...over,
    },
    NOW,
  );
}

describe("service requests and the provider inbox", () => {
  it("shows an open request to matching providers only, and drops it once they have quoted", async () => {
    const enterprise = await makeEnterprise(t.db);
    const matching = await makeProvider(t.db, { categories: ["consulting", "training"], servedRegions: ["330700"] });
    const otherCategory = await makeProvider(t.db, { categories: ["training"], servedRegions: ["330700"] });
    const otherRegion = await makeProvider(t.db, { categories: ["consulting"], servedRegions: ["330100"] });
    const request = await postNeed(enterprise);

    const inbox = await providerInbox(t.db, { providerId: matching.org.id, now: NOW });
    expect(inbox.rows.map((r) => r.id)).toContain(request.id);
    expect(
      (await providerInbox(t.db, { providerId: otherCategory.org.id, now: NOW })).rows.map((r) => r.id),
    ).not.toContain(request.id);
    expect(
      (await providerInbox(t.db, { providerId: otherRegion.org.id, now: NOW })).rows.map((r) => r.id),
    ).not.toContain(request.id);
    expect(
      await refusal(getRequestForProvider(t.db, { requestId: request.id, providerId: otherRegion.org.id, now: NOW })),
    ).toEqual({ status: 404, key: "not_found" });

    await submitQuote(
      t.db,
      matching.actor,
      { requestId: request.id, priceFen: 2_800_000, plan: "三个月内完成标准化创建" },
      NOW,
    );
    expect((await providerInbox(t.db, { providerId: matching.org.id, now: NOW })).rows.map((r) => r.id)).not.toContain(
      request.id,
    );
    const own = await getRequestForProvider(t.db, { requestId: request.id, providerId: matching.org.id, now: NOW });
    expect(own.ownQuotes).toHaveLength(1);

    const list = await listOwnRequests(t.db, { orgId: enterprise.org.id });
    expect(list.rows.find((r) => r.id === request.id)?.quoteCount).toBe(1);
  });

  it("hides requests past their quoting deadline and refuses quotes on them", async () => {
    const enterprise = await makeEnterprise(t.db);
    const provider = await makeProvider(t.db);
    const request = await postNeed(enterprise, { deadline: "2026-05-25" });
    const later = new Date("2026-05-26T09:00:00+08:00");
    expect(
      (await providerInbox(t.db, { providerId: provider.org.id, now: later })).rows.map((r) => r.id),
    ).not.toContain(request.id);
    expect(
      await refusal(submitQuote(t.db, provider.actor, { requestId: request.id, priceFen: 100, plan: "x" }, later)),
    ).toEqual({ status: 409, key: "engagement.deadline_passed" });
  });

  it("refuses a deadline already in the past", async () => {
    const enterprise = await makeEnterprise(t.db);
    expect(await refusal(postNeed(enterprise, { deadline: "2026-05-19" }))).toEqual({
      status: 400,
      key: "engagement.deadline_in_past",
    });
  });
});

describe("quoting rules", () => {
  it("allows one live quote per provider per request, and a new one after withdrawing", async () => {
    const enterprise = await makeEnterprise(t.db);
    const provider = await makeProvider(t.db);
    const request = await postNeed(enterprise);
    const first = await submitQuote(
      t.db,
      provider.actor,
      { requestId: request.id, priceFen: 1_000_000, plan: "方案一" },
      NOW,
    );
    expect(
      await refusal(
        submitQuote(t.db, provider.actor, { requestId: request.id, priceFen: 900_000, plan: "方案二" }, NOW),
      ),
    ).toEqual({ status: 409, key: "engagement.quote_exists" });
    await withdrawQuote(t.db, provider.actor, { now: NOW, quoteId: first.id });
    expect(await refusal(withdrawQuote(t.db, provider.actor, { now: NOW, quoteId: first.id }))).toEqual({
      status: 409,
      key: "engagement.quote_not_open",
    });
    const second = await submitQuote(
      t.db,
      provider.actor,
      { requestId: request.id, priceFen: 900_000, plan: "方案二" },
      NOW,
    );
    expect(second.status).toBe("submitted");
  });

  it("refuses a suspended provider", async () => {
    const enterprise = await makeEnterprise(t.db);
    const provider = await makeProvider(t.db);
    const request = await postNeed(enterprise);
    await t.db
      .update(organisations)
      .set({ suspendedAt: NOW, suspendedReason: "违规" })
      .where(eq(organisations.id, provider.org.id));
    expect(
      await refusal(submitQuote(t.db, provider.actor, { requestId: request.id, priceFen: 100, plan: "x" }, NOW)),
    ).toEqual({ status: 409, key: "engagement.provider_suspended" });
    expect(await t.db.select().from(quotes).where(eq(quotes.providerId, provider.org.id))).toHaveLength(0);
  });

  it("refuses work outside a qualification's scope (安全评价 without an assessment licence)", async () => {
    const enterprise = await makeEnterprise(t.db);
    const unlicensed = await makeProvider(t.db, {
      categories: ["assessment"],
      qualificationTypes: [["testing_inspection", ["testing"]]],
    });
    const licensed = await makeProvider(t.db, {
      categories: ["assessment"],
      qualificationTypes: [["safety_assessment", ["assessment"]]],
    });
    const request = await postNeed(enterprise, { category: "assessment", title: "安全现状评价" });
    expect(
      await refusal(submitQuote(t.db, unlicensed.actor, { requestId: request.id, priceFen: 100, plan: "x" }, NOW)),
    ).toEqual({ status: 409, key: "engagement.outside_qualification_scope" });
    await expect(
      submitQuote(t.db, licensed.actor, { requestId: request.id, priceFen: 100, plan: "x" }, NOW),
    ).resolves.toMatchObject({ status: "submitted" });
  });

  it("refuses custody to the provider that assessed the enterprise within three years (no referee-and-player)", async () => {
    const enterprise = await makeEnterprise(t.db);
    const assessor = await makeProvider(t.db, {
      categories: ["assessment", "custody"],
      qualificationTypes: [["safety_assessment", ["assessment"]]],
    });
    const assessment = await postNeed(enterprise, { category: "assessment", title: "安全现状评价" });
    const quote = await submitQuote(
      t.db,
      assessor.actor,
      { requestId: assessment.id, priceFen: 2_000_000, plan: "评价方案" },
      NOW,
    );
    const signed = await acceptQuote(t.db, enterprise.actor, { requestId: assessment.id, quoteId: quote.id, now: NOW });
    await t.db.update(engagements).set({ status: "accepted", acceptedAt: NOW }).where(eq(engagements.id, signed.id));

    const custody = await postNeed(enterprise, { category: "custody", title: "安全托管服务" });
    expect(
      await refusal(
        submitQuote(t.db, assessor.actor, { requestId: custody.id, priceFen: 5_000_000, plan: "托管方案" }, NOW),
      ),
    ).toEqual({ status: 409, key: "engagement.assessment_then_custody" });
    const threeYearsOn = new Date("2029-05-21T09:00:00+08:00");
    const custodyLater = await postNeed(enterprise, {
      category: "custody",
      title: "安全托管服务",
      deadline: undefined,
    });
    await expect(
      submitQuote(
        t.db,
        assessor.actor,
        { requestId: custodyLater.id, priceFen: 5_000_000, plan: "托管方案" },
        threeYearsOn,
      ),
    ).resolves.toMatchObject({ status: "submitted" });
  });
});

describe("comparing and picking", () => {
  it("compares quotes side by side, picks one, declines the others and awards the request in one go", async () => {
    const enterprise = await makeEnterprise(t.db);
    const cheap = await makeProvider(t.db, { name: "甲安全咨询有限公司" });
    const dear = await makeProvider(t.db, { name: "乙安全咨询有限公司" });
    const request = await postNeed(enterprise);
    const q1 = await submitQuote(
      t.db,
      dear.actor,
      { requestId: request.id, priceFen: 2_900_000, plan: "方案乙", durationDays: 60 },
      NOW,
    );
    const q2 = await submitQuote(
      t.db,
      cheap.actor,
      { requestId: request.id, priceFen: 2_500_000, plan: "方案甲", durationDays: 90 },
      NOW,
    );

    const compared = await compareQuotes(t.db, { requestId: request.id, orgId: enterprise.org.id, now: NOW });
    expect(compared.quotes.map((q) => q.id)).toEqual([q2.id, q1.id]);
    expect(compared.quotes[0]).toMatchObject({ providerName: "甲安全咨询有限公司", inScope: true, rating: null });

    const engagement = await acceptQuote(t.db, enterprise.actor, { requestId: request.id, quoteId: q1.id, now: NOW });
    expect(engagement).toMatchObject({
      status: "signed",
      providerId: dear.org.id,
      priceFen: 2_900_000,
      scope: "方案乙",
      deliveryForm: "enterprise_purchase",
      payer: "enterprise",
      endDate: "2026-07-19",
    });
    const events = await t.db
      .select()
      .from(engagementEvents)
      .where(eq(engagementEvents.engagementId, engagement.id))
      .orderBy(engagementEvents.at);
    expect(events.map((e) => [e.event, e.fromStatus, e.toStatus, e.actorOrgId])).toEqual([
      ["offer", null, "offer", dear.org.id],
      ["accept_offer", "offer", "signed", enterprise.org.id],
    ]);
    const statuses = await t.db
      .select({ id: quotes.id, status: quotes.status })
      .from(quotes)
      .where(eq(quotes.requestId, request.id));
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [q1.id]: "accepted",
      [q2.id]: "declined",
    });
    const [req] = await t.db.select().from(serviceRequests).where(eq(serviceRequests.id, request.id));
    expect(req.status).toBe("awarded");
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "engagement.signed"), eq(auditLog.subjectId, engagement.id)));
    expect(audit).toHaveLength(1);

    expect(
      await refusal(acceptQuote(t.db, enterprise.actor, { requestId: request.id, quoteId: q2.id, now: NOW })),
    ).toEqual({ status: 409, key: "engagement.request_not_open" });
  });

  it("declining every quote closes the request and declines them all", async () => {
    const enterprise = await makeEnterprise(t.db);
    const provider = await makeProvider(t.db);
    const request = await postNeed(enterprise);
    const quote = await submitQuote(t.db, provider.actor, { requestId: request.id, priceFen: 100, plan: "x" }, NOW);
    await endRequest(t.db, enterprise.actor, { requestId: request.id, outcome: "closed", now: NOW });
    const [q] = await t.db.select().from(quotes).where(eq(quotes.id, quote.id));
    expect(q.status).toBe("declined");
    expect(
      await refusal(endRequest(t.db, enterprise.actor, { now: NOW, requestId: request.id, outcome: "cancelled" })),
    ).toEqual({ status: 409, key: "engagement.request_not_open" });
    expect(await t.db.select().from(engagements).where(eq(engagements.requestId, request.id))).toHaveLength(0);
  });

  it("re-checks the provider when picked: a provider suspended since quoting cannot be signed", async () => {
    const enterprise = await makeEnterprise(t.db);
    const provider = await makeProvider(t.db);
    const request = await postNeed(enterprise);
    const quote = await submitQuote(t.db, provider.actor, { requestId: request.id, priceFen: 100, plan: "x" }, NOW);
    await t.db.update(organisations).set({ suspendedAt: NOW }).where(eq(organisations.id, provider.org.id));
    expect(
      await refusal(acceptQuote(t.db, enterprise.actor, { requestId: request.id, quoteId: quote.id, now: NOW })),
    ).toEqual({ status: 409, key: "engagement.provider_suspended_buyer" });
    const [req] = await t.db.select().from(serviceRequests).where(eq(serviceRequests.id, request.id));
    expect(req.status).toBe("open");
  });

  it("two simultaneous picks of different quotes on one request make exactly one engagement", async () => {
    const enterprise = await makeEnterprise(t.db);
    const a = await makeProvider(t.db);
    const b = await makeProvider(t.db);
    const request = await postNeed(enterprise);
    const qa = await submitQuote(t.db, a.actor, { requestId: request.id, priceFen: 100_000, plan: "A" }, NOW);
    const qb = await submitQuote(t.db, b.actor, { requestId: request.id, priceFen: 120_000, plan: "B" }, NOW);
    const results = await Promise.allSettled([
      acceptQuote(t.db, enterprise.actor, { requestId: request.id, quoteId: qa.id, now: NOW }),
      acceptQuote(t.db, enterprise.actor, { requestId: request.id, quoteId: qb.id, now: NOW }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect((rejected.reason as AppError).status).toBe(409);
    expect(await t.db.select().from(engagements).where(eq(engagements.requestId, request.id))).toHaveLength(1);
    const accepted = await t.db
      .select()
      .from(quotes)
      .where(and(eq(quotes.requestId, request.id), eq(quotes.status, "accepted")));
    expect(accepted).toHaveLength(1);
  });
});
