import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { SERVICE_CODES } from "../../domain/insurance-plan";
import { DeskQuerySchema } from "../../forms/oversight";
import { insurerDesk, type DeskItemRow } from "../../services/insurer-desk.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "保险服务工作台 · 安服市集" }];

/** The insurer's desk; its lists export at /insurer/export with the same filters. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const query = parseQuery(DeskQuerySchema, request);
  const today = shanghaiDateString(new Date());
  const desk = await insurerDesk(context.db, org.id, { ...query, today });
  return { query, today, desk };
}

const pct = (done: number, of: number) => (of === 0 ? "—" : `${Math.round((done / of) * 1000) / 10}%`);

function ItemTable({ rows }: { rows: DeskItemRow[] }) {
  const { t } = useTranslation("insurerDesk");
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t("col.enterprise")}</th>
          <th scope="col">{t("col.service")}</th>
          <th scope="col">{t("col.due")}</th>
          <th scope="col">{t("col.scheduled")}</th>
          <th scope="col">{t("col.assignee")}</th>
          <th scope="col">{t("col.policy")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td data-label={t("col.enterprise")}>
              <Link className="link" to={`/insurer/plan-items/${r.id}`}>
                {r.enterpriseName}
              </Link>
            </td>
            <td data-label={t("col.service")}>
              {t(`insurance:service.${r.service}`)} #{r.sequence}
            </td>
            <td data-label={t("col.due")}>{r.dueDate}</td>
            <td data-label={t("col.scheduled")}>{r.scheduledOn ?? "—"}</td>
            <td data-label={t("col.assignee")}>{r.assigneeName ?? t("unassigned")}</td>
            <td data-label={t("col.policy")}>
              <Link className="link" to={`/insurer/policies/${r.policyId}`}>
                {r.policyNumber}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Previous/next for one of two lists on a page: the generic pager only knows `page`. */
