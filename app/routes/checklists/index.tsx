import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormProblem } from "../../components/inspections/bits";
import { ACCESS } from "../../domain/access";
import { formatDate } from "../../domain/format";
import { toLanguage } from "../../i18n/config";
import { builtInSummaries, copyTemplate, listOwnTemplates } from "../../services/checklists.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { readFormData } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "检查表 · 安服市集" }];

/** The five built-in checklists and the organisation's own copies. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.inspections, "view");
  return { builtIns: builtInSummaries(), own: await listOwnTemplates(context.db, org.id), canEdit };
}

/** "Make an editable copy" of a built-in template or of an own copy. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.inspections, "edit");
  try {
    const form = await readFormData(request);
    const from = String(form.get("from") ?? "").slice(0, 60);
    if (!from) return data({ formError: { key: "invalid_input" } }, { status: 400 });
    const row = await copyTemplate(context.db, { orgId: org.id, userId: user.id }, { from, now: new Date() });
    return redirect(`/checklists/${row.id}`);
  } catch (error) {
    if (error instanceof AppError) {
      return data({ formError: { key: error.messageKey } }, { status: error.status });
    }
    throw error;
  }
}

export default function Checklists() {
  const { builtIns, own, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("inspections");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      <Link to="/inspections" className="link text-sm">
        ← {t("back")}
      </Link>
      <header>
        <h1 className="text-2xl font-semibold">{t("checklists.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("checklists.lead")}</p>
      </header>
      <FormProblem problem={actionData?.formError} />
      <section className="card overflow-x-auto">
        <h2 className="mb-3 text-lg font-semibold">{t("checklists.builtIn")}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("checklists.name")}</th>
              <th scope="col">{t("checklists.items")}</th>
              <th scope="col">{t("checklists.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {builtIns.map((b) => (
              <tr key={b.key}>
                <td data-label={t("checklists.name")}>
                  <Link className="link" to={`/checklists/builtin/${b.key}`}>
                    {lang === "en" ? b.en : b.zh}
                  </Link>
                </td>
                <td data-label={t("checklists.items")}>{b.items}</td>
                <td data-label={t("checklists.actions")}>
                  {canEdit ? (
                    <Form method="post">
                      <input type="hidden" name="from" value={b.key} />
                      <button type="submit" className="btn-secondary text-sm">
                        {t("checklists.copy")}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card overflow-x-auto">
        <h2 className="mb-3 text-lg font-semibold">{t("checklists.own")}</h2>
        {own.length === 0 ? (
          <p className="text-slate-500">{t("checklists.noOwn")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("checklists.name")}</th>
                <th scope="col">{t("checklists.items")}</th>
                <th scope="col">{t("checklists.updatedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {own.map((c) => (
                <tr key={c.id}>
                  <td data-label={t("checklists.name")}>
                    <Link className="link" to={`/checklists/${c.id}`}>
                      {c.name}
                    </Link>
                    {c.archived ? (
                      <span className="ml-2 text-xs text-slate-500">{t("checklists.archived")}</span>
                    ) : null}
                  </td>
                  <td data-label={t("checklists.items")}>{c.items}</td>
                  <td data-label={t("checklists.updatedAt")}>{formatDate(new Date(c.updatedAt), lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
