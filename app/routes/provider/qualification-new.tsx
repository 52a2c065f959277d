import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CategoryCheckboxes } from "../../components/category-checkboxes";
import { Field, SubmitButton, ValidatedForm } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import { QUALIFICATION_TYPES, qualificationTypeName } from "../../domain/qualification-types";
import { collapseMultiValues, MULTI_VALUE_FIELDS, QualificationSchema, stringValues } from "../../forms/provider";
import { toLanguage } from "../../i18n/config";
import { parseUploadForm, uploadedFile } from "../../services/files.server";
import { addQualification } from "../../services/qualifications.server";
import { requireAccess } from "../../utils/access.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAccess(request, context, ACCESS.providerWorkspace, "edit");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Who is asking is settled before a single byte of the upload is read.
  const { user, org } = await requireAccess(request, context, ACCESS.providerWorkspace, "edit");
  let form: FormData;
  try {
    form = collapseMultiValues(await parseUploadForm(request), MULTI_VALUE_FIELDS);
  } catch (error) {
    return formFailure(error);
  }
  const parsed = parseForm(QualificationSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  try {
    await addQualification(
      context.db,
      context.env,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      { ...parsed.data, scan: uploadedFile(form, "scan"), now: new Date() },
    );
  } catch (error) {
    return formFailure(error, stringValues(form));
  }
  return redirect("/provider/qualifications?submitted=1");
}

export default function NewQualificationPage() {
  const { t, i18n } = useTranslation("provider");
  const lang = toLanguage(i18n.language);
  const [type, setType] = useState<string>("");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link to="/provider/qualifications" className="link text-sm">
        ← {t("qualificationsTitle")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("newQualification")}</h1>
      <section className="card">
        <ValidatedForm schema={QualificationSchema} encType="multipart/form-data">
          {({ errors, values }) => (
            <>
              <Field name="type" label={t("qualificationType")} errors={errors}>
                <select
                  id="field-type"
                  name="type"
                  className="input"
                  defaultValue={values.type ?? ""}
                  aria-invalid={errors.type ? true : undefined}
                  onChange={(e) => setType(e.target.value)}
                >
                  <option value="">{t("common:regionPick")}</option>
                  {QUALIFICATION_TYPES.map((code) => (
                    <option key={code} value={code}>
                      {qualificationTypeName(code, lang)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                name="certificateNo"
                label={t("certificateNo")}
                errors={errors}
                defaultValue={values.certificateNo}
                spellCheck={false}
              />
              <Field name="issuer" label={t("issuer")} errors={errors} defaultValue={values.issuer} />
              <Field name="scope" label={t("scope")} errors={errors}>
                <textarea
                  id="field-scope"
                  name="scope"
                  rows={3}
                  className="input"
                  defaultValue={values.scope}
                  aria-invalid={errors.scope ? true : undefined}
                />
              </Field>
              <div className="grid gap-x-4 sm:grid-cols-2">
                <Field
                  name="validFrom"
                  type="date"
                  label={t("validFrom")}
                  errors={errors}
                  defaultValue={values.validFrom}
                />
                <Field name="validTo" type="date" label={t("validTo")} errors={errors} defaultValue={values.validTo} />
              </div>
              {(type || values.type) === "other" ? (
                <CategoryCheckboxes
                  name="scopeCategories"
                  legend={t("otherCategories")}
                  error={errors.scopeCategories}
                />
              ) : null}
              <Field
                name="scan"
                type="file"
                label={t("scan")}
                hint={t("scanHint")}
                errors={errors}
                accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
                required
              />
              <SubmitButton>{t("submitQualification")}</SubmitButton>
            </>
          )}
        </ValidatedForm>
      </section>
    </div>
  );
}
