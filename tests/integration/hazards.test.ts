// The hazard loop through the service (docs/decisions/013 and 019; issue 8 "Inspections and
// hazards", "Bad input"): evidence required, verification by the finder or the bureau, a major
// hazard closed by the bureau only, 409 on illegal or stale steps and nothing half-written; the
// bureau's acknowledgement and the 2-hour escalation on a passed clock; and the rule that
// no organisation sees another's hazards unless it is that enterprise's bureau, insurer, group or
// serving provider (or found the hazard) — list, detail, export and API, over the parties of
// tests/integration/enterprise-relations.test.ts.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  checkupEnterprises,
  checkupPrograms,
  expertAssignments,
  experts,
  groupMembers,
  hazardEvents,
  hazardFiles,
  hazards,
  insurancePolicies,
  memberships,
  notifications,
  users,
  type Hazard,
  type Organisation,
} from "../../db/schema";
import type { ActingOrg } from "../../app/services/enterprise-relations.server";
import { escalateHazardReports } from "../../app/services/hazard-escalation.server";
import {
  acknowledgeHazardReport,
  applyHazardStep,
  getHazard,
  hazardsForExport,
  listHazards,
} from "../../app/services/hazards.server";
import { createApiToken } from "../../app/services/api-tokens.server";
import { loader as apiHazards } from "../../app/routes/api/hazards";
import { loadEnv } from "../../app/utils/env.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner } from "../factories/accounts";
import { insertEngagement, verifiedOrg } from "../factories/engagements";
import { fileOf, pdfBytes, pngBytes } from "../factories/files";
import { insertHazard } from "../factories/safety";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-06-01T02:00:00Z"); // 10:00 in Beijing
const TODAY = "2026-06-01";
let t: TestDb;
let env: ReturnType<typeof loadEnv>;
let uploadDir: string;
const o: Record<string, Organisation> = {};
const owner: Record<string, { id: string }> = {};
const acting = (org: Organisation): ActingOrg => ({ id: org.id, kind: org.kind, regionCode: org.regionCode });
const actor = (who: string) => ({ userId: owner[who]!.id, org: acting(o[who]!), ip: "127.0.0.1" });

async function party(name: string, made: Promise<{ org: Organisation; user: { id: string } }>) {
  const { org, user } = await made;
  o[name] = org;
  owner[name] = user;
}

