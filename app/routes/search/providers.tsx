import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MatchReasons } from "../../components/match-reasons";
import { Pagination } from "../../components/pagination";
import { MatchScore } from "../../components/match-score";
import { NoResults } from "../../components/search-empty";
import { COMMON_ADVANCED_KEYS, CommonSearchFilters, FilterSelect } from "../../components/search-filters";
import { shanghaiDateString } from "../../domain/format";
import { regionNamesOf } from "../../domain/regions";
import { excerpt } from "../../domain/text-excerpt";
import { CREDIT_GRADES, PROVIDER_SORTS, RANK_WINDOW } from "../../domain/search-options";
import { categoryLabel, isServiceCategory } from "../../domain/service-categories";
import { ProviderSearchQuerySchema, queryIssues, searchParamsObject } from "../../forms/search";
import { toLanguage } from "../../i18n/config";
import { directoryQueryOf, findProviders, type DirectoryResult } from "../../services/provider-directory.server";
import { passThroughHeaders } from "../../utils/http.server";
import { limitPublicPagePerIp } from "../../utils/rate-limit.server";

/** The page's own folded filters, and every filter a visitor may drop when nothing is found. */
const PROVIDER_ADVANCED_KEYS = ["budget", "sort"] as const;
const PROVIDER_FILTER_KEYS = ["q", "category", ...COMMON_ADVANCED_KEYS, "budget"] as const;
/** Summaries on a card: a line or two, cut between characters (text-excerpt.ts). */
const SUMMARY_LENGTH = 80;

export const meta: MetaFunction = () => [{ title: "找服务机构 — 安服市集" }];

export const headers = passThroughHeaders;

