import type { Db } from "../../db/client";
import { writePolicy, type PolicyInput } from "../../app/services/policies.server";
import type { IsoDate } from "../../app/domain/calendar-date";
import { makeUscc } from "./accounts";

/** A valid policy body (the API's shape), with overrides. */
export function policyInput(over: Partial<PolicyInput> = {}): PolicyInput {
  return {
    policyNumber: `P-${Math.random().toString(36).slice(2, 10)}`,
    enterprise: { uscc: makeUscc("330702"), name: "测试投保企业", regionCode: "330702" },
    premiumFen: 1_200_000,
    preventionFeeBps: 1500,
    startDate: "2026-01-01" as IsoDate,
    endDate: "2026-12-31" as IsoDate,
    riskGrade: "yellow",
    optionalServices: [],
    ...over,
  };
}

/** Writes a policy through the one service every entry point uses (fund and plan included). */
export async function insertPolicy(
  db: Db,
  insurerId: string,
  over: Partial<PolicyInput> = {},
  at: { today?: IsoDate; now?: Date } = {},
) {
  return db.transaction((tx) =>
    writePolicy(tx, {
      insurerId,
      actorUserId: null,
      policy: policyInput(over),
      today: at.today ?? ("2026-03-01" as IsoDate),
      now: at.now ?? new Date("2026-03-01T02:00:00Z"),
    }),
  );
}
