// The platform's and bureaus' events reach the right organisation: qualification decisions,
// practice notices (the county's bureaus and those above it, no other region's), suspension.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { notifications } from "../../db/schema";
import { PracticeNoticeSchema } from "../../app/forms/provider";
import { decideOrganisation } from "../../app/services/admin.server";
import { declarePracticeNotice } from "../../app/services/practice-notices.server";
import { decideQualification } from "../../app/services/qualifications.server";
import { recomputeProviderCredit } from "../../app/services/credit.server";
import { recordViolation } from "../../app/services/evaluations.server";
import { createOrgWithOwner } from "../factories/accounts";
import { verifiedProvider } from "../factories/engagements";
import { insertQualification, providerWithActor } from "../factories/providers";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-06-01T09:00:00+08:00");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const inApp = (orgId: string) =>
  t.db
    .select({ type: notifications.type, params: notifications.params })
    .from(notifications)
    .where(and(eq(notifications.recipientOrgId, orgId), eq(notifications.channel, "in_app")));

async function platformAdmin() {
  const { org, user } = await createOrgWithOwner(t.db, { kind: "platform", regionCode: "330000" });
  return { userId: user.id, orgId: org.id, ip: "127.0.0.1" };
}

describe("events of the platform and the bureaus", () => {
  it("tells the provider its qualification was verified or rejected, with the reason", async () => {
    const admin = await platformAdmin();
    const p = await providerWithActor(t.db);
    const ok = await insertQualification(t.db, p.org.id, { status: "pending", certificateNo: "APJ-OK" });
    const bad = await insertQualification(t.db, p.org.id, { status: "pending", certificateNo: "APJ-BAD" });
    await decideQualification(t.db, admin, { qualificationId: ok.id, decision: "verify", now: NOW });
    await decideQualification(t.db, admin, {
      qualificationId: bad.id,
      decision: "reject",
      reason: "扫描件不清晰",
      now: NOW,
    });
    const got = (await inApp(p.org.id)).map((n) => [n.type, n.params.certificateNo, n.params.reason]).sort();
    expect(got).toEqual([
      ["qualification_rejected", "APJ-BAD", "扫描件不清晰"],
      ["qualification_verified", "APJ-OK", ""],
    ]);
  });

  it("tells the county's and the city's bureau of a practice notice, not another region's", async () => {
    const county = await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330782" });
    const city = await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330700" });
    const elsewhere = await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "370200" });
    const p = await providerWithActor(t.db);
    await declarePracticeNotice(
      t.db,
      p.actor,
      PracticeNoticeSchema.parse({ countyCode: "330782", categories: "", note: "" }),
      NOW,
    );
    expect((await inApp(county.org.id)).map((n) => n.type)).toEqual(["practice_notice_received"]);
    expect((await inApp(city.org.id)).map((n) => n.type)).toEqual(["practice_notice_received"]);
    expect(await inApp(elsewhere.org.id)).toEqual([]);
  });

  it("tells a provider its grade changed and, when a serious violation suspends it, why", async () => {
    const admin = await platformAdmin();
    const provider = await verifiedProvider(t.db, { regionCode: "330702" });
    const now = new Date("2025-06-10T04:00:00Z");
    await recomputeProviderCredit(t.db, provider.org.id, now);
    await recordViolation(
      t.db,
      admin,
      {
        providerId: provider.org.id,
        kind: "qualification_renting",
        serious: true,
        occurredOn: "2025-06-01",
        note: "出借安全评价资质证书",
      },
      now,
    );
    const got = await inApp(provider.org.id);
    expect(got.find((n) => n.type === "grade_changed")?.params).toMatchObject({ to: "D" });
    expect(got.filter((n) => n.type === "org_suspended").map((n) => n.params.reason)).toEqual([
      "严重违法违规：租借资质（2025-06-01）",
    ]);
  });

  it("tells a suspended organisation why", async () => {
    const admin = await platformAdmin();
    const p = await providerWithActor(t.db);
    await decideOrganisation(t.db, admin, {
      orgId: p.org.id,
      decision: "suspend",
      reason: "出具虚假报告",
      now: new Date("2026-03-02T02:00:00Z"),
    });
    expect((await inApp(p.org.id)).map((n) => [n.type, n.params.reason])).toEqual([["org_suspended", "出具虚假报告"]]);
  });
});
