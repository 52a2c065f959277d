import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrgTable } from "../../components/org-table";
import { Pagination } from "../../components/pagination";
import { OrganisationListQuerySchema } from "../../forms/admin";
import { listOrganisations } from "../../services/organisations.server";
import { requirePlatformAdmin } from "../../utils/auth.server";
import { regionNamesOf } from "../../domain/regions";
import { parseQuery } from "../../utils/form-data.server";

const KINDS = ["enterprise", "provider", "insurer", "group", "bureau"] as const;
const STATUSES = ["pending", "verified", "rejected", "suspended"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request, context);
  const query = parseQuery(OrganisationListQuerySchema, request);
  const result = await listOrganisations(context.db, query);
  return { query, result, regionNames: regionNamesOf(result.rows.map((o) => o.regionCode)) };
}

export default function AdminOrganisations() {
  const { query, result, regionNames } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("organisationsTitle")}</h1>
      <Form method="get" className="card flex flex-wrap items-end gap-3" role="search">
        <div className="min-w-60 flex-1">
          <label htmlFor="q" className="label">
            {t("common:search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            className="input"
            defaultValue={query.q ?? ""}
            placeholder={t("searchPlaceholder")}
          />
        </div>
        <div>
          <label htmlFor="kind" className="label">
            {t("kind")}
          </label>
          <select id="kind" name="kind" className="input" defaultValue={query.kind ?? ""}>
            <option value="">{t("common:all")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`common:kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="label">
            {t("status")}
          </label>
          <select id="status" name="status" className="input" defaultValue={query.status ?? ""}>
            <option value="">{t("common:all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`common:verification.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          {t("common:filter")}
        </button>
      </Form>
      <section className="card overflow-x-auto">
        <OrgTable rows={result.rows} regionNames={regionNames} linkTo={(id) => `/admin/organisations/${id}`} />
        <Pagination page={result.page} pageSize={result.pageSize} total={result.total} />
      </section>
    </div>
  );
}
