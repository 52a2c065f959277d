import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import { formatFen } from "../../domain/format";
import { LedgerQuerySchema } from "../../forms/premium-ledger";
import { toLanguage } from "../../i18n/config";
import { listLedger } from "../../services/prevention-fees.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "事故预防费台账 · 安服市集" }];

/** The insurer's prevention-fee ledger per policy, with totals (the export is /insurer/ledger/export). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const query = parseQuery(LedgerQuerySchema, request);
  const result = await listLedger(context.db, org.id, query);
  return { query, result };
}

export default function LedgerPage() {
  const { query, result } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("premiumLedger");
  const lang = toLanguage(i18n.language);
  const fen = (v: number) => formatFen(v, lang);
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("page");
  const cols = ["fund", "committed", "released", "balance", "overrun"] as const;
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{t("ledger.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("ledger.lead")}</p>
      </header>
      <Form method="get" className="card flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="label">
            {t("ledger.search")}
          </label>
          <input id="q" name="q" className="input" defaultValue={query.q ?? ""} maxLength={100} />
        </div>
        <div>
          <label htmlFor="flag" className="label">
            {t("ledger.flag")}
          </label>
          <select id="flag" name="flag" className="input" defaultValue={query.flag ?? ""}>
            <option value="">{t("common:all")}</option>
            <option value="overrun">{t("ledger.flagOverrun")}</option>
            <option value="exhausted">{t("ledger.flagExhausted")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="status" className="label">
            {t("ledger.status")}
          </label>
          <select id="status" name="status" className="input" defaultValue={query.status ?? ""}>
            <option value="">{t("common:all")}</option>
            {(["active", "cancelled", "expired"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`insurance:policyStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("common:filter")}
        </button>
        <a className="btn-secondary ml-auto" href={`/insurer/ledger/export?${params}`}>
          {t("ledger.export")}
        </a>
      </Form>
      <section className="card">
        <h2 className="mb-2 font-semibold">{t("ledger.totals", { count: result.total })}</h2>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
          {cols.map((c) => (
            <div key={c}>
              <dt className="text-slate-500">{t(`ledger.col.${c}`)}</dt>
              <dd className={`font-semibold ${c === "overrun" && result.totals.overrunFen > 0 ? "text-red-700" : ""}`}>
                {fen(result.totals[`${c}Fen`])}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="text-slate-500">{t("ledger.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("ledger.col.policy")}</th>
                <th scope="col">{t("ledger.col.enterprise")}</th>
                <th scope="col">{t("ledger.col.period")}</th>
                {cols.map((c) => (
                  <th key={c} scope="col" className="text-right">
                    {t(`ledger.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.policyId} className={r.overrunFen > 0 ? "bg-amber-50" : undefined}>
                  <td data-label={t("ledger.col.policy")}>
                    <Link className="link" to={`/insurer/policies/${r.policyId}/ledger`}>
                      {r.policyNumber}
                    </Link>
                  </td>
                  <td data-label={t("ledger.col.enterprise")}>
                    <Link className="link" to={`/insurer/enterprises/${r.enterpriseId}/archive`}>
                      {r.enterpriseName}
                    </Link>
                  </td>
                  <td data-label={t("ledger.col.period")}>
                    {r.startDate} ~ {r.endDate}
                  </td>
                  {cols.map((c) => (
                    <td
                      key={c}
                      data-label={t(`ledger.col.${c}`)}
                      className={`text-right ${c === "balance" && r.balanceFen < 0 ? "text-red-700" : ""}`}
                    >
                      {fen(r[`${c}Fen`])}
                    </td>
                  ))}
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
