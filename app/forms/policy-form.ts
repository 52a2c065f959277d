/**
 * The policy form (issue 9, "Policies"): its fields turned into the API's body and checked by
 * validatePolicyRecord, so the form refuses exactly what `POST /api/v1/policies` refuses, field by
 * field. People type the premium in 元 and the ratio in % (the sheet's parsers read them); the
 * optional-service terms are the form's own extra fields.
 */
import { validatePolicyRecord, type NormalisedPolicy, type PolicyErrorCode } from "../domain/policy-import";
import { percentToBps, yuanToFen } from "../domain/policy-import-sheet";

/** policies.server.ts's PolicyInput, spelt out here (forms do not import services). */
type PolicyInput = NormalisedPolicy & {
  guidanceResponseMinutes: number | null;
  stationingDaysPerMonth: number | null;
  renewalOfId: string | null;
};

export const POLICY_FORM_FIELDS = [
  "policyNumber",
  "uscc",
  "name",
  "regionCode",
  "premiumYuan",
  "ratioPercent",
  "startDate",
  "endDate",
  "riskGrade",
  "guidanceResponseMinutes",
  "stationingDaysPerMonth",
  "renewalOfId",
] as const;
export type PolicyFormValues = Record<(typeof POLICY_FORM_FIELDS)[number], string> & { optionalServices: string[] };
export type PolicyFormError = PolicyErrorCode | "invalid_amount" | "invalid_term";

/** API field → form field, for showing an error beside its input. */
const FORM_FIELD: Record<string, string> = {
  policyNumber: "policyNumber",
  "enterprise.uscc": "uscc",
  "enterprise.name": "name",
  "enterprise.regionCode": "regionCode",
  enterprise: "uscc",
  premiumFen: "premiumYuan",
  preventionFeeBps: "ratioPercent",
  startDate: "startDate",
  endDate: "endDate",
  riskGrade: "riskGrade",
};

export function policyFormValues(form: FormData): PolicyFormValues {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v.slice(0, 200) : "";
  };
  const values = Object.fromEntries(POLICY_FORM_FIELDS.map((k) => [k, get(k)])) as unknown as PolicyFormValues;
  values.optionalServices = form
    .getAll("optionalServices")
    .filter((v): v is string => typeof v === "string")
    .slice(0, 10);
  return values;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parsePolicyForm(
  values: PolicyFormValues,
): { ok: true; policy: PolicyInput } | { ok: false; fieldErrors: Record<string, PolicyFormError> } {
  const fieldErrors: Record<string, PolicyFormError> = {};
  const premiumFen = values.premiumYuan.trim() === "" ? undefined : yuanToFen(values.premiumYuan);
  if (premiumFen === null) fieldErrors.premiumYuan = "invalid_amount";
  const bps = values.ratioPercent.trim() === "" ? undefined : percentToBps(values.ratioPercent);
  if (bps === null) fieldErrors.ratioPercent = "invalid_amount";
  const checked = validatePolicyRecord({
    policyNumber: values.policyNumber,
    enterprise: { uscc: values.uscc, name: values.name, regionCode: values.regionCode },
    premiumFen: premiumFen ?? undefined,
    preventionFeeBps: bps ?? undefined,
    startDate: values.startDate,
    endDate: values.endDate,
    riskGrade: values.riskGrade,
    optionalServices: values.optionalServices,
  });
  if (!checked.ok)
    for (const e of checked.errors) {
      const field = FORM_FIELD[e.field] ?? (e.field.startsWith("optionalServices") ? "optionalServices" : e.field);
      if (!fieldErrors[field]) fieldErrors[field] = e.code;
    }
  const term = (raw: string, field: string, min: number, max: number, applies: boolean): number | null => {
    if (!applies || raw.trim() === "") return null;
    const n = Number(raw.trim());
    if (!Number.isInteger(n) || n < min || n > max) {
      fieldErrors[field] = "invalid_term";
      return null;
    }
    return n;
  };
  const guidanceResponseMinutes = term(
    values.guidanceResponseMinutes,
    "guidanceResponseMinutes",
    5,
    2880,
    values.optionalServices.includes("remote_guidance"),
  );
  const stationingDaysPerMonth = term(
    values.stationingDaysPerMonth,
    "stationingDaysPerMonth",
    1,
    31,
    values.optionalServices.includes("onsite_stationing"),
  );
  if (!checked.ok || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return {
    ok: true,
    policy: {
      ...checked.value,
      guidanceResponseMinutes,
      stationingDaysPerMonth,
      renewalOfId: UUID.test(values.renewalOfId) ? values.renewalOfId.toLowerCase() : null,
    },
  };
}
