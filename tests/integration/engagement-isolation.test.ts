// Nobody sees another organisation's private records (docs/domain.md, "Organisations"). Enterprise A
// posts a request, provider B quotes and wins; C (an unrelated enterprise) and D (an
// unrelated provider in the same category and region) try every read and write on A's
// request, B's quote, the engagement, its deliverable file and its messages. Each is refused
// with the same 404 as a missing record (or 403 for the wrong party), and nothing is written.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import {
  deliverables,
  engagementEvents,
  engagementMessages,
  engagements,
  files,
  quotes,
  serviceRequests,
  type Engagement,
  type Quote,
  type ServiceRequest,
  type StoredFile,
} from "../../db/schema";
import { addReport, listDeliverables, recordActivity } from "../../app/services/deliverables.server";
import { applyTransition, getEngagement, listEngagements } from "../../app/services/engagements.server";
import { getReadableFile } from "../../app/services/files.server";
import { listMessages, postMessage } from "../../app/services/messages.server";
import { acceptQuote, compareQuotes, submitQuote, withdrawQuote } from "../../app/services/quotes.server";
import { createRequest, endRequest, getOwnRequest, getRequestForProvider } from "../../app/services/requests.server";
import { createSession } from "../../app/services/sessions.server";
import { loader as fileLoader } from "../../app/routes/files/file";
import { loadEnv } from "../../app/utils/env.server";
import { AppError } from "../../app/utils/errors";
import { fileOf, pdfBytes } from "../factories/files";
import { makeEnterprise, makeProvider } from "../factories/marketplace";
import { createTestDb, type TestDb } from "../setup/test-db";

/** The use cases' clock in this file: fixed, never the wall clock. */
const NOW = new Date("2026-06-01T09:00:00+08:00");
let t: TestDb;
let uploadDir: string;
let env: ReturnType<typeof loadEnv>;
let A: Awaited<ReturnType<typeof makeEnterprise>>;
let B: Awaited<ReturnType<typeof makeProvider>>;
let C: Awaited<ReturnType<typeof makeEnterprise>>;
let D: Awaited<ReturnType<typeof makeProvider>>;
let request: ServiceRequest;
let quote: Quote;
let engagement: Engagement;
let report: StoredFile;

beforeAll(async () => {
  t = await createTestDb();
  uploadDir = await mkdtemp(path.join(tmpdir(), "anfu-isolation-"));
  env = loadEnv({ NODE_ENV: "test", UPLOAD_DIR: uploadDir });
  A = await makeEnterprise(t.db, { name: "甲企业" });
  B = await makeProvider(t.db, { name: "乙服务机构" });
  C = await makeEnterprise(t.db, { name: "丙企业" });
  D = await makeProvider(t.db, { name: "丁服务机构" });
  request = await createRequest(
    t.db,
    A.actor,
    { category: "consulting", title: "咨询", description: "d", regionCode: "330702" },
    NOW,
  );
  quote = await submitQuote(t.db, B.actor, { requestId: request.id, priceFen: 900_000, plan: "方案" }, NOW);
  engagement = await acceptQuote(t.db, A.actor, { now: NOW, requestId: request.id, quoteId: quote.id });
  await applyTransition(t.db, B.actor, { now: NOW, engagementId: engagement.id, event: "start" });
  const row = await addReport(t.db, env, B.actor, {
    engagementId: engagement.id,
    title: "报告",
    file: fileOf(pdfBytes(), "报告.pdf"),
    now: NOW,
  });
  [report] = await t.db.select().from(files).where(eq(files.id, row.fileId!));
  await postMessage(t.db, A.actor, { engagementId: engagement.id, body: "请尽快安排现场", now: NOW });
});
afterAll(async () => {
  await t.close();
  await rm(uploadDir, { recursive: true, force: true });
});

async function statusOf(work: Promise<unknown>): Promise<number> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof AppError) return error.status;
  throw error ?? new Error("expected a refusal, but the call succeeded");
}

async function snapshot() {
  const n = async (
    table:
      | typeof quotes
      | typeof serviceRequests
      | typeof engagements
      | typeof engagementEvents
      | typeof deliverables
      | typeof engagementMessages
      | typeof files,
  ) => (await t.db.select({ n: count() }).from(table))[0]!.n;
  const [req] = await t.db
    .select({ status: serviceRequests.status })
    .from(serviceRequests)
    .where(eq(serviceRequests.id, request.id));
  const [q] = await t.db.select({ status: quotes.status }).from(quotes).where(eq(quotes.id, quote.id));
  const [e] = await t.db
    .select({ status: engagements.status, version: engagements.version })
    .from(engagements)
    .where(eq(engagements.id, engagement.id));
  return {
    requests: await n(serviceRequests),
    quotes: await n(quotes),
    engagements: await n(engagements),
    events: await n(engagementEvents),
    deliverables: await n(deliverables),
    messages: await n(engagementMessages),
    files: await n(files),
    requestStatus: req!.status,
    quoteStatus: q!.status,
    engagement: e,
  };
}

