import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import {
  BAYES_PRIOR_MEAN,
  BAYES_PRIOR_WEIGHT,
  GRADE_POINTS,
  GRADE_SORT_KEY,
  RATING_POINTS,
} from "../../app/domain/rank-weights";

/**
 * The ranking formulas of app/domain/rank-weights.ts as SQL, used both by the expression
 * indexes on provider_profiles and by the search queries: PostgreSQL only uses an expression
 * index when the query repeats the expression exactly, so both sides build it here.
 * Constants are inlined (sql.raw), never bound, so the index definition is a plain expression.
 */
const n = (v: number) => sql.raw(Number.isInteger(v) ? String(v) : v.toFixed(6));
type Col = AnyColumn | SQL;

export const gradePointsSql = (grade: Col) =>
  sql`(CASE ${grade} WHEN 'A' THEN ${n(GRADE_POINTS.A)} WHEN 'B' THEN ${n(GRADE_POINTS.B)} WHEN 'C' THEN ${n(GRADE_POINTS.C)} WHEN 'D' THEN ${n(GRADE_POINTS.D)} ELSE ${n(GRADE_POINTS.none)} END)`;

export const gradeSortKeySql = (grade: Col) =>
  sql`(CASE ${grade} WHEN 'A' THEN ${n(GRADE_SORT_KEY.A)} WHEN 'B' THEN ${n(GRADE_SORT_KEY.B)} WHEN 'C' THEN ${n(GRADE_SORT_KEY.C)} WHEN 'D' THEN ${n(GRADE_SORT_KEY.D)} ELSE ${n(GRADE_SORT_KEY.none)} END)`;

export const bayesianRatingSql = (reviewCount: Col, ratingSum: Col) =>
  sql`((${n(BAYES_PRIOR_WEIGHT * BAYES_PRIOR_MEAN)} + ${ratingSum})::float8 / (${n(BAYES_PRIOR_WEIGHT)} + ${reviewCount}))`;

export const staticScoreSql = (grade: Col, reviewCount: Col, ratingSum: Col) =>
  sql`(${gradePointsSql(grade)} + (${bayesianRatingSql(reviewCount, ratingSum)} - 1) / 4 * ${n(RATING_POINTS)})`;
