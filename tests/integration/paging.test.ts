// Every list pages the same way (docs/architecture.md, "Paging"): 20 rows a page, each row on
// exactly one page, and a page number that is not a whole number from 1 to MAX_PAGE — a typo in
// a shared link, or a value that slipped past a form — is page 1 (or the last allowed page),
// never a database error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PAGE, PAGE_SIZE } from "../../app/domain/paging";
import { listOrganisationsInRegion } from "../../app/services/organisations.server";
import { listQualificationQueue } from "../../app/services/qualifications.server";
import { createOrgWithOwner } from "../factories/accounts";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
// A county of its own, so no other test file's organisations fall into this list.
const COUNTY = "330783";
const ORGS = PAGE_SIZE + 5;

beforeAll(async () => {
  t = await createTestDb();
  for (let i = 0; i < ORGS; i++) await createOrgWithOwner(t.db, { kind: "enterprise", regionCode: COUNTY });
});
afterAll(async () => {
  await t.close();
});

const inCounty = (page: number | undefined) => listOrganisationsInRegion(t.db, { bureauRegionCode: COUNTY, page });

describe("offset paging of a list", () => {
  it("splits the rows into full pages and a last partial one, each row once", async () => {
    const first = await inCounty(1);
    const second = await inCounty(2);
    expect(first).toMatchObject({ total: ORGS, page: 1, pageSize: PAGE_SIZE });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(second.rows).toHaveLength(ORGS - PAGE_SIZE);
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(ORGS);
  });

  it.each([[0], [-3], [2.5], [Number.NaN], [undefined]])("page %s is page 1", async (page) => {
    const result = await inCounty(page);
    expect(result.page).toBe(1);
    expect(result.rows).toHaveLength(PAGE_SIZE);
  });

  it("a page past MAX_PAGE is clamped to it: an empty page, not an error", async () => {
    const result = await inCounty(MAX_PAGE + 50);
    expect(result.page).toBe(MAX_PAGE);
    expect(result.rows).toEqual([]);
    expect(result.total).toBe(ORGS);
  });

  it("another service's list obeys the same rules", async () => {
    const queue = await listQualificationQueue(t.db, { status: "pending", page: 2.5 });
    expect(queue).toMatchObject({ page: 1, pageSize: PAGE_SIZE });
  });
});