async function fileRoute(fileId: string, who: { user: { id: string }; org: { id: string } }) {
  const { token } = await createSession(t.db, { userId: who.user.id, activeOrgId: who.org.id, now: new Date() });
  const req = new Request(`http://localhost/files/${fileId}`, { headers: { Cookie: `anfu_session=${token}` } });
  try {
    return await fileLoader({
      request: req,
      params: { fileId },
      context: { db: t.db, env, cspNonce: "", clientIp: "127.0.0.1" },
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("isolation between organisations", () => {
  it("the parties themselves can read what is theirs (so the refusals below mean something)", async () => {
    expect((await getEngagement(t.db, A.actor, { now: NOW, engagementId: engagement.id })).engagement.id).toBe(
      engagement.id,
    );
    expect(await listDeliverables(t.db, { engagementId: engagement.id, orgId: A.org.id })).toHaveLength(1);
    expect(await listMessages(t.db, { engagementId: engagement.id, orgId: B.org.id })).toHaveLength(1);
    expect((await fileRoute(report.id, A)).status).toBe(200);
  });

  for (const outsider of ["C (enterprise)", "D (provider)"] as const) {
    it(`${outsider} cannot read or change A's request, B's quote, the engagement, its file or its messages`, async () => {
      const X = outsider.startsWith("C") ? C : D;
      const before = await snapshot();
      const refusals: Array<[string, () => Promise<unknown>]> = [
        ["read request", () => getOwnRequest(t.db, { requestId: request.id, orgId: X.org.id })],
        [
          "read request as provider",
          () => getRequestForProvider(t.db, { now: NOW, requestId: request.id, providerId: X.org.id }),
        ],
        ["compare quotes", () => compareQuotes(t.db, { now: NOW, requestId: request.id, orgId: X.org.id })],
        ["close request", () => endRequest(t.db, X.actor, { now: NOW, requestId: request.id, outcome: "closed" })],
        ["cancel request", () => endRequest(t.db, X.actor, { now: NOW, requestId: request.id, outcome: "cancelled" })],
        ["pick quote", () => acceptQuote(t.db, X.actor, { now: NOW, requestId: request.id, quoteId: quote.id })],
        ["withdraw quote", () => withdrawQuote(t.db, X.actor, { now: NOW, quoteId: quote.id })],
        ["read engagement", () => getEngagement(t.db, X.actor, { now: NOW, engagementId: engagement.id })],
        ["deliver", () => applyTransition(t.db, X.actor, { now: NOW, engagementId: engagement.id, event: "deliver" })],
        [
          "dispute",
          () =>
            applyTransition(t.db, X.actor, { now: NOW, engagementId: engagement.id, event: "dispute", reason: "x" }),
        ],
        ["list deliverables", () => listDeliverables(t.db, { engagementId: engagement.id, orgId: X.org.id })],
        [
          "upload report",
          () =>
            addReport(t.db, env, X.actor, {
              engagementId: engagement.id,
              title: "x",
              file: fileOf(pdfBytes(), "x.pdf"),
              now: NOW,
            }),
        ],
        [
          "record visit",
          () =>
            recordActivity(t.db, X.actor, {
              engagementId: engagement.id,
              kind: "visit",
              title: "x",
              occurredOn: "2026-05-01",
            }),
        ],
        ["read messages", () => listMessages(t.db, { engagementId: engagement.id, orgId: X.org.id })],
        ["post message", () => postMessage(t.db, X.actor, { engagementId: engagement.id, body: "你好", now: NOW })],
      ];
      // One at a time: each refusal is judged alone, and none is left unawaited.
      for (const [label, work] of refusals) {
        expect([label, await statusOf(work())]).toEqual([label, 404]);
      }
      expect(await getReadableFile(t.db, { fileId: report.id, orgId: X.org.id, orgKind: X.org.kind })).toBeNull();
      expect((await fileRoute(report.id, X)).status).toBe(404);
      expect((await listEngagements(t.db, X.actor, { now: NOW })).rows).toHaveLength(0);
      expect(await snapshot()).toEqual(before);
    });
  }

  it("each party is refused the other party's actions", async () => {
    const before = await snapshot();
    // The provider cannot pick quotes or close the enterprise's request; the enterprise cannot
    // withdraw the provider's quote, start the work or upload deliverables in its name.
    expect(await statusOf(acceptQuote(t.db, B.actor, { now: NOW, requestId: request.id, quoteId: quote.id }))).toBe(
      404,
    );
    expect(await statusOf(endRequest(t.db, B.actor, { now: NOW, requestId: request.id, outcome: "closed" }))).toBe(404);
    expect(await statusOf(withdrawQuote(t.db, A.actor, { now: NOW, quoteId: quote.id }))).toBe(404);
    expect(
      await statusOf(applyTransition(t.db, A.actor, { now: NOW, engagementId: engagement.id, event: "deliver" })),
    ).toBe(409);
    expect(
      await statusOf(
        addReport(t.db, env, A.actor, {
          engagementId: engagement.id,
          title: "x",
          file: fileOf(pdfBytes(), "x.pdf"),
          now: NOW,
        }),
      ),
    ).toBe(403);
    expect(
      await statusOf(
        recordActivity(t.db, A.actor, {
          engagementId: engagement.id,
          kind: "visit",
          title: "x",
          occurredOn: "2026-05-01",
        }),
      ),
    ).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});
