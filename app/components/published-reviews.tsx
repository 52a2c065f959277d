import { useTranslation } from "react-i18next";
import { formatDate } from "../domain/format";
import { SERVICE_CATEGORY_LABELS, isServiceCategory } from "../domain/service-categories";
import { toLanguage } from "../i18n/config";
import { fullName } from "./use-region-options";

/** The shape of listPublishedReviews(...).rows, after the loader's JSON round trip. */
export type PublishedReview = {
  id: string;
  professionalism: number | null;
  timeliness: number | null;
  effect: number | null;
  overall: number;
  body: string;
  reply: string | null;
  publishedAt: string;
  category: string;
  reviewerRegionCode: string;
};

const CRITERIA = ["professionalism", "timeliness", "effect"] as const;

/** A city is enough to place the client; its name stays private (reviews are about the provider). City names come with the outline. */
function cityOf(code: string): string {
  return fullName(code.slice(0, 4) + "00") || fullName(code);
}

/** A provider's published reviews with its public replies; no reviewer names. */
export function PublishedReviewList({ reviews }: { reviews: readonly PublishedReview[] }) {
  const { t, i18n } = useTranslation("credit");
  const lang = toLanguage(i18n.language);
  const categoryLabel = (c: string) =>
    isServiceCategory(c) ? SERVICE_CATEGORY_LABELS[c][lang === "en" ? "en" : "zh"] : c;
  if (reviews.length === 0) return <p className="text-slate-500">{t("noReviews")}</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {reviews.map((r) => (
        <li key={r.id} className="py-4">
          <p className="text-sm font-medium">
            {t("criteria.overall")} {t("scoreOf", { score: r.overall })}
            {CRITERIA.map((c) =>
              r[c] !== null ? (
                <span key={c} className="ml-3 font-normal text-slate-600">
                  {t(`criteria.${c}`)} {t("scoreOf", { score: r[c] })}
                </span>
              ) : null,
            )}
          </p>
          {r.body ? <p className="mt-1 whitespace-pre-line text-slate-800">{r.body}</p> : null}
          <p className="mt-1 text-xs text-slate-500">
            {t("reviewMeta", {
              category: categoryLabel(r.category),
              region: cityOf(r.reviewerRegionCode),
              date: formatDate(new Date(r.publishedAt), lang),
            })}
          </p>
          {r.reply ? (
            <div className="mt-2 rounded-md bg-slate-50 px-3 py-2 text-sm">
              <p className="font-medium text-slate-700">{t("providerReply")}</p>
              <p className="whitespace-pre-line text-slate-800">{r.reply}</p>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
