import { and, eq, like } from "drizzle-orm";
import type { Db } from "../../db/client";
import { insurancePolicies, organisations } from "../../db/schema";
import { addDays, addMonthsClamped, type IsoDate } from "../domain/calendar-date";
import { shanghaiDateString } from "../domain/format";
import type { OptionalServiceCode, RiskGrade } from "../domain/insurance-plan";
import { writePolicy } from "../services/policies.server";
import { DEMO_ORGS } from "./demo-data";

/**
 * Demo policies (issue 9): 安泰 (insurer-jinhua) insures 金华 enterprises — the demo's 鑫达 and 嘉美
 * and the unclaimed 婺城 register enterprises — with 30 one-year policies started 1–11 months ago,
 * mixed grades and optional services, all written through `writePolicy` (fund and derived plan).
 * Idempotent: it does nothing once its first policy exists.
 */
export const INSURANCE_DEMO_PREFIX = "AZX-DEMO-2026-";
const COUNT = 30;
const GRADES: RiskGrade[] = ["yellow", "blue", "orange", "yellow", "red", "blue"];
const OPTIONS: OptionalServiceCode[][] = [
  [],
  ["one_enterprise_one_plan"],
  ["remote_guidance"],
  [],
  ["one_enterprise_one_plan", "remote_guidance", "onsite_stationing"],
  ["onsite_stationing"],
];

export async function seedInsuranceDemo(db: Db, now: Date): Promise<void> {
  const orgByKey = async (key: string) => {
    const name = DEMO_ORGS.find((o) => o.key === key)?.name;
    if (!name) return null;
    const [row] = await db
      .select({
        id: organisations.id,
        uscc: organisations.uscc,
        name: organisations.name,
        regionCode: organisations.regionCode,
      })
      .from(organisations)
      .where(eq(organisations.name, name));
    return row ?? null;
  };
  const antai = await orgByKey("insurer-jinhua");
  if (!antai) return;
  const first = `${INSURANCE_DEMO_PREFIX}0001`;
  const [done] = await db
    .select({ id: insurancePolicies.id })
    .from(insurancePolicies)
    .where(and(eq(insurancePolicies.insurerId, antai.id), eq(insurancePolicies.policyNumber, first)));
  if (done) return;
  const wucheng = await db
    .select({
      id: organisations.id,
      uscc: organisations.uscc,
      name: organisations.name,
      regionCode: organisations.regionCode,
    })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "enterprise"),
        eq(organisations.unclaimed, true),
        like(organisations.name, "金华市婺城区%"),
      ),
    )
    .orderBy(organisations.name);
  const insured = [await orgByKey("ent-xinda"), await orgByKey("ent-jiamei"), ...wucheng].filter(
    (e): e is NonNullable<typeof e> => Boolean(e?.uscc),
  );
  if (insured.length === 0) return;
  const today = shanghaiDateString(now) as IsoDate;
  await db.transaction(async (tx) => {
    for (let i = 0; i < COUNT; i++) {
      const e = insured[i % insured.length]!;
      // Every policy started 1–11 months ago; with more policies than enterprises some hold two
      // (a second policy for a project, say).
      const start = addMonthsClamped(today, -(1 + (i % 11)));
      const options = OPTIONS[i % OPTIONS.length]!;
      await writePolicy(tx, {
        insurerId: antai.id,
        actorUserId: null,
        policy: {
          policyNumber: `${INSURANCE_DEMO_PREFIX}${String(i + 1).padStart(4, "0")}`,
          enterprise: { uscc: e.uscc!, name: e.name, regionCode: e.regionCode },
          premiumFen: 600_000 + ((i * 137_000) % 2_400_000),
          preventionFeeBps: [1000, 1500, 2000][i % 3]!,
          startDate: start,
          endDate: addDays(addMonthsClamped(start, 12), -1),
          riskGrade: GRADES[i % GRADES.length]!,
          optionalServices: options,
          guidanceResponseMinutes: options.includes("remote_guidance") ? 30 : null,
          stationingDaysPerMonth: options.includes("onsite_stationing") ? 3 : null,
        },
        today,
        now,
      });
    }
  });
}
