import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MatchReasons } from "../../components/match-reasons";
import { Pagination } from "../../components/pagination";
import { CommonSearchFilters, FilterSelect } from "../../components/search-filters";
import { shanghaiDateString } from "../../domain/format";
import { regionFullName } from "../../domain/regions";
import { CREDIT_GRADES, PROVIDER_SORTS, RANK_WINDOW } from "../../domain/search-options";
import { categoryLabel, isServiceCategory } from "../../domain/service-categories";
import { ProviderSearchQuerySchema, queryIssues, searchParamsObject } from "../../forms/search";
import { toLanguage } from "../../i18n/config";
import { directoryQueryOf, findProviders, type DirectoryResult } from "../../services/provider-directory.server";
import { passThroughHeaders } from "../../utils/http.server";
import { limitPublicPagePerIp } from "../../utils/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "找服务机构 — 安服市集" }];

export const headers = passThroughHeaders;

/** Public: anyone may browse the directory; a refused query is a 400 with the fields marked. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await limitPublicPagePerIp(context);
  const values = searchParamsObject(request.url);
  const parsed = ProviderSearchQuerySchema.safeParse(values);
  if (!parsed.success) {
    return data({ values, errors: queryIssues(parsed.error), result: null as PageResult | null }, { status: 400 });
  }
  const q = parsed.data;
  const result = await findProviders(context.db, directoryQueryOf(q), shanghaiDateString(new Date()));
  // Only what the page shows travels to the browser (the page is re-rendered from this data).
  const rows = result.rows.map(({ id, name, verified, categories, regionCodes, creditGrade, reviewCount, ratingSum, summary, score, reasons }) => ({
    id, name, verified, categories, regionCodes, creditGrade, reviewCount, ratingSum, summary, score, reasons,
  }));
  return { values, errors: {} as Record<string, string>, result: { ...result, rows } };
}

export default function ProviderDirectory() {
  const { values, errors, result } = useLoaderData<typeof loader>();
  const { t } = useTranslation("search");
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("providersTitle")}</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-600">{t("providersIntro")}</p>
      </header>
      <Form method="get" className="card" role="search" aria-label={t("filters")}>
        {Object.keys(errors).length > 0 ? (
          <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{t("invalidQuery")}</p>
        ) : null}
        <CommonSearchFilters values={values} errors={errors} />
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="field-budget" className="label">{t("budget")}</label>
            <input id="field-budget" name="budget" inputMode="decimal" className="input" defaultValue={values.budget ?? ""} aria-invalid={errors.budget ? true : undefined} aria-describedby={errors.budget ? "field-budget-error" : undefined} />
            {errors.budget ? <p id="field-budget-error" className="field-error">{t(`errors:${errors.budget}`)}</p> : null}
          </div>
          <FilterSelect name="sort" label={t("sort")} value={values.sort} error={errors.sort} options={PROVIDER_SORTS.map((s) => ({ value: s, label: t(`sortOptions.${s}`) }))} />
        </div>
        {errors.page ? <p className="field-error">{t(`errors:${errors.page}`)}</p> : null}
        <div className="mt-4 flex gap-3">
          <button type="submit" className="btn-primary">{t("submit")}</button>
          <Link to="/providers" className="btn-secondary">{t("reset")}</Link>
        </div>
      </Form>
      {result ? <ProviderResults result={result} /> : null}
    </div>
  );
}

type PageResult = Omit<DirectoryResult, "rows"> & {
  rows: Array<Pick<DirectoryResult["rows"][number], "id" | "name" | "verified" | "categories" | "regionCodes" | "creditGrade" | "reviewCount" | "ratingSum" | "summary" | "score" | "reasons">>;
};

function ProviderResults({ result }: { result: PageResult }) {
  const { t, i18n } = useTranslation("search");
  const lang = toLanguage(i18n.language);
  // Labels every card repeats, translated once per page rather than once per card.
  const label = { verified: t("verified"), unverified: t("unverified"), gradeNone: t("gradeNone"), noReviews: t("noReviews"), offers: t("offers"), serves: t("serves") };
  const gradeBadge = Object.fromEntries(CREDIT_GRADES.map((g) => [g, t("gradeBadge", { grade: g })]));
  return (
    <section aria-labelledby="results-heading" className="space-y-4">
      <h2 id="results-heading" className="text-lg font-semibold">{t("results")}</h2>
      <p className="text-sm text-slate-600">
        {result.capped && !result.ranked ? t("totalCapped", { count: result.total }) : t("total", { count: result.total })}
        {result.ranked ? ` · ${t("rankedNote", { window: RANK_WINDOW })}` : null}
      </p>
      {result.rows.length === 0 ? <p className="card text-sm text-slate-600">{t("noResults")}</p> : null}
      <ol className="space-y-3">
        {result.rows.map((row) => (
          <li key={row.id} className="card">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="text-base font-semibold text-brand-700">
                <Link className="link" to={`/providers/${row.id}`}>{row.name}</Link>
              </h3>
              {row.score !== null ? <span className="text-sm font-medium text-slate-700">{t("score", { score: row.score })}</span> : null}
            </div>
            <p className="mt-1 flex flex-wrap gap-2 text-xs">
              <span className={`badge ${row.verified ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-600"}`}>{row.verified ? label.verified : label.unverified}</span>
              <span className="badge bg-slate-100 text-slate-700">{row.creditGrade ? gradeBadge[row.creditGrade] : label.gradeNone}</span>
              <span className="badge bg-slate-100 text-slate-700">
                {row.reviewCount > 0 ? t("rating", { average: (row.ratingSum / row.reviewCount).toFixed(1), count: row.reviewCount }) : label.noReviews}
              </span>
            </p>
            <dl className="mt-2 grid gap-1 text-sm text-slate-700 sm:grid-cols-[6rem_1fr]">
              <dt className="text-slate-500">{label.offers}</dt>
              <dd>{row.categories.filter(isServiceCategory).map((c) => categoryLabel(c, lang)).join("、") || "—"}</dd>
              <dt className="text-slate-500">{label.serves}</dt>
              <dd>{row.regionCodes.map(regionFullName).filter(Boolean).join("、") || "—"}</dd>
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
