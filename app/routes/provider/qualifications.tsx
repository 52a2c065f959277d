import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CategoryList } from "../../components/category-checkboxes";
import { FormErrorMessage, SuccessNote } from "../../components/forms";
import { QualificationStatus } from "../../components/qualification-status";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { qualificationTypeName } from "../../domain/qualification-types";
import { IdSchema } from "../../forms/provider";
import { toLanguage } from "../../i18n/config";
import { listOwnQualifications, withdrawQualification } from "../../services/qualifications.server";
import { requireAccess } from "../../utils/access.server";
import { formFailure } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.providerWorkspace, "view");
  const today = shanghaiDateString(new Date());
  const rows = await listOwnQualifications(context.db, { providerId: org.id, today });
  return { rows, today, canEdit };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.providerWorkspace, "edit");
  const id = IdSchema.safeParse((await readFormData(request)).get("qualificationId"));
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  try {
    await withdrawQualification(context.db, { userId: user.id, orgId: org.id, ip: context.clientIp }, id.data);
    return { withdrawn: true };
  } catch (error) {
    return formFailure(error);
  }
}

export default function QualificationsPage() {
  const { rows, today, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<{ formError?: { key: string; params?: Record<string, string | number> } }>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation("provider");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("qualificationsTitle")}</h1>
        {canEdit ? (
          <Link to="/provider/qualifications/new" className="btn-primary">
            {t("newQualification")}
          </Link>
        ) : null}
      </header>
      <p className="text-sm text-slate-600">{t("qualificationsIntro")}</p>
      {params.get("submitted") ? <SuccessNote>{t("qualificationSubmitted")}</SuccessNote> : null}
      {result?.formError ? <FormErrorMessage error={result.formError} /> : null}
      <section className="card overflow-x-auto">
        {rows.length === 0 ? (
          <p className="text-slate-500">{t("noQualifications")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("qualificationType")}</th>
                <th scope="col">{t("certificateNo")}</th>
                <th scope="col">{t("issuer")}</th>
                <th scope="col">{t("validity")}</th>
                <th scope="col">{t("covers")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((q) => (
                <tr key={q.id}>
                  <td data-label={t("qualificationType")}>{qualificationTypeName(q.type, lang)}</td>
                  <td data-label={t("certificateNo")} className="font-mono text-xs">
                    {q.certificateNo}
                  </td>
                  <td data-label={t("issuer")}>{q.issuer}</td>
                  <td data-label={t("validity")} className="whitespace-nowrap">
                    {t("validityRange", { from: q.validFrom, to: q.validTo })}
                  </td>
                  <td data-label={t("covers")}>
                    <CategoryList codes={q.scopeCategories} />
                  </td>
                  <td data-label={t("status")}>
                    <QualificationStatus status={q.status} inForce={q.inForce} validFrom={q.validFrom} today={today} />
                    {q.status === "rejected" && q.rejectReason ? (
                      <p className="mt-1 text-xs text-red-800">{t("rejectReason", { reason: q.rejectReason })}</p>
                    ) : null}
                  </td>
                  <td data-label={t("actions")} className="flex flex-wrap gap-2">
                    {q.scanFileId ? (
                      <a href={`/files/${q.scanFileId}`} className="link text-sm">
                        {t("viewScan")}
                      </a>
                    ) : null}
                    {canEdit && q.status !== "verified" ? (
                      <Form method="post">
                        <input type="hidden" name="qualificationId" value={q.id} />
                        <button type="submit" className="btn-secondary py-1">
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
    </div>
  );
}
