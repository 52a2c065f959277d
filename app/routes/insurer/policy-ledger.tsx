import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ACCESS } from "../../domain/access";
import { formatFen } from "../../domain/format";
import { toLanguage } from "../../i18n/config";
import { getPolicyLedger } from "../../services/prevention-fees.server";
import { requireAccess } from "../../utils/access.server";
import { orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "保单预防费台账 · 安服市集" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  return orErrorPage(() => getPolicyLedger(context.db, org.id, uuidOrNotFound(params.policyId)));
}

export default function PolicyLedgerPage() {
  const { policy, entries, balance } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("premiumLedger");
  const fen = (v: number) => formatFen(v, toLanguage(i18n.language));
  const cols = ["fund", "committed", "released", "balance", "overrun"] as const;
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <Link to="/insurer/ledger" className="link text-sm">
        ← {t("ledger.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-semibold">
          {t("ledger.title")} · {policy.policyNumber}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          <Link className="link" to={`/insurer/enterprises/${policy.enterpriseId}/archive`}>
            {policy.enterpriseName}
          </Link>{" "}
          · {policy.startDate} ~ {policy.endDate} · {t(`insurance:policyStatus.${policy.status}`)}
        </p>
      </header>
      <section className="card">
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
          {cols.map((c) => (
            <div key={c}>
              <dt className="text-slate-500">{t(`ledger.col.${c}`)}</dt>
              <dd className="font-semibold">{fen(balance[`${c}Fen`])}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card overflow-x-auto">
        <h2 className="mb-2 font-semibold">{t("ledger.entries")}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("ledger.entryCol.at")}</th>
              <th scope="col">{t("ledger.entryCol.kind")}</th>
              <th scope="col" className="text-right">
                {t("ledger.entryCol.amount")}
              </th>
              <th scope="col" className="text-right">
                {t("ledger.entryCol.overrun")}
              </th>
              <th scope="col">{t("ledger.entryCol.reason")}</th>
              <th scope="col">{t("ledger.entryCol.engagement")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td data-label={t("ledger.entryCol.at")}>
                  {new Date(e.createdAt).toISOString().slice(0, 16).replace("T", " ")}
                </td>
                <td data-label={t("ledger.entryCol.kind")}>{t(`ledger.entryKind.${e.kind}`)}</td>
                <td data-label={t("ledger.entryCol.amount")} className="text-right">
                  {e.kind === "commission" ? "-" : "+"}
                  {fen(e.amountFen)}
                </td>
                <td data-label={t("ledger.entryCol.overrun")} className="text-right">
                  {e.overrunFen > 0 ? fen(e.overrunFen) : "—"}
                </td>
                <td data-label={t("ledger.entryCol.reason")}>{e.overrunReason ?? "—"}</td>
                <td data-label={t("ledger.entryCol.engagement")}>
                  {e.engagementTitle
                    ? `${e.engagementTitle} · ${e.providerName ?? ""} · ${t(`engagements:status.${e.engagementStatus}`)}`
                    : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
