import { randomBytes } from "node:crypto";
import os from "node:os";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { addDays, addMonthsClamped, type IsoDate } from "../app/domain/calendar-date";
import { derivePlan, type PolicyForPlan } from "../app/domain/insurance-plan";
import { seededRandom } from "../app/domain/seeded-random";
import { insurerDesk } from "../app/services/insurer-desk.server";
import { openDb } from "../db/client";
import { insurancePlanItems, insurancePolicies, memberships, organisations, users } from "../db/schema";
import { summarise } from "./stats";

/**
 * npm run bench:insurer [-- --policies=20000 --runs=60 --keep]
 * Issue 9, "Scale and speed": the insurer's desk for an insurer with 20,000 policies renders
 * with p95 ≤ 300 ms on PostgreSQL. Creates its own database on the local PostgreSQL
 * (BENCH_PG_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres), bulk-inserts
 * the insurer, 20 staff, 20,000 insured enterprises and policies (starts spread over the year
 * before "today", so all are in force) and their plans derived by `derivePlan`, in batches; then
 * marks the past items mostly done and assigns most items to staff, set-based. Times `runs`
 * desk loads through the service (every panel, as the page asks them), cycling through no filter,
 * a service filter, a staff filter and a later page. Fixed seed and fixed today: repeatable.
 */
const num = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const POLICIES = num("policies", 20_000);
const RUNS = num("runs", 60);
const KEEP = process.argv.includes("--keep");
const TODAY = "2026-06-15" as IsoDate;
const baseUrl = process.env.BENCH_PG_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

const name = `anfu_bench_insurer_${randomBytes(4).toString("hex")}`;
const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${name}`);
const handle = await openDb({ databaseUrl: withDatabase(baseUrl, name), maxConnections: 6 });
const { db } = handle;
const log = (line: string) => console.log(line);

try {
  const setupStarted = performance.now();
  const random = seededRandom("insurer-bench");
  const [insurer] = await db
    .insert(organisations)
    .values({ kind: "insurer", name: "基准保险公司", regionCode: "330702", verificationStatus: "verified" })
    .returning();
  const staff = await db
    .insert(users)
    .values(
      Array.from({ length: 20 }, (_, i) => ({
        email: `staff${i}@bench.anfu`,
        name: `员工${i + 1}`,
        passwordHash: "x",
      })),
    )
    .returning({ id: users.id });
  await db
    .insert(memberships)
    .values(staff.map((s) => ({ userId: s.id, orgId: insurer!.id, role: "member" as const })));

  const BATCH = 2000;
  const grades = ["blue", "blue", "yellow", "yellow", "orange", "red"] as const;
  let itemCount = 0;
  for (let offset = 0; offset < POLICIES; offset += BATCH) {
    const n = Math.min(BATCH, POLICIES - offset);
    const enterprises = await db
      .insert(organisations)
      .values(
        Array.from({ length: n }, (_, i) => ({
          kind: "enterprise" as const,
          name: `投保企业${offset + i + 1}`,
          regionCode: "330702",
        })),
      )
      .returning({ id: organisations.id });
    const policyValues = enterprises.map((e, i) => {
      const startDate = addDays(TODAY, -random.int(365));
      return {
        insurerId: insurer!.id,
        enterpriseId: e.id,
        policyNumber: `BENCH-${offset + i + 1}`,
        premiumFen: 1_000_000,
        preventionFeeBps: 1500,
        startDate,
        endDate: addDays(addMonthsClamped(startDate, 12), -1),
        riskGrade: grades[random.int(grades.length)]!,
        optionalServices: random.int(3) === 0 ? ["one_enterprise_one_plan"] : [],
      };
    });
    const policies = await db.insert(insurancePolicies).values(policyValues).returning();
    const rows = policies.flatMap((p) => {
      const forPlan: PolicyForPlan = {
        startDate: p.startDate,
        endDate: p.endDate,
        riskGrade: p.riskGrade,
        optionalServices: p.optionalServices.map(
          (service) => ({ service }) as PolicyForPlan["optionalServices"][number],
        ),
        status: "active",
      };
      return derivePlan(forPlan, [], []).map((item) => ({
        policyId: p.id,
        insurerId: p.insurerId,
        enterpriseId: p.enterpriseId,
        service: item.service,
        sequence: item.sequence,
        windowStart: item.windowStart,
        dueDate: item.dueDate,
        guidance: item.guidance ?? null,
      }));
    });
    for (let i = 0; i < rows.length; i += 4000) await db.insert(insurancePlanItems).values(rows.slice(i, i + 4000));
    itemCount += rows.length;
  }
  // Set-based: 85 % of the past items done, most items assigned to one of the staff, some scheduled.
  const staffIds = sql.raw(`ARRAY[${staff.map((s) => `'${s.id}'::uuid`).join(",")}]`);
  await db.execute(sql`UPDATE insurance_plan_items SET
      state = CASE WHEN due_date < ${TODAY}::date AND (abs(hashtext(id::text)) % 100) < 85 THEN 'done'::plan_item_state ELSE state END,
      done_at = CASE WHEN due_date < ${TODAY}::date AND (abs(hashtext(id::text)) % 100) < 85 THEN due_date::timestamptz ELSE NULL END,
      assignee_kind = CASE WHEN (abs(hashtext(id::text || 'a')) % 10) < 8 THEN 'staff'::plan_assignee_kind END,
      assignee_user_id = CASE WHEN (abs(hashtext(id::text || 'a')) % 10) < 8 THEN (${staffIds})[1 + abs(hashtext(id::text || 's')) % 20] END,
      scheduled_on = CASE WHEN due_date >= ${TODAY}::date AND (abs(hashtext(id::text || 'd')) % 3) = 0 THEN due_date - 3 END`);
  // What autovacuum does on a live database: statistics and the visibility map (index-only scans).
  await db.execute(sql`VACUUM ANALYZE`);
  log(
    `insurer dashboard bench: ${POLICIES} policies, ${itemCount} plan items, set up in ${Math.round((performance.now() - setupStarted) / 1000)} s`,
  );

  const cases = [{}, { service: "key_inspection" as const }, { staff: staff[3]!.id }, { overduePage: 5, riskPage: 2 }];
  for (const c of cases) await insurerDesk(db, insurer!.id, { today: TODAY, ...c }); // warm-up
  const samples: number[] = [];
  let overdue = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const desk = await insurerDesk(db, insurer!.id, { today: TODAY, ...cases[i % cases.length] });
    samples.push(performance.now() - started);
    if (i === 0) overdue = desk.overdue.total;
  }
  const figure = summarise(samples);
  log(`  (first load: ${overdue} overdue items)`);
  log(
    `  desk load (${figure.runs} runs, ${os.cpus().length} cores): p50 ${figure.p50} ms, p95 ${figure.p95} ms, max ${figure.max} ms — target p95 ≤ 300 ms`,
  );
  if (figure.p95 > 300) process.exitCode = 1;
} finally {
  await handle.close();
  if (!KEEP) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  else log(`kept database ${name}`);
  await admin.end();
}
