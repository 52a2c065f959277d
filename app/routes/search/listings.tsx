import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "../../components/pagination";
import { NoResults } from "../../components/search-empty";
import { COMMON_ADVANCED_KEYS, CommonSearchFilters, FilterSelect } from "../../components/search-filters";
import { formatFen, shanghaiDateString } from "../../domain/format";
import { regionNamesOf } from "../../domain/regions";
import { excerpt } from "../../domain/text-excerpt";
import { CREDIT_GRADES, LISTING_SORTS } from "../../domain/search-options";

const PRICE_MODELS = ["fixed", "per_visit", "yearly_custody"] as const;
import { categoryLabel } from "../../domain/service-categories";
import { ListingSearchQuerySchema, queryIssues, searchParamsObject } from "../../forms/search";
import { toLanguage } from "../../i18n/config";
import { searchListings, type ListingRow, type Page } from "../../services/search.server";
import { passThroughHeaders } from "../../utils/http.server";
import { limitPublicPagePerIp } from "../../utils/rate-limit.server";

/** The page's own folded filters, and every filter a visitor may drop when nothing is found. */
const LISTING_ADVANCED_KEYS = ["minPrice", "maxPrice", "sort"] as const;
const LISTING_FILTER_KEYS = ["q", "category", ...COMMON_ADVANCED_KEYS, "minPrice", "maxPrice"] as const;
/** Summaries on a card: a line or two, cut between characters (text-excerpt.ts). */
const SUMMARY_LENGTH = 80;

export const meta: MetaFunction = () => [{ title: "服务项目 — 安服市集" }];

export const headers = passThroughHeaders;

/** Public listing search; only listings visible today (see search.server.ts) are ever found. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const now = new Date();
  await limitPublicPagePerIp(context, now);
  const values = searchParamsObject(request.url);
  const parsed = ListingSearchQuerySchema.safeParse(values);
  if (!parsed.success) {
    return data(
      {
        values,
        errors: queryIssues(parsed.error),
        result: null as Page<ListingRow> | null,
        regionNames: {} as Record<string, string>,
      },
      { status: 400 },
    );
  }
  const q = parsed.data;
  const result = await searchListings(context.db, {
    q: q.q,
    category: q.category,
    regionCode: q.region,
    industryCode: q.industry,
    minGrade: q.grade,
    verifiedOnly: q.verified,
    sort: q.sort,
    page: q.page,
    minPriceFen: q.minPrice,
    maxPriceFen: q.maxPrice,
    today: shanghaiDateString(now),
  });
  const rows = result.rows.map((r) => ({ ...r, summary: excerpt(r.summary ?? "", SUMMARY_LENGTH) }));
  return {
    values,
    errors: {} as Record<string, string>,
    result: { ...result, rows },
    // The filter's region too: the no-results hint names it (the browser has no county names).
    regionNames: regionNamesOf(new Set([...rows.flatMap((r) => r.regionCodes), ...(q.region ? [q.region] : [])])),
  };
}

export default function ListingSearch() {
  const { values, errors, result, regionNames } = useLoaderData<typeof loader>();
  const { t } = useTranslation("search");
  const priceInput = (name: "minPrice" | "maxPrice") => (
    <div>
      <label htmlFor={`field-${name}`} className="label">
        {t(name)}
      </label>
      <input
        id={`field-${name}`}
        name={name}
        inputMode="decimal"
        className="input"
        defaultValue={values[name] ?? ""}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `field-${name}-error` : undefined}
      />
      {errors[name] ? (
        <p id={`field-${name}-error`} className="field-error">
          {t(`errors:${errors[name]}`)}
        </p>
      ) : null}
    </div>
  );
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("listingsTitle")}</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-600">{t("listingsIntro")}</p>
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
          resetTo="/listings"
          advancedKeys={LISTING_ADVANCED_KEYS}
          advanced={
            <div className="grid gap-4 sm:grid-cols-3">
              {priceInput("minPrice")}
              {priceInput("maxPrice")}
              <FilterSelect
                name="sort"
                label={t("sort")}
                value={values.sort}
                error={errors.sort}
                options={LISTING_SORTS.map((s) => ({ value: s, label: t(`sortOptions.${s}`) }))}
              />
            </div>
          }
        />
        {errors.page ? <p className="field-error">{t(`errors:${errors.page}`)}</p> : null}
      </Form>
      {result ? <ListingResults result={result} values={values} regionNames={regionNames} /> : null}
    </div>
  );
}

function ListingResults({
  result,
  values,
  regionNames,
}: {
  result: Page<ListingRow>;
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
    provider: t("provider"),
    serves: t("serves"),
  };
  const gradeBadge = Object.fromEntries(CREDIT_GRADES.map((g) => [g, t("gradeBadge", { grade: g })]));
  const priceModel = Object.fromEntries(PRICE_MODELS.map((m) => [m, t(`priceModel.${m}`)]));
  return (
    <section aria-labelledby="results-heading" className="space-y-4">
      <h2 id="results-heading" className="text-lg font-semibold">
        {t("results")}
      </h2>
      <p className="text-sm text-slate-600">
        {result.capped
          ? t("listingsTotalCapped", { count: result.total })
          : t("listingsTotal", { count: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <NoResults path="/listings" values={values} regionNames={regionNames} keys={LISTING_FILTER_KEYS} />
      ) : null}
      <ol className="space-y-3">
        {result.rows.map((row) => (
          <li key={row.id} className="card">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="text-base font-semibold text-brand-700">
                <Link className="link" to={`/listings/${row.id}`}>
                  {row.title}
                </Link>
              </h3>
              <span className="text-base font-semibold">
                {formatFen(row.priceFen, lang)}{" "}
                <span className="text-xs font-normal text-slate-500">{priceModel[row.priceModel]}</span>
              </span>
            </div>
            <p className="mt-1 flex flex-wrap gap-2 text-xs">
              <span className="badge bg-slate-100 text-slate-700">{categoryLabel(row.category, lang)}</span>
              <span className="badge bg-slate-100 text-slate-700">
                {row.providerGrade ? gradeBadge[row.providerGrade] : label.gradeNone}
              </span>
              <span
                className={`badge ${row.providerVerified ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-600"}`}
              >
                {row.providerVerified ? label.verified : label.unverified}
              </span>
            </p>
            <dl className="mt-2 grid gap-1 text-sm text-slate-700 sm:grid-cols-[6rem_1fr]">
              <dt className="text-slate-500">{label.provider}</dt>
              <dd>
                <Link className="link" to={`/providers/${row.providerId}`}>
                  {row.providerName}
                </Link>
              </dd>
              <dt className="text-slate-500">{label.serves}</dt>
              <dd>{row.regionCodes.map(regionName).filter(Boolean).join("、") || "—"}</dd>
            </dl>
            {row.summary ? <p className="mt-2 text-sm text-slate-600">{row.summary}</p> : null}
          </li>
        ))}
      </ol>
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} />
    </section>
  );
}
