import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { experts, organisations } from "../../db/schema";
import { addDays } from "../domain/calendar-date";
import { shanghaiDateString } from "../domain/format";
import { DEMO_ORGS } from "./demo-data";
import { EXPERTS_DEMO } from "./experts-demo-data";

/**
 * The demo expert pool. Idempotent: an expert is matched by keeper and name before inserting,
 * so a second run (or an expert the keeper edited) is left alone.
 */
export async function seedExpertsDemo(db: Db, now: Date): Promise<void> {
  const today = shanghaiDateString(now);
  await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const demo of DEMO_ORGS) {
      const [org] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.name, demo.name));
      if (org) ids.set(demo.key, org.id);
    }
    for (const e of EXPERTS_DEMO) {
      const keeper = ids.get(e.keeper);
      if (!keeper) continue;
      const [found] = await tx
        .select({ id: experts.id })
        .from(experts)
        .where(and(eq(experts.maintainedByOrgId, keeper), eq(experts.name, e.name)));
      if (found) continue;
      await tx.insert(experts).values({
        name: e.name,
        employerOrgId: e.employed ? keeper : null,
        maintainedByOrgId: keeper,
        title: e.title,
        safetyEngineerLevel: e.level ?? null,
        certificateNo: e.certificateNo ?? null,
        phone: e.phone ?? null,
        specialties: e.specialties,
        regionCodes: e.regionCodes,
        industryCodes: e.industryCodes ?? [],
        bio: e.bio ?? null,
        active: e.active ?? true,
        unavailable: e.unavailableOffsets
          ? [{ from: addDays(today, e.unavailableOffsets[0]), to: addDays(today, e.unavailableOffsets[1]) }]
          : [],
        declaredConflictOrgIds: (e.conflicts ?? []).map((k) => ids.get(k)).filter((id): id is string => Boolean(id)),
      });
    }
  });
}
