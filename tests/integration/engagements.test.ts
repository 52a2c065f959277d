// The engagement state machine against the database: each transition writes its status and
// its event row (actor, time, reason) together; a refused one writes nothing and is a 409.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { auditLog, engagementEvents, engagements, providerProfiles, serviceListings } from "../../db/schema";
import { addReport, recordActivity } from "../../app/services/deliverables.server";
import { runAutoAcceptance } from "../../app/services/engagement-auto-accept.server";
import { createDirectOffer } from "../../app/services/engagement-offers.server";
import { applyTransition, getEngagement, listEngagements } from "../../app/services/engagements.server";
import { acceptQuote, submitQuote } from "../../app/services/quotes.server";
import { createRequest } from "../../app/services/requests.server";
import { loadEnv } from "../../app/utils/env.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner } from "../factories/accounts";
import { fileOf, pdfBytes } from "../factories/files";
import { actorOf, makeEnterprise, makeProvider } from "../factories/marketplace";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let uploadDir: string;
let env: ReturnType<typeof loadEnv>;
beforeAll(async () => {
  t = await createTestDb();
  uploadDir = await mkdtemp(path.join(tmpdir(), "anfu-engagements-"));
  env = loadEnv({ NODE_ENV: "test", UPLOAD_DIR: uploadDir });
});
afterAll(async () => {
  await t.close();
  await rm(uploadDir, { recursive: true, force: true });
});

const T0 = new Date("2026-05-20T09:00:00+08:00");
const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error ?? new Error("expected the call to be refused");
  return { status: error.status, key: error.messageKey };
}

/** An enterprise, a provider and a signed engagement between them, the way the app makes one. */
async function signedEngagement() {
  const enterprise = await makeEnterprise(t.db);
  const provider = await makeProvider(t.db);
  const request = await createRequest(
    t.db,
    enterprise.actor,
    { category: "consulting", title: "标准化咨询", description: "d", regionCode: "330702" },
    T0,
  );
  const quote = await submitQuote(
    t.db,
    provider.actor,
    { requestId: request.id, priceFen: 1_500_000, plan: "三个月完成" },
    T0,
  );
  const engagement = await acceptQuote(t.db, enterprise.actor, { requestId: request.id, quoteId: quote.id, now: T0 });
  return { enterprise, provider, engagement };
}

const ent = (e: Awaited<ReturnType<typeof makeEnterprise>>) => ({ ...e.actor });
const eventsOf = (id: string) =>
  t.db.select().from(engagementEvents).where(eq(engagementEvents.engagementId, id)).orderBy(engagementEvents.at);

