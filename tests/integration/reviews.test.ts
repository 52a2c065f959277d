import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { reviews } from "../../db/schema";
import {
  listPublishedReviews,
  loadReviewSection,
  publishDueReviews,
  replyToReview,
  submitReview,
} from "../../app/services/reviews.server";
import { AppError } from "../../app/utils/errors";
import { insertEngagement, verifiedOrg, verifiedProvider } from "../factories/engagements";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
type Party = Awaited<ReturnType<typeof verifiedOrg>>;
let enterprise: Party;
let provider: Party;
let stranger: Party;

const acceptedAt = new Date("2025-03-01T02:00:00Z");
const day = (n: number, hours = 0) => new Date(acceptedAt.getTime() + n * 86_400_000 + hours * 3_600_000);
const actor = (p: Party) => ({ userId: p.user.id, orgId: p.org.id, ip: "203.0.113.9" });
const good = { professionalism: 5, timeliness: 4, effect: 5, body: "排查细致，整改建议可操作" };

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, key: error.messageKey };
    throw error;
  }
  throw new Error("expected the use case to be refused");
}

beforeAll(async () => {
  t = await createTestDb();
  enterprise = await verifiedOrg(t.db, { kind: "enterprise" });
  provider = await verifiedProvider(t.db);
  stranger = await verifiedOrg(t.db, { kind: "enterprise" });
});
afterAll(async () => {
  await t.close();
});

const newEngagement = (overrides: Parameters<typeof insertEngagement>[1] extends infer O ? Partial<O> : never = {}) =>
  insertEngagement(t.db, { enterpriseId: enterprise.org.id, providerId: provider.org.id, acceptedAt, ...overrides });

describe("double-blind reviews", () => {
  it("hides the enterprise's review from the provider and the public until the provider has reviewed too", async () => {
    const engagement = await newEngagement();
    const first = await submitReview(t.db, actor(enterprise), { engagementId: engagement.id, ...good }, day(1));
    expect(first.published).toBe(false);
    expect(first.review.overall).toBe(5);

    const providerView = await loadReviewSection(t.db, {
      engagementId: engagement.id,
      orgId: provider.org.id,
      now: day(2),
    });
    expect(providerView.viewerSide).toBe("provider");
    expect(providerView.otherSubmitted).toBe(true);
    expect(providerView.other).toBeNull();
    expect(providerView.canReply).toBe(false);
    const ownView = await loadReviewSection(t.db, {
      engagementId: engagement.id,
      orgId: enterprise.org.id,
      now: day(2),
    });
    expect(ownView.own?.body).toBe(good.body);
    expect(ownView.canReview).toBe(false);
    expect(ownView.refusal).toBe("already_reviewed");
    const publicBefore = await listPublishedReviews(t.db, { providerId: provider.org.id, now: day(2) });
    expect(publicBefore.rows.find((r) => r.body === good.body)).toBeUndefined();

    const second = await submitReview(
      t.db,
      actor(provider),
      { engagementId: engagement.id, overall: 4, body: "配合整改，付款及时" },
      day(3),
    );
    expect(second.published).toBe(true);
    const rows = await t.db.select().from(reviews).where(eq(reviews.engagementId, engagement.id));
    expect(rows.map((r) => r.publishedAt?.toISOString())).toEqual([day(3).toISOString(), day(3).toISOString()]);

    const after = await loadReviewSection(t.db, { engagementId: engagement.id, orgId: provider.org.id, now: day(3) });
    expect(after.other?.body).toBe(good.body);
    expect(after.canReply).toBe(true);
    const enterpriseAfter = await loadReviewSection(t.db, {
      engagementId: engagement.id,
      orgId: enterprise.org.id,
      now: day(3),
    });
    expect(enterpriseAfter.other?.overall).toBe(4);
    const publicAfter = await listPublishedReviews(t.db, { providerId: provider.org.id, now: day(3) });
    expect(publicAfter.rows.some((r) => r.body === good.body)).toBe(true);
    // The provider's review of its client is not part of the provider's public record.
    expect(publicAfter.rows.some((r) => r.body === "配合整改，付款及时")).toBe(false);
  });

  it("publishes a lone review when the 14-day window closes, and closes reviewing", async () => {
    const engagement = await newEngagement({ title: "窗口期测试" });
    await submitReview(t.db, actor(enterprise), { engagementId: engagement.id, ...good, body: "独自一条" }, day(2));
    const early = await listPublishedReviews(t.db, { providerId: provider.org.id, now: day(14, -1) });
    expect(early.rows.some((r) => r.body === "独自一条")).toBe(false);

    const late = await listPublishedReviews(t.db, { providerId: provider.org.id, now: day(14) });
    const shown = late.rows.find((r) => r.body === "独自一条");
    expect(shown?.publishedAt).toBe(day(14).toISOString());
    expect(
      await refusal(submitReview(t.db, actor(provider), { engagementId: engagement.id, overall: 3 }, day(15))),
    ).toEqual({ status: 409, key: "credit.window_closed" });
  });

  it("publishDueReviews writes down every closed window once", async () => {
    const engagement = await newEngagement({ title: "批量发布" });
    await submitReview(t.db, actor(provider), { engagementId: engagement.id, overall: 2, body: "客户拖延" }, day(1));
    expect(await publishDueReviews(t.db, day(10))).toBe(0);
    expect(await publishDueReviews(t.db, day(20))).toBeGreaterThanOrEqual(1);
    expect(await publishDueReviews(t.db, day(21))).toBe(0);
    const enterpriseView = await loadReviewSection(t.db, {
      engagementId: engagement.id,
      orgId: enterprise.org.id,
      now: day(21),
    });
    expect(enterpriseView.other?.body).toBe("客户拖延");
  });
});

