import { eq } from "drizzle-orm";
import { parseCronItems } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providerProfiles } from "../../db/schema";
import { findJob, JOBS, type JobContext } from "../../jobs/registry";
import { verifiedProvider } from "../factories/engagements";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

// Jobs that touch neither mail nor files get a context without them.
const context = (now: Date): JobContext => ({ db: t.db, now, delivery: {} as JobContext["delivery"] });

describe("the job registry", () => {
  it("schedules every kept job with a valid cron line, each name once", () => {
    const names = JOBS.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        "auto-accept",
        "qualification-reminders",
        "prune-login-attempts",
        "regrade-providers",
        "sweep-uploads",
      ]),
    );
    expect(() => parseCronItems(JOBS.map((j) => ({ task: j.name, match: j.cron, identifier: j.name })))).not.toThrow();
  });

  it("regrade-providers grades a verified provider nobody graded yet (issue 6, #11)", async () => {
    const now = new Date("2026-03-02T17:00:00Z");
    const provider = await verifiedProvider(t.db, { regionCode: "330702" });
    await t.db
      .update(providerProfiles)
      .set({ creditGrade: null, creditComputedAt: null })
      .where(eq(providerProfiles.orgId, provider.org.id));
    const regraded = await findJob("regrade-providers")!.run(context(now));
    expect(regraded).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.select().from(providerProfiles).where(eq(providerProfiles.orgId, provider.org.id));
    expect(row?.creditGrade).not.toBeNull();
    expect(row?.creditComputedAt).toEqual(now);
  });

  it("sweep-uploads does nothing in a process without file storage", async () => {
    expect(await findJob("sweep-uploads")!.run(context(new Date("2026-03-02T17:45:00Z")))).toBe(0);
  });
});
