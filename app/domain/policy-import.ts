/**
 * Validation of one 安责险 policy as insurers send it (issue 9, "Policies": the body of
 * `POST /api/v1/policies`, exactly `{ policyNumber, enterprise { uscc, name, regionCode },
 * premiumFen, preventionFeeBps, startDate, endDate, riskGrade, optionalServices }`; "a bad field
 * answers 400 with the field named"). Pure: the route answers 400 with these errors; the
 * spreadsheet import (policy-import-sheet.ts) maps its columns to the same shape and reuses it.
 *
 * Every problem is reported at once (not the first only), each as `{ field, code }` with the
 * dotted path of the field, so a core-system integrator fixes a payload in one round. Unknown
 * fields are errors too: a misspelt `premium` must not be dropped silently.
 */
import { addMonthsClamped, parseIsoDate, type IsoDate } from "./calendar-date";
import { OPTIONAL_SERVICES, RISK_GRADES, type OptionalServiceCode, type RiskGrade } from "./insurance-plan";
import { MAX_BPS } from "./prevention-fee";
import { isValidRegionCode } from "./regions";
import { validateUscc } from "./uscc";

export type NormalisedPolicy = {
  policyNumber: string;
  enterprise: { uscc: string; name: string; regionCode: string };
  premiumFen: number;
  preventionFeeBps: number;
  startDate: IsoDate;
  endDate: IsoDate;
  riskGrade: RiskGrade;
  optionalServices: OptionalServiceCode[];
};

export {
  POLICY_ERROR_CODES,
  POLICY_ERROR_MESSAGES,
  type FieldError,
  type PolicyErrorCode,
} from "./policy-import-messages";
import type { FieldError, PolicyErrorCode } from "./policy-import-messages";

/** Longest policy term accepted (multi-year construction project policies exist; beyond is a typo). */
export const MAX_TERM_MONTHS = 60;
/** ¥100 million: far above any 安责险 premium; beyond it is a unit mistake (yuan sent as fen ×100). */
export const MAX_PREMIUM_FEN = 10_000_000_000;

const TOP_FIELDS = [
  "policyNumber",
  "enterprise",
  "premiumFen",
  "preventionFeeBps",
  "startDate",
  "endDate",
  "riskGrade",
  "optionalServices",
];
const ENTERPRISE_FIELDS = ["uscc", "name", "regionCode"];
const POLICY_NUMBER = /^[A-Za-z0-9][A-Za-z0-9_\-/.]{0,63}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export type PolicyValidation = { ok: true; value: NormalisedPolicy } | { ok: false; errors: FieldError[] };

export function validatePolicyRecord(body: unknown): PolicyValidation {
  const errors: FieldError[] = [];
  const fail = (field: string, code: PolicyErrorCode) => errors.push({ field, code });
  if (!isRecord(body)) return { ok: false, errors: [{ field: "", code: "invalid_type" }] };
  for (const key of Object.keys(body)) if (!TOP_FIELDS.includes(key)) fail(key, "unknown_field");

  const str = (value: unknown, field: string): string | null => {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === ""))
      return (fail(field, "required"), null);
    if (typeof value !== "string") return (fail(field, "invalid_type"), null);
    return value.trim();
  };
  const int = (value: unknown, field: string, min: number, max: number): number | null => {
    if (value === undefined || value === null) return (fail(field, "required"), null);
    if (typeof value !== "number" || !Number.isInteger(value)) return (fail(field, "invalid_type"), null);
    if (value < min || value > max) return (fail(field, "out_of_range"), null);
    return value;
  };

  const policyNumber = str(body.policyNumber, "policyNumber");
  if (policyNumber !== null && !POLICY_NUMBER.test(policyNumber)) fail("policyNumber", "invalid_policy_number");

  let uscc: string | null = null;
  let name: string | null = null;
  let regionCode: string | null = null;
  if (body.enterprise === undefined || body.enterprise === null) fail("enterprise", "required");
  else if (!isRecord(body.enterprise)) fail("enterprise", "invalid_type");
  else {
    const e = body.enterprise;
    for (const key of Object.keys(e)) if (!ENTERPRISE_FIELDS.includes(key)) fail(`enterprise.${key}`, "unknown_field");
    const rawUscc = str(e.uscc, "enterprise.uscc");
    if (rawUscc !== null) {
      const checked = validateUscc(rawUscc);
      if (checked.ok) uscc = checked.code;
      else fail("enterprise.uscc", "invalid_uscc");
    }
    name = str(e.name, "enterprise.name");
    if (name !== null && ([...name].length < 2 || [...name].length > 100)) {
      fail("enterprise.name", "invalid_name");
      name = null;
    }
    regionCode = str(e.regionCode, "enterprise.regionCode");
    if (regionCode !== null && !isValidRegionCode(regionCode)) {
      fail("enterprise.regionCode", "unknown_region");
      regionCode = null;
    }
  }

  const premiumFen = int(body.premiumFen, "premiumFen", 1, MAX_PREMIUM_FEN);
  const preventionFeeBps = int(body.preventionFeeBps, "preventionFeeBps", 0, MAX_BPS);

  const date = (value: unknown, field: string): IsoDate | null => {
    const s = str(value, field);
    if (s === null) return null;
    const parsed = parseIsoDate(s);
    if (parsed === null) fail(field, "invalid_date");
    return parsed;
  };
  const startDate = date(body.startDate, "startDate");
  const endDate = date(body.endDate, "endDate");
  if (startDate && endDate) {
    if (endDate < startDate) fail("endDate", "end_before_start");
    else if (endDate >= addMonthsClamped(startDate, MAX_TERM_MONTHS)) fail("endDate", "term_too_long");
  }

  const grade = str(body.riskGrade, "riskGrade");
  if (grade !== null && !(RISK_GRADES as readonly string[]).includes(grade)) fail("riskGrade", "invalid_grade");

  const optionalServices: OptionalServiceCode[] = [];
  if (body.optionalServices !== undefined && body.optionalServices !== null) {
    if (!Array.isArray(body.optionalServices)) fail("optionalServices", "invalid_type");
    else
      body.optionalServices.forEach((s: unknown, i: number) => {
        const field = `optionalServices[${i}]`;
        if (typeof s !== "string") return fail(field, "invalid_type");
        if (!(OPTIONAL_SERVICES as readonly string[]).includes(s)) return fail(field, "unknown_service");
        if (optionalServices.includes(s as OptionalServiceCode)) return fail(field, "duplicate_service");
        optionalServices.push(s as OptionalServiceCode);
      });
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      policyNumber: policyNumber!,
      enterprise: { uscc: uscc!, name: name!, regionCode: regionCode! },
      premiumFen: premiumFen!,
      preventionFeeBps: preventionFeeBps!,
      startDate: startDate!,
      endDate: endDate!,
      riskGrade: grade as RiskGrade,
      optionalServices,
    },
  };
}
