import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrgTable } from "../../components/org-table";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import { regionFullName, regionNamesOf } from "../../domain/regions";
import { OrganisationListQuerySchema } from "../../forms/admin";
import { listOrganisationsInRegion } from "../../services/organisations.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

/** A bureau's own region only: the region comes from its organisation, never from the URL. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.bureauDesk, "view");
  const query = parseQuery(OrganisationListQuerySchema, request);
  const result = await listOrganisationsInRegion(context.db, { ...query, bureauRegionCode: org.regionCode });
  return {
    query,
    result,
    region: regionFullName(org.regionCode),
    regionNames: regionNamesOf(result.rows.map((o) => o.regionCode)),
  };
}

export default function BureauOrganisations() {
  const { query, result, region, regionNames } = useLoaderData<typeof loader>();
  const { t } = useTranslation("bureau");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("enterprisesTitle")}</h1>
      <p className="text-sm text-slate-600">{t("enterprisesIntro", { region })}</p>
      <Form method="get" className="card flex flex-wrap items-end gap-3" role="search">
        <div className="flex-1">
          <label htmlFor="q" className="label">
            {t("common:search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            className="input"
            defaultValue={query.q ?? ""}
            placeholder={t("admin:searchPlaceholder")}
          />
        </div>
        <button type="submit" className="btn-primary">
          {t("common:search")}
        </button>
      </Form>
      <section className="card overflow-x-auto">
        <OrgTable rows={result.rows} regionNames={regionNames} />
        <Pagination page={result.page} pageSize={result.pageSize} total={result.total} />
      </section>
    </div>
  );
}
