// Every service takes its clock from the caller (issue 6, defect 12): each case hands a service
// a `now` years away from the wall clock and checks that what it stores follows that `now`, so
// none of these could pass while the service still read the clock itself.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { apiTokens, organisations, practiceNotices, providerProfiles, qualifications, users } from "../../db/schema";
import { createBureau } from "../../app/services/admin.server";
import { authenticateApiToken, createApiToken, revokeApiToken } from "../../app/services/api-tokens.server";
import { changePassword } from "../../app/services/auth.server";
import { addReport } from "../../app/services/deliverables.server";
import { saveUpload } from "../../app/services/files.server";
import { createListing, listOwnListings, setListingStatus } from "../../app/services/listings.server";
import { postMessage } from "../../app/services/messages.server";
import { declarePracticeNotice, withdrawPracticeNotice } from "../../app/services/practice-notices.server";
import { updateOwnProfile } from "../../app/services/providers.server";
import { decideQualification } from "../../app/services/qualifications.server";
import { PracticeNoticeSchema, ProviderProfileSchema } from "../../app/forms/provider";
import { loadEnv } from "../../app/utils/env.server";
import { createOrgWithOwner, registerOrg, TEST_PASSWORD } from "../factories/accounts";
import { insertEngagement } from "../factories/engagements";
import { fileOf, pdfBytes } from "../factories/files";
import { insertQualification, listingInput, providerWithActor } from "../factories/providers";
import { createTestDb, type TestDb } from "../setup/test-db";

/** Far from the wall clock on either side, so a service reading the clock would store neither. */
const FUTURE = new Date("2031-03-15T02:30:00.000Z");
const PAST = new Date("2019-07-01T01:00:00.000Z");
const HOUR = 60 * 60 * 1000;

let t: TestDb;
let uploadDir: string;
let env: ReturnType<typeof loadEnv>;
beforeAll(async () => {
  t = await createTestDb();
  uploadDir = await mkdtemp(path.join(tmpdir(), "anfu-clock-"));
  env = loadEnv({ NODE_ENV: "test", UPLOAD_DIR: uploadDir });
});
afterAll(async () => {
  await t.close();
  await rm(uploadDir, { recursive: true, force: true });
});

const pdf = () => fileOf(pdfBytes(), "报告.pdf", "application/pdf");

describe("accounts", () => {
  it("registration opens a session whose deadlines run from the given now", async () => {
    const { session } = await registerOrg(t.db, { now: FUTURE });
    // docs/domain.md: 12 h idle, 7 days at most.
    expect(session.idleExpiresAt.getTime()).toBe(FUTURE.getTime() + 12 * HOUR);
    expect(session.absoluteExpiresAt.getTime()).toBe(FUTURE.getTime() + 7 * 24 * HOUR);
  });

  it("a password change is stamped with the given now", async () => {
    const { user, session } = await registerOrg(t.db, { now: FUTURE });
    await changePassword(t.db, {
      userId: user.id,
      sessionId: session.id,
      currentPassword: TEST_PASSWORD,
      newPassword: "a passphrase for 2031 only",
      ip: "203.0.113.30",
      now: FUTURE,
    });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordChangedAt?.getTime()).toBe(FUTURE.getTime());
  });

  it("an API token's last use and its revocation carry the given now", async () => {
    const { actor } = await providerWithActor(t.db);
    const { id, secret } = await createApiToken(t.db, actor, "clock");
    expect((await authenticateApiToken(t.db, secret, PAST))?.id).toBe(actor.orgId);
    const tokenRow = async () => (await t.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!;
    expect((await tokenRow()).lastUsedAt?.getTime()).toBe(PAST.getTime());
    await revokeApiToken(t.db, actor, id, FUTURE);
    expect((await tokenRow()).revokedAt?.getTime()).toBe(FUTURE.getTime());
  });

  it("a bureau the admin creates is verified at the given now", async () => {
    const platform = await createOrgWithOwner(t.db, { kind: "platform", regionCode: "330700" });
    const admin = { userId: platform.user.id, orgId: platform.org.id, ip: "198.51.100.2" };
    const { org } = await createBureau(t.db, admin, {
      name: "兰溪市应急管理局",
      regionCode: "330781",
      contactName: "钱科长",
      email: "lanxi-clock@bureau.test",
      now: PAST,
    });
    const [row] = await t.db.select().from(organisations).where(eq(organisations.id, org.id));
    expect(row!.verifiedAt?.getTime()).toBe(PAST.getTime());
  });
});

