// Inspections, their hazards and the 双报告 of major hazards (issue 8 "Inspections and hazards",
// "Bad input"; decisions 013 and 018). One enterprise E in 330702 with a serving provider, a
// mutual-aid peer, county and city bureaus; strangers of every kind.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  hazardEvents,
  hazardFiles,
  hazards,
  inspections,
  notifications,
  rotationAssignments,
  rotationCycles,
  type Organisation,
} from "../../db/schema";
import { action as apiAction } from "../../app/routes/api/inspections";
import { createApiToken } from "../../app/services/api-tokens.server";
import { visibleLink } from "../../app/services/notification-links.server";
import {
  acknowledgeInspection,
  addDraftHazard,
  addInspectionPhotos,
  confirmInspection,
  createInspection,
  getInspection,
  inspectionPhotoFor,
  InspectionInputError,
  listInspections,
  updateDraft,
  type InspectionActor,
  type InspectionInput,
} from "../../app/services/inspections.server";
import { loadEnv } from "../../app/utils/env.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner } from "../factories/accounts";
import { insertEngagement, verifiedOrg } from "../factories/engagements";
import { fileOf, pngBytes } from "../factories/files";
import { tempUploadDir } from "../factories/providers";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-06-01T02:00:00Z");
const TODAY = "2026-06-01";
let t: TestDb;
let uploads: Awaited<ReturnType<typeof tempUploadDir>>;
let env: ReturnType<typeof loadEnv>;
const o: Record<string, Organisation> = {};
const u: Record<string, { id: string }> = {};

const actor = (name: string): InspectionActor => ({
  orgId: o[name]!.id,
  orgKind: o[name]!.kind,
  regionCode: o[name]!.regionCode,
  userId: u[name]!.id,
});

const input = (over: Partial<InspectionInput> = {}): InspectionInput => ({
  enterpriseId: o.enterprise!.id,
  source: "provider",
  inspectedOn: TODAY,
  inspectorNames: ["李工", "王工"],
  findings: "现场检查",
  now: NOW,
  ...over,
});

