// The enterprise register (issue 8, decision 017): a bureau's import is all-or-nothing with row
// numbers, refuses rows outside its region, is idempotent by USCC and never rewrites a claimed
// enterprise's registration data; registering with an unclaimed USCC claims it (same id, history
// kept), a claimed one stays refused; the bureau's list and export are scoped to its region;
// risk grades are recorded by the parties the rule names and read back by riskGradeOf.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  enterpriseProfiles,
  groupMembers,
  insurancePolicies,
  memberships,
  organisations,
  registerImports,
  riskAssessments,
} from "../../db/schema";
import { RegisterSchema } from "../../app/forms/auth";
import { register } from "../../app/services/auth.server";
import {
  ensureRegisteredEnterprise,
  exportRegister,
  getEnterpriseRecord,
  listRegister,
  previewRegisterImport,
  runRegisterImport,
} from "../../app/services/enterprise-register.server";
import { recordRiskAssessment, riskGradeOf } from "../../app/services/risk-grades.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner, makeUscc, registerOrg } from "../factories/accounts";
import { createTestDb, onPostgres, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-06-01T09:00:00+08:00");
const TODAY = "2026-06-01";
const HEADER = "统一社会信用代码,企业名称,行政区划代码,行业代码,从业人数,是否高危,重点对象原因";

let t: TestDb;
let jinhua: { id: string; regionCode: string; kind: "bureau"; userId: string };
let qingdao: { id: string; regionCode: string; kind: "bureau"; userId: string };

beforeAll(async () => {
  t = await createTestDb();
  const a = await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330700" });
  jinhua = { id: a.org.id, regionCode: "330700", kind: "bureau", userId: a.user.id };
  const b = await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "370200" });
  qingdao = { id: b.org.id, regionCode: "370200", kind: "bureau", userId: b.user.id };
});
afterAll(async () => {
  await t.close();
});

const csv = (lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join("\n"));
const row = (uscc: string, name: string, region = "330702", extra = "C33,30,否,") =>
  `${uscc},${name},${region},${extra}`;

async function importRows(bureau: typeof jinhua, lines: string[]) {
  const { preview, importId } = await previewRegisterImport(t.db, {
    bureau,
    actor: { userId: bureau.userId },
    filename: "台账.csv",
    bytes: csv(lines),
    now: NOW,
  });
  if (!importId) return { preview, result: null };
  const progress: number[] = [];
  const result = await runRegisterImport(t.db, {
    bureau,
    actor: { userId: bureau.userId },
    importId,
    now: NOW,
    onProgress: (p) => void progress.push(p.done),
  });
  return { preview, result, progress };
}

async function orgByUscc(uscc: string) {
  const [org] = await t.db.select().from(organisations).where(eq(organisations.uscc, uscc));
  return org;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as AppError,
  );
}

