// Issue 6 #3: 40 and 100 simultaneous wrong passwords on one account used to check 19 and 16
// passwords against a limit of 10, because counting and recording were separate steps. Now
// each check is reserved under a lock: however many arrive at once, at most the limit are
// checked and the rest are refused with 429. On PostgreSQL the requests really overlap; on
// PGlite they run one by one and the same limit must still hold.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { loginAttempts } from "../../db/schema";
import { MAX_FAILURES_PER_ACCOUNT } from "../../app/domain/login-throttle";
import { login } from "../../app/services/auth.server";
import { AppError } from "../../app/utils/errors";
import { registerOrg } from "../factories/accounts";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ maxConnections: 20 });
});
afterAll(async () => {
  await t.close();
});

const outcomeOf = (e: unknown) => (e instanceof AppError ? e.status : `unexpected ${String(e)}`);

describe("simultaneous wrong passwords on one account", () => {
  it.each([40, 100])("%i at once: exactly the limit are checked, the rest get 429", async (attempts) => {
    const { user } = await registerOrg(t.db);
    const now = new Date("2026-06-01T08:00:00.000Z");
    const outcomes = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        login(
          t.db,
          { email: user.email, password: `wrong guess ${i}` },
          { ip: `198.18.${Math.floor(i / 250)}.${i % 250}`, now },
        ).then(() => "signed in", outcomeOf),
      ),
    );
    expect(outcomes.filter((o) => o === 401)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(outcomes.filter((o) => o === 429)).toHaveLength(attempts - MAX_FAILURES_PER_ACCOUNT);
    const recorded = await t.db.select().from(loginAttempts).where(eq(loginAttempts.accountKey, user.email));
    expect(recorded).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
  });
});
