import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import { formatDate } from "../../domain/format";
import { DrawListQuerySchema } from "../../forms/experts";
import { toLanguage } from "../../i18n/config";
import { i18nServer } from "../../i18n/i18n.server";
import { listExpertDraws } from "../../services/expert-draws.server";
import { spreadsheetResponse } from "../../services/spreadsheet.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "专家随机抽取 · 安服市集" }];

/** The bureau's draws, newest first; `?format=xlsx|csv` exports them all. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.bureauDesk, "view");
  const query = parseQuery(DrawListQuerySchema, request);
  if (query.format) {
    const all = await listExpertDraws(context.db, org, 1, true);
    const t = await i18nServer.getFixedT(request, "experts");
    return spreadsheetResponse({
      filename: "expert-draws",
      sheetName: t("draws.title"),
      format: query.format,
      rows: all.rows,
      columns: [
        { header: t("draws.col.createdAt"), width: 20, value: (r) => r.createdAt.toISOString() },
        { header: t("draws.col.enterprise"), width: 30, value: (r) => r.enterpriseName },
        { header: t("draws.col.task"), width: 40, value: (r) => r.task },
        { header: t("draws.col.period"), width: 24, value: (r) => `${r.criteria.from}~${r.criteria.to}` },
        { header: t("draws.col.drawn"), width: 30, value: (r) => r.drawnNames.join("、") },
        { header: t("draws.col.excluded"), width: 10, value: (r) => r.excludedCount },
        { header: t("draws.col.seed"), width: 36, value: (r) => r.seed },
      ],
    });
  }
  const result = await listExpertDraws(context.db, org, query.page);
  return { result };
}

type DrawPage = Omit<Awaited<ReturnType<typeof listExpertDraws>>, "rows"> & {
  rows: Array<Omit<Awaited<ReturnType<typeof listExpertDraws>>["rows"][number], "createdAt"> & { createdAt: string }>;
};

export default function ExpertDrawsPage() {
  // The loader answers a file for ?format=, so the page's data is narrowed to the list.
  const { result } = useLoaderData<typeof loader>() as unknown as { result: DrawPage };
  const { t, i18n } = useTranslation("experts");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">{t("draws.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("draws.lead")}</p>
        </div>
        <span className="flex flex-wrap gap-2">
          <a href="?format=xlsx" className="btn-secondary" download>
            {t("draws.export")}
          </a>
          <Link to="/bureau/expert-draws/new" className="btn-primary">
            {t("draws.new")}
          </Link>
        </span>
      </header>
      <section className="card overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="text-slate-500">{t("draws.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("draws.col.createdAt")}</th>
                <th scope="col">{t("draws.col.enterprise")}</th>
                <th scope="col">{t("draws.col.task")}</th>
                <th scope="col">{t("draws.col.drawn")}</th>
                <th scope="col">{t("draws.col.excluded")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("draws.col.createdAt")}>
                    <Link to={`/bureau/expert-draws/${r.id}`} className="link">
                      {formatDate(new Date(r.createdAt), lang)}
                    </Link>
                  </td>
                  <td data-label={t("draws.col.enterprise")}>{r.enterpriseName}</td>
                  <td data-label={t("draws.col.task")}>{r.task}</td>
                  <td data-label={t("draws.col.drawn")}>{r.drawnNames.join("、")}</td>
                  <td data-label={t("draws.col.excluded")}>{r.excludedCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination page={result.page} pageSize={result.pageSize} total={result.total} />
      </section>
    </div>
  );
}
