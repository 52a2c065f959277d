// The audit log is append-only (db/migrations/0001_audit_log_append_only.sql and
// 0008_audit_log_no_truncate.sql): the database itself refuses UPDATE, DELETE and TRUNCATE, so not even a bug in the app can rewrite history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import { writeAudit } from "../../app/services/audit.server";
import { registerOrg } from "../factories/accounts";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let entryId: number;

beforeAll(async () => {
  t = await createTestDb();
  const { user, org } = await registerOrg(t.db);
  await writeAudit(t.db, {
    action: "test.original",
    actorUserId: user.id,
    orgId: org.id,
    data: { amountFen: 100 },
    ip: "203.0.113.40",
  });
  const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, "test.original"));
  entryId = row.id;
});
afterAll(async () => {
  await t.close();
});

/** The error message with its causes (drivers and drizzle wrap the database error). */
async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the statement should have been refused").toBeInstanceOf(Error);
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return messages.join(" / ");
}

async function entry() {
  const [row] = await t.db.select().from(auditLog).where(eq(auditLog.id, entryId));
  return row;
}

describe("audit_log", () => {
  it("accepts new entries", async () => {
    expect(await entry()).toMatchObject({ action: "test.original", data: { amountFen: 100 } });
  });

  it("refuses an UPDATE and keeps the entry unchanged", async () => {
    const before = await entry();
    const message = await failure(
      t.db
        .update(auditLog)
        .set({ data: { amountFen: 1 } })
        .where(eq(auditLog.id, entryId)),
    );
    expect(message).toMatch(/append-only/);
    expect(await entry()).toEqual(before);
  });

  it("refuses a DELETE and keeps the entry", async () => {
    const message = await failure(t.db.delete(auditLog).where(eq(auditLog.id, entryId)));
    expect(message).toMatch(/append-only/);
    expect(await entry()).toBeDefined();
  });

  it("refuses a DELETE of everything, in raw SQL too", async () => {
    const [{ n: before }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(await failure(t.db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    const [{ n: after }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after).toBe(before);
  });

  it("refuses a TRUNCATE, which row triggers alone would not see", async () => {
    const [{ n: before }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(await failure(t.db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    const [{ n: after }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after).toBe(before);
  });

  it("refuses an UPDATE inside a transaction, rolling the whole transaction back", async () => {
    const message = await failure(
      t.db.transaction(async (tx) => {
        await writeAudit(tx, { action: "test.in_tx" });
        await tx.update(auditLog).set({ action: "test.rewritten" }).where(eq(auditLog.id, entryId));
      }),
    );
    expect(message).toMatch(/append-only/);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "test.in_tx"))).toEqual([]);
    expect((await entry()).action).toBe("test.original");
  });
});