beforeAll(async () => {
  t = await createTestDb();
  uploadDir = await mkdtemp(path.join(tmpdir(), "anfu-hazards-"));
  env = loadEnv({
    NODE_ENV: "test",
    UPLOAD_DIR: uploadDir,
    RATE_LIMIT_IP_PER_MINUTE: "0",
    RATE_LIMIT_TOKEN_PER_MINUTE: "0",
  });
  await party("enterprise", verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" }));
  await party("peer", verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" }));
  await party("stranger", verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" }));
  await party("cityBureau", createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330700" }));
  await party("otherBureau", createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330100" }));
  await party("insurer", createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330700" }));
  await party("formerInsurer", createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330700" }));
  await party("group", createOrgWithOwner(t.db, { kind: "group", regionCode: "330702" }));
  await party("otherGroup", createOrgWithOwner(t.db, { kind: "group", regionCode: "330702" }));
  await party("provider", verifiedOrg(t.db, { kind: "provider", regionCode: "330702" }));
  await party("pastProvider", verifiedOrg(t.db, { kind: "provider", regionCode: "330702" }));
  await party("expertEmployer", verifiedOrg(t.db, { kind: "provider", regionCode: "330702" }));
  await party("checkupCarrier", verifiedOrg(t.db, { kind: "provider", regionCode: "330702" }));
  await party("platform", createOrgWithOwner(t.db, { kind: "platform", regionCode: "330702" }));

  const E = o.enterprise!.id;
  const policy = { enterpriseId: E, premiumFen: 1_200_000, preventionFeeBps: 1500, riskGrade: "blue" as const };
  await t.db.insert(insurancePolicies).values([
    { ...policy, insurerId: o.insurer!.id, policyNumber: "P-1", startDate: "2026-01-01", endDate: "2026-12-31" },
    { ...policy, insurerId: o.formerInsurer!.id, policyNumber: "P-0", startDate: "2025-01-01", endDate: "2025-12-31" },
  ]);
  await t.db.insert(groupMembers).values([
    { groupId: o.group!.id, enterpriseId: E, status: "active" },
    { groupId: o.group!.id, enterpriseId: o.peer!.id, status: "active" },
    { groupId: o.otherGroup!.id, enterpriseId: E, status: "invited" },
  ]);
  await insertEngagement(t.db, { enterpriseId: E, providerId: o.provider!.id, status: "in_service" });
  await insertEngagement(t.db, { enterpriseId: E, providerId: o.pastProvider!.id, status: "closed" });
  const [expert] = await t.db.insert(experts).values({ name: "王工", employerOrgId: o.expertEmployer!.id }).returning();
  await t.db
    .insert(expertAssignments)
    .values({ expertId: expert!.id, enterpriseId: E, assignedByOrgId: o.cityBureau!.id });
  const [program] = await t.db
    .insert(checkupPrograms)
    .values({ runnerOrgId: o.cityBureau!.id, name: "免费安全体检", startsOn: "2026-05-01", endsOn: "2026-07-31" })
    .returning();
  await t.db
    .insert(checkupEnterprises)
    .values({ programId: program!.id, enterpriseId: E, carrierOrgId: o.checkupCarrier!.id });
}, 240_000); // fourteen parties with hashed passwords: slow on a shared machine

afterAll(async () => {
  await t?.close();
  if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
});

const png = () => fileOf(pngBytes(), "after.png", "image/png");

async function refusal(work: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error("expected a refusal");
}

/** Everything a step could write about a hazard: its row, timeline, files, audit entries, notices. */
async function snapshot(hazardId: string) {
  const [row] = await t.db.select().from(hazards).where(eq(hazards.id, hazardId));
  const events = await t.db.select().from(hazardEvents).where(eq(hazardEvents.hazardId, hazardId));
  const attached = await t.db.select().from(hazardFiles).where(eq(hazardFiles.hazardId, hazardId));
  const audits = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, hazardId));
  const notices = await t.db.select().from(notifications).where(eq(notifications.subjectId, hazardId));
  const stored = await readdir(uploadDir, { recursive: true }).catch(() => []);
  return {
    row,
    events: events.length,
    files: attached.length,
    audits: audits.length,
    notices: notices.length,
    stored: stored.length,
  };
}

const step = (
  who: string,
  hazard: Hazard,
  event: string,
  extra: { note?: string; evidence?: File[]; version?: number; now?: Date } = {},
) =>
  applyHazardStep(t.db, env, actor(who), {
    hazardId: hazard.id,
    event,
    note: extra.note,
    evidence: extra.evidence,
    expectedVersion: extra.version,
    now: extra.now ?? NOW,
  });

describe("the rectification loop of a general hazard found by the serving provider", () => {
  it("open → rectifying → rectified (with evidence) → verified (with a note) → closed by the finder", async () => {
    const h = await insertHazard(t.db, { enterpriseId: o.enterprise!.id, finderOrgId: o.provider!.id });
    const minute = (n: number) => new Date(NOW.getTime() + n * 60_000);
    const started = await step("enterprise", h, "start_rectification", { version: 0, now: minute(1) });
    expect(started).toMatchObject({ status: "rectifying", leftOpenOn: TODAY, version: 1 });

    // Decision 013: submit_rectification needs ≥ 1 evidence file — refused with 422, nothing written.
    const before = await snapshot(h.id);
    expect(await refusal(step("enterprise", started, "submit_rectification"))).toEqual({
      status: 422,
      code: "evidence_required",
    });
    expect(await snapshot(h.id)).toEqual(before);

    const rectified = await step("enterprise", started, "submit_rectification", {
      evidence: [png(), png()],
      now: minute(2),
    });
    expect(rectified.status).toBe("rectified");
    const evidence = await t.db.select().from(hazardFiles).where(eq(hazardFiles.hazardId, h.id));
    const [submitted] = await t.db
      .select()
      .from(hazardEvents)
      .where(and(eq(hazardEvents.hazardId, h.id), eq(hazardEvents.event, "submit_rectification")));
    expect(evidence).toHaveLength(2);
    expect(evidence.every((f) => f.role === "evidence" && f.eventId === submitted!.id)).toBe(true);
    // The finder hears of it (hazard_rectified), the enterprise that acted does not.
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.subjectId, h.id), eq(notifications.type, "hazard_rectified")));
    expect(new Set(told.map((n) => n.recipientOrgId))).toEqual(new Set([o.provider!.id]));

    // Verification needs a note (decision 013), and the enterprise cannot verify its own work.
    expect(await refusal(step("provider", rectified, "verify"))).toEqual({ status: 422, code: "note_required" });
    expect(await refusal(step("enterprise", rectified, "verify", { note: "好了" }))).toEqual({
      status: 409,
      code: "actor_not_allowed",
    });
    const verified = await step("provider", rectified, "verify", { note: "现场复查：已接地", now: minute(3) });
    expect(verified.status).toBe("verified");
    const closed = await step("provider", verified, "close", { now: minute(4) });
    expect(closed.status).toBe("closed");
    expect(closed.closedAt).toEqual(minute(4));
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, h.id));
    expect(audits.map((a) => a.action)).toContain("hazard.closed");
    const view = await getHazard(t.db, acting(o.enterprise!), { hazardId: h.id, now: NOW });
    expect(view.timeline.map((e) => e.event)).toEqual([
      "found",
      "start_rectification",
      "submit_rectification",
      "verify",
      "close",
    ]);
    expect(view.evidence).toHaveLength(2);
    expect(view.actions).toEqual([]);
  });

  it("a verifier who is not satisfied sends it back with a note", async () => {
    const h = await insertHazard(t.db, {
      enterpriseId: o.enterprise!.id,
      finderOrgId: o.provider!.id,
      status: "rectified",
      leftOpenOn: TODAY,
    });
    expect(await refusal(step("provider", h, "reject_rectification"))).toEqual({ status: 422, code: "note_required" });
    const back = await step("provider", h, "reject_rectification", { note: "接地线未压紧" });
    expect(back.status).toBe("rectifying");
  });
});