/** Answers to the general industry checklist: every required item passes except `fail`. */
function generalAnswers(fail: string[] = []): Record<string, string> {
  const keys = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "13", "14", "15"];
  return Object.fromEntries(keys.map((k) => [`gen-${k}`, fail.includes(`gen-${k}`) ? "fail" : "pass"]));
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  t = await createTestDb();
  uploads = await tempUploadDir();
  env = loadEnv({ NODE_ENV: "test", UPLOAD_DIR: uploads.env.UPLOAD_DIR, RATE_LIMIT_TOKEN_PER_MINUTE: "0" });
  const add = (name: string, r: { org: Organisation; user: { id: string } }) => {
    o[name] = r.org;
    u[name] = r.user;
  };
  add("enterprise", await verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" }));
  add("peer", await verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" }));
  add("faraway", await verifiedOrg(t.db, { kind: "enterprise", regionCode: "110101" }));
  add("provider", await verifiedOrg(t.db, { kind: "provider", regionCode: "330702" }));
  add("stranger", await verifiedOrg(t.db, { kind: "provider", regionCode: "330702" }));
  add("countyBureau", await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330702" }));
  add("cityBureau", await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330700" }));
  add("insurer", await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330700" }));
  await insertEngagement(t.db, { enterpriseId: o.enterprise!.id, providerId: o.provider!.id, status: "in_service" });
  await insertEngagement(t.db, { enterpriseId: o.faraway!.id, providerId: o.provider!.id, status: "in_service" });
  const [cycle] = await t.db
    .insert(rotationCycles)
    .values({ groupId: o.cityBureau!.id, label: "2026", startsOn: "2026-01-01", endsOn: "2026-12-31", seed: "s" })
    .returning();
  await t.db
    .insert(rotationAssignments)
    .values({ cycleId: cycle!.id, inspectorEnterpriseId: o.peer!.id, inspectedEnterpriseId: o.enterprise!.id });
}, 60_000);

afterAll(async () => {
  await t?.close();
  await uploads?.remove();
});

describe("who may record an inspection (inspection-sources.ts, enterprise-relations)", () => {
  // Issue 8, "Bad input": an inspection of an enterprise the inspector has no relation to is refused.
  it.each([
    ["a provider without an engagement", "stranger", "provider", "no_relation"],
    ["an insurer without a policy in force", "insurer", "insurer", "no_relation"],
    ["a provider posing as the insurer", "provider", "insurer", "no_relation"],
    ["a peer without a mutual-aid plan, as self-check", "peer", "self_check", "no_relation"],
    ["the enterprise itself as an outside source", "enterprise", "government", "own_enterprise"],
    ["its bureau as a free check-up without a program", "cityBureau", "free_checkup", "no_relation"],
  ] as const)("refuses %s (403, nothing written)", async (_label, who, source, code) => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(inspections);
    const error = await refusal(createInspection(t.db, env, actor(who), input({ source })));
    expect([error.status, error.code]).toEqual([403, code]);
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(inspections);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it.each([
    ["the serving provider", "provider", "provider"],
    ["the enterprise's own self-check", "enterprise", "self_check"],
    ["the county bureau", "countyBureau", "government"],
  ] as const)("admits %s", async (_label, who, source) => {
    const { inspection } = await createInspection(t.db, env, actor(who), input({ source }));
    expect(inspection.inspectorOrgId).toBe(o[who]!.id);
  });
});

describe("checklist answers and score", () => {
  it("scores passed ÷ applicable and refuses bad answers item by item", async () => {
    const { inspection } = await createInspection(
      t.db,
      env,
      actor("provider"),
      input({ templateKey: "general_industry_trade", answers: { ...generalAnswers(["gen-02"]), "gen-12": "5.2" } }),
    );
    // 15 applicable (14 pass/fail + the earthing number), 2 failures (gen-02, 5.2 Ω > 4 Ω): 13/15.
    expect(inspection.scoreBp).toBe(Math.floor((13 * 10_000) / 15));
    expect(inspection.answers["gen-12"]).toBe(5.2);
    const error = await refusal(
      createInspection(
        t.db,
        env,
        actor("provider"),
        input({ templateKey: "general_industry_trade", answers: { "gen-01": "maybe", "gen-99": "pass" } }),
      ),
    );
    expect(error).toBeInstanceOf(InspectionInputError);
    expect((error as InspectionInputError).fields).toMatchObject({
      "answers.gen-01": "inspections.answer_invalid_choice",
      "answers.gen-99": "inspections.answer_unknown_item",
    });
    const unknown = await refusal(createInspection(t.db, env, actor("provider"), input({ templateKey: "nope" })));
    expect([unknown.status, unknown.code]).toEqual([422, "unknown_template"]);
  });

  it("lets a draft leave required items open but not a confirmation", async () => {
    const { inspection } = await createInspection(
      t.db,
      env,
      actor("provider"),
      input({ templateKey: "general_industry_trade", answers: { "gen-01": "pass" } }),
    );
    const error = await refusal(confirmInspection(t.db, actor("provider"), { inspectionId: inspection.id, now: NOW }));
    expect((error as InspectionInputError).fields["answers.gen-02"]).toBe("inspections.answer_missing_required");
  });
});

describe("confirmation, freezing and acknowledgement (AQ 9010 style)", () => {
  it("freezes findings once confirmed and lets the enterprise acknowledge only afterwards", async () => {
    const { inspection } = await createInspection(t.db, env, actor("provider"), input());
    // A draft of another organisation is not the enterprise's to see, let alone acknowledge.
    const early = await refusal(
      acknowledgeInspection(t.db, actor("enterprise"), { inspectionId: inspection.id, now: NOW }),
    );
    expect(early.status).toBe(404);
    await expect(getInspection(t.db, actor("enterprise"), inspection.id, TODAY)).rejects.toThrow();
    await confirmInspection(t.db, actor("provider"), { inspectionId: inspection.id, now: NOW });
    const frozen = await refusal(
      updateDraft(t.db, actor("provider"), {
        inspectionId: inspection.id,
        version: 1,
        inspectedOn: TODAY,
        inspectorNames: ["李工"],
        findings: "改写",
        now: NOW,
      }),
    );
    expect([frozen.status, frozen.code]).toEqual([409, "findings_frozen"]);
    const again = await refusal(confirmInspection(t.db, actor("provider"), { inspectionId: inspection.id, now: NOW }));
    expect([again.status, again.code]).toEqual([409, "already_confirmed"]);
    const view = await getInspection(t.db, actor("enterprise"), inspection.id, TODAY);
    expect(view.may.acknowledge).toBe(true);
    await acknowledgeInspection(t.db, actor("enterprise"), { inspectionId: inspection.id, note: "已知悉", now: NOW });
    const done = await getInspection(t.db, actor("provider"), inspection.id, TODAY);
    expect(done.status).toBe("complete");
    expect(done.acknowledgedByName).toBeTruthy();
    expect(done.confirmedByName).toBeTruthy();
    const twice = await refusal(
      acknowledgeInspection(t.db, actor("enterprise"), { inspectionId: inspection.id, now: NOW }),
    );
    expect([twice.status, twice.code]).toEqual([409, "already_acknowledged"]);
  });

  it("refuses a self-check acknowledgement before its confirmation (409)", async () => {
    const { inspection } = await createInspection(t.db, env, actor("enterprise"), input({ source: "self_check" }));
    const error = await refusal(
      acknowledgeInspection(t.db, actor("enterprise"), { inspectionId: inspection.id, now: NOW }),
    );
    expect([error.status, error.code]).toEqual([409, "not_confirmed_yet"]);
  });

  it("shows drafts only to their author, signed records also to the enterprise and its bureau", async () => {
    const { inspection } = await createInspection(t.db, env, actor("provider"), input({ findings: "可见性" }));
    const ids = async (who: string) =>
      (await listInspections(t.db, actor(who), {}, TODAY)).rows.map((r) => r.id).filter((id) => id === inspection.id);
    expect(await ids("enterprise")).toEqual([]);
    expect(await ids("countyBureau")).toEqual([]);
    await confirmInspection(t.db, actor("provider"), { inspectionId: inspection.id, now: NOW });
    expect(await ids("enterprise")).toEqual([inspection.id]);
    expect(await ids("countyBureau")).toEqual([inspection.id]);
    expect(await ids("stranger")).toEqual([]);
    expect(await ids("insurer")).toEqual([]);
  });
});

describe("hazards born at confirmation and the 双报告 of a major hazard", () => {
  it("keeps proposed hazards in the draft, writes them with events and photos at confirmation", async () => {
    const { inspection } = await createInspection(
      t.db,
      env,
      actor("provider"),
      input({ templateKey: "general_industry_trade", answers: generalAnswers(["gen-02", "gen-07"]) }),
    );
    const draft = await getInspection(t.db, actor("provider"), inspection.id, TODAY);
    expect(draft.candidates.map((c) => [c.itemKey, c.suggestedGrade])).toEqual([
      ["gen-02", "major"],
      ["gen-07", "general"],
    ]);
    await addDraftHazard(t.db, env, actor("provider"), {
      inspectionId: inspection.id,
      hazard: {
        itemKey: "gen-02",
        grade: "major",
        description: "电焊工无证上岗",
        deadline: "2026-06-10",
        photos: [fileOf(pngBytes(), "weld.png", "image/png")],
      },
      now: NOW,
    });
    const early = await refusal(
      addDraftHazard(t.db, env, actor("provider"), {
        inspectionId: inspection.id,
        hazard: { grade: "general", description: "早于检查日", deadline: "2026-05-01" },
        now: NOW,
      }),
    );
    expect((early as InspectionInputError).fields["hazard.0.deadline"]).toBe("inspections.deadline_before_inspection");
    await addDraftHazard(t.db, env, actor("provider"), {
      inspectionId: inspection.id,
      hazard: { itemKey: "gen-07", grade: "general", description: "防护罩缺失", deadline: "2026-06-05" },
      now: NOW,
    });
    expect(await t.db.select().from(hazards).where(eq(hazards.inspectionId, inspection.id))).toEqual([]);
    const { intake } = await confirmInspection(t.db, actor("provider"), { inspectionId: inspection.id, now: NOW });
    const rows = await t.db.select().from(hazards).where(eq(hazards.inspectionId, inspection.id));
    expect(rows.map((h) => [h.grade, h.status, h.source, h.finderOrgId, h.foundOn]).sort()).toEqual([
      ["general", "open", "provider", o.provider!.id, TODAY],
      ["major", "open", "provider", o.provider!.id, TODAY],
    ]);
    const major = rows.find((h) => h.grade === "major")!;
    const general = rows.find((h) => h.grade === "general")!;
    // The most specific bureau: the county's, not the city's.
    expect([major.reportedToBureauId, major.reportedAt]).toEqual([o.countyBureau!.id, NOW]);
    expect([general.reportedToBureauId, general.reportedAt]).toEqual([null, null]);
    expect(intake!.reports).toEqual([{ hazardId: major.id, bureauId: o.countyBureau!.id, missing: [] }]);
    const events = await t.db.select().from(hazardEvents).where(eq(hazardEvents.hazardId, major.id));
    expect(events.map((e) => [e.event, e.fromStatus, e.toStatus, e.actorOrgId])).toEqual([
      ["found", null, "open", o.provider!.id],
    ]);
    const photos = await t.db.select().from(hazardFiles).where(eq(hazardFiles.hazardId, major.id));
    expect(photos.map((p) => p.role)).toEqual(["photo"]);
    const told = await t.db
      .select({ org: notifications.recipientOrgId })
      .from(notifications)
      .where(
        and(
          eq(notifications.type, "hazard_major_reported"),
          eq(notifications.subjectId, major.id),
          eq(notifications.channel, "in_app"),
        ),
      );
    expect(new Set(told.map((n) => n.org))).toEqual(new Set([o.countyBureau!.id, o.enterprise!.id, o.provider!.id]));
    const nobodyForGeneral = await t.db.select().from(notifications).where(eq(notifications.subjectId, general.id));
    expect(nobodyForGeneral).toEqual([]);
    // The inbox re-checks: the three parties may follow the link, a stranger may not.
    const n = { type: "hazard_major_reported", subjectType: "hazard", subjectId: major.id };
    for (const who of ["countyBureau", "enterprise", "provider"]) {
      expect(await visibleLink(t.db, { orgId: o[who]!.id, now: NOW }, n)).toBe(`/hazards/${major.id}`);
    }
    expect(await visibleLink(t.db, { orgId: o.stranger!.id, now: NOW }, n)).toBeNull();
  });

  it("records a missing bureau instead of dropping the report", async () => {
    const { intake } = await createInspection(
      t.db,
      env,
      actor("provider"),
      input({
        enterpriseId: o.faraway!.id,
        hazards: [{ grade: "major", description: "无人监管地区的重大隐患", deadline: "2026-06-30" }],
        confirm: true,
      }),
    );
    const [h] = await t.db.select().from(hazards).where(eq(hazards.id, intake!.hazardIds[0]!));
    expect([h!.reportedToBureauId, h!.reportedAt]).toEqual([null, null]);
    const [found] = await t.db.select().from(hazardEvents).where(eq(hazardEvents.hazardId, h!.id));
    expect(found!.data).toMatchObject({ report: { bureauId: null, missing: ["bureau"] } });
    const told = await t.db
      .select({ org: notifications.recipientOrgId })
      .from(notifications)
      .where(and(eq(notifications.subjectId, h!.id), eq(notifications.channel, "in_app")));
    expect(new Set(told.map((n) => n.org))).toEqual(new Set([o.faraway!.id, o.provider!.id]));
  });
});

describe("plans fulfilled by an inspection", () => {
  it("links the open mutual-aid assignment in the same transaction, once", async () => {
    const { inspection } = await createInspection(t.db, env, actor("peer"), input({ source: "mutual_aid" }));
    const [assignment] = await t.db
      .select()
      .from(rotationAssignments)
      .where(eq(rotationAssignments.inspectorEnterpriseId, o.peer!.id));
    expect(assignment!.inspectionId).toBe(inspection.id);
    const second = await refusal(createInspection(t.db, env, actor("peer"), input({ source: "mutual_aid" })));
    expect([second.status, second.code]).toEqual([403, "no_relation"]);
  });
});

describe("POST /api/v1/inspections", () => {
  async function post(secret: string | null, body: unknown) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (secret) headers.authorization = `Bearer ${secret}`;
    const response = (await apiAction({
      request: new Request("http://localhost/api/v1/inspections", {
        method: "POST",
        headers,
        body: JSON.stringify(body),
      }),
      params: {},
      context: { db: t.db, env, clientIp: "203.0.113.5" },
    } as never)) as Response;
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  it("answers 201 with the inspection and hazards, 400 naming the field, 403 without a relation", async () => {
    const { secret } = await createApiToken(
      t.db,
      { userId: u.provider!.id, orgId: o.provider!.id, ip: "127.0.0.1" },
      "ERP",
    );
    const body = {
      enterprise: o.enterprise!.uscc,
      source: "provider",
      inspectedOn: TODAY,
      inspectorNames: ["李工"],
      templateKey: "general_industry_trade",
      answers: generalAnswers(["gen-02"]),
      findings: "API 检查",
      hazards: [{ itemKey: "gen-02", grade: "major", description: "无证焊工", deadline: "2026-06-15" }],
      confirm: true,
    };
    const created = await post(secret, body);
    expect(created.status).toBe(201);
    const inspection = created.json.inspection as { id: string; confirmedAt: string | null };
    expect(inspection.confirmedAt).not.toBeNull();
    expect(created.json.hazards).toEqual([
      expect.objectContaining({ reportedToBureauId: o.countyBureau!.id, reportMissing: [] }),
    ]);
    const bad = await post(secret, { ...body, inspectedOn: "2026-13-01", hazards: [{ grade: "huge" }] });
    expect(bad.status).toBe(400);
    const fields = (bad.json.error as { fields: Record<string, string> }).fields;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["inspectedOn", "hazards.0.grade"]));
    const { secret: strangerSecret } = await createApiToken(
      t.db,
      { userId: u.stranger!.id, orgId: o.stranger!.id, ip: "127.0.0.1" },
      "ERP",
    );
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(inspections);
    const refused = await post(strangerSecret, body);
    expect(refused.status).toBe(403);
    expect((refused.json.error as { code: string }).code).toBe("no_relation");
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(inspections);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect((await post(null, body)).status).toBe(401);
  });
});

describe("inspection photos are read through the inspection", () => {
  // A bureau or the inspected enterprise sees a signed inspection's photos; a stranger, and
  // anyone but the author while it is a draft, gets the 404 of a missing file.
  it("follows the inspection's visibility, not the uploader's", async () => {
    const { inspection } = await createInspection(t.db, env, actor("provider"), input({ findings: "照片测试" }));
    await addInspectionPhotos(t.db, env, actor("provider"), {
      inspectionId: inspection.id,
      photos: [fileOf(pngBytes(), "site.png", "image/png")],
      now: NOW,
    });
    const view = await getInspection(t.db, actor("provider"), inspection.id, TODAY);
    const fileId = view.photos[0]!.id;
    const read = (who: string) =>
      inspectionPhotoFor(t.db, actor(who), { inspectionId: inspection.id, fileId, today: TODAY }).then(
        (f) => f.id,
        (e: unknown) => (e instanceof AppError ? e.status : e),
      );
    expect([await read("provider"), await read("cityBureau"), await read("stranger")]).toEqual([fileId, 404, 404]);
    await confirmInspection(t.db, actor("provider"), { inspectionId: inspection.id, now: NOW });
    expect(await Promise.all(["provider", "enterprise", "cityBureau", "countyBureau"].map(read))).toEqual([
      fileId,
      fileId,
      fileId,
      fileId,
    ]);
    expect(await Promise.all(["stranger", "peer", "faraway"].map(read))).toEqual([404, 404, 404]);
  });
});
