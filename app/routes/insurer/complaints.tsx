import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ComplaintBadge } from "../../components/complaint-badge";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import type { IsoDate } from "../../domain/calendar-date";
import { shanghaiDateString } from "../../domain/format";
import { ComplaintListQuerySchema } from "../../forms/premium-ledger";
import { listInsurerComplaints } from "../../services/insurance-complaints.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "服务投诉 · 安服市集" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const query = parseQuery(ComplaintListQuerySchema, request);
  const today = shanghaiDateString(new Date()) as IsoDate;
  return { query, result: await listInsurerComplaints(context.db, org.id, query, today) };
}

export default function InsurerComplaints() {
  const { query, result } = useLoaderData<typeof loader>();
  const { t } = useTranslation("premiumLedger");
  const params = new URLSearchParams(useLocation().search);
  params.delete("page");
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{t("complaints.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("complaints.lead")}</p>
      </header>
      <Form method="get" className="card flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="label">
            {t("complaints.search")}
          </label>
          <input id="q" name="q" className="input" defaultValue={query.q ?? ""} maxLength={100} />
        </div>
        <div>
          <label htmlFor="status" className="label">
            {t("complaints.status")}
          </label>
          <select id="status" name="status" className="input" defaultValue={query.status ?? ""}>
            <option value="">{t("common:all")}</option>
            <option value="open">{t("complaints.statusOpen")}</option>
            <option value="answered">{t("complaints.statusAnswered")}</option>
            <option value="breached">{t("complaints.statusBreached")}</option>
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("common:filter")}
        </button>
        <a className="btn-secondary ml-auto" href={`/insurer/complaints/export?${params}`}>
          {t("complaints.export")}
        </a>
      </Form>
      <section className="card overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="text-slate-500">{t("complaints.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("complaints.col.subject")}</th>
                <th scope="col">{t("complaints.col.enterprise")}</th>
                <th scope="col">{t("complaints.col.policy")}</th>
                <th scope="col">{t("complaints.col.filedOn")}</th>
                <th scope="col">{t("complaints.col.dueOn")}</th>
                <th scope="col">{t("complaints.col.state")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id} className={r.deadline.breached ? "bg-red-50" : undefined}>
                  <td data-label={t("complaints.col.subject")}>
                    <Link className="link" to={`/insurer/complaints/${r.id}`}>
                      {r.subject}
                    </Link>
                  </td>
                  <td data-label={t("complaints.col.enterprise")}>{r.counterpartName}</td>
                  <td data-label={t("complaints.col.policy")}>{r.policyNumber}</td>
                  <td data-label={t("complaints.col.filedOn")}>{r.filedOn}</td>
                  <td data-label={t("complaints.col.dueOn")}>
                    {r.deadline.dueOn}
                    {r.deadline.extended ? ` (${t("complaints.extended")})` : ""}
                    {r.needsCheck ? ` (${t("complaints.needsCheck")})` : ""}
                  </td>
                  <td data-label={t("complaints.col.state")}>
                    <ComplaintBadge answered={Boolean(r.answeredAt)} breached={r.deadline.breached} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} />
    </div>
  );
}
