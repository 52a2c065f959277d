/**
 * The 安责险 "6+3" prevention plan, derived from a policy (issue 9, "The service plan, derived";
 * domain.md "Insurance: the 6+3 prevention package"; Qingdao 实施办法: 起保后一次风险评估、
 * 每季度一次重点排查、每半年一次起底式大检查、每年两次全员培训、协助整改政府部门发现的隐患、
 * 分类分级提供服务; 个性化: 一企一策、24小时远程指导、驻厂驻点).
 *
 * Pure: plain data in (policy, grade history, government-found hazards), plan items out. The
 * service stores the items and, on a grade change or cancellation, asks `replan`
 * (insurance-replan.ts) what to keep, add and cancel. Period arithmetic lives in plan-periods.ts;
 * the rules and the half-period threshold are explained in
 * docs/decisions/014-prevention-plan-periods.md.
 */
import { addMonthsClamped, compareIsoDates, minIsoDate, type IsoDate } from "./calendar-date";
import {
  dayNumber,
  fixedPeriods,
  fromDayNumber,
  inclusiveDays,
  plusDays as addDays,
  policyPeriods,
  type PeriodMonths,
} from "./plan-periods";
import { type RiskGrade } from "./risk-grade";

/** The service codes, exactly as the issue names them (API, database and UI agree on these). */
export const REQUIRED_SERVICES = [
  "risk_assessment",
  "key_inspection",
  "thorough_inspection",
  "all_staff_training",
  "rectification_assistance",
] as const;
export const OPTIONAL_SERVICES = ["one_enterprise_one_plan", "remote_guidance", "onsite_stationing"] as const;
export const SERVICE_CODES = [...REQUIRED_SERVICES, ...OPTIONAL_SERVICES] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];
export type OptionalServiceCode = (typeof OPTIONAL_SERVICES)[number];

export const SERVICE_LABELS: Record<ServiceCode, { zh: string; en: string }> = {
  risk_assessment: { zh: "起保后风险评估", en: "Risk assessment after cover starts" },
  key_inspection: { zh: "重点排查", en: "Key inspection" },
  thorough_inspection: { zh: "起底式大检查", en: "Thorough bottom-up inspection" },
  all_staff_training: { zh: "全员培训", en: "All-staff training" },
  rectification_assistance: { zh: "协助整改政府部门发现的隐患", en: "Help rectifying government-found hazards" },
  one_enterprise_one_plan: { zh: "一企一策", en: "One enterprise, one plan" },
  remote_guidance: { zh: "24小时远程指导", en: "24-hour remote guidance" },
  onsite_stationing: { zh: "驻厂驻点", en: "On-site stationing" },
};

// The grades are defined once, in risk-grade.ts; re-exported for the plan's callers.
export { RISK_GRADES, type RiskGrade } from "./risk-grade";

/**
 * 分类分级提供服务 — months between key inspections by grade. The issue: red → every month,
 * orange → every two months, yellow and blue → the quarterly baseline (每季度一次重点排查),
 * which is the minimum; the grade only ever raises the intensity.
 */
export const KEY_INSPECTION_MONTHS: Record<RiskGrade, PeriodMonths> = { red: 1, orange: 2, yellow: 3, blue: 3 };

/** Days after the start within which the assessment and the written plan are due (起保后…30日内). */
export const DAYS_AFTER_START = 30;

export type OptionalServiceChoice =
  | { service: "one_enterprise_one_plan" }
  | { service: "remote_guidance"; channel: string; responseMinutes: number }
  | { service: "onsite_stationing"; daysPerMonth: number };

/** 24小时远程指导: the channel and its default first-response target (response-time.ts). */
export const DEFAULT_GUIDANCE = { channel: "guidance_24h", responseMinutes: 120 } as const;
/** 驻厂驻点: days on site per month when the policy does not say. */
export const DEFAULT_STATIONING_DAYS_PER_MONTH = 2;

/** The optional services a policy lists by code, with its agreed parameters or the defaults. */
export function optionalServiceChoices(
  codes: readonly string[],
  terms: { guidanceResponseMinutes?: number | null; stationingDaysPerMonth?: number | null } = {},
): OptionalServiceChoice[] {
  const choices: OptionalServiceChoice[] = [];
  for (const code of OPTIONAL_SERVICES) {
    if (!codes.includes(code)) continue;
    if (code === "one_enterprise_one_plan") choices.push({ service: code });
    else if (code === "remote_guidance")
      choices.push({
        service: code,
        channel: DEFAULT_GUIDANCE.channel,
        responseMinutes: terms.guidanceResponseMinutes ?? DEFAULT_GUIDANCE.responseMinutes,
      });
    else
      choices.push({ service: code, daysPerMonth: terms.stationingDaysPerMonth ?? DEFAULT_STATIONING_DAYS_PER_MONTH });
  }
  return choices;
}

export type PolicyStatus = "active" | "cancelled" | "expired";

export type PolicyForPlan = {
  startDate: IsoDate;
  /** Last day of cover (inclusive), as on the policy. */
  endDate: IsoDate;
  /** The enterprise's grade at underwriting. */
  riskGrade: RiskGrade;
  optionalServices: readonly OptionalServiceChoice[];
  status: PolicyStatus;
  /** When cancelled: the day cover stops (保险责任终止日); that day itself is not covered. */
  cancelledOn?: IsoDate | null;
};

/** A later grade of the enterprise, in force from `effectiveFrom` (inclusive). */
export type GradeChange = { grade: RiskGrade; effectiveFrom: IsoDate };