/** Public: anyone may browse the directory; a refused query is a 400 with the fields marked. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const now = new Date();
  await limitPublicPagePerIp(context, now);
  const values = searchParamsObject(request.url);
  const parsed = ProviderSearchQuerySchema.safeParse(values);
  if (!parsed.success) {
    return data(
      {
        values,
        errors: queryIssues(parsed.error),
        result: null as PageResult | null,
        regionNames: {} as Record<string, string>,
      },
      { status: 400 },
    );
  }
  const q = parsed.data;
  const result = await findProviders(context.db, directoryQueryOf(q), shanghaiDateString(now));
  // Only what the page shows travels to the browser (the page is re-rendered from this data).
  const rows = result.rows.map(
    ({
      id,
      name,
      verified,
      categories,
      regionCodes,
      creditGrade,
      reviewCount,
      ratingSum,
      summary,
      score,
      reasons,
    }) => ({
      id,
      name,
      verified,
      categories,
      regionCodes,
      creditGrade,
      reviewCount,
      ratingSum,
      summary: excerpt(summary ?? "", SUMMARY_LENGTH),
      score,
      reasons,
    }),
  );
  return {
    values,
    errors: {} as Record<string, string>,
    result: { ...result, rows },
    // The filter's region too: the no-results hint names it (the browser has no county names).
    regionNames: regionNamesOf(new Set([...rows.flatMap((r) => r.regionCodes), ...(q.region ? [q.region] : [])])),
  };
}

export default function ProviderDirectory() {
  const { values, errors, result, regionNames } = useLoaderData<typeof loader>();
  const { t } = useTranslation("search");
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("providersTitle")}</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-600">{t("providersIntro")}</p>
      </header>
      <Form method="get" className="card" role="search" aria-label={t("filters")}>
        {Object.keys(errors).length > 0 ? (
          <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {t("invalidQuery")}
          </p>
        ) : null}
        <CommonSearchFilters
          values={values}
          errors={errors}
          resetTo="/providers"
          advancedKeys={PROVIDER_ADVANCED_KEYS}
          advanced={
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <label htmlFor="field-budget" className="label">
                  {t("budget")}
                </label>
                <input
                  id="field-budget"
                  name="budget"
                  inputMode="decimal"
                  className="input"
                  defaultValue={values.budget ?? ""}
                  aria-invalid={errors.budget ? true : undefined}
                  aria-describedby={errors.budget ? "field-budget-error" : undefined}
                />
                {errors.budget ? (
                  <p id="field-budget-error" className="field-error">
                    {t(`errors:${errors.budget}`)}
                  </p>
                ) : null}
              </div>
              <FilterSelect
                name="sort"
                label={t("sort")}
                value={values.sort}
                error={errors.sort}
                options={PROVIDER_SORTS.map((s) => ({ value: s, label: t(`sortOptions.${s}`) }))}
              />
            </div>
          }
        />
        {errors.page ? <p className="field-error">{t(`errors:${errors.page}`)}</p> : null}
      </Form>
      {result ? <ProviderResults result={result} values={values} regionNames={regionNames} /> : null}
    </div>
  );
}

type PageResult = Omit<DirectoryResult, "rows"> & {
  rows: Array<
    Pick<
      DirectoryResult["rows"][number],
      | "id"
      | "name"
      | "verified"
      | "categories"
      | "regionCodes"
      | "creditGrade"
      | "reviewCount"
      | "ratingSum"
      | "summary"
      | "score"
      | "reasons"
    >
  >;
};

function ProviderResults({
  result,
  values,
  regionNames,
}: {
  result: PageResult;
  values: Record<string, string | undefined>;
  regionNames: Record<string, string>;
}) {
  const regionName = (code: string) => regionNames[code] ?? "";
  const { t, i18n } = useTranslation("search");
  const lang = toLanguage(i18n.language);
  // Labels every card repeats, translated once per page rather than once per card.
  const label = {
    verified: t("verified"),
    unverified: t("unverified"),
    gradeNone: t("gradeNone"),
    noReviews: t("noReviews"),
    offers: t("offers"),
    serves: t("serves"),
  };
  const gradeBadge = Object.fromEntries(CREDIT_GRADES.map((g) => [g, t("gradeBadge", { grade: g })]));
  return (
    <section aria-labelledby="results-heading" className="space-y-4">
      <h2 id="results-heading" className="text-lg font-semibold">
        {t("results")}
      </h2>
      <p className="text-sm text-slate-600">
        {result.capped && !result.ranked
          ? t("totalCapped", { count: result.total })
          : t("total", { count: result.total })}
        {result.ranked ? ` · ${t("rankedNote", { window: RANK_WINDOW })}` : null}
      </p>
      {result.rows.length === 0 ? (
        <NoResults path="/providers" values={values} regionNames={regionNames} keys={PROVIDER_FILTER_KEYS} />
      ) : null}
      <ol className="space-y-3">
        {result.rows.map((row) => (
          <li key={row.id} className="card">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="text-base font-semibold text-brand-700">
                <Link className="link" to={`/providers/${row.id}`}>
                  {row.name}
                </Link>
              </h3>
              {row.score !== null ? <MatchScore score={row.score} /> : null}
            </div>
            <p className="mt-1 flex flex-wrap gap-2 text-xs">
              <span className={`badge ${row.verified ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-600"}`}>
                {row.verified ? label.verified : label.unverified}
              </span>
              <span className="badge bg-slate-100 text-slate-700">
                {row.creditGrade ? gradeBadge[row.creditGrade] : label.gradeNone}
              </span>
              <span className="badge bg-slate-100 text-slate-700">
                {row.reviewCount > 0
                  ? t("rating", { average: (row.ratingSum / row.reviewCount).toFixed(1), count: row.reviewCount })
                  : label.noReviews}
              </span>
            </p>
            <dl className="mt-2 grid gap-1 text-sm text-slate-700 sm:grid-cols-[6rem_1fr]">
              <dt className="text-slate-500">{label.offers}</dt>
              <dd>
                {row.categories
                  .filter(isServiceCategory)
                  .map((c) => categoryLabel(c, lang))
                  .join("、") || "—"}
              </dd>
              <dt className="text-slate-500">{label.serves}</dt>
              <dd>{row.regionCodes.map(regionName).filter(Boolean).join("、") || "—"}</dd>
            </dl>
            {row.summary ? <p className="mt-2 text-sm text-slate-600">{row.summary}</p> : null}
            <MatchReasons reasons={row.reasons} />
          </li>
        ))}
      </ol>
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} />
    </section>
  );
}