function ListPager({ param, page, total, pageSize }: { param: string; page: number; total: number; pageSize: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set(param, String(p));
    return `${location.pathname}?${params}`;
  };
  if (pages <= 1) return null;
  return (
    <nav
      aria-label={t("common:pageOf", { page, pages, total })}
      className="mt-4 flex items-center justify-between text-sm"
    >
      <span className="text-slate-600">{t("common:pageOf", { page, pages, total })}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className="btn-secondary" to={href(page - 1)}>
            {t("common:previous")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link className="btn-secondary" to={href(page + 1)}>
            {t("common:next")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}

export default function InsurerDesk() {
  const { query, desk } = useLoaderData<typeof loader>();
  const { t } = useTranslation("insurerDesk");
  const location = useLocation();
  const exportHref = (list: string) => {
    const params = new URLSearchParams(location.search);
    params.delete("overduePage");
    params.delete("riskPage");
    params.set("list", list);
    return `/insurer/export?${params}`;
  };
  const totals = desk.completion.reduce(
    (s, r) => ({
      dueToDate: s.dueToDate + r.dueToDate,
      doneOfDue: s.doneOfDue + r.doneOfDue,
      all: s.all + r.all,
      done: s.done + r.done,
    }),
    { dueToDate: 0, doneOfDue: 0, all: 0, done: 0 },
  );
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
      </header>
      <section className="grid gap-3 sm:grid-cols-3">
        <div className="card">
          <p className="text-sm text-slate-600">{t("policiesInForce")}</p>
          <p className="text-3xl font-semibold" data-testid="policies-in-force">
            {desk.policies}
          </p>
        </div>
        <div className="card">
          <p className="text-sm text-slate-600">{t("overdue.title")}</p>
          <p className="text-3xl font-semibold text-red-700">{desk.overdue.total}</p>
        </div>
        <div className="card">
          <p className="text-sm text-slate-600">{t("atRisk.title")}</p>
          <p className="text-3xl font-semibold text-amber-700">{desk.atRisk.total}</p>
        </div>
      </section>
      <Form method="get" className="card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="service" className="label">
            {t("filter.service")}
          </label>
          <select id="service" name="service" className="input" defaultValue={query.service ?? ""}>
            <option value="">{t("common:all")}</option>
            {SERVICE_CODES.map((s) => (
              <option key={s} value={s}>
                {t(`insurance:service.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="staff" className="label">
            {t("filter.staff")}
          </label>
          <select id="staff" name="staff" className="input" defaultValue={query.staff ?? ""}>
            <option value="">{t("common:all")}</option>
            {desk.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("filter.apply")}
        </button>
        <Link to="/insurer" className="link pb-2 text-sm">
          {t("filter.clear")}
        </Link>
      </Form>
      <section className="card overflow-x-auto" aria-labelledby="completion-title">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="completion-title" className="text-lg font-semibold">
            {t("completion.title")}
          </h2>
          <a className="btn-secondary" href={exportHref("completion")}>
            {t("exportCompletion")}
          </a>
        </div>
        {desk.completion.length === 0 ? (
          <p className="text-sm text-slate-500">{t("completion.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("completion.service")}</th>
                <th scope="col">{t("completion.dueToDate")}</th>
                <th scope="col">{t("completion.doneOfDue")}</th>
                <th scope="col">{t("completion.rateToDate")}</th>
                <th scope="col">{t("completion.all")}</th>
                <th scope="col">{t("completion.done")}</th>
                <th scope="col">{t("completion.rateAll")}</th>
              </tr>
            </thead>
            <tbody>
              {[...desk.completion, { service: "total" as const, ...totals }].map((r) => (
                <tr key={r.service} className={r.service === "total" ? "font-semibold" : undefined}>
                  <td data-label={t("completion.service")}>
                    {r.service === "total" ? t("completion.total") : t(`insurance:service.${r.service}`)}
                  </td>
                  <td data-label={t("completion.dueToDate")}>{r.dueToDate}</td>
                  <td data-label={t("completion.doneOfDue")}>{r.doneOfDue}</td>
                  <td data-label={t("completion.rateToDate")}>{pct(r.doneOfDue, r.dueToDate)}</td>
                  <td data-label={t("completion.all")}>{r.all}</td>
                  <td data-label={t("completion.done")}>{r.done}</td>
                  <td data-label={t("completion.rateAll")}>{pct(r.done, r.all)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card overflow-x-auto" aria-labelledby="overdue-title">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="overdue-title" className="text-lg font-semibold">
            {t("overdue.title")} ({desk.overdue.total})
          </h2>
          <a className="btn-secondary" href={exportHref("overdue")}>
            {t("export")}
          </a>
        </div>
        {desk.overdue.rows.length === 0 ? (
          <p className="text-sm text-slate-500">{t("overdue.empty")}</p>
        ) : (
          <ItemTable rows={desk.overdue.rows} />
        )}
        <ListPager param="overduePage" {...desk.overdue} />
      </section>
      <section className="card overflow-x-auto" aria-labelledby="risk-title">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="risk-title" className="text-lg font-semibold">
            {t("atRisk.title")} ({desk.atRisk.total})
          </h2>
          <a className="btn-secondary" href={exportHref("at_risk")}>
            {t("export")}
          </a>
        </div>
        {desk.atRisk.rows.length === 0 ? (
          <p className="text-sm text-slate-500">{t("atRisk.empty")}</p>
        ) : (
          <ItemTable rows={desk.atRisk.rows} />
        )}
        <ListPager param="riskPage" {...desk.atRisk} />
      </section>
      <section className="card overflow-x-auto" aria-labelledby="staff-title">
        <h2 id="staff-title" className="mb-3 text-lg font-semibold">
          {t("staff.title")}
        </h2>
        {desk.staff.length === 0 ? (
          <p className="text-sm text-slate-500">{t("staff.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("staff.name")}</th>
                <th scope="col">{t("staff.open")}</th>
                <th scope="col">{t("staff.overdue")}</th>
                <th scope="col">{t("staff.atRisk")}</th>
                <th scope="col">{t("staff.doneThisMonth")}</th>
              </tr>
            </thead>
            <tbody>
              {desk.staff.map((s) => (
                <tr key={s.userId}>
                  <td data-label={t("staff.name")}>
                    <Link className="link" to={`/insurer?staff=${s.userId}`}>
                      {s.name}
                    </Link>
                  </td>
                  <td data-label={t("staff.open")}>{s.open}</td>
                  <td data-label={t("staff.overdue")}>{s.overdue}</td>
                  <td data-label={t("staff.atRisk")}>{s.atRisk}</td>
                  <td data-label={t("staff.doneThisMonth")}>{s.doneThisMonth}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