describe("refused steps answer 409 (or 422) and write nothing", () => {
  it.each([
    // [why (decision 013), status of the hazard, grade, who, event, extra, expected code, http]
    ["no edge open→close", "open", "general", "provider", "close", {}, "illegal_transition", 409],
    [
      "only the enterprise rectifies",
      "open",
      "general",
      "provider",
      "start_rectification",
      {},
      "actor_not_allowed",
      409,
    ],
    [
      "the finder may not close a major hazard (销号 by the bureau)",
      "verified",
      "major",
      "provider",
      "close",
      {},
      "major_needs_bureau",
      409,
    ],
    [
      "立查立改 is for general hazards only",
      "open",
      "major",
      "enterprise",
      "rectify_on_spot",
      { evidence: true },
      "general_only",
      409,
    ],
    [
      "rectify on the spot needs evidence",
      "open",
      "general",
      "enterprise",
      "rectify_on_spot",
      {},
      "evidence_required",
      422,
    ],
    [
      "a closed hazard takes no step",
      "closed",
      "general",
      "enterprise",
      "start_rectification",
      {},
      "illegal_transition",
      409,
    ],
    ["an unknown event", "open", "general", "enterprise", "explode", {}, "illegal_transition", 409],
    [
      "an insurer that sees it holds no role on it",
      "open",
      "general",
      "insurer",
      "start_rectification",
      {},
      "actor_not_allowed",
      409,
    ],
  ] as const)("%s", async (_why, status, grade, who, event, extra, code, http) => {
    const h = await insertHazard(t.db, {
      enterpriseId: o.enterprise!.id,
      finderOrgId: o.provider!.id,
      status,
      grade,
      reportedToBureauId: grade === "major" ? o.cityBureau!.id : null,
      reportedAt: grade === "major" ? NOW : null,
    });
    const before = await snapshot(h.id);
    const evidence = "evidence" in extra ? [png()] : undefined;
    expect(await refusal(step(who, h, event, { evidence }))).toEqual({ status: http, code });
    expect(await snapshot(h.id)).toEqual(before);
  });

  it("a stale page (another version) is 409 stale and writes nothing", async () => {
    const h = await insertHazard(t.db, { enterpriseId: o.enterprise!.id, finderOrgId: o.provider!.id });
    await step("enterprise", h, "start_rectification", { version: 0 });
    const before = await snapshot(h.id);
    expect(await refusal(step("enterprise", h, "submit_rectification", { version: 0, evidence: [png()] }))).toEqual({
      status: 409,
      code: "stale",
    });
    expect(await snapshot(h.id)).toEqual(before);
  });

  it("evidence the upload rules refuse (a PDF is fine, text is not) writes nothing, bytes included", async () => {
    const h = await insertHazard(t.db, {
      enterpriseId: o.enterprise!.id,
      finderOrgId: o.provider!.id,
      status: "rectifying",
    });
    const before = await snapshot(h.id);
    const bad = fileOf(new TextEncoder().encode("not a picture"), "x.png", "image/png");
    expect(await refusal(step("enterprise", h, "submit_rectification", { evidence: [png(), bad] }))).toEqual({
      status: 415,
      code: "file_type_refused",
    });
    expect(await snapshot(h.id)).toEqual(before);
    const ok = await step("enterprise", h, "submit_rectification", { evidence: [fileOf(pdfBytes(), "report.pdf")] });
    expect(ok.status).toBe("rectified");
  });

  it("an organisation that may not see the hazard gets the 404 of a missing one", async () => {
    const h = await insertHazard(t.db, { enterpriseId: o.enterprise!.id, finderOrgId: o.provider!.id });
    expect(await refusal(step("stranger", h, "start_rectification"))).toEqual({ status: 404, code: "not_found" });
    expect(await refusal(step("otherBureau", h, "verify", { note: "x" }))).toEqual({ status: 404, code: "not_found" });
  });
});

