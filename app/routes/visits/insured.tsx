import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import type { IsoDate } from "../../domain/calendar-date";
import { formatDateTime, shanghaiDateString } from "../../domain/format";
import { PAGE_SIZE, parsePage } from "../../domain/paging";
import { PLAN_ITEM_STATUSES, type PlanItemStatus } from "../../domain/plan-item-status";
import { toLanguage } from "../../i18n/config";
import { insuredOverview } from "../../services/insured.server";
import { requireAccess } from "../../utils/access.server";

export const meta: MetaFunction = () => [{ title: "保险预防服务 · 安服市集" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insuredEnterprise, "view");
  const url = new URL(request.url);
  const rawStatus = url.searchParams.get("status") ?? "";
  const status = (PLAN_ITEM_STATUSES as readonly string[]).includes(rawStatus)
    ? (rawStatus as PlanItemStatus)
    : undefined;
  const page = parsePage(url.searchParams.get("page") ?? 1);
  const overview = await insuredOverview(context.db, org.id, shanghaiDateString(new Date()) as IsoDate, {
    status,
    page,
  });
  return { ...overview, status: status ?? "" };
}

export default function InsuredPage() {
  const view = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("visits");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("visits:insured.title")}</h1>
        <p className="text-slate-600">{t("visits:insured.lead")}</p>
        <nav className="mt-3 flex flex-wrap gap-2" aria-label={t("visits:insured.more")}>
          <Link className="btn-secondary" to="/insured/calendar">
            {t("visits:insured.calendar")}
          </Link>
          <Link className="btn-secondary" to="/insured/complaints">
            {t("visits:insured.complaints")}
          </Link>
        </nav>
      </header>
      <section className="card" aria-labelledby="awaiting-title">
        <h2 id="awaiting-title" className="mb-3 text-lg font-semibold">
          {t("visits:insured.awaiting")}
        </h2>
        {view.awaiting.length === 0 ? (
          <p className="text-sm text-slate-600">{t("visits:insured.noAwaiting")}</p>
        ) : (
          <ul className="space-y-2">
            {view.awaiting.map((v) => (
              <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-3">
                <span>
                  {t(`visits:visit.kind.${v.kind}`)} · {t(`insurance:service.${v.service}`)} · {v.insurerName} ·{" "}
                  {formatDateTime(new Date(v.startedAt), lang)}
                </span>
                <Link className="btn-primary" to={`/insured/visits/${v.id}`}>
                  {t("visits:visit.open")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="policies-title">
        <h2 id="policies-title" className="mb-3 text-lg font-semibold">
          {t("visits:insured.policies")}
        </h2>
        {view.policies.length === 0 ? (
          <p className="text-sm text-slate-600">{t("visits:insured.noPolicies")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t("visits:insured.insurer")}</th>
                <th>{t("visits:insured.number")}</th>
                <th>{t("visits:insured.period")}</th>
                <th>{t("visits:insured.status")}</th>
              </tr>
            </thead>
            <tbody>
              {view.policies.map((p) => (
                <tr key={p.id}>
                  <td data-label={t("visits:insured.insurer")}>{p.insurerName}</td>
                  <td data-label={t("visits:insured.number")}>{p.number}</td>
                  <td data-label={t("visits:insured.period")}>
                    {p.startDate} – {p.endDate}
                  </td>
                  <td data-label={t("visits:insured.status")}>{t(`insurance:policyStatus.${p.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="items-title">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-2">
          <h2 id="items-title" className="text-lg font-semibold">
            {t("visits:insured.items")}
          </h2>
          <Form method="get" className="flex items-end gap-2">
            <label className="block">
              <span className="text-sm">{t("visits:insured.filterStatus")}</span>
              <select name="status" className="input" defaultValue={view.status}>
                <option value="">{t("visits:insured.all")}</option>
                {PLAN_ITEM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`insurance:status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="btn-secondary">
              {t("visits:insured.filter")}
            </button>
          </Form>
        </div>
        {view.items.length === 0 ? (
          <p className="text-sm text-slate-600">{t("visits:insured.noItems")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t("visits:insured.service")}</th>
                <th>{t("visits:insured.insurer")}</th>
                <th>{t("visits:item.window")}</th>
                <th>{t("visits:insured.scheduled")}</th>
                <th>{t("visits:insured.status")}</th>
              </tr>
            </thead>
            <tbody>
              {view.items.map((i) => (
                <tr key={i.id}>
                  <td data-label={t("visits:insured.service")}>
                    {t("visits:item.title", { service: t(`insurance:service.${i.service}`), sequence: i.sequence })}
                  </td>
                  <td data-label={t("visits:insured.insurer")}>
                    {i.insurerName} · {i.policyNumber}
                  </td>
                  <td data-label={t("visits:item.window")}>
                    {i.windowStart} – {i.dueDate}
                  </td>
                  <td data-label={t("visits:insured.scheduled")}>{i.scheduledOn ?? "—"}</td>
                  <td data-label={t("visits:insured.status")}>{t(`insurance:status.${i.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination page={view.page} pageSize={PAGE_SIZE} total={view.total} />
      </section>
    </div>
  );
}
