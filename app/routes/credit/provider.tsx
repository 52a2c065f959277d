import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CreditBadge } from "../../components/credit-badge";
import { Pagination } from "../../components/pagination";
import { PublishedReviewList } from "../../components/published-reviews";
import { formatDateTime } from "../../domain/format";
import { regionNamesOf } from "../../domain/regions";
import { pageFromUrl } from "../../domain/paging";
import { toLanguage } from "../../i18n/config";
import { getProviderCredit } from "../../services/credit.server";
import { listPublishedReviews } from "../../services/reviews.server";
import { orErrorPage } from "../../utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.credit.provider.name} · 信用信息 · 安服市集` : "安服市集" },
];

const ProviderId = z.string().uuid();

/** Public: a provider's grade with its reasons, recent violations and published reviews. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const providerId = ProviderId.safeParse(params.providerId);
  if (!providerId.success) throw data({ messageKey: "not_found" }, { status: 404 });
  const page = pageFromUrl(request.url);
  return orErrorPage(async () => {
    const now = new Date();
    const credit = await getProviderCredit(context.db, { now, providerId: providerId.data });
    const reviews = await listPublishedReviews(context.db, { providerId: providerId.data, page, now });
    return { credit, reviews, regionNames: regionNamesOf([credit.provider.regionCode]) };
  });
}

export default function ProviderCredit() {
  const { credit, reviews, regionNames } = useLoaderData<typeof loader>();
  const regionName = (code: string) => regionNames[code] ?? "";
  const { t, i18n } = useTranslation("credit");
  const lang = toLanguage(i18n.language);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link to="/credit" className="link text-sm">
        ← {t("listTitle")}
      </Link>
      <header>
        <h1 className="text-2xl font-semibold">{t("providerTitle", { name: credit.provider.name })}</h1>
        <p className="mt-1 text-slate-600">{regionName(credit.provider.regionCode)}</p>
        {credit.provider.suspended ? (
          <p role="status" className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
            {t("suspendedNotice")}
          </p>
        ) : null}
      </header>
      <section className="card space-y-2" aria-labelledby="grade-title">
        <h2 id="grade-title" className="text-lg font-semibold">
          {t("gradeLabel")}
        </h2>
        <CreditBadge grade={credit.grade} reasons={credit.reasons} showReasons />
        <p className="text-sm text-slate-600">
          {credit.averageRating !== null
            ? t("ratingValue", { rating: credit.averageRating.toFixed(1), count: credit.reviewCount })
            : t("noRating")}
          {credit.computedAt
            ? ` · ${t("computedAt", { date: formatDateTime(new Date(credit.computedAt), lang) })}`
            : ""}
        </p>
      </section>
      <section className="card" aria-labelledby="violations-title">
        <h2 id="violations-title" className="mb-2 text-lg font-semibold">
          {t("violationsTitle")}
        </h2>
        {credit.violations.length === 0 ? (
          <p className="text-slate-500">{t("noViolations")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {credit.violations.map((v, i) => (
              <li key={`${v.occurredOn}-${i}`}>
                {v.occurredOn} · {t(`violationKind.${v.kind}`)}
                {v.serious ? <span className="badge ml-2 bg-red-50 text-red-800">{t("seriousTag")}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="reviews-title">
        <h2 id="reviews-title" className="mb-2 text-lg font-semibold">
          {t("reviewsTitle")}
        </h2>
        <PublishedReviewList reviews={reviews.rows} />
        <Pagination page={reviews.page} pageSize={reviews.pageSize} total={reviews.total} />
      </section>
    </div>
  );
}
