import { describe, expect, it } from "vitest";
import {
  isPublished,
  mayRead,
  publicationTime,
  replyRefusal,
  reviewRefusal,
  reviewWindowEnd,
  validateScores,
  type SubmittedReview,
} from "./reviews";

const accepted = new Date("2025-03-01T02:00:00Z");
const at = (days: number, hours = 0) => new Date(accepted.getTime() + days * 86_400_000 + hours * 3_600_000);
const client = (createdAt: Date): SubmittedReview => ({ direction: "client_to_provider", createdAt });
const provider = (createdAt: Date): SubmittedReview => ({ direction: "provider_to_client", createdAt });

describe("reviewRefusal — docs/domain.md, Reviews: only the buyer of an accepted engagement reviews it, once", () => {
  const base = { status: "accepted", acceptedAt: accepted, side: "enterprise" as const, submitted: [], now: at(1) };
  it.each([
    ["accepted, nothing yet", base, null],
    ["closed engagements too", { ...base, status: "closed" }, null],
    ["the provider reviews its client", { ...base, side: "provider" as const }, null],
    ["delivered is not accepted yet", { ...base, status: "delivered" }, "not_accepted"],
    ["in service", { ...base, status: "in_service" }, "not_accepted"],
    ["disputed", { ...base, status: "disputed" }, "not_accepted"],
    ["cancelled", { ...base, status: "cancelled" }, "not_accepted"],
    ["accepted status without a time is refused", { ...base, acceptedAt: null }, "not_accepted"],
    ["once per side", { ...base, submitted: [client(at(0, 1))] }, "already_reviewed"],
    ["the other side's review does not block", { ...base, submitted: [provider(at(0, 1))] }, null],
    ["last minute of the window", { ...base, now: at(14, -1) }, null],
    ["window closed after 14 days", { ...base, now: at(14) }, "window_closed"],
  ])("%s", (_label, input, expected) => {
    expect(reviewRefusal(input)).toBe(expected);
  });
});

describe("validateScores — professionalism, timeliness and effect, 1–5", () => {
  it.each([
    [
      { professionalism: 5, timeliness: 4, effect: 4 },
      { ok: true, scores: { professionalism: 5, timeliness: 4, effect: 4, overall: 4 } },
    ],
    [
      { professionalism: 1, timeliness: 1, effect: 2 },
      { ok: true, scores: { professionalism: 1, timeliness: 1, effect: 2, overall: 1 } },
    ],
    [
      { professionalism: 5, timeliness: 5, effect: 4 },
      { ok: true, scores: { professionalism: 5, timeliness: 5, effect: 4, overall: 5 } },
    ],
    [
      { professionalism: 0, timeliness: 4, effect: 4 },
      { ok: false, field: "professionalism" },
    ],
    [
      { professionalism: 3, timeliness: 6, effect: 4 },
      { ok: false, field: "timeliness" },
    ],
    [
      { professionalism: 3, timeliness: 4, effect: 3.5 },
      { ok: false, field: "effect" },
    ],
    [
      { professionalism: 3, timeliness: 4 },
      { ok: false, field: "effect" },
    ],
    [{ overall: 5 }, { ok: false, field: "professionalism" }],
  ])("client → provider %j", (input, expected) => {
    expect(validateScores("client_to_provider", input)).toEqual(expected);
  });

  it.each([
    [{ overall: 3 }, { ok: true, scores: { professionalism: null, timeliness: null, effect: null, overall: 3 } }],
    [{ overall: 0 }, { ok: false, field: "overall" }],
    [
      { professionalism: 5, timeliness: 5, effect: 5 },
      { ok: false, field: "overall" },
    ],
  ])("provider → client %j", (input, expected) => {
    expect(validateScores("provider_to_client", input)).toEqual(expected);
  });
});

describe("publicationTime — double-blind: both in, or the window closes", () => {
  it.each([
    ["nobody wrote: window end", [], at(14)],
    ["only the client wrote: window end", [client(at(2))], at(14)],
    ["only the provider wrote: window end", [provider(at(3))], at(14)],
    ["both wrote: the later submission", [client(at(2)), provider(at(5))], at(5)],
    ["both wrote, client last", [provider(at(1)), client(at(9))], at(9)],
  ])("%s", (_label, reviews, expected) => {
    expect(publicationTime(reviews, accepted)).toEqual(expected);
    expect(reviewWindowEnd(accepted)).toEqual(at(14));
  });
});

describe("isPublished", () => {
  const pair = { reviews: [client(at(2))], acceptedAt: accepted };
  it("stays hidden while only one side is in and the window is open", () => {
    expect(isPublished({}, pair, at(13))).toBe(false);
  });
  it("is shown once the window closes, even if not yet written down", () => {
    expect(isPublished({}, pair, at(14))).toBe(true);
  });
  it("is shown as soon as both are in", () => {
    expect(isPublished({}, { ...pair, reviews: [client(at(2)), provider(at(3))] }, at(3))).toBe(true);
  });
  it("trusts a stored publication time", () => {
    expect(isPublished({ publishedAt: at(3) }, pair, at(3))).toBe(true);
    expect(isPublished({ publishedAt: at(3) }, pair, at(2))).toBe(false);
  });
  it("no acceptance, never published", () => {
    expect(isPublished({}, { reviews: [], acceptedAt: null }, at(100))).toBe(false);
  });
});

describe("mayRead — each side sees its own review, the other's only once published", () => {
  it.each([
    ["enterprise reads its own unpublished review", "client_to_provider", "enterprise", false, true],
    ["provider cannot read the client's unpublished review", "client_to_provider", "provider", false, false],
    ["enterprise cannot read the provider's unpublished review", "provider_to_client", "enterprise", false, false],
    ["the public cannot read unpublished reviews", "client_to_provider", null, false, false],
    ["the public reads published reviews", "client_to_provider", null, true, true],
    ["the provider reads the published client review", "client_to_provider", "provider", true, true],
  ] as const)("%s", (_label, reviewDirection, viewerSide, published, expected) => {
    expect(mayRead({ reviewDirection, viewerSide, published })).toBe(expected);
  });
});

describe("replyRefusal — the provider may answer, once, in public", () => {
  const ok = {
    viewerSide: "provider" as const,
    reviewDirection: "client_to_provider" as const,
    published: true,
    hasReply: false,
  };
  it.each([
    ["provider answers a published review", ok, null],
    ["the enterprise cannot answer", { ...ok, viewerSide: "enterprise" as const }, "not_reviewee"],
    ["no answering a review of the client", { ...ok, reviewDirection: "provider_to_client" as const }, "not_reviewee"],
    ["not before publication", { ...ok, published: false }, "not_published"],
    ["only once", { ...ok, hasReply: true }, "already_replied"],
  ])("%s", (_label, input, expected) => {
    expect(replyRefusal(input)).toBe(expected);
  });
});
