import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema";
import { registerOrg } from "../factories/accounts";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe("test database", () => {
  it("is migrated and writable", async () => {
    const { org } = await registerOrg(t.db);
    const [row] = await t.db.select().from(organisations).where(eq(organisations.id, org.id));
    expect(row.kind).toBe("enterprise");
  });
});
