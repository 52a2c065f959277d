import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ComplaintBadge } from "../../components/complaint-badge";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import type { IsoDate } from "../../domain/calendar-date";
import { shanghaiDateString } from "../../domain/format";
import { ComplaintListQuerySchema } from "../../forms/premium-ledger";
import { listInsuredComplaints } from "../../services/insurance-complaints.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "服务投诉 · 安服市集" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insuredEnterprise, "view");
  const query = parseQuery(ComplaintListQuerySchema, request);
  const today = shanghaiDateString(new Date()) as IsoDate;
  const filed = new URL(request.url).searchParams.get("filed") === "1";
  return { result: await listInsuredComplaints(context.db, org.id, query, today), filed };
}

export default function InsuredComplaints() {
  const { result, filed } = useLoaderData<typeof loader>();
  const { t } = useTranslation("premiumLedger");
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("complaints.insuredTitle")}</h1>
        <Link to="/insured/complaints/new" className="btn-primary">
          {t("complaints.new")}
        </Link>
      </header>
      <p className="text-sm text-slate-600">{t("complaints.lead")}</p>
      {filed ? (
        <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("complaints.filed")}</p>
      ) : null}
      <section className="space-y-3">
        {result.rows.length === 0 ? <p className="card text-slate-500">{t("complaints.empty")}</p> : null}
        {result.rows.map((r) => (
          <article key={r.id} className="card">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">{r.subject}</h2>
              <ComplaintBadge answered={Boolean(r.answeredAt)} breached={r.deadline.breached} />
            </div>
            <p className="mt-1 text-sm text-slate-600">
              {r.counterpartName} · {r.policyNumber} · {t("complaints.col.filedOn")} {r.filedOn} ·{" "}
              {t("complaints.col.dueOn")} {r.deadline.dueOn}
            </p>
            <p className="mt-2 whitespace-pre-wrap text-sm">{r.body}</p>
            {r.answer ? (
              <div className="mt-2 rounded-md bg-slate-50 p-2 text-sm">
                <strong>{t("complaints.answer")}：</strong>
                <span className="whitespace-pre-wrap">{r.answer}</span>
              </div>
            ) : null}
          </article>
        ))}
      </section>
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} />
    </div>
  );
}