describe("a major hazard", () => {
  it("is verified by the finder and closed by the bureau, whose region contains the enterprise", async () => {
    const h = await insertHazard(t.db, {
      enterpriseId: o.enterprise!.id,
      finderOrgId: o.provider!.id,
      grade: "major",
      status: "rectified",
      reportedToBureauId: o.cityBureau!.id,
      reportedAt: NOW,
    });
    const verified = await step("provider", h, "verify", { note: "复查合格" });
    // The bureau hears of each step of a major hazard.
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.subjectId, h.id), eq(notifications.type, "hazard_verified")));
    expect(new Set(told.map((n) => n.recipientOrgId))).toEqual(new Set([o.enterprise!.id, o.cityBureau!.id]));
    const bureauView = await getHazard(t.db, acting(o.cityBureau!), { hazardId: h.id, now: NOW });
    expect(bureauView.roles).toEqual(["bureau"]);
    expect(bureauView.actions.map((a) => a.event)).toEqual(["close"]);
    const providerView = await getHazard(t.db, acting(o.provider!), { hazardId: h.id, now: NOW });
    expect(providerView.actions).toEqual([]);
    const closed = await step("cityBureau", verified, "close");
    expect(closed.status).toBe("closed");
  });

  it("its report is acknowledged once by the bureau it went to, audited and on the timeline", async () => {
    const h = await insertHazard(t.db, {
      enterpriseId: o.enterprise!.id,
      finderOrgId: o.provider!.id,
      grade: "major",
      reportedToBureauId: o.cityBureau!.id,
      reportedAt: NOW,
    });
    const later = new Date(NOW.getTime() + 30 * 60_000);
    expect(await refusal(acknowledgeHazardReport(t.db, actor("otherBureau"), { hazardId: h.id, now: later }))).toEqual({
      status: 404,
      code: "not_found",
    });
    const acked = await acknowledgeHazardReport(t.db, actor("cityBureau"), { hazardId: h.id, now: later });
    expect(acked).toMatchObject({ bureauAcknowledgedAt: later, bureauAcknowledgedByUserId: owner.cityBureau!.id });
    expect(await refusal(acknowledgeHazardReport(t.db, actor("cityBureau"), { hazardId: h.id, now: later }))).toEqual({
      status: 409,
      code: "already_acknowledged",
    });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, h.id));
    expect(audits.map((a) => a.action)).toEqual(["hazard.report_acknowledged"]);
    const view = await getHazard(t.db, acting(o.cityBureau!), { hazardId: h.id, now: later });
    expect(view.report?.state).toBe("acknowledged");
    expect(view.timeline.map((e) => e.event)).toEqual(["found", "acknowledge_report"]);
  });
});

