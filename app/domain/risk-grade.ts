/**
 * Enterprise safety risk grade (安全风险等级, 红橙黄蓝), domain.md "Reference data" and issue 8:
 * red (重大风险) > orange (较大风险) > yellow (一般风险) > blue (低风险). A grade is recorded with
 * its date, assessor and reason; the enterprise page shows the current one and the history, and
 * the insurance plans read it.
 *
 * "Current" is the latest assessment dated on or before `today` (an assessment may be entered
 * ahead of its effective day); two on the same day are ordered by when they were recorded, so a
 * correction made later the same day wins.
 */
import type { IsoDate } from "./calendar-date";

export const RISK_GRADES = ["red", "orange", "yellow", "blue"] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];

export const RISK_GRADE_LABELS: Record<RiskGrade, { zh: string; en: string; color: string }> = {
  red: { zh: "重大风险（红）", en: "Major risk (red)", color: "#dc2626" },
  orange: { zh: "较大风险（橙）", en: "High risk (orange)", color: "#ea580c" },
  yellow: { zh: "一般风险（黄）", en: "Moderate risk (yellow)", color: "#ca8a04" },
  blue: { zh: "低风险（蓝）", en: "Low risk (blue)", color: "#2563eb" },
};

export function isRiskGrade(value: string): value is RiskGrade {
  return (RISK_GRADES as readonly string[]).includes(value);
}

/** 4 for red … 1 for blue: higher is riskier. */
export function riskSeverity(grade: RiskGrade): number {
  return RISK_GRADES.length - RISK_GRADES.indexOf(grade);
}

/** Sort comparator, riskiest first. */
export function compareRiskGrades(a: RiskGrade, b: RiskGrade): number {
  return riskSeverity(b) - riskSeverity(a);
}

/** The riskier of two grades (e.g. the grade a group or a policy reports). */
export function higherRiskGrade(a: RiskGrade, b: RiskGrade): RiskGrade {
  return riskSeverity(a) >= riskSeverity(b) ? a : b;
}

export type RiskAssessment = {
  grade: RiskGrade;
  /** The day the grade takes effect. */
  assessedOn: IsoDate;
  /** The assessing organisation or expert (display name or id; the service decides). */
  assessor: string;
  reason: string;
  /** When the record was entered: breaks ties between assessments of the same day. */
  recordedAt: Date;
};

/** The history newest first, as the enterprise page lists it. */
export function riskHistory<T extends RiskAssessment>(assessments: readonly T[]): T[] {
  return [...assessments].sort(
    (a, b) =>
      (a.assessedOn < b.assessedOn ? 1 : a.assessedOn > b.assessedOn ? -1 : 0) ||
      b.recordedAt.getTime() - a.recordedAt.getTime(),
  );
}

/** The grade in force on `today`, or null when none has been assessed yet. */
export function currentRiskGrade<T extends RiskAssessment>(assessments: readonly T[], today: IsoDate): T | null {
  return riskHistory(assessments).find((a) => a.assessedOn <= today) ?? null;
}

/** Direction of the latest change in force on `today`: the page shows an arrow. */
export function riskTrend(assessments: readonly RiskAssessment[], today: IsoDate): "up" | "down" | "same" | null {
  const inForce = riskHistory(assessments).filter((a) => a.assessedOn <= today);
  if (inForce.length < 2) return null;
  const diff = riskSeverity(inForce[0]!.grade) - riskSeverity(inForce[1]!.grade);
  return diff > 0 ? "up" : diff < 0 ? "down" : "same";
}
