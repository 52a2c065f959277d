import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GradeBadge } from "../../components/inspections/bits";
import { ACCESS } from "../../domain/access";
import { builtInTemplate } from "../../domain/checklist-templates";
import { toLanguage } from "../../i18n/config";
import { requireAccess } from "../../utils/access.server";

export const meta: MetaFunction = () => [{ title: "检查表 · 安服市集" }];

/** A built-in checklist, read-only (copy it on /checklists to change it). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAccess(request, context, ACCESS.inspections, "view");
  const template = builtInTemplate(String(params.templateKey ?? ""));
  if (!template) throw data({ messageKey: "not_found" }, { status: 404 });
  return { template };
}

export default function BuiltInChecklist() {
  const { template } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("inspections");
  const en = toLanguage(i18n.language) === "en";
  return (
    <div className="space-y-4">
      <Link to="/checklists" className="link text-sm">
        ← {t("checklists.title")}
      </Link>
      <h1 className="text-2xl font-semibold">{en ? template.en : template.zh}</h1>
      {template.sections.map((s) => (
        <section key={s.key} className="card overflow-x-auto">
          <h2 className="mb-2 text-lg font-semibold">{en ? s.en : s.zh}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("item")}</th>
                <th scope="col">{t("checklists.response")}</th>
                <th scope="col">{t("checklists.gradeIfFailed")}</th>
                <th scope="col">{t("checklists.basis")}</th>
              </tr>
            </thead>
            <tbody>
              {s.items.map((item) => (
                <tr key={item.key}>
                  <td data-label={t("item")}>
                    {en ? item.en : item.zh}
                    {item.required ? <span className="text-red-600"> *</span> : null}
                  </td>
                  <td data-label={t("checklists.response")}>
                    {t(`checklists.kind.${item.response.kind}`)}
                    {item.response.kind === "number"
                      ? ` (${item.response.unit}${item.response.min !== undefined ? ` ≥ ${item.response.min}` : ""}${item.response.max !== undefined ? ` ≤ ${item.response.max}` : ""})`
                      : ""}
                  </td>
                  <td data-label={t("checklists.gradeIfFailed")}>
                    <GradeBadge grade={item.gradeIfFailed} />
                  </td>
                  <td data-label={t("checklists.basis")}>{item.basis ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