describe("escalation of unacknowledged major-hazard reports (job escalate-hazard-reports)", () => {
  it("escalates once, 2 hours after reporting, to the bureau's owners and admins only", async () => {
    const bureau = await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330702" });
    const [clerk] = await t.db
      .insert(users)
      .values({ email: `clerk.${Date.now()}@test.anfu`, name: "值班员", passwordHash: "x" })
      .returning();
    await t.db.insert(memberships).values({ userId: clerk!.id, orgId: bureau.org.id, role: "member" });
    const reportedAt = new Date("2026-06-02T01:00:00Z");
    const h = await insertHazard(t.db, {
      enterpriseId: o.peer!.id,
      finderOrgId: o.provider!.id,
      grade: "major",
      foundOn: "2026-06-02",
      deadline: "2026-06-30",
      reportedToBureauId: bureau.org.id,
      reportedAt,
    });
    const at = (minutes: number) => new Date(reportedAt.getTime() + minutes * 60_000);
    const mine = async () => {
      await escalateHazardReports(t.db, at(0));
      const [row] = await t.db.select().from(hazards).where(eq(hazards.id, h.id));
      return row!;
    };
    await escalateHazardReports(t.db, at(119));
    expect((await mine()).escalatedAt).toBeNull();
    await escalateHazardReports(t.db, at(120));
    expect((await mine()).escalatedAt).toEqual(at(120));
    await escalateHazardReports(t.db, at(180)); // a rerun changes nothing
    expect((await mine()).escalatedAt).toEqual(at(120));
    const notices = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.subjectId, h.id), eq(notifications.type, "hazard_report_escalated")));
    expect(new Set(notices.map((n) => n.recipientUserId))).toEqual(new Set([bureau.user.id]));
    expect(notices.filter((n) => n.channel === "in_app")).toHaveLength(1);
    const view = await getHazard(t.db, acting(bureau.org), { hazardId: h.id, now: at(121) });
    expect(view.report?.state).toBe("escalated");
    expect(view.timeline.map((e) => e.event)).toEqual(["found", "escalate_report"]);
    // Acknowledged afterwards: late, and the record keeps that it escalated.
    await acknowledgeHazardReport(
      t.db,
      { userId: bureau.user.id, org: acting(bureau.org) },
      { hazardId: h.id, now: at(200) },
    );
    const after = await getHazard(t.db, acting(bureau.org), { hazardId: h.id, now: at(200) });
    expect(after.report).toMatchObject({ state: "acknowledged_late", escalatedAt: at(120) });
  });
});

