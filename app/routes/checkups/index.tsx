import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import { formatDateTime } from "../../domain/format";
import { checkupState } from "../../domain/training";
import { ProgramListQuerySchema } from "../../forms/training";
import { toLanguage } from "../../i18n/config";
import { enterpriseCheckups, listPrograms } from "../../services/checkups.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "免费安全体检 · 安服市集" }];

/** /checkups — programs the organisation runs or carries out; for an enterprise, its own check-ups and plans. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.checkups, "view");
  const query = parseQuery(ProgramListQuerySchema, request);
  if (org.kind === "enterprise") {
    const own = await enterpriseCheckups(context.db, org.id);
    return { ownId: org.id, own, query, result: null, mayRun: false };
  }
  const result = await listPrograms(context.db, org, query);
  return { ownId: org.id, own: null, query, result, mayRun: org.kind === "bureau" || org.kind === "insurer" };
}

export default function Checkups() {
  const view = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("training");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("checkups.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {view.own ? t("checkups.leadEnterprise") : t("checkups.leadRunner")}
          </p>
          <p className="mt-1 text-sm font-medium text-amber-800">{t("checkups.notABasis")}</p>
        </div>
        {view.mayRun ? (
          <Link to="/checkups/new" className="btn-primary">
            {t("checkups.newProgram")}
          </Link>
        ) : null}
      </header>
      {view.own ? (
        view.own.length === 0 ? (
          <p className="card text-slate-500">{t("checkups.emptyEnterprise")}</p>
        ) : (
          view.own.map((c) => (
            <section key={c.programId} className="card space-y-2">
              <h2 className="text-lg font-semibold">{c.programName}</h2>
              <p className="text-sm text-slate-600">
                {t("checkups.runner")}：{c.runnerName} · {t("checkups.carrier")}：{c.carrierName ?? c.runnerName} ·{" "}
                {c.startsOn} – {c.endsOn}
              </p>
              <p className="text-sm">
                {t("checkups.state")}：{t(`checkups.states.${checkupState(c)}`)}
                {c.inspectionId ? (
                  <>
                    {" · "}
                    <a className="link" href={`/inspections/${c.inspectionId}`}>
                      {t("checkups.viewInspection")}
                    </a>{" "}
                    <span className="text-amber-800">（{t("checkups.notABasis")}）</span>
                  </>
                ) : null}
              </p>
              <div>
                <h3 className="font-medium">{t("checkups.plan")}</h3>
                {c.planIssuedAt ? (
                  <>
                    <p className="text-xs text-slate-500">
                      {t("checkups.planIssuedAt", { at: formatDateTime(new Date(c.planIssuedAt), lang) })}
                    </p>
                    {c.planText ? <p className="whitespace-pre-line">{c.planText}</p> : null}
                    {c.planFile ? (
                      <a className="link" href={`/checkups/${c.programId}/plans/${view.ownId}`}>
                        {t("checkups.downloadPlan")}（{c.planFile.originalName}）
                      </a>
                    ) : null}
                  </>
                ) : (
                  <p className="text-sm text-slate-500">{t("checkups.noPlan")}</p>
                )}
              </div>
            </section>
          ))
        )
      ) : (
        <>
          <Form method="get" className="card flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="q" className="label">
                {t("checkups.name")}
              </label>
              <input id="q" name="q" className="input" maxLength={50} defaultValue={view.query.q ?? ""} />
            </div>
            <button type="submit" className="btn-secondary">
              {t("common:filter")}
            </button>
          </Form>
          <section className="card overflow-x-auto">
            {view.result!.rows.length === 0 ? (
              <p className="text-slate-500">{t("checkups.empty")}</p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("checkups.name")}</th>
                    <th scope="col">{t("checkups.runner")}</th>
                    <th scope="col">{t("checkups.period")}</th>
                    <th scope="col">{t("checkups.progress")}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.result!.rows.map((r) => (
                    <tr key={r.id}>
                      <td data-label={t("checkups.name")}>
                        <Link className="link" to={`/checkups/${r.id}`}>
                          {r.name}
                        </Link>
                      </td>
                      <td data-label={t("checkups.runner")}>{r.runnerName}</td>
                      <td data-label={t("checkups.period")}>
                        {r.startsOn} – {r.endsOn}
                      </td>
                      <td data-label={t("checkups.progress")}>
                        {t("checkups.progressValue", { done: r.done, planned: r.planned, plansIssued: r.plansIssued })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Pagination page={view.result!.page} pageSize={view.result!.pageSize} total={view.result!.total} />
          </section>
        </>
      )}
    </div>
  );
}
