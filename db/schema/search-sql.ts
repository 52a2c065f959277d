import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
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

/**
 * Whether a listing is public on `today` ("YYYY-MM-DD"): the hull test lets the indexes on
 * visible_from/visible_until find candidates, the day set removes the gaps between
 * certificates. The one SQL form of app/domain/listing-visibility.ts for every public query.
 */
export const listingVisibleOnSql = (cols: { visibleFrom: Col; visibleUntil: Col; visibleDays: Col }, today: string) =>
  sql`(${cols.visibleFrom} <= ${today}::date and ${cols.visibleUntil} >= ${today}::date and ${cols.visibleDays} @> ${today}::date)`;

const plpgsql = (expr: SQL) => new PgDialect().sqlToQuery(expr).sql;

/**
 * The trigger function that keeps a listing's search flags (migration
 * listing_visibility_per_certificate), generated here so its ranking constants come from
 * rank-weights.ts like the indexes' do; a unit test fails when the migration and this text
 * diverge (print it with `npx tsx scripts/print-search-trigger.ts`). Visibility follows
 * listingVisibility: hidden when paused, suspended or rejected; otherwise every day inside one
 * verified certificate of the required type (each certificate is its own range).
 */
export function listingSearchFlagsFunctionSql(): string {
  const grade = sql.raw("grade");
  const reviewCount = sql.raw("n");
  const ratingSum = sql.raw("s");
  return `CREATE OR REPLACE FUNCTION service_listing_search_flags() RETURNS trigger AS $$
DECLARE
  org_suspended timestamptz;
  org_status verification_status;
  grade credit_grade;
  n integer := 0;
  s integer := 0;
  q_days datemultirange;
  q_from date;
  q_until date;
BEGIN
  SELECT o.suspended_at, o.verification_status INTO org_suspended, org_status
    FROM organisations o WHERE o.id = NEW.provider_id;
  SELECT p.credit_grade, p.review_count, p.rating_sum INTO grade, n, s
    FROM provider_profiles p WHERE p.org_id = NEW.provider_id;
  n := coalesce(n, 0);
  s := coalesce(s, 0);
  NEW.provider_verified := coalesce(org_status = 'verified', false);
  NEW.provider_grade := grade;
  NEW.provider_grade_key := ${plpgsql(gradeSortKeySql(grade))};
  NEW.provider_rating := ${plpgsql(bayesianRatingSql(reviewCount, ratingSum))};
  NEW.provider_score := ${plpgsql(staticScoreSql(grade, reviewCount, ratingSum))};
  IF NEW.status <> 'active' OR org_suspended IS NOT NULL OR org_status IS NULL OR org_status = 'rejected' THEN
    NEW.visible_days := '{}';
    NEW.visible_from := 'infinity';
    NEW.visible_until := '-infinity';
  ELSIF NEW.required_qualification_type IS NULL THEN
    NEW.visible_days := '{(,)}';
    NEW.visible_from := '-infinity';
    NEW.visible_until := 'infinity';
  ELSE
    SELECT range_agg(daterange(q.valid_from, q.valid_to, '[]')), min(q.valid_from), max(q.valid_to)
      INTO q_days, q_from, q_until
      FROM qualifications q
      WHERE q.provider_id = NEW.provider_id AND q.type = NEW.required_qualification_type
        AND q.status = 'verified' AND q.valid_from <= q.valid_to;
    NEW.visible_days := coalesce(q_days, '{}');
    NEW.visible_from := coalesce(q_from, 'infinity');
    NEW.visible_until := coalesce(q_until, '-infinity');
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;`;
}
