import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { loginAttempts, notifications } from "../../db/schema";
import { createMailTransport } from "../../app/services/mail.server";
import { findJob, JOBS, type JobDefinition } from "../../jobs/registry";
import { startJobs, type JobsHandle } from "../../jobs/runner";
import { makeProvider } from "../factories/marketplace";
import { insertQualification } from "../factories/providers";
import { withDatabase } from "../setup/global-db";
import { createTestDb, onPostgres, type TestDb } from "../setup/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ maxConnections: 20 });
});
afterAll(async () => {
  await t.close();
});

const mailEnv = { mailFrom: "安服市集 <noreply@anfu.test>", appOrigin: "http://anfu.test" };
const delivery = () => ({ mailEnv, transport: createMailTransport(mailEnv) });
const runJob = (name: string, now: Date) => findJob(name)!.run({ db: t.db, now, delivery: delivery() });

describe("the job registry", () => {
  it("has unique names and a schedule for every job", () => {
    const names = JOBS.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    for (const job of JOBS) expect(job.cron.split(" ")).toHaveLength(5);
  });

  it("reminds of a qualification expiring in 7 days once, however many times the schedule runs", async () => {
    const provider = await makeProvider(t.db);
    const q = await insertQualification(t.db, provider.org.id, {
      validTo: "2026-06-10",
      certificateNo: "APJ-(浙)-777",
    });
    const now = new Date("2026-06-03T10:15:00+08:00"); // 7 days before validTo, in Beijing
    for (let i = 0; i < 3; i++) await runJob("qualification-reminders", now);
    await runJob("qualification-reminders", new Date(now.getTime() + 3_600_000));
    const rows = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.subjectId, q.id), eq(notifications.channel, "in_app")));
    expect(rows.map((r) => [r.type, r.eventKey])).toEqual([
      ["qualification_expiring", `qualification_expiring:${q.id}:7`],
    ]);
    // The day after validTo its listings hide: one more, different reminder.
    await runJob("qualification-reminders", new Date("2026-06-11T10:15:00+08:00"));
    await runJob("qualification-reminders", new Date("2026-06-11T11:15:00+08:00"));
    const after = await t.db
      .select({ key: notifications.eventKey })
      .from(notifications)
      .where(and(eq(notifications.subjectId, q.id), eq(notifications.channel, "in_app")));
    expect(after.map((r) => r.key).sort()).toEqual([
      `qualification_expiring:${q.id}:7`,
      `qualification_expiring:${q.id}:hidden`,
    ]);
  });

  it("prunes login attempts older than a day and keeps the rest", async () => {
    const now = new Date("2026-05-20T09:00:00Z");
    await t.db.insert(loginAttempts).values([
      { accountKey: "prune-test", ip: "203.0.113.1", succeeded: false, at: new Date(now.getTime() - 25 * 3_600_000) },
      { accountKey: "prune-test", ip: "203.0.113.1", succeeded: false, at: new Date(now.getTime() - 23 * 3_600_000) },
    ]);
    await runJob("prune-login-attempts", now);
    const left = await t.db.select().from(loginAttempts).where(eq(loginAttempts.accountKey, "prune-test"));
    expect(left.map((r) => r.at.getTime())).toEqual([now.getTime() - 23 * 3_600_000]);
  });
});

describe("two workers on one queue", () => {
  it("run each of 100 jobs exactly once", async () => {
    await t.db.execute(sql`create table if not exists job_effects (n integer not null)`);
    const recordEffect: JobDefinition = {
      name: "record-effect",
      cron: "0 0 1 1 *",
      run: async ({ db, payload }) => {
        await db.execute(sql`insert into job_effects (n) values (${(payload as { n: number }).n})`);
        return 1;
      },
    };
    const env = { PORT: 0, DATABASE_URL: onPostgres() ? withDatabase(process.env.DATABASE_URL!, t.name) : undefined };
    const workers: JobsHandle[] = [];
    try {
      for (let i = 0; i < 2; i++)
        workers.push(
          await startJobs(t, env, { jobs: [recordEffect], delivery: delivery(), force: true, concurrency: 4 }),
        );
      await Promise.all(Array.from({ length: 100 }, (_, n) => workers[n % 2]!.enqueue("record-effect", { n })));
      const deadline = Date.now() + 20_000;
      let count = 0;
      while (Date.now() < deadline) {
        count = Number((await rows(sql`select count(*)::int as c from job_effects`))[0]!.c);
        if (count >= 100) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      // Give a duplicate a chance to show up before counting distinct effects.
      await new Promise((r) => setTimeout(r, 1_500));
      const [totals] = await rows(sql`select count(*)::int as c, count(distinct n)::int as d from job_effects`);
      expect({ c: Number(totals!.c), d: Number(totals!.d) }).toEqual({ c: 100, d: 100 });
      if (onPostgres()) expect(workers.map((w) => w.kind)).toEqual(["graphile-worker", "graphile-worker"]);
    } finally {
      for (const w of workers) await w.stop();
    }
  });
});

async function rows(query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  const result = (await t.db.execute(query)) as unknown;
  return Array.isArray(result) ? result : ((result as { rows: Record<string, unknown>[] }).rows ?? []);
}
