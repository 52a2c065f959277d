import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { totalPages } from "../domain/paging";

/** Previous / next links that keep the list's other query parameters. */
export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = totalPages(total, pageSize);
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav
      aria-label={t("common:pageOf", { page, pages, total })}
      className="mt-4 flex items-center justify-between text-sm"
    >
      <span className="text-slate-600">{t("common:pageOf", { page, pages, total })}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className="btn-secondary" to={hrefFor(page - 1)}>
            {t("common:previous")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link className="btn-secondary" to={hrefFor(page + 1)}>
            {t("common:next")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
