// Training, remote guidance and free check-ups (issue 8; decision 022): who may record
// training, what coverage counts, the response status of a guidance thread on a passed clock,
// who sees a thread, and the scoping of a check-up program, its enterprise list and its plans.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkupEnterprises,
  experts,
  groupMembers,
  guidanceMessages,
  guidanceThreads,
  inspections,
  insurancePolicies,
  notifications,
  trainingSessions,
  type Organisation,
} from "../../db/schema";
import type { ActingOrg } from "../../app/services/enterprise-relations.server";
import {
  addEnterprises,
  addEnterprisesFromSheet,
  createProgram,
  enterpriseCheckups,
  getProgram,
  issuePlan,
  listPrograms,
  planFileFor,
  setCarrier,
} from "../../app/services/checkups.server";
import {
  getThread,
  guidanceSummary,
  listGuidance,
  openThread,
  postGuidanceMessage,
} from "../../app/services/guidance.server";
import { visibleLink } from "../../app/services/notification-links.server";
import { listTraining, recordTraining, trainingCoverage } from "../../app/services/training.server";
import { loadEnv } from "../../app/utils/env.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner } from "../factories/accounts";
import { insertEngagement, verifiedOrg } from "../factories/engagements";
import { fileOf, pdfBytes } from "../factories/files";
import { createTestDb, type TestDb } from "../setup/test-db";

const TODAY = "2026-06-01";
const NOW = new Date("2026-06-01T09:00:00+08:00");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

let t: TestDb;
let uploadDir: string;
let env: ReturnType<typeof loadEnv>;
const o: Record<string, Organisation> = {};
const u: Record<string, string> = {};
const acting = (org: Organisation): ActingOrg => ({ id: org.id, kind: org.kind, regionCode: org.regionCode });
const actor = (who: string) => ({ userId: u[who]!, org: acting(o[who]!) });