describe("provider workspace", () => {
  it("a listing's last change is the now of the change, read back with the day it is judged on", async () => {
    const p = await providerWithActor(t.db);
    const { id } = await createListing(t.db, p.actor, listingInput(), PAST);
    const updatedAt = async () =>
      (await listOwnListings(t.db, { providerId: p.org.id, today: "2031-03-15" })).find((l) => l.id === id)!.updatedAt;
    expect((await updatedAt()).getTime()).toBe(PAST.getTime());
    await setListingStatus(t.db, p.actor, id, "paused", FUTURE);
    expect((await updatedAt()).getTime()).toBe(FUTURE.getTime());
  });

  it("a profile edit is stamped with the given now", async () => {
    const p = await providerWithActor(t.db);
    await updateOwnProfile(
      t.db,
      p.actor,
      ProviderProfileSchema.parse({ categories: "consulting", regionCodes: "330702", staffCount: "8" }),
      FUTURE,
    );
    const [row] = await t.db.select().from(providerProfiles).where(eq(providerProfiles.orgId, p.org.id));
    expect(row!.updatedAt.getTime()).toBe(FUTURE.getTime());
  });

  it("a practice notice is declared and withdrawn at the given nows", async () => {
    const p = await providerWithActor(t.db);
    const input = PracticeNoticeSchema.parse({ countyCode: "330782", categories: "", note: "" });
    const { notice } = await declarePracticeNotice(t.db, p.actor, input, PAST);
    expect(notice.declaredAt.getTime()).toBe(PAST.getTime());
    await withdrawPracticeNotice(t.db, p.actor, notice.id, FUTURE);
    const [row] = await t.db.select().from(practiceNotices).where(eq(practiceNotices.id, notice.id));
    expect(row!.withdrawnAt?.getTime()).toBe(FUTURE.getTime());
  });

  it("the admin's decision on a qualification is dated by the given now", async () => {
    const platform = await createOrgWithOwner(t.db, { kind: "platform", regionCode: "330700" });
    const admin = { userId: platform.user.id, orgId: platform.org.id, ip: "198.51.100.3" };
    const p = await providerWithActor(t.db);
    const q = await insertQualification(t.db, p.org.id, { status: "pending" });
    await decideQualification(t.db, admin, { qualificationId: q.id, decision: "verify", now: FUTURE });
    const [row] = await t.db.select().from(qualifications).where(eq(qualifications.id, q.id));
    expect(row!.reviewedAt?.getTime()).toBe(FUTURE.getTime());
  });

  it("an upload is filed under the Shanghai month of the given now", async () => {
    const p = await providerWithActor(t.db);
    // 2031-03-31T17:00Z is already 1 April in Shanghai.
    const stored = await saveUpload(t.db, env, {
      ownerOrgId: p.org.id,
      userId: p.user.id,
      purpose: "deliverable",
      file: pdf(),
      now: new Date("2031-03-31T17:00:00.000Z"),
    });
    expect(stored.storedName.startsWith("2031-04/")).toBe(true);
  });
});

describe("engagements", () => {
  it("a message and a report are dated by the given now", async () => {
    const enterprise = await registerOrg(t.db, { kind: "enterprise" });
    const provider = await registerOrg(t.db, { kind: "provider" });
    const engagement = await insertEngagement(t.db, {
      enterpriseId: enterprise.org.id,
      providerId: provider.org.id,
      status: "in_service",
    });
    const message = await postMessage(
      t.db,
      { orgId: enterprise.org.id, userId: enterprise.user.id },
      { engagementId: engagement.id, body: "请按时到场", now: PAST },
    );
    expect(message.createdAt.getTime()).toBe(PAST.getTime());
    const report = await addReport(
      t.db,
      env,
      { orgId: provider.org.id, userId: provider.user.id },
      { engagementId: engagement.id, title: "现场检查报告", file: pdf(), now: FUTURE },
    );
    expect(report.createdAt.getTime()).toBe(FUTURE.getTime());
  });
});
