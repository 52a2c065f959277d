import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "../../db/client";

/**
 * Migration 0015 (decision 021): the provider experts that existed become rows of the one
 * pool, same id, employed and maintained by their provider; titles and specialties are mapped
 * to codes where a keyword matches and kept word for word in the bio; provider_experts is gone.
 */
describe("migration 0015: provider_experts into the expert pool", () => {
  const dir = mkdtempSync(join(tmpdir(), "anfu-mig-"));
  const client = new PGlite();
  afterAll(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every provider expert and drops the old table", async () => {
    // Migrate to 0013 (the folder as it was before this change), add old rows, then run the rest.
    cpSync(migrationsFolder, dir, { recursive: true });
    const journalPath = join(dir, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: Array<{ idx: number }> };
    journal.entries = journal.entries.filter((e) => e.idx <= 13);
    writeFileSync(journalPath, JSON.stringify(journal));
    const db = drizzle(client, { casing: "snake_case" });
    await migrate(db, { migrationsFolder: dir });

    const org = await client.query<{ id: string }>(
      `INSERT INTO organisations (kind, name, region_code) VALUES ('provider', '老专家公司', '330702') RETURNING id`,
    );
    const providerId = org.rows[0]!.id;
    await client.query(`INSERT INTO provider_profiles (org_id, region_codes) VALUES ($1, '{330700,330800}')`, [
      providerId,
    ]);
    const inserted = await client.query<{ id: string; name: string }>(
      `INSERT INTO provider_experts (provider_id, name, title, certificate_no, specialties) VALUES
        ($1, '王敏', '注册安全工程师（化工安全）', 'ZA-1', '危险化学品、涉爆粉尘'),
        ($1, '陈刚', '高级工程师', NULL, '机械安全、有限空间作业'),
        ($1, '无名', NULL, NULL, '看着办')
       RETURNING id, name`,
      [providerId],
    );

    await migrate(db, { migrationsFolder });

    const rows = await client.query<{
      id: string;
      name: string;
      employer_org_id: string;
      maintained_by_org_id: string;
      specialties: string[];
      region_codes: string[];
      title: string;
      safety_engineer_level: string | null;
      certificate_no: string | null;
      bio: string | null;
    }>(`SELECT * FROM experts ORDER BY name`);
    expect(rows.rows).toHaveLength(3);
    const byName = Object.fromEntries(rows.rows.map((r) => [r.name, r]));
    for (const old of inserted.rows) expect(byName[old.name]!.id).toBe(old.id);
    for (const r of rows.rows) {
      expect(r.employer_org_id).toBe(providerId);
      expect(r.maintained_by_org_id).toBe(providerId);
      expect(r.region_codes).toEqual(["330700", "330800"]);
    }
    expect(byName["王敏"]).toMatchObject({
      specialties: ["hazardous_chemicals", "dust_explosion"],
      title: "none",
      safety_engineer_level: "intermediate",
      certificate_no: "ZA-1",
      bio: "注册安全工程师（化工安全）；危险化学品、涉爆粉尘",
    });
    expect(byName["陈刚"]).toMatchObject({
      specialties: ["mechanical", "confined_space"],
      title: "senior",
      safety_engineer_level: null,
    });
    // Nothing matched: no codes, the words stay in the bio.
    expect(byName["无名"]).toMatchObject({ specialties: [], title: "none", bio: "看着办" });
    const old = await client.query(`SELECT to_regclass('provider_experts') AS t`);
    expect((old.rows[0] as { t: string | null }).t).toBeNull();
  });
});
