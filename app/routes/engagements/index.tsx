import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EngagementStatusBadge } from "../../components/engagement-status";
import { Pagination } from "../../components/pagination";
import { ENGAGEMENT_STATES } from "../../domain/engagement-machine";
import { formatDate, formatFen } from "../../domain/format";
import { categoryLabel, type ServiceCategoryCode } from "../../domain/service-categories";
import { EngagementListQuerySchema } from "../../forms/engagements";
import { toLanguage } from "../../i18n/config";
import { listEngagements } from "../../services/engagements.server";
import { requireMembership } from "../../utils/auth.server";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "服务合同 · 安服市集" }];

/** Either party's engagements; for the platform, the disputed ones it has to rule on. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireMembership(request, context, { kinds: ["enterprise", "provider", "platform"] });
  const query = parseQuery(EngagementListQuerySchema, request);
  const result = await listEngagements(context.db, { orgId: org.id, orgKind: org.kind }, { ...query, now: new Date() });
  return { query, result, ownOrgId: org.id, isPlatform: org.kind === "platform" };
}

export default function EngagementList() {
  const { query, result, ownOrgId, isPlatform } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("engagements");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{isPlatform ? t("disputesTitle") : t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{isPlatform ? t("disputesLead") : t("lead")}</p>
      </header>
      <Form method="get" className="card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="status" className="label">
            {t("col.status")}
          </label>
          <select id="status" name="status" className="input" defaultValue={query.status ?? ""}>
            <option value="">{t("common:all")}</option>
            {ENGAGEMENT_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("common:filter")}
        </button>
      </Form>
      <section className="card overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="text-slate-500">{t("empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.title")}</th>
                <th scope="col">{isPlatform ? t("col.parties") : t("col.counterpart")}</th>
                <th scope="col">{t("col.category")}</th>
                <th scope="col">{t("col.price")}</th>
                <th scope="col">{t("col.status")}</th>
                <th scope="col">{t("col.createdAt")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("col.title")}>
                    <Link className="link" to={`/engagements/${r.id}`}>
                      {r.title}
                    </Link>
                  </td>
                  <td data-label={isPlatform ? t("col.parties") : t("col.counterpart")}>
                    {isPlatform
                      ? `${r.enterpriseName} ⇄ ${r.providerName}`
                      : r.enterpriseId === ownOrgId
                        ? r.providerName
                        : r.enterpriseName}
                  </td>
                  <td data-label={t("col.category")}>{categoryLabel(r.category as ServiceCategoryCode, lang)}</td>
                  <td data-label={t("col.price")}>{formatFen(r.priceFen, lang)}</td>
                  <td data-label={t("col.status")}>
                    <EngagementStatusBadge status={r.status} />
                  </td>
                  <td data-label={t("col.createdAt")}>{formatDate(new Date(r.createdAt), lang)}</td>
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