describe("bureau import", () => {
  it("writes nothing when one row is bad, and names every bad row with its spreadsheet row number", async () => {
    const good = makeUscc("330702");
    const valid = makeUscc("330702");
    const badCheck = valid.slice(0, 17) + (valid.endsWith("0") ? "1" : "0");
    const before = (await t.db.select({ n: count() }).from(organisations))[0]!.n;
    const { preview, result } = await importRows(jinhua, [
      row(good, "好企业"),
      row(badCheck, "坏代码"), // row 3: check character wrong
      "", // row 4: blank, skipped but counted
      row(makeUscc("370202"), "青岛企业", "370202"), // row 5: outside 金华
    ]);
    expect(result).toBeNull();
    expect(preview.ok).toBe(false);
    expect(preview.errors.map((e) => [e.row, e.code])).toEqual([
      [3, "uscc_invalid"],
      [5, "region_outside_bureau"],
    ]);
    expect((await t.db.select({ n: count() }).from(organisations))[0]!.n).toBe(before);
    expect(await orgByUscc(good)).toBeUndefined();
    // Nothing staged either: only a valid file can be confirmed.
    expect(
      (await t.db.select({ n: count() }).from(registerImports).where(eq(registerImports.bureauOrgId, jinhua.id)))[0]!.n,
    ).toBe(0);
  });

  it("writes unclaimed enterprises with profiles, an audit entry and progress per batch", async () => {
    const a = makeUscc("330702");
    const b = makeUscc("330782");
    const { preview, result, progress } = await importRows(jinhua, [
      row(a, "婺城五金厂", "330702", "C33,30,否,小微企业"),
      row(b, "义乌化工", "330782", "2614,250,是,"),
    ]);
    expect(preview.ok).toBe(true);
    expect(result).toEqual({ created: 2, updated: 0, total: 2 });
    expect(progress).toEqual([0, 2]);
    const org = await orgByUscc(a);
    expect(org).toMatchObject({ kind: "enterprise", unclaimed: true, name: "婺城五金厂", industryCode: "33" });
    expect(await t.db.select().from(memberships).where(eq(memberships.orgId, org!.id))).toEqual([]);
    const [profile] = await t.db.select().from(enterpriseProfiles).where(eq(enterpriseProfiles.orgId, org!.id));
    expect(profile).toMatchObject({ employees: 30, highRisk: false, addedByOrgId: jinhua.id });
    expect(profile!.priorityReasons).toEqual([{ reason: 2, by: "both" }]);
    const [chem] = await t.db
      .select()
      .from(enterpriseProfiles)
      .where(eq(enterpriseProfiles.orgId, (await orgByUscc(b))!.id));
    expect(chem).toMatchObject({ industryDetail: "2614", highRisk: true });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "enterprise_register.imported"), eq(auditLog.orgId, jinhua.id)));
    expect(audits.at(-1)?.data).toMatchObject({ total: 2, created: 2, updated: 0 });
  });

  it("is idempotent by USCC: a re-import updates, never duplicates; a confirmed import cannot run twice", async () => {
    const uscc = makeUscc("330702");
    await importRows(jinhua, [row(uscc, "旧名称", "330702", "C33,30,否,")]);
    const first = await orgByUscc(uscc);
    const { preview, result } = await importRows(jinhua, [row(uscc, "新名称", "330703", "C34,120,否,")]);
    expect(preview.rows[0]!.action).toBe("update");
    expect(result).toEqual({ created: 0, updated: 1, total: 1 });
    const again = await orgByUscc(uscc);
    expect(again).toMatchObject({ id: first!.id, name: "新名称", regionCode: "330703", industryCode: "34" });
    expect((await t.db.select({ n: count() }).from(organisations).where(eq(organisations.uscc, uscc)))[0]!.n).toBe(1);
    const [profile] = await t.db.select().from(enterpriseProfiles).where(eq(enterpriseProfiles.orgId, first!.id));
    expect(profile!.employees).toBe(120);

    const [done] = await t.db
      .select({ id: registerImports.id })
      .from(registerImports)
      .where(eq(registerImports.status, "done"))
      .limit(1);
    const error = await rejection(
      runRegisterImport(t.db, { bureau: jinhua, actor: { userId: jinhua.userId }, importId: done!.id, now: NOW }),
    );
    expect(error.status).toBe(409);
  });

  it("never rewrites a claimed enterprise's registration data, only its register facts", async () => {
    const { org } = await registerOrg(t.db, { regionCode: "330702", name: "自己注册的企业" });
    const uscc = org.uscc!;
    const { result } = await importRows(jinhua, [row(uscc, "局里的叫法", "330702", "C33,77,是,")]);
    expect(result).toEqual({ created: 0, updated: 1, total: 1 });
    expect(await orgByUscc(uscc)).toMatchObject({ id: org.id, name: "自己注册的企业", unclaimed: false });
    const [profile] = await t.db.select().from(enterpriseProfiles).where(eq(enterpriseProfiles.orgId, org.id));
    expect(profile).toMatchObject({ employees: 77, highRisk: true });
  });

  it("refuses a USCC of another kind, or of an enterprise registered outside the bureau's region", async () => {
    const provider = await registerOrg(t.db, { kind: "provider", regionCode: "330702" });
    const hangzhou = await registerOrg(t.db, { regionCode: "330106" });
    const { preview, result } = await importRows(jinhua, [
      row(provider.org.uscc!, "其实是服务机构"),
      row(hangzhou.org.uscc!, "其实在杭州"),
    ]);
    expect(result).toBeNull();
    expect(preview.errors.map((e) => [e.row, e.code])).toEqual([
      [2, "uscc_other_kind"],
      [3, "uscc_outside_region"],
    ]);
  });

  it("refuses a staged import of another bureau with a 404, and an unreadable file with a 422", async () => {
    const { importId } = await previewRegisterImport(t.db, {
      bureau: jinhua,
      actor: { userId: jinhua.userId },
      filename: "a.csv",
      bytes: csv([row(makeUscc("330702"), "待确认")]),
      now: NOW,
    });
    expect(
      (
        await rejection(
          runRegisterImport(t.db, {
            bureau: qingdao,
            actor: { userId: qingdao.userId },
            importId: importId!,
            now: NOW,
          }),
        )
      ).status,
    ).toBe(404);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const unreadable = await rejection(
      previewRegisterImport(t.db, {
        bureau: jinhua,
        actor: { userId: jinhua.userId },
        filename: "x.png",
        bytes: png,
        now: NOW,
      }),
    );
    expect(unreadable.status).toBe(422);
  });

  it("imports 5,000 rows in batches inside one transaction", async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => row(makeUscc("330702"), `批量企业${i}`));
    const started = performance.now();
    const { result, progress } = await importRows(jinhua, lines);
    const ms = Math.round(performance.now() - started);
    console.info(`5,000-row register import on ${onPostgres() ? "PostgreSQL" : "PGlite"}: ${ms} ms`);
    expect(result).toEqual({ created: 5000, updated: 0, total: 5000 });
    expect(progress).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000]);
  }, 120_000);
});

