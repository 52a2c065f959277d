/**
 * Writing 安责险 policies (issue 9, "Policies"; decision 025). One function writes a policy,
 * whichever way it came — the form, the spreadsheet import, `POST /api/v1/policies` — so the
 * three cannot drift: the insured enterprise is put on the register by USCC (an unknown one
 * becomes an unclaimed enterprise), the policy row, its prevention fund (premium × ratio) as
 * the first ledger entry, and its derived plan are written in the caller's transaction.
 */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { insurancePolicies, preventionFeeEntries } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import type { NormalisedPolicy } from "../domain/policy-import";
import { preventionFundFen } from "../domain/prevention-fee";
import { AppError } from "../utils/errors";
import { uuidOrNotFound } from "../utils/ids";
import { writeAudit } from "./audit.server";
import { ensureRegisteredEnterprise } from "./enterprise-register.server";
import { writeInitialPlan } from "./insurance-plans.server";

export type PolicyRow = typeof insurancePolicies.$inferSelect;

export type PolicyInput = NormalisedPolicy & {
  guidanceResponseMinutes?: number | null;
  stationingDaysPerMonth?: number | null;
  /** A renewal: the policy it continues. */
  renewalOfId?: string | null;
};

/** The 409 of a policy number the insurer already used (API code and i18n key). */
export const policyNumberTaken = () => new AppError(409, "policy_number_taken", "insurance:errors.policy_number_taken");

/**
 * Writes one policy with its fund and plan. A duplicate policy number of the same insurer is a
 * 409 (the unique index decides, so two concurrent writes cannot both win). Call inside a
 * transaction; answers the row and how many plan items were written.
 */
export async function writePolicy(
  tx: DbOrTx,
  input: {
    insurerId: string;
    actorUserId: string | null;
    policy: PolicyInput;
    today: IsoDate;
    now: Date;
    /** The import writes thousands: it audits once for the batch. */
    audit?: boolean;
  },
): Promise<{ policy: PolicyRow; planItems: number }> {
  const { policy: p, insurerId, now } = input;
  const enterpriseId = await ensureRegisteredEnterprise(tx, p.enterprise, insurerId, now);
  const [row] = await tx
    .insert(insurancePolicies)
    .values({
      insurerId,
      enterpriseId,
      policyNumber: p.policyNumber,
      premiumFen: p.premiumFen,
      preventionFeeBps: p.preventionFeeBps,
      startDate: p.startDate,
      endDate: p.endDate,
      riskGrade: p.riskGrade,
      optionalServices: [...p.optionalServices],
      guidanceResponseMinutes: p.guidanceResponseMinutes ?? null,
      stationingDaysPerMonth: p.stationingDaysPerMonth ?? null,
      renewalOfId: p.renewalOfId ?? null,
      createdAt: now,
    })
    .onConflictDoNothing({ target: [insurancePolicies.insurerId, insurancePolicies.policyNumber] })
    .returning();
  if (!row) throw policyNumberTaken();
  await tx.insert(preventionFeeEntries).values({
    policyId: row.id,
    insurerId,
    kind: "fund",
    amountFen: preventionFundFen(p.premiumFen, p.preventionFeeBps),
    createdByUserId: input.actorUserId,
    createdAt: now,
  });
  const planItems = await writeInitialPlan(tx, row, input.today, now);
  if (input.audit !== false)
    await writeAudit(tx, {
      action: "insurance_policy.written",
      actorUserId: input.actorUserId,
      orgId: insurerId,
      subjectType: "insurance_policy",
      subjectId: row.id,
      data: { policyNumber: p.policyNumber, enterpriseId, renewalOfId: p.renewalOfId ?? null },
      at: now,
    });
  return { policy: row, planItems };
}

/** One of the insurer's own policies, or 404 (another insurer's policy does not exist for it). */
export async function getOwnPolicy(db: DbOrTx, insurerId: string, policyId: string): Promise<PolicyRow> {
  const [row] = await db
    .select()
    .from(insurancePolicies)
    .where(and(eq(insurancePolicies.id, uuidOrNotFound(policyId)), eq(insurancePolicies.insurerId, insurerId)));
  if (!row) throw new AppError(404, "not_found", "not_found");
  return row;
}