describe("an engagement from signing to closing", () => {
  it("runs start → deliver → changes → redeliver → accept → close, one event row per step", async () => {
    const { enterprise, provider, engagement } = await signedEngagement();
    const E = ent(enterprise);
    const P = provider.actor;
    const id = engagement.id;

    await applyTransition(t.db, P, { engagementId: id, event: "start", now: at(1) });
    expect(await refusal(applyTransition(t.db, P, { engagementId: id, event: "deliver", now: at(2) }))).toEqual({
      status: 409,
      key: "engagement.nothing_delivered",
    });
    await recordActivity(t.db, P, {
      engagementId: id,
      kind: "visit",
      title: "现场诊断",
      occurredOn: "2026-05-22",
      notes: "车间一、二",
      now: at(2),
    });
    await addReport(t.db, env, P, {
      engagementId: id,
      title: "诊断报告",
      file: fileOf(pdfBytes(), "诊断报告.pdf"),
      now: at(3),
    });
    await applyTransition(t.db, P, { engagementId: id, event: "deliver", now: at(4) });
    expect(await refusal(applyTransition(t.db, E, { engagementId: id, event: "request_changes", now: at(5) }))).toEqual(
      { status: 400, key: "engagement.reason_required" },
    );
    await applyTransition(t.db, E, { engagementId: id, event: "request_changes", reason: "缺少整改建议", now: at(5) });
    expect(await refusal(applyTransition(t.db, P, { engagementId: id, event: "redeliver", now: at(6) }))).toEqual({
      status: 409,
      key: "engagement.nothing_redelivered",
    });
    await addReport(t.db, env, P, {
      engagementId: id,
      title: "诊断报告（修订）",
      file: fileOf(pdfBytes(), "诊断报告v2.pdf"),
      now: at(6),
    });
    await applyTransition(t.db, P, { engagementId: id, event: "redeliver", now: at(7) });
    await applyTransition(t.db, E, { engagementId: id, event: "accept", now: at(8) });
    const closed = await applyTransition(t.db, E, { engagementId: id, event: "close", now: at(9) });

    expect(closed).toMatchObject({ status: "closed", version: 7 });
    expect(closed.deliveredAt?.toISOString()).toBe(at(7).toISOString());
    expect(closed.acceptedAt?.toISOString()).toBe(at(8).toISOString());
    const events = await eventsOf(id);
    expect(events.map((e) => [e.event, e.fromStatus, e.toStatus])).toEqual([
      ["offer", null, "offer"],
      ["accept_offer", "offer", "signed"],
      ["start", "signed", "in_service"],
      ["deliver", "in_service", "delivered"],
      ["request_changes", "delivered", "changes_requested"],
      ["redeliver", "changes_requested", "delivered"],
      ["accept", "delivered", "accepted"],
      ["close", "accepted", "closed"],
    ]);
    const changes = events.find((e) => e.event === "request_changes")!;
    expect(changes).toMatchObject({
      actorOrgId: enterprise.org.id,
      actorUserId: enterprise.user.id,
      reason: "缺少整改建议",
    });
    expect(changes.at.toISOString()).toBe(at(5).toISOString());
    const audited = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, id));
    expect(audited.map((a) => a.action).sort()).toEqual(["engagement.accepted", "engagement.signed"]);
    // Acceptance feeds on-time delivery into the provider's credit grade at once.
    const [credit] = await t.db
      .select({ at: providerProfiles.creditComputedAt })
      .from(providerProfiles)
      .where(eq(providerProfiles.orgId, engagement.providerId));
    expect(credit.at?.toISOString()).toBe(at(8).toISOString());
  });

  it("refuses illegal transitions with a 409 and writes nothing", async () => {
    const { enterprise, provider, engagement } = await signedEngagement();
    const id = engagement.id;
    const before = await eventsOf(id);
    const cases: Array<[typeof provider.actor, string, string]> = [
      [ent(enterprise), "start", "engagement.actor_not_allowed"],
      [provider.actor, "accept", "engagement.illegal_transition"],
      [provider.actor, "close", "engagement.illegal_transition"],
      [ent(enterprise), "accept_offer", "engagement.illegal_transition"],
      [ent(enterprise), "no_such_event", "engagement.illegal_transition"],
    ];
    for (const [actor, event, key] of cases) {
      expect(await refusal(applyTransition(t.db, actor, { engagementId: id, event, now: at(1) }))).toEqual({
        status: 409,
        key,
      });
    }
    const [row] = await t.db.select().from(engagements).where(eq(engagements.id, id));
    expect(row).toMatchObject({ status: "signed", version: engagement.version });
    expect(await eventsOf(id)).toHaveLength(before.length);
  });

  it("refuses a stale version: someone acted since the page was loaded", async () => {
    const { provider, engagement } = await signedEngagement();
    await applyTransition(t.db, provider.actor, {
      now: at(1),
      engagementId: engagement.id,
      event: "start",
      expectedVersion: engagement.version,
    });
    expect(
      await refusal(
        applyTransition(t.db, provider.actor, {
          now: at(1),
          engagementId: engagement.id,
          event: "cancel",
          reason: "x",
          expectedVersion: engagement.version,
        }),
      ),
    ).toEqual({ status: 409, key: "engagement.stale" });
  });

  it("cancels before service with a reason, and audits it", async () => {
    const { enterprise, engagement } = await signedEngagement();
    await applyTransition(t.db, ent(enterprise), {
      engagementId: engagement.id,
      event: "cancel",
      reason: "预算调整",
      now: at(1),
    });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, engagement.id), eq(auditLog.action, "engagement.cancelled")));
    expect(audit?.data).toMatchObject({ reason: "预算调整", from: "signed" });
  });

  it("lets either party dispute and only the platform resolve", async () => {
    const { enterprise, provider, engagement } = await signedEngagement();
    const admin = await createOrgWithOwner(t.db, { kind: "platform", regionCode: "330000" });
    const A = { ...actorOf({ user: admin.user, org: admin.org }) };
    await applyTransition(t.db, provider.actor, { now: at(1), engagementId: engagement.id, event: "start" });
    // The platform sees nothing before a dispute.
    expect(await refusal(getEngagement(t.db, A, { now: at(1), engagementId: engagement.id }))).toEqual({
      status: 404,
      key: "not_found",
    });
    await applyTransition(t.db, ent(enterprise), {
      now: at(1),
      engagementId: engagement.id,
      event: "dispute",
      reason: "人员未到场",
    });
    expect(
      await refusal(
        applyTransition(t.db, ent(enterprise), {
          now: at(1),
          engagementId: engagement.id,
          event: "resolve_accept",
          reason: "x",
        }),
      ),
    ).toEqual({ status: 409, key: "engagement.actor_not_allowed" });
    const view = await getEngagement(t.db, A, { now: at(1), engagementId: engagement.id });
    expect(view.actions.sort()).toEqual(["resolve_accept", "resolve_cancel", "resolve_resume"]);
    const resumed = await applyTransition(t.db, A, {
      now: at(1),
      engagementId: engagement.id,
      event: "resolve_resume",
      reason: "双方协商继续服务",
    });
    expect(resumed.status).toBe("in_service");
    const listed = await listEngagements(t.db, A, { now: at(1) });
    expect(listed.rows.map((r) => r.id)).toContain(engagement.id);
  });
});