describe("ensureRegisteredEnterprise", () => {
  it("creates an unclaimed enterprise once, answers the same id again, and 409s for another kind", async () => {
    const insurer = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330700" });
    const uscc = makeUscc("330702");
    const input = { uscc, name: "保单上的企业", regionCode: "330702", industryCode: "33" };
    const id = await t.db.transaction((tx) => ensureRegisteredEnterprise(tx, input, insurer.org.id, NOW));
    const again = await t.db.transaction((tx) => ensureRegisteredEnterprise(tx, input, insurer.org.id, NOW));
    expect(again).toBe(id);
    expect(await orgByUscc(uscc)).toMatchObject({ id, unclaimed: true, kind: "enterprise" });
    const provider = await registerOrg(t.db, { kind: "provider" });
    const error = await rejection(
      t.db.transaction((tx) =>
        ensureRegisteredEnterprise(tx, { ...input, uscc: provider.org.uscc! }, insurer.org.id, NOW),
      ),
    );
    expect(error).toMatchObject({ status: 409, code: "uscc_other_kind" });
  });
});

describe("claiming", () => {
  function form(uscc: string, overrides: Record<string, string> = {}) {
    return RegisterSchema.parse({
      orgKind: "enterprise",
      orgName: "认领后的正式名称有限公司",
      uscc,
      regionCode: "330702",
      industryCode: "33",
      name: "认领人",
      email: `claim.${uscc.toLowerCase()}@test.anfu`,
      password: "a long enough passphrase",
      ...overrides,
    });
  }

  it("registering with an unclaimed USCC claims it: same id, owner membership, pending, history kept", async () => {
    const uscc = makeUscc("330702");
    await importRows(jinhua, [row(uscc, "待认领企业")]);
    const before = await orgByUscc(uscc);
    await recordRiskAssessment(t.db, {
      org: jinhua,
      actor: { userId: jinhua.userId },
      enterpriseId: before!.id,
      grade: "orange",
      assessedOn: "2026-05-20",
      assessorName: "王科长",
      reason: "粉尘涉爆",
      today: TODAY,
      now: NOW,
    });
    const { org, user } = await register(t.db, form(uscc), { ip: "203.0.113.9", now: NOW });
    expect(org.id).toBe(before!.id);
    expect(await orgByUscc(uscc)).toMatchObject({
      unclaimed: false,
      verificationStatus: "pending",
      name: "认领后的正式名称有限公司",
    });
    const [membership] = await t.db.select().from(memberships).where(eq(memberships.userId, user.id));
    expect(membership).toMatchObject({ orgId: org.id, role: "owner" });
    expect(await riskGradeOf(t.db, org.id, TODAY)).toBe("orange");
    const record = await getEnterpriseRecord(t.db, {
      org: { id: org.id, kind: "enterprise", regionCode: "330702" },
      enterpriseId: org.id,
      today: TODAY,
    });
    expect(record.history.map((h) => h.reason)).toEqual(["粉尘涉爆"]);
  });

  it.each([
    ["a claimed enterprise's USCC", "enterprise"],
    ["an unclaimed USCC registered as another kind", "provider"],
  ] as const)("refuses %s with 409 and writes nothing", async (_label, kind) => {
    const uscc = makeUscc("330702");
    await importRows(jinhua, [row(uscc, "又一家")]);
    if (kind === "enterprise") await register(t.db, form(uscc), { ip: "203.0.113.9", now: NOW });
    const error = await rejection(
      register(t.db, form(uscc, { email: `second.${uscc.toLowerCase()}@test.anfu`, orgKind: kind }), {
        ip: "203.0.113.9",
        now: NOW,
      }),
    );
    expect(error).toMatchObject({ status: 409, code: "uscc_taken" });
    const org = await orgByUscc(uscc);
    expect(org!.unclaimed).toBe(kind !== "enterprise");
    expect((await t.db.select().from(memberships).where(eq(memberships.orgId, org!.id))).length).toBe(
      kind === "enterprise" ? 1 : 0,
    );
  });
});