async function status(work: Promise<unknown>): Promise<number | "ok"> {
  try {
    await work;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

beforeAll(async () => {
  t = await createTestDb();
  uploadDir = await mkdtemp(path.join(tmpdir(), "anfu-training-"));
  env = loadEnv({ NODE_ENV: "test", UPLOAD_DIR: uploadDir });
  const add = async (name: string, made: Promise<{ org: Organisation; user: { id: string } }>) => {
    const { org, user } = await made;
    o[name] = org;
    u[name] = user.id;
  };
  await add("enterprise", verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" }));
  await add("member2", verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" }));
  await add("stranger", verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" }));
  await add("farEnterprise", verifiedOrg(t.db, { kind: "enterprise", regionCode: "370202" }));
  await add("provider", verifiedOrg(t.db, { kind: "provider", regionCode: "330702" }));
  await add("otherProvider", verifiedOrg(t.db, { kind: "provider", regionCode: "330702" }));
  await add("carrier", verifiedOrg(t.db, { kind: "provider", regionCode: "330702" }));
  await add("insurer", createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330700" }));
  await add("otherInsurer", createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330700" }));
  await add("group", createOrgWithOwner(t.db, { kind: "group", regionCode: "330702" }));
  await add("bureau", createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330700" }));
  await add("otherBureau", createOrgWithOwner(t.db, { kind: "bureau", regionCode: "370200" }));

  const E = o.enterprise!.id;
  await t.db.insert(insurancePolicies).values({
    insurerId: o.insurer!.id,
    enterpriseId: E,
    policyNumber: "P-1",
    premiumFen: 1_000_000,
    preventionFeeBps: 1500,
    riskGrade: "blue",
    startDate: "2026-01-01",
    endDate: "2026-12-31",
  });
  await insertEngagement(t.db, { enterpriseId: E, providerId: o.provider!.id, status: "in_service" });
  await t.db.insert(groupMembers).values([
    { groupId: o.group!.id, enterpriseId: E, status: "active" },
    { groupId: o.group!.id, enterpriseId: o.member2!.id, status: "active" },
  ]);
});

afterAll(async () => {
  await t?.close();
  await rm(uploadDir, { recursive: true, force: true });
});

const session = (enterpriseId: string | null, extra: Partial<Parameters<typeof recordTraining>[3]> = {}) => ({
  enterpriseId,
  topic: "有限空间作业安全",
  kind: "all_staff" as const,
  heldOn: "2026-05-20",
  hours: 2,
  attendees: [{ name: "张三" }, { name: "李四", role: "班组长" }],
  materials: [],
  ...extra,
});

describe("who may record training for the enterprise (decision 022)", () => {
  it.each([
    ["the enterprise itself", "enterprise", "ok"],
    ["a provider serving it (engagement in service)", "provider", "ok"],
    ["its insurer (policy in force)", "insurer", "ok"],
    ["the group coordinating it", "group", "ok"],
    ["a provider with no relation", "otherProvider", 403],
    ["an insurer without a policy", "otherInsurer", 403],
    ["another enterprise", "stranger", 403],
    ["a bureau (oversees, does not train)", "bureau", 403],
  ] as const)("%s → %s", async (_label, who, expected) => {
    const before = await t.db.select().from(trainingSessions);
    const result = await status(recordTraining(t.db, env, actor(who), session(o.enterprise!.id), NOW, TODAY));
    expect(result).toBe(expected);
    const after = await t.db.select().from(trainingSessions);
    expect(after.length - before.length).toBe(expected === "ok" ? 1 : 0);
  });

  it("a group's shared session is recorded by the group only", async () => {
    expect(await status(recordTraining(t.db, env, actor("provider"), session(null), NOW, TODAY))).toBe(403);
    expect(await status(recordTraining(t.db, env, actor("group"), session(null), NOW, TODAY))).toBe("ok");
  });

  it("refuses a count below the list, and saves materials only with the record", async () => {
    expect(
      await status(
        recordTraining(t.db, env, actor("enterprise"), session(o.enterprise!.id, { attendeeCount: 1 }), NOW, TODAY),
      ),
    ).toBe(422);
    const row = await recordTraining(
      t.db,
      env,
      actor("provider"),
      session(o.enterprise!.id, { attendeeCount: 40, materials: [fileOf(pdfBytes(), "课件.pdf")] }),
      NOW,
      TODAY,
    );
    expect(row.attendeeCount).toBe(40);
    expect(row.materialFileIds).toHaveLength(1);
  });

  it("the list shows the records to the enterprise's parties and the organiser, not to strangers", async () => {
    const seen = async (who: string) => (await listTraining(t.db, acting(o[who]!), {}, TODAY)).total;
    expect(await seen("enterprise")).toBeGreaterThan(0);
    // The bureau sees the enterprise's sessions; the enterprise also sees its group's shared one.
    expect(await seen("bureau")).toBe((await seen("enterprise")) - 1);
    expect(await seen("stranger")).toBe(0);
    expect(await seen("otherBureau")).toBe(0);
    // The group's shared session is seen by its members too.
    expect(await seen("member2")).toBe(1);
  });
});

describe("trainingCoverage", () => {
  it("sums sessions, all-staff sessions, attendees and hours in the period; shared sessions by the member's attendees", async () => {
    const c = await createOrgWithOwner(t.db, { kind: "group", regionCode: "330702" });
    const [e1, e2] = [
      (await verifiedOrg(t.db, { kind: "enterprise" })).org,
      (await verifiedOrg(t.db, { kind: "enterprise" })).org,
    ];
    await t.db.insert(trainingSessions).values([
      {
        organiserOrgId: e1.id,
        enterpriseId: e1.id,
        topic: "a",
        kind: "all_staff",
        heldOn: "2026-03-01",
        hours: 2,
        attendeeCount: 30,
      },
      {
        organiserOrgId: e1.id,
        enterpriseId: e1.id,
        topic: "b",
        kind: "principals",
        heldOn: "2026-04-01",
        hours: 8,
        attendeeCount: 3,
      },
      // Outside the period.
      {
        organiserOrgId: e1.id,
        enterpriseId: e1.id,
        topic: "c",
        kind: "all_staff",
        heldOn: "2025-12-31",
        hours: 2,
        attendeeCount: 99,
      },
      // Another enterprise's.
      {
        organiserOrgId: e2.id,
        enterpriseId: e2.id,
        topic: "d",
        kind: "all_staff",
        heldOn: "2026-03-01",
        hours: 2,
        attendeeCount: 50,
      },
      // A shared group session: two of e1's people, one of e2's.
      {
        organiserOrgId: c.org.id,
        groupId: c.org.id,
        topic: "交流会",
        kind: "exchange_meeting",
        heldOn: "2026-05-01",
        hours: 3,
        attendeeCount: 3,
        attendees: [
          { name: "甲", enterpriseId: e1.id },
          { name: "乙", enterpriseId: e1.id },
          { name: "丙", enterpriseId: e2.id },
        ],
      },
    ]);
    expect(await trainingCoverage(t.db, { enterpriseId: e1.id, from: "2026-01-01", to: "2026-12-31" })).toEqual({
      sessions: 3,
      allStaffSessions: 1,
      attendees: 35,
      allStaffAttendees: 30,
      hours: 13,
      sharedSessions: 1,
    });
    expect(await trainingCoverage(t.db, { enterpriseId: e2.id, from: "2026-01-01", to: "2026-12-31" })).toMatchObject({
      sessions: 2,
      attendees: 51,
    });
  });
});

describe("remote guidance", () => {
  it("an enterprise may ask only an insurer with a policy in force or a provider serving it", async () => {
    const ask = (channel: "insurer" | "provider" | "guidance_24h", who: string) =>
      openThread(
        t.db,
        env,
        actor("enterprise"),
        { channel, counterpartOrgId: o[who]!.id, subject: "问题", body: "请指导", files: [] },
        NOW,
        TODAY,
      );
    expect(await status(ask("insurer", "otherInsurer"))).toBe(422);
    expect(await status(ask("provider", "otherProvider"))).toBe(422);
    expect(await status(ask("provider", "insurer"))).toBe(422);
    expect(await status(ask("guidance_24h", "insurer"))).toBe("ok");
  });

  it.each([
    // [channel, answered after (min), clock at (min), expected state] — response-time.ts targets
    ["guidance_24h", null, 119, "waiting"],
    ["guidance_24h", null, 121, "breached_waiting"],
    ["guidance_24h", 90, 300, "met"],
    ["guidance_24h", 150, 300, "answered_late"],
    ["provider", 23 * 60, 48 * 60, "met"],
    ["provider", null, 24 * 60 + 1, "breached_waiting"],
  ] as const)("%s answered at +%s min, seen at +%s min → %s", async (channel, answerAt, seenAt, expected) => {
    const counterpart = channel === "provider" ? "provider" : "insurer";
    const thread = await openThread(
      t.db,
      env,
      actor("enterprise"),
      { channel, counterpartOrgId: o[counterpart]!.id, subject: `时限 ${channel}`, body: "问题", files: [] },
      NOW,
      TODAY,
    );
    // The enterprise's own follow-up does not count as an answer.
    await postGuidanceMessage(
      t.db,
      env,
      actor("enterprise"),
      { threadId: thread.id, body: "补充", files: [] },
      minutes(5),
    );
    if (answerAt !== null) {
      await postGuidanceMessage(
        t.db,
        env,
        actor(counterpart),
        { threadId: thread.id, body: "答复", files: [] },
        minutes(answerAt),
      );
      // A later answer does not move the first one.
      await postGuidanceMessage(
        t.db,
        env,
        actor(counterpart),
        { threadId: thread.id, body: "再答", files: [] },
        minutes(answerAt + 500),
      );
    }
    const view = await getThread(t.db, acting(o.enterprise!), thread.id, minutes(seenAt));
    expect(view.thread.status.state).toBe(expected);
    const theirs = await getThread(t.db, acting(o[counterpart]!), thread.id, minutes(seenAt));
    expect(theirs.thread.status.state).toBe(expected);
  });

  it("only the two parties see a thread; others get the 404 of a missing one", async () => {
    const thread = await openThread(
      t.db,
      env,
      actor("enterprise"),
      {
        channel: "provider",
        counterpartOrgId: o.provider!.id,
        subject: "粉尘",
        body: "除尘系统怎么整改？",
        files: [fileOf(pdfBytes(), "现场.pdf")],
      },
      NOW,
      TODAY,
    );
    for (const who of ["insurer", "bureau", "otherProvider", "stranger", "group"]) {
      expect(await status(getThread(t.db, acting(o[who]!), thread.id, NOW))).toBe(404);
      expect(
        await status(postGuidanceMessage(t.db, env, actor(who), { threadId: thread.id, body: "x", files: [] }, NOW)),
      ).toBe(404);
    }
    const providerList = await listGuidance(t.db, acting(o.provider!), {}, NOW);
    expect(providerList.rows.map((r) => r.id)).toContain(thread.id);
    const insurerList = await listGuidance(t.db, acting(o.insurer!), {}, NOW);
    expect(insurerList.rows.map((r) => r.id)).not.toContain(thread.id);
    // The notice went to the provider, and its link re-checks party status.
    const [notice] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.subjectId, thread.id), eq(notifications.recipientOrgId, o.provider!.id)));
    expect(notice?.type).toBe("guidance_message");
    expect(await visibleLink(t.db, { orgId: o.provider!.id, now: NOW }, notice!)).toBe(`/guidance/${thread.id}`);
    expect(await visibleLink(t.db, { orgId: o.stranger!.id, now: NOW }, notice!)).toBeNull();
  });

  it("the same text sent twice at once is stored once", async () => {
    const thread = await openThread(
      t.db,
      env,
      actor("enterprise"),
      { channel: "provider", counterpartOrgId: o.provider!.id, subject: "重复", body: "一", files: [] },
      NOW,
      TODAY,
    );
    const send = (at: Date) =>
      postGuidanceMessage(t.db, env, actor("provider"), { threadId: thread.id, body: "好的", files: [] }, at);
    expect((await send(minutes(1))).duplicate).toBe(false);
    expect((await send(minutes(1.5))).duplicate).toBe(true);
    const rows = await t.db.select().from(guidanceMessages).where(eq(guidanceMessages.threadId, thread.id));
    expect(rows).toHaveLength(2);
  });

  it("breaches show in the answering side's summary and the breached filter", async () => {
    const [expert] = await t.db.insert(experts).values({ name: "王工", employerOrgId: o.carrier!.id }).returning();
    const late = await openThread(
      t.db,
      env,
      actor("enterprise"),
      { channel: "expert", expertId: expert!.id, subject: "专家", body: "问", files: [] },
      NOW,
      TODAY,
    );
    const onTime = await openThread(
      t.db,
      env,
      actor("enterprise"),
      { channel: "expert", expertId: expert!.id, subject: "专家2", body: "问", files: [] },
      NOW,
      TODAY,
    );
    await postGuidanceMessage(t.db, env, actor("carrier"), { threadId: onTime.id, body: "答", files: [] }, minutes(60));
    const later = minutes(49 * 60);
    const summary = await guidanceSummary(t.db, acting(o.carrier!), later);
    expect(summary).toMatchObject({ total: 2, breachedWaiting: 1, answeredLate: 0, onTimeRateBp: 10_000 });
    const breached = await listGuidance(t.db, acting(o.carrier!), { filter: "breached" }, later);
    expect(breached.rows.map((r) => r.id)).toEqual([late.id]);
    const [row] = await t.db.select().from(guidanceThreads).where(eq(guidanceThreads.id, late.id));
    expect(row!.counterpartOrgId).toBe(o.carrier!.id);
  });
});

describe("free check-up programs", () => {
  it("a bureau runs a program for enterprises of its region only; a sheet with a bad row writes nothing", async () => {
    const bureau = actor("bureau");
    expect(
      await status(
        createProgram(t.db, actor("provider"), { name: "x", description: "", startsOn: TODAY, endsOn: TODAY }, NOW),
      ),
    ).toBe(403);
    const program = await createProgram(
      t.db,
      bureau,
      { name: "2026 免费安全体检", description: "", startsOn: "2026-06-01", endsOn: "2026-09-30" },
      NOW,
    );
    expect(await status(addEnterprises(t.db, bureau.org, program.id, [o.farEnterprise!.id], TODAY))).toBe(422);
    expect(await status(addEnterprises(t.db, actor("otherBureau").org, program.id, [o.stranger!.id], TODAY))).toBe(404);

    const sheet = [
      ["统一社会信用代码"],
      [o.enterprise!.uscc!],
      [o.farEnterprise!.uscc!],
      ["91330702MA2XXXXXX1"],
      [o.member2!.uscc!],
    ];
    const refused = await addEnterprisesFromSheet(t.db, bureau.org, program.id, sheet, TODAY);
    expect(refused.added).toBe(0);
    expect(refused.errors.map((e) => [e.row, e.code])).toEqual([
      [3, "out_of_scope"],
      [4, expect.stringMatching(/uscc_invalid|unknown_uscc/)],
    ]);
    expect(
      await t.db.select().from(checkupEnterprises).where(eq(checkupEnterprises.programId, program.id)),
    ).toHaveLength(0);

    const fixed = await addEnterprisesFromSheet(t.db, bureau.org, program.id, [sheet[0]!, sheet[1]!, sheet[4]!], TODAY);
    expect(fixed).toMatchObject({ added: 2, already: 0, errors: [] });
    const again = await addEnterprisesFromSheet(t.db, bureau.org, program.id, [sheet[0]!, sheet[1]!], TODAY);
    expect(again).toMatchObject({ added: 0, already: 1 });

    // Commission a provider for one enterprise; it sees the program with that place only.
    await setCarrier(t.db, bureau.org, {
      programId: program.id,
      enterpriseId: o.enterprise!.id,
      carrierOrgId: o.carrier!.id,
    });
    const asCarrier = await getProgram(t.db, acting(o.carrier!), program.id);
    expect(asCarrier.places.map((p) => p.enterpriseId)).toEqual([o.enterprise!.id]);
    expect(asCarrier.places[0]!.mine).toBe(true);
    expect(asCarrier.progress).toMatchObject({ planned: 2, done: 0, plansIssued: 0 });
    expect((await listPrograms(t.db, acting(o.otherProvider!), {})).total).toBe(0);
    expect(await status(getProgram(t.db, acting(o.otherProvider!), program.id))).toBe(404);

    // The plan comes after the check-up, from the carrier only.
    const plan = (who: string) =>
      issuePlan(
        t.db,
        env,
        actor(who),
        {
          programId: program.id,
          enterpriseId: o.enterprise!.id,
          planText: "一企一策：完善有限空间管理",
          file: fileOf(pdfBytes(), "方案.pdf"),
        },
        NOW,
      );
    expect(await status(plan("carrier"))).toBe(409);
    const [inspection] = await t.db
      .insert(inspections)
      .values({
        enterpriseId: o.enterprise!.id,
        inspectorOrgId: o.carrier!.id,
        source: "free_checkup",
        inspectedOn: TODAY,
      })
      .returning();
    await t.db
      .update(checkupEnterprises)
      .set({ inspectionId: inspection!.id })
      .where(and(eq(checkupEnterprises.programId, program.id), eq(checkupEnterprises.enterpriseId, o.enterprise!.id)));
    expect(await status(plan("bureau"))).toBe(403);
    expect(await status(plan("carrier"))).toBe("ok");
    expect(
      await status(
        setCarrier(t.db, bureau.org, { programId: program.id, enterpriseId: o.enterprise!.id, carrierOrgId: null }),
      ),
    ).toBe(409);

    const progress = (await getProgram(t.db, bureau.org, program.id)).progress;
    expect(progress).toMatchObject({ planned: 2, done: 1, plansIssued: 1 });
    const own = await enterpriseCheckups(t.db, o.enterprise!.id);
    expect(own.find((c) => c.programId === program.id)?.planText).toContain("一企一策");
    expect(await planFileFor(t.db, acting(o.enterprise!), program.id, o.enterprise!.id)).not.toBeNull();
    expect(await planFileFor(t.db, acting(o.member2!), program.id, o.enterprise!.id)).toBeNull();
  });

  it("an insurer runs a program only for enterprises it insures", async () => {
    const insurer = actor("insurer");
    const program = await createProgram(
      t.db,
      insurer,
      { name: "保险体检", description: "", startsOn: TODAY, endsOn: "2026-12-31" },
      NOW,
    );
    expect(await addEnterprises(t.db, insurer.org, program.id, [o.enterprise!.id], TODAY)).toEqual({ added: 1 });
    expect(await status(addEnterprises(t.db, insurer.org, program.id, [o.member2!.id], TODAY))).toBe(422);
  });
});
