import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { industryName } from "../domain/industries";
import { categoryLabel, isServiceCategory } from "../domain/service-categories";
import { toLanguage } from "../i18n/config";
import { activeFilters, requestPrefillHref, type SearchValues } from "../utils/search-links";

/**
 * A search that found nothing: the same search without each of its filters, and "发布需求"
 * with the terms pre-filled, so the visitor always has a next step (issue 11).
 */
export function NoResults({
  path,
  values,
  keys,
  regionNames,
}: {
  path: string;
  values: SearchValues;
  keys: readonly string[];
  /** From the loader (regionNamesOf): the full region table stays on the server (decision 016). */
  regionNames: Record<string, string>;
}) {
  const { t, i18n } = useTranslation("search");
  const lang = toLanguage(i18n.language);
  const describe = (key: string, value: string): string => {
    if (key === "category") return isServiceCategory(value) ? categoryLabel(value, lang) : value;
    if (key === "region") return regionNames[value] || value;
    if (key === "industry") return industryName(value, lang) ?? value;
    if (key === "grade") return t("gradeAtLeast", { grade: value });
    if (key === "verified") return t("verifiedOnly");
    return t(`filterValue.${key}`, { value });
  };
  const filters = activeFilters(path, values, keys);
  return (
    <div className="card space-y-3 text-sm text-slate-700" role="status">
      <p className="font-medium">{filters.length ? t("noResultsFiltered") : t("noResults")}</p>
      {filters.length ? (
        <div>
          <p className="text-slate-600">{t("dropFilter")}</p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {filters.map((f) => (
              <li key={f.key}>
                <Link
                  to={f.href}
                  className="inline-flex items-center gap-1 rounded-full border border-slate-300 px-3 py-1 hover:bg-slate-50"
                  aria-label={t("dropFilterLabel", { filter: describe(f.key, f.value) })}
                >
                  <span aria-hidden="true">×</span> {describe(f.key, f.value)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="border-t border-slate-200 pt-3">
        <p className="text-slate-600">{t("postRequestLead")}</p>
        <Link to={requestPrefillHref(values)} className="btn-primary mt-2 inline-block">
          {t("postRequest")}
        </Link>
      </div>
    </div>
  );
}