describe("who may review", () => {
  it("only after acceptance", async () => {
    const engagement = await newEngagement({ status: "delivered", acceptedAt: null, deliveredAt: day(0) });
    expect(
      await refusal(submitReview(t.db, actor(enterprise), { engagementId: engagement.id, ...good }, day(1))),
    ).toEqual({ status: 409, key: "credit.not_accepted" });
    const view = await loadReviewSection(t.db, { engagementId: engagement.id, orgId: enterprise.org.id, now: day(1) });
    expect(view.reviewable).toBe(false);
    expect(view.canReview).toBe(false);
  });

  it("once per side", async () => {
    const engagement = await newEngagement();
    await submitReview(t.db, actor(enterprise), { engagementId: engagement.id, ...good }, day(1));
    expect(
      await refusal(submitReview(t.db, actor(enterprise), { engagementId: engagement.id, ...good }, day(2))),
    ).toEqual({ status: 409, key: "credit.already_reviewed" });
  });

  it("with valid scores: the enterprise gives three, the provider one", async () => {
    const engagement = await newEngagement();
    expect(
      await refusal(
        submitReview(
          t.db,
          actor(enterprise),
          { engagementId: engagement.id, professionalism: 6, timeliness: 4, effect: 4 },
          day(1),
        ),
      ),
    ).toEqual({ status: 422, key: "credit.score_invalid" });
    expect(
      await refusal(submitReview(t.db, actor(provider), { engagementId: engagement.id, overall: 0 }, day(1))),
    ).toEqual({ status: 422, key: "credit.score_invalid" });
  });

  it("another organisation can neither review nor read unpublished reviews", async () => {
    const engagement = await newEngagement();
    await submitReview(t.db, actor(enterprise), { engagementId: engagement.id, ...good, body: "不应外泄" }, day(1));
    expect(
      await refusal(submitReview(t.db, actor(stranger), { engagementId: engagement.id, ...good }, day(1))),
    ).toEqual({ status: 404, key: "not_found" });
    expect(
      await refusal(loadReviewSection(t.db, { engagementId: engagement.id, orgId: stranger.org.id, now: day(2) })),
    ).toEqual({ status: 404, key: "not_found" });
    expect(
      await refusal(replyToReview(t.db, actor(stranger), { engagementId: engagement.id, body: "x" }, day(20))),
    ).toEqual({ status: 404, key: "not_found" });
    const publicView = await listPublishedReviews(t.db, { providerId: provider.org.id, now: day(2) });
    expect(publicView.rows.some((r) => r.body === "不应外泄")).toBe(false);
  });
});

describe("the provider's public answer", () => {
  it("comes after publication, from the provider only, once", async () => {
    const engagement = await newEngagement();
    await submitReview(
      t.db,
      actor(enterprise),
      { engagementId: engagement.id, professionalism: 2, timeliness: 2, effect: 3, body: "报告晚了" },
      day(1),
    );
    expect(
      await refusal(replyToReview(t.db, actor(provider), { engagementId: engagement.id, body: "抱歉" }, day(2))),
    ).toEqual({ status: 409, key: "credit.not_published" });
    expect(
      await refusal(replyToReview(t.db, actor(enterprise), { engagementId: engagement.id, body: "我也说" }, day(15))),
    ).toEqual({ status: 403, key: "credit.not_reviewee" });
    await replyToReview(
      t.db,
      actor(provider),
      { engagementId: engagement.id, body: "因现场停产延期，已致歉并补充复查" },
      day(15),
    );
    expect(
      await refusal(replyToReview(t.db, actor(provider), { engagementId: engagement.id, body: "再说一次" }, day(16))),
    ).toEqual({ status: 409, key: "credit.already_replied" });
    const publicView = await listPublishedReviews(t.db, { providerId: provider.org.id, now: day(16) });
    expect(publicView.rows.find((r) => r.body === "报告晚了")?.reply).toBe("因现场停产延期，已致歉并补充复查");
  });
});
