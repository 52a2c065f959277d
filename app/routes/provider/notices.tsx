import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CategoryCheckboxes, CategoryList } from "../../components/category-checkboxes";
import { Field, SubmitButton, SuccessNote, ValidatedForm } from "../../components/forms";
import { RegionPicker } from "../../components/region-picker";
import { ACCESS } from "../../domain/access";
import { formatDateTime } from "../../domain/format";
import { regionNamesOf } from "../../domain/regions";
import { collapseMultiValues, IdSchema, MULTI_VALUE_FIELDS, PracticeNoticeSchema } from "../../forms/provider";
import { toLanguage } from "../../i18n/config";
import {
  declarePracticeNotice,
  listOwnPracticeNotices,
  withdrawPracticeNotice,
} from "../../services/practice-notices.server";
import { getOwnProfile } from "../../services/providers.server";
import { requireAccess } from "../../utils/access.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.providerWorkspace, "view");
  const [{ profile }, notices] = await Promise.all([
    getOwnProfile(context.db, { orgId: org.id, now: new Date() }),
    listOwnPracticeNotices(context.db, { providerId: org.id }),
  ]);
  return {
    notices,
    categories: profile.categories,
    canEdit,
    regionNames: regionNamesOf(notices.map((n) => n.countyCode)),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.providerWorkspace, "edit");
  const actor = { userId: user.id, orgId: org.id, ip: context.clientIp };
  const form = collapseMultiValues(await readFormData(request), MULTI_VALUE_FIELDS);
  try {
    if (form.get("intent") === "withdraw") {
      const id = IdSchema.safeParse(form.get("noticeId"));
      if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
      await withdrawPracticeNotice(context.db, actor, id.data, new Date());
      return { done: "withdrawn" as const };
    }
    const parsed = parseForm(PracticeNoticeSchema, form);
    if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
    const { regionAdded } = await declarePracticeNotice(context.db, actor, parsed.data, new Date());
    return { done: "declared" as const, regionAdded };
  } catch (error) {
    return formFailure(error);
  }
}

export default function ProviderNoticesPage() {
  const { notices, categories, canEdit, regionNames } = useLoaderData<typeof loader>();
  const regionName = (code: string) => regionNames[code] ?? "";
  const result = useActionData<{ done?: "declared" | "withdrawn"; regionAdded?: boolean }>();
  const { t, i18n } = useTranslation("provider");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("noticesTitle")}</h1>
      <p className="text-sm text-slate-600">{t("noticesIntro")}</p>
      {result?.done === "declared" ? (
        <SuccessNote>
          {t("noticeDeclared")}
          {result.regionAdded ? <span className="block">{t("regionAdded")}</span> : null}
        </SuccessNote>
      ) : null}
      <section className="card overflow-x-auto">
        {notices.length === 0 ? (
          <p className="text-slate-500">{t("noNotices")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("county")}</th>
                <th scope="col">{t("categories")}</th>
                <th scope="col">{t("declaredAt")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {notices.map((n) => (
                <tr key={n.id}>
                  <td data-label={t("county")}>{regionName(n.countyCode)}</td>
                  <td data-label={t("categories")}>
                    <CategoryList codes={n.categories} />
                  </td>
                  <td data-label={t("declaredAt")} className="whitespace-nowrap">
                    {formatDateTime(new Date(n.declaredAt), lang)}
                  </td>
                  <td data-label={t("status")}>
                    {n.withdrawnAt
                      ? `${t("noticeStatus.withdrawn")} · ${formatDateTime(new Date(n.withdrawnAt), lang)}`
                      : t("noticeStatus.active")}
                    {n.note ? <p className="text-xs text-slate-500">{n.note}</p> : null}
                  </td>
                  <td data-label={t("actions")}>
                    {canEdit && !n.withdrawnAt ? (
                      <Form method="post">
                        <input type="hidden" name="noticeId" value={n.id} />
                        <button type="submit" name="intent" value="withdraw" className="btn-secondary py-1">
                          {t("withdraw")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canEdit ? (
        <section className="card">
          <h2 className="mb-4 text-lg font-semibold">{t("declareNotice")}</h2>
          <ValidatedForm schema={PracticeNoticeSchema}>
            {({ errors, values }) => (
              <>
                <RegionPicker
                  name="countyCode"
                  label={t("county")}
                  defaultValue={values.countyCode}
                  error={errors.countyCode}
                />
                <CategoryCheckboxes
                  name="categories"
                  legend={t("noticeCategories")}
                  error={errors.categories}
                  options={categories.length > 0 ? categories : undefined}
                />
                <Field name="note" label={t("note")} errors={errors} defaultValue={values.note} maxLength={500} />
                <SubmitButton name="intent" value="declare">
                  {t("declareNotice")}
                </SubmitButton>
              </>
            )}
          </ValidatedForm>
        </section>
      ) : null}
    </div>
  );
}