describe("the bureau's list and export", () => {
  it("lists its region's enterprises, claimed or not, never another region's; filters narrow; the export follows", async () => {
    const wucheng = makeUscc("330702");
    const qd = makeUscc("370202");
    await importRows(jinhua, [row(wucheng, "列表测试婺城厂", "330702", "C33,20,是,重大危险源")]);
    await importRows(qingdao, [row(qd, "列表测试青岛厂", "370202")]);
    const list = (filter: Parameters<typeof listRegister>[1]["filter"], bureau = jinhua) =>
      listRegister(t.db, { bureauRegionCode: bureau.regionCode, filter: { q: "列表测试", ...filter }, today: TODAY });
    expect((await list({})).rows.map((r) => r.name)).toEqual(["列表测试婺城厂"]);
    expect((await list({}, qingdao)).rows.map((r) => r.name)).toEqual(["列表测试青岛厂"]);
    expect((await list({ claimed: "unclaimed", highRisk: true, priority: 1, section: "C" })).total).toBe(1);
    expect((await list({ claimed: "claimed" })).total).toBe(0);
    expect((await list({ county: "330782" })).total).toBe(0);
    expect((await list({ county: "370202" })).total).toBe(0); // another region's county names nothing
    expect((await list({ section: "F" })).total).toBe(0);
    expect((await list({ grade: "none" })).total).toBe(1);
    const id = (await orgByUscc(wucheng))!.id;
    await recordRiskAssessment(t.db, {
      org: jinhua,
      actor: { userId: jinhua.userId },
      enterpriseId: id,
      grade: "red",
      assessedOn: TODAY,
      assessorName: "李工",
      reason: "重大危险源",
      today: TODAY,
      now: NOW,
    });
    expect((await list({ grade: "red" })).rows.map((r) => [r.name, r.grade, r.gradeOn])).toEqual([
      ["列表测试婺城厂", "red", TODAY],
    ]);
    const exported = await exportRegister(t.db, {
      bureauRegionCode: "330700",
      filter: { q: "列表测试" },
      today: TODAY,
    });
    expect(exported.map((r) => r.uscc)).toEqual([wucheng]);
  });
});