describe("direct offers and counter-offers", () => {
  it("alternates turns, refuses the party whose turn it is not, and signs on acceptance", async () => {
    const enterprise = await makeEnterprise(t.db);
    const provider = await makeProvider(t.db);
    const [listing] = await t.db
      .insert(serviceListings)
      .values({
        providerId: provider.org.id,
        category: "consulting",
        title: "标准化咨询",
        scope: "全流程",
        priceModel: "fixed",
        priceFen: 2_000_000,
      })
      .returning();
    const offer = await createDirectOffer(
      t.db,
      enterprise.actor,
      { listingId: listing!.id, title: "标准化咨询", scope: "全流程", priceFen: 1_800_000 },
      T0,
    );
    expect(offer).toMatchObject({ status: "offer", offerAwaitingOrgId: provider.org.id });
    const E = ent(enterprise);
    expect(
      await refusal(applyTransition(t.db, E, { now: at(1), engagementId: offer.id, event: "accept_offer" })),
    ).toEqual({ status: 409, key: "engagement.not_your_turn" });
    await applyTransition(t.db, provider.actor, {
      now: at(1),
      engagementId: offer.id,
      event: "counter",
      terms: { priceFen: 1_900_000, scope: "全流程+培训", startDate: "2026-06-01", endDate: "2026-08-31" },
    });
    expect(
      await refusal(
        applyTransition(t.db, provider.actor, {
          now: at(1),
          engagementId: offer.id,
          event: "counter",
          terms: { priceFen: 1, scope: "x" },
        }),
      ),
    ).toEqual({ status: 409, key: "engagement.not_your_turn" });
    expect(await refusal(applyTransition(t.db, E, { now: at(1), engagementId: offer.id, event: "counter" }))).toEqual({
      status: 400,
      key: "engagement.terms_required",
    });
    const signed = await applyTransition(t.db, E, { now: at(1), engagementId: offer.id, event: "accept_offer" });
    expect(signed).toMatchObject({
      status: "signed",
      priceFen: 1_900_000,
      scope: "全流程+培训",
      offerAwaitingOrgId: null,
    });
    const counter = (await eventsOf(offer.id)).find((e) => e.event === "counter")!;
    expect(counter.data).toMatchObject({ terms: { priceFen: 1_900_000 }, previous: { priceFen: 1_800_000 } });
  });
});