/** A hazard a government inspection found at the insured enterprise. */
export type GovernmentHazard = { hazardId: string; foundOn: IsoDate; deadline: IsoDate };

export type PlanItem = {
  service: ServiceCode;
  /** 1-based within its service code, in window order. */
  sequence: number;
  windowStart: IsoDate;
  dueDate: IsoDate;
  /** rectification_assistance: the hazard it helps with. */
  hazardId?: string;
  /** remote_guidance: the channel and its response-time target. */
  guidance?: { channel: string; responseMinutes: number };
};

/**
 * The last covered day: the end date, or the day before a cancellation took effect.
 * Null when nothing is covered (cancelled on or before the start: 犹豫期 cancellation).
 */
export function effectiveEndDate(policy: PolicyForPlan): IsoDate | null {
  let end = policy.endDate;
  if (policy.status === "cancelled" && policy.cancelledOn) end = minIsoDate(end, addDays(policy.cancelledOn, -1));
  return end < policy.startDate ? null : end;
}

/** The grade in force on `date`: the latest change effective on or before it, else the underwriting grade. */
export function gradeOn(date: IsoDate, underwriting: RiskGrade, history: readonly GradeChange[]): RiskGrade {
  let grade = underwriting;
  let since = "";
  for (const change of history) {
    if (change.effectiveFrom <= date && change.effectiveFrom >= since) {
      grade = change.grade;
      since = change.effectiveFrom;
    }
  }
  return grade;
}

function periodic(service: ServiceCode, periods: ReturnType<typeof fixedPeriods>): PlanItem[] {
  return periods.map((p, i) => ({ service, sequence: i + 1, windowStart: p.start, dueDate: p.end }));
}

/**
 * Stationing days in a month: the month is split into `days` equal sub-windows so the visits
 * spread over it and no two share a window. A cut last month (already past the half-month
 * test) keeps its share of the days, at least one.
 */
function stationingItems(start: IsoDate, end: IsoDate, daysPerMonth: number): PlanItem[] {
  const items: PlanItem[] = [];
  for (const month of fixedPeriods(start, end, 1)) {
    const length = inclusiveDays(month.start, month.end);
    const fullLength = month.full
      ? length
      : inclusiveDays(month.start, addDays(addMonthsClamped(start, month.monthOffset + 1), -1));
    const count = Math.min(
      length,
      month.full ? daysPerMonth : Math.max(1, Math.round((daysPerMonth * length) / fullLength)),
    );
    const first = dayNumber(month.start);
    for (let i = 0; i < count; i++) {
      const from = fromDayNumber(first + Math.floor((i * length) / count));
      const to = fromDayNumber(first + Math.floor(((i + 1) * length) / count) - 1);
      items.push({ service: "onsite_stationing", sequence: items.length + 1, windowStart: from, dueDate: to });
    }
  }
  return items;
}

/**
 * The plan of a policy. `hazards` are the government-found hazards at the insured enterprise
 * (any date: only those found while the policy covers give an item). Items come ordered by
 * service code (SERVICE_CODES order), then window.
 */
export function derivePlan(
  policy: PolicyForPlan,
  gradeHistory: readonly GradeChange[] = [],
  hazards: readonly GovernmentHazard[] = [],
): PlanItem[] {
  const start = policy.startDate;
  const end = effectiveEndDate(policy);
  if (end === null) return [];
  const within30 = minIsoDate(addDays(start, DAYS_AFTER_START), end);
  const items: PlanItem[] = [{ service: "risk_assessment", sequence: 1, windowStart: start, dueDate: within30 }];

  const keyPeriods = policyPeriods(
    start,
    end,
    (periodStart) => KEY_INSPECTION_MONTHS[gradeOn(periodStart, policy.riskGrade, gradeHistory)],
  );
  items.push(...periodic("key_inspection", keyPeriods));
  const halves = fixedPeriods(start, end, 6);
  items.push(...periodic("thorough_inspection", halves));
  items.push(...periodic("all_staff_training", halves));

  // Found while covered; the due date is the hazard's own deadline, even past the policy end
  // (the duty arose during cover). A deadline before the finding date is bad data: due that day.
  const covered = hazards
    .filter((h) => h.foundOn >= start && h.foundOn <= end)
    .sort(
      (a, b) =>
        compareIsoDates(a.foundOn, b.foundOn) || (a.hazardId < b.hazardId ? -1 : a.hazardId > b.hazardId ? 1 : 0),
    );
  covered.forEach((h, i) =>
    items.push({
      service: "rectification_assistance",
      sequence: i + 1,
      windowStart: h.foundOn,
      dueDate: h.deadline < h.foundOn ? h.foundOn : h.deadline,
      hazardId: h.hazardId,
    }),
  );

  for (const code of OPTIONAL_SERVICES) {
    const choice = policy.optionalServices.find((o) => o.service === code);
    if (!choice) continue;
    if (choice.service === "one_enterprise_one_plan") {
      items.push({ service: code, sequence: 1, windowStart: start, dueDate: within30 });
    } else if (choice.service === "remote_guidance") {
      // A standing service for the whole cover: one item, its target carried along.
      items.push({
        service: code,
        sequence: 1,
        windowStart: start,
        dueDate: end,
        guidance: { channel: choice.channel, responseMinutes: choice.responseMinutes },
      });
    } else {
      items.push(...stationingItems(start, end, choice.daysPerMonth));
    }
  }
  return items;
}