describe("risk grades", () => {
  it.each([
    // [who, expected] — decision 017: bureau of the region, insurer with a policy in force, the enterprise (self).
    ["its bureau", "ok"],
    ["another region's bureau", 404],
    ["an insurer with a policy in force", "ok"],
    ["an insurer without a policy", 404],
    ["the enterprise itself (self-assessment)", "ok"],
  ] as const)("%s → %s", async (who, expected) => {
    const uscc = makeUscc("330702");
    await importRows(jinhua, [row(uscc, `评级${who}`)]);
    const enterpriseId = (await orgByUscc(uscc))!.id;
    let org: { id: string; kind: "bureau" | "insurer" | "enterprise"; regionCode: string };
    let userId: string;
    if (who === "its bureau") [org, userId] = [jinhua, jinhua.userId];
    else if (who === "another region's bureau") [org, userId] = [qingdao, qingdao.userId];
    else if (who.startsWith("an insurer")) {
      const insurer = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330700" });
      if (who === "an insurer with a policy in force")
        await t.db.insert(insurancePolicies).values({
          insurerId: insurer.org.id,
          enterpriseId,
          policyNumber: `P-${uscc}`,
          premiumFen: 100_000,
          preventionFeeBps: 1000,
          startDate: "2026-01-01",
          endDate: "2026-12-31",
          riskGrade: "yellow",
        });
      [org, userId] = [{ id: insurer.org.id, kind: "insurer", regionCode: "330700" }, insurer.user.id];
    } else {
      org = { id: enterpriseId, kind: "enterprise", regionCode: "330702" };
      userId = jinhua.userId;
    }
    const attempt = recordRiskAssessment(t.db, {
      org,
      actor: { userId },
      enterpriseId,
      grade: "yellow",
      assessedOn: TODAY,
      assessorName: "评定人",
      reason: "年度评定",
      today: TODAY,
      now: NOW,
    });
    if (expected === "ok") {
      await attempt;
      const grade = await riskGradeOf(t.db, enterpriseId, TODAY);
      // A self-assessment is history, not the current grade.
      expect(grade).toBe(who.startsWith("the enterprise") ? null : "yellow");
    } else {
      expect((await rejection(attempt)).status).toBe(expected);
      expect(
        (
          await t.db.select({ n: count() }).from(riskAssessments).where(eq(riskAssessments.enterpriseId, enterpriseId))
        )[0]!.n,
      ).toBe(0);
    }
  });

  it("a group that sees the enterprise may not grade it (403); the current grade is the latest in force", async () => {
    const uscc = makeUscc("330702");
    await importRows(jinhua, [row(uscc, "分组企业")]);
    const enterpriseId = (await orgByUscc(uscc))!.id;
    const base = {
      actor: { userId: jinhua.userId },
      enterpriseId,
      assessorName: "x",
      reason: "y",
      today: TODAY,
      now: NOW,
    };
    await recordRiskAssessment(t.db, { ...base, org: jinhua, grade: "blue", assessedOn: "2026-01-10" });
    await recordRiskAssessment(t.db, { ...base, org: jinhua, grade: "red", assessedOn: "2026-07-01" }); // not yet in force
    expect(await riskGradeOf(t.db, enterpriseId, TODAY)).toBe("blue");
    expect(await riskGradeOf(t.db, enterpriseId, "2026-07-01")).toBe("red");
    const group = await createOrgWithOwner(t.db, { kind: "group", regionCode: "330700" });
    await t.db.insert(groupMembers).values({ groupId: group.org.id, enterpriseId, status: "active" });
    const error = await rejection(
      recordRiskAssessment(t.db, {
        ...base,
        org: { id: group.org.id, kind: "group", regionCode: "330700" },
        grade: "red",
        assessedOn: TODAY,
      }),
    );
    expect(error.status).toBe(403);
  });
});
