// Provider credit grade (信用评价), a pure function of the provider's record.
// Policy: 闽委发〔2017〕18号 (二十八) asks for "技术服务机构公示、退出制度和由第三方实施的信用评定制度"
// and names the misconduct to punish — 租借资质、违法挂靠、弄虚作假、垄断收费; the 金华 plan asks for
// "专业安全服务机构评价和惩戒淘汰机制，定期向社会公示相关信用状况和评价结果". The scoring and its
// reasoning are in docs/decisions/006-credit-grade.md; change the two together.

export type Grade = "A" | "B" | "C" | "D";
export type EvaluationResult = "good" | "pass" | "fail";
export type ViolationKind = "qualification_renting" | "illegal_affiliation" | "falsification" | "monopoly_pricing";

export type CreditReason = { code: string; params?: Record<string, string | number> };

export type CreditInput = {
  /** Published client → provider reviews only: the double-blind rule decides when one counts. */
  reviews: readonly { overall: number; publishedOn: string }[];
  /** Accepted or closed engagements with a due date: delivered on or before it is on time. */
  deliveries: readonly { dueOn: string; deliveredOn: string }[];
  evaluations: readonly { result: EvaluationResult; evaluatedOn: string }[];
  violations: readonly { kind: ViolationKind; serious: boolean; occurredOn: string }[];
  /** YYYY-MM-DD, Asia/Shanghai. */
  today: string;
};

export type CreditResult = { grade: Grade; score: number; reasons: CreditReason[]; suspend: boolean };

export const CREDIT_RULES = {
  /** Records older than this stop counting: a past failing is not a life sentence (信用修复). */
  lookbackYears: 3,
  base: 75,
  rating: { priorMean: 4, priorWeight: 8, pointsPerStar: 15 },
  onTime: { priorRate: 0.9, priorWeight: 5, pointsPerUnit: 40 },
  evaluation: { good: 4, pass: 0, fail: -10, min: -30, max: 8 },
  violation: { qualification_renting: -20, illegal_affiliation: -20, falsification: -20, monopoly_pricing: -10 },
  thresholds: { A: 85, B: 70, C: 55 },
  /** An A must rest on evidence: a handful of glowing reviews is not enough. */
  aMinReviews: 5,
} as const;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The first day still inside the look-back window ("2025-06-30" → "2022-06-30"). */
export function lookbackStart(today: string): string {
  return `${Number(today.slice(0, 4)) - CREDIT_RULES.lookbackYears}${today.slice(4)}`;
}

/** Bayesian mean: with few data points the prior dominates, so one review cannot make or break a grade. */
function shrunk(sum: number, count: number, prior: number, weight: number): number {
  return (sum + prior * weight) / (count + weight);
}

export function gradeProvider(input: CreditInput): CreditResult {
  const from = lookbackStart(input.today);
  const reviews = input.reviews.filter((r) => r.publishedOn >= from);
  const deliveries = input.deliveries.filter((d) => d.deliveredOn >= from);
  const evaluations = input.evaluations.filter((e) => e.evaluatedOn >= from);
  const violations = input.violations.filter((v) => v.occurredOn >= from);
  const rules = CREDIT_RULES;
  const reasons: CreditReason[] = [];

  const serious = violations.filter((v) => v.serious).sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
  for (const v of serious) reasons.push({ code: "serious_violation", params: { kind: v.kind, date: v.occurredOn } });

  let score: number = rules.base;
  if (reviews.length) {
    const sum = reviews.reduce((s, r) => s + r.overall, 0);
    const points =
      (shrunk(sum, reviews.length, rules.rating.priorMean, rules.rating.priorWeight) - rules.rating.priorMean) *
      rules.rating.pointsPerStar;
    score += points;
    reasons.push({
      code: "rating",
      params: { average: (sum / reviews.length).toFixed(1), count: reviews.length, points: round1(points) },
    });
  }
  if (deliveries.length) {
    const onTime = deliveries.filter((d) => d.deliveredOn <= d.dueOn).length;
    const rate = shrunk(onTime, deliveries.length, rules.onTime.priorRate, rules.onTime.priorWeight);
    const points = (rate - rules.onTime.priorRate) * rules.onTime.pointsPerUnit;
    score += points;
    reasons.push({
      code: "on_time",
      params: {
        onTime,
        total: deliveries.length,
        percent: Math.round((onTime / deliveries.length) * 100),
        points: round1(points),
      },
    });
  }
  if (evaluations.length) {
    const count = (result: EvaluationResult) => evaluations.filter((e) => e.result === result).length;
    const raw = evaluations.reduce((s, e) => s + rules.evaluation[e.result], 0);
    const points = Math.min(rules.evaluation.max, Math.max(rules.evaluation.min, raw));
    score += points;
    reasons.push({
      code: "evaluations",
      params: { good: count("good"), pass: count("pass"), fail: count("fail"), points },
    });
  }
  for (const v of violations.filter((v) => !v.serious)) {
    const points = rules.violation[v.kind];
    score += points;
    reasons.push({ code: "violation", params: { kind: v.kind, date: v.occurredOn, points } });
  }
  score = Math.round(Math.min(100, Math.max(0, score)));
  // A serious violation is an exit (退出), whatever the rest of the record says; the score
  // follows so that score and grade never disagree on the page.
  if (serious.length) score = Math.min(score, rules.thresholds.C - 1);

  if (!reviews.length && !deliveries.length && !evaluations.length && !violations.length) {
    reasons.push({ code: "no_history" });
  }

  let grade: Grade =
    score >= rules.thresholds.A ? "A" : score >= rules.thresholds.B ? "B" : score >= rules.thresholds.C ? "C" : "D";
  if (grade === "A" && reviews.length < rules.aMinReviews) {
    grade = "B";
    reasons.push({ code: "a_needs_reviews", params: { min: rules.aMinReviews, count: reviews.length } });
  }
  if (grade === "D" && !serious.length) reasons.push({ code: "grade_d", params: { threshold: rules.thresholds.C } });

  return { grade, score, reasons, suspend: grade === "D" };
}

/** In good standing (the 公示 list): A or B and not suspended. */
export const isGoodStanding = (grade: Grade | null, suspended: boolean) =>
  !suspended && (grade === "A" || grade === "B");

/**
 * Whether a recomputation must suspend the provider now. An admin's reinstatement is a
 * considered decision: recomputing the same record must not undo it. Only a new trigger
 * does — an adverse record (violation, failed evaluation) entered after the reinstatement,
 * or the grade falling into D from a better one.
 */
export function shouldAutoSuspend(input: {
  result: Pick<CreditResult, "grade" | "suspend">;
  previousGrade: Grade | null;
  alreadySuspended: boolean;
  lastReinstatedAt: Date | null;
  newestAdverseRecordAt: Date | null;
}): boolean {
  if (!input.result.suspend || input.alreadySuspended) return false;
  if (!input.lastReinstatedAt) return true;
  if (input.newestAdverseRecordAt && input.newestAdverseRecordAt.getTime() > input.lastReinstatedAt.getTime())
    return true;
  return input.previousGrade !== "D" && input.result.grade === "D";
}

/** The half-year a disclosure belongs to (the list is published every half year): 1 = 上半年, 2 = 下半年. */
export function disclosurePeriod(today: string): { year: number; half: 1 | 2 } {
  return { year: Number(today.slice(0, 4)), half: Number(today.slice(5, 7)) <= 6 ? 1 : 2 };
}