describe("no organisation sees another's hazards unless it is that enterprise's bureau, insurer, group or serving provider", () => {
  let ofEnterprise: Hazard;
  let foundByPeer: Hazard;
  let ofPeer: Hazard;
  let ofStranger: Hazard;
  beforeAll(async () => {
    ofEnterprise = await insertHazard(t.db, {
      enterpriseId: o.enterprise!.id,
      finderOrgId: o.provider!.id,
      description: "VIS-E 消防通道堵塞",
    });
    // A mutual-aid finder sees what it recorded, not the rest of the enterprise's register.
    foundByPeer = await insertHazard(t.db, {
      enterpriseId: o.enterprise!.id,
      finderOrgId: o.peer!.id,
      source: "mutual_aid",
      description: "VIS-P 灭火器过期",
    });
    ofPeer = await insertHazard(t.db, {
      enterpriseId: o.peer!.id,
      finderOrgId: o.peer!.id,
      source: "self_check",
      description: "VIS-Q 自查发现",
    });
    ofStranger = await insertHazard(t.db, {
      enterpriseId: o.stranger!.id,
      finderOrgId: o.stranger!.id,
      source: "self_check",
      description: "VIS-S 陌生企业",
    });
  });

  const ALL = () => ({ E: ofEnterprise.id, P: foundByPeer.id, Q: ofPeer.id, S: ofStranger.id });
  it.each([
    ["the enterprise itself", "enterprise", ["E", "P"]],
    ["its city bureau (region contains the county; both peers are in it)", "cityBureau", ["E", "P", "Q", "S"]],
    ["a bureau of another city", "otherBureau", []],
    ["an insurer with a policy in force", "insurer", ["E", "P"]],
    ["an insurer whose policy ended", "formerInsurer", []],
    ["the group coordinating it (the peer is a member too)", "group", ["E", "P", "Q"]],
    ["a group it was only invited to", "otherGroup", []],
    ["a provider serving it, which found one", "provider", ["E", "P"]],
    ["a provider whose engagement is closed", "pastProvider", []],
    ["the employer of an expert assigned to it", "expertEmployer", ["E", "P"]],
    ["the carrier of its free check-up", "checkupCarrier", ["E", "P"]],
    ["a fellow member: only what it found and its own", "peer", ["P", "Q"]],
    ["an unrelated enterprise: only its own", "stranger", ["S"]],
    ["the platform", "platform", []],
  ] as const)("%s → %j", async (_label, who, expected) => {
    const ids = ALL();
    const label = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];
    const org = acting(o[who]!);
    const q = "VIS-";
    // The register
    const listed = await listHazards(t.db, org, { q, today: TODAY });
    expect(listed.rows.map((r) => label(r.id)).sort()).toEqual([...expected].sort());
    expect(listed.total).toBe(expected.length);
    // The export
    const exported = await hazardsForExport(t.db, org, { q, today: TODAY });
    expect(exported.map((r) => label(r.id)).sort()).toEqual([...expected].sort());
    // The detail page: every hazard not in the list is a 404.
    for (const [name, id] of Object.entries(ids)) {
      const seen = await getHazard(t.db, org, { hazardId: id, now: NOW }).then(
        () => true,
        (e: unknown) => {
          if (e instanceof AppError && e.status === 404) return false;
          throw e;
        },
      );
      expect(seen, `${who} opens ${name}`).toBe((expected as readonly string[]).includes(name));
    }
    // The API, with a token of the organisation
    const { secret } = await createApiToken(
      t.db,
      { userId: owner[who]!.id, orgId: o[who]!.id, ip: "127.0.0.1" },
      `vis-${who}`,
    );
    const response = await apiHazards({
      request: new Request(`http://anfu.test/api/v1/hazards?q=${q}`, {
        headers: { Authorization: `Bearer ${secret}` },
      }),
      context: { db: t.db, env, clientIp: "127.0.0.1" },
      params: {},
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { hazards: Array<{ id: string }>; total: number };
    expect(body.hazards.map((h) => label(h.id)).sort()).toEqual([...expected].sort());
  });

  it("the API refuses a bad filter with 400 naming it, and a missing token with 401", async () => {
    const { secret } = await createApiToken(
      t.db,
      { userId: owner.enterprise!.id, orgId: o.enterprise!.id, ip: "127.0.0.1" },
      "bad",
    );
    const ask = (query: string, auth = true) =>
      apiHazards({
        request: new Request(`http://anfu.test/api/v1/hazards?${query}`, {
          headers: auth ? { Authorization: `Bearer ${secret}` } : {},
        }),
        context: { db: t.db, env, clientIp: "127.0.0.1" },
        params: {},
      });
    const bad = await ask("status=burning&enterprise=nope");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toMatchObject({
      status: "invalid",
      enterprise: "invalid",
    });
    expect((await ask("", false)).status).toBe(401);
    const mine = await ask(`enterprise=${o.enterprise!.id}&status=open`);
    expect(mine.status).toBe(200);
  });
});

describe("the register's order and derived marks", () => {
  it("puts overdue first, marks self-reported and free check-up hazards", async () => {
    const e = await verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" });
    const me = acting(e.org);
    const base = {
      enterpriseId: e.org.id,
      finderOrgId: e.org.id,
      source: "self_check" as const,
      foundOn: "2026-05-01",
    };
    const onTime = await insertHazard(t.db, {
      ...base,
      deadline: "2026-06-20",
      status: "rectifying",
      leftOpenOn: "2026-05-02",
    });
    const overdue = await insertHazard(t.db, { ...base, deadline: "2026-05-20" });
    const veryOverdue = await insertHazard(t.db, {
      ...base,
      deadline: "2026-05-10",
      status: "rectifying",
      leftOpenOn: "2026-05-15",
    });
    const lateButRectified = await insertHazard(t.db, {
      ...base,
      deadline: "2026-05-05",
      status: "rectified",
      leftOpenOn: "2026-05-03",
    });
    const free = await insertHazard(t.db, {
      ...base,
      finderOrgId: o.cityBureau!.id,
      source: "free_checkup",
      deadline: "2026-06-30",
    });
    const { rows } = await listHazards(t.db, me, { today: TODAY });
    expect(rows.map((r) => r.id)).toEqual([veryOverdue.id, overdue.id, lateButRectified.id, onTime.id, free.id]);
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(by[veryOverdue.id]).toMatchObject({ overdue: true, overdueDays: 22, selfReported: false });
    expect(by[overdue.id]).toMatchObject({ overdue: true, overdueDays: 12, selfReported: false });
    // In rectification before the deadline: 自查自改自报; the deadline's wait ends at rectified.
    expect(by[lateButRectified.id]).toMatchObject({ overdue: false, selfReported: true });
    expect(by[onTime.id]).toMatchObject({ overdue: false, selfReported: true });
    expect(by[free.id]).toMatchObject({ notABasisForPenalty: true, selfReported: false });
    const onlyOverdue = await listHazards(t.db, me, { today: TODAY, overdue: true });
    expect(onlyOverdue.rows.map((r) => r.id)).toEqual([veryOverdue.id, overdue.id]);
  });

  it("a self-check hazard rectified on the spot before its deadline is self-reported", async () => {
    const e = await verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" });
    owner.selfChecker = e.user;
    o.selfChecker = e.org;
    const h = await insertHazard(t.db, { enterpriseId: e.org.id, finderOrgId: e.org.id, source: "self_check" });
    const fixed = await step("selfChecker", h, "rectify_on_spot", { evidence: [png()] });
    expect(fixed.status).toBe("rectified");
    // The enterprise is also the finder (self-check): it verifies its own with a note, then closes.
    const verified = await step("selfChecker", fixed, "verify", { note: "自查复核" });
    await step("selfChecker", verified, "close");
    const { rows } = await listHazards(t.db, acting(e.org), { today: TODAY });
    expect(rows[0]).toMatchObject({ status: "closed", selfReported: true });
  });
});
