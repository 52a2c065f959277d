import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import { pageFromUrl } from "../../domain/paging";
import { listAssignments } from "../../services/experts.server";
import { requireAccess } from "../../utils/access.server";

export const meta: MetaFunction = () => [{ title: "专家指派 · 安服市集" }];

/**
 * 指派给我方专家的任务: assignments of the experts this organisation employs or keeps, and
 * those it gave. The employer records the inspection from here (B1's form links it back).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.expertPool, "view");
  const result = await listAssignments(context.db, org, pageFromUrl(request.url));
  return { result, orgId: org.id, orgKind: org.kind };
}

export default function ExpertAssignmentsPage() {
  const { result, orgId } = useLoaderData<typeof loader>();
  const { t } = useTranslation("experts");
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{t("assignments.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("assignments.lead")}</p>
      </header>
      <section className="card overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="text-slate-500">{t("assignments.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("assignments.col.expert")}</th>
                <th scope="col">{t("assignments.col.enterprise")}</th>
                <th scope="col">{t("assignments.col.task")}</th>
                <th scope="col">{t("assignments.col.assignedBy")}</th>
                <th scope="col">{t("assignments.col.dueOn")}</th>
                <th scope="col">{t("assignments.col.inspection")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((a) => (
                <tr key={a.id}>
                  <td data-label={t("assignments.col.expert")}>
                    <Link to={`/experts/${a.expertId}`} className="link">
                      {a.expertName}
                    </Link>
                  </td>
                  <td data-label={t("assignments.col.enterprise")}>{a.enterpriseName}</td>
                  <td data-label={t("assignments.col.task")}>
                    {a.task}
                    {a.drawId ? (
                      <span className="badge ml-1 bg-amber-100 text-amber-800">{t("assignments.byDraw")}</span>
                    ) : null}
                  </td>
                  <td data-label={t("assignments.col.assignedBy")}>
                    {a.assignedByOrgId === orgId ? t("assignments.byUs") : a.assignedByName}
                  </td>
                  <td data-label={t("assignments.col.dueOn")}>{a.dueOn ?? "—"}</td>
                  <td data-label={t("assignments.col.inspection")}>
                    {a.inspectionId ? (
                      <Link to={`/inspections/${a.inspectionId}`} className="link">
                        {t("assignments.recorded")}
                      </Link>
                    ) : a.employerOrgId === orgId ? (
                      <Link
                        to={`/inspections/new?enterprise=${a.enterpriseId}&source=expert`}
                        className="btn-secondary py-1"
                      >
                        {t("assignments.record")}
                      </Link>
                    ) : (
                      <span className="text-slate-500">{t("assignments.pending")}</span>
                    )}
                  </td>
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