describe("automatic acceptance after 14 days of silence", () => {
  async function delivered() {
    const s = await signedEngagement();
    await applyTransition(t.db, s.provider.actor, { engagementId: s.engagement.id, event: "start", now: at(1) });
    await recordActivity(t.db, s.provider.actor, {
      engagementId: s.engagement.id,
      kind: "training",
      title: "全员培训",
      occurredOn: "2026-05-22",
      attendees: 40,
      now: at(2),
    });
    await applyTransition(t.db, s.provider.actor, { engagementId: s.engagement.id, event: "deliver", now: at(2) });
    return s;
  }

  it("the job accepts only deliveries unanswered for 14 days, as the system, once", async () => {
    const { engagement } = await delivered();
    expect(await runAutoAcceptance(t.db, { now: at(15), engagementId: engagement.id })).toBe(0);
    expect(await runAutoAcceptance(t.db, { now: at(16), engagementId: engagement.id })).toBe(1);
    expect(await runAutoAcceptance(t.db, { now: at(17), engagementId: engagement.id })).toBe(0);
    const last = (await eventsOf(engagement.id)).at(-1)!;
    expect(last).toMatchObject({
      event: "accept",
      toStatus: "accepted",
      actorOrgId: null,
      actorUserId: null,
      reason: "auto_accept_after_silence",
    });
    const [credit] = await t.db
      .select({ at: providerProfiles.creditComputedAt })
      .from(providerProfiles)
      .where(eq(providerProfiles.orgId, engagement.providerId));
    expect(credit.at?.toISOString()).toBe(at(16).toISOString());
  });

  it("is applied lazily when either party reads the engagement", async () => {
    const { provider, engagement } = await delivered();
    const early = await getEngagement(t.db, provider.actor, { engagementId: engagement.id, now: at(10) });
    expect(early.engagement.status).toBe("delivered");
    expect(early.autoAcceptAt?.toISOString()).toBe(at(16).toISOString());
    const late = await getEngagement(t.db, provider.actor, { engagementId: engagement.id, now: at(16) });
    expect(late.engagement.status).toBe("accepted");
  });

  it("stops when the enterprise asks for changes", async () => {
    const { enterprise, engagement } = await delivered();
    await applyTransition(t.db, ent(enterprise), {
      engagementId: engagement.id,
      event: "request_changes",
      reason: "签到表缺失",
      now: at(3),
    });
    await runAutoAcceptance(t.db, { now: at(40) });
    const [row] = await t.db
      .select({ status: engagements.status })
      .from(engagements)
      .where(eq(engagements.id, engagement.id));
    expect(row!.status).toBe("changes_requested");
  });

  it("counts the engagement events one per acceptance even when the job and a reader race", async () => {
    const { provider, engagement } = await delivered();
    await Promise.all([
      runAutoAcceptance(t.db, { now: at(20) }),
      getEngagement(t.db, provider.actor, { engagementId: engagement.id, now: at(20) }),
      runAutoAcceptance(t.db, { now: at(20), engagementId: engagement.id }),
    ]);
    const [{ n }] = await t.db
      .select({ n: count() })
      .from(engagementEvents)
      .where(and(eq(engagementEvents.engagementId, engagement.id), eq(engagementEvents.toStatus, "accepted")));
    expect(n).toBe(1);
  });
});
