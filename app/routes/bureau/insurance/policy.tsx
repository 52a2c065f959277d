import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ACCESS } from "../../../domain/access";
import { formatDateTime, shanghaiDateString } from "../../../domain/format";
import { toLanguage } from "../../../i18n/config";
import { regionPolicy } from "../../../services/insurance-oversight.server";
import { requireAccess } from "../../../utils/access.server";
import { orErrorPage } from "../../../utils/http.server";
import { uuidOrNotFound } from "../../../utils/ids";

export const meta: MetaFunction = () => [{ title: "保单服务计划 · 安服市集" }];

const STATUS_CLASS: Record<string, string> = {
  overdue: "bg-red-600 text-white",
  at_risk: "bg-amber-100 text-amber-900",
  done: "bg-emerald-100 text-emerald-900",
  scheduled: "bg-sky-100 text-sky-900",
  planned: "bg-slate-100 text-slate-700",
  cancelled: "bg-slate-100 text-slate-400 line-through",
};

/** A policy of the region, read-only: its plan with derived statuses and its visits. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insuranceOversight, "view");
  const today = shanghaiDateString(new Date());
  return orErrorPage(() => regionPolicy(context.db, org, { policyId: uuidOrNotFound(params.policyId), today }));
}

export default function RegionPolicy() {
  const { policy, plan, visits } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("oversight");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-6">
      <header>
        <Link className="link text-sm" to={`/bureau/insurance/insurers/${policy.insurerId}`}>
          {t("policy.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("policy.title", { number: policy.policyNumber })}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("policy.meta", {
            insurer: policy.insurerName,
            enterprise: policy.enterpriseName,
            start: policy.startDate,
            end: policy.endDate,
          })}{" "}
          · {t(`insurance:policyStatus.${policy.status}`)}
        </p>
      </header>
      <section className="card overflow-x-auto" aria-labelledby="plan-title">
        <h2 id="plan-title" className="mb-3 text-lg font-semibold">
          {t("policy.plan")}
        </h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("col.service")}</th>
              <th scope="col">{t("col.window")}</th>
              <th scope="col">{t("col.due")}</th>
              <th scope="col">{t("col.scheduled")}</th>
              <th scope="col">{t("col.status")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.map((i) => (
              <tr key={i.id}>
                <td data-label={t("col.service")}>
                  {t(`insurance:service.${i.service}`)} #{i.sequence}
                </td>
                <td data-label={t("col.window")}>
                  {i.windowStart} – {i.dueDate}
                </td>
                <td data-label={t("col.due")}>{i.dueDate}</td>
                <td data-label={t("col.scheduled")}>{i.scheduledOn ?? "—"}</td>
                <td data-label={t("col.status")}>
                  <span className={`badge ${STATUS_CLASS[i.status] ?? ""}`}>{t(`insurance:status.${i.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card overflow-x-auto" aria-labelledby="visits-title">
        <h2 id="visits-title" className="mb-3 text-lg font-semibold">
          {t("policy.visits")}
        </h2>
        {visits.length === 0 ? (
          <p className="text-sm text-slate-500">{t("policy.noVisits")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.visitTime")}</th>
                <th scope="col">{t("col.place")}</th>
                <th scope="col">{t("col.staff")}</th>
                <th scope="col">{t("col.confirmed")}</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => (
                <tr key={v.id}>
                  <td data-label={t("col.visitTime")}>
                    <Link className="link" to={`/bureau/insurance/visits/${v.id}`}>
                      {formatDateTime(new Date(v.startedAt), lang)}
                    </Link>{" "}
                    <span className="text-xs text-slate-500">{t(`visit.kind.${v.kind}`)}</span>
                  </td>
                  <td data-label={t("col.place")}>{v.place}</td>
                  <td data-label={t("col.staff")}>{v.staffNames.join("、") || "—"}</td>
                  <td data-label={t("col.confirmed")}>{v.confirmed ? t("visit.yes") : t("visit.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
