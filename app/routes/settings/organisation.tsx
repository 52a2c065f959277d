import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, SuccessNote, ValidatedForm } from "../../components/forms";
import { IndustryPicker } from "../../components/industry-picker";
import { RegionPicker } from "../../components/region-picker";
import { ACCESS } from "../../domain/access";
import { regionFullName } from "../../domain/regions";
import { OrganisationProfileSchema } from "../../forms/organisation";
import { getOwnOrganisation, updateOrganisationProfile } from "../../services/organisations.server";
import { requireAccess } from "../../utils/access.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.organisationSettings, "view");
  const profile = await getOwnOrganisation(context.db, { orgId: org.id });
  return { profile, canEdit, regionName: regionFullName(profile.regionCode) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.organisationSettings, "edit");
  const form = await readFormData(request);
  // A bureau's region is fixed by the platform; it never comes from the form.
  if (org.kind === "bureau") form.set("regionCode", org.regionCode);
  const schema =
    org.kind === "bureau" || org.kind === "platform"
      ? OrganisationProfileSchema.omit({ uscc: true })
      : OrganisationProfileSchema.required({ uscc: true });
  const parsed = parseForm(schema, form);
  if (!parsed.ok)
    return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, saved: false }, { status: 400 });
  try {
    await updateOrganisationProfile(context.db, { userId: user.id, orgId: org.id, ip: context.clientIp }, parsed.data);
    return { saved: true };
  } catch (error) {
    return formFailure(error);
  }
}

export default function OrganisationSettings() {
  const { profile, canEdit, regionName } = useLoaderData<typeof loader>();
  const result = useActionData<{ saved?: boolean }>();
  const { t } = useTranslation("settings");
  const isBureau = profile.kind === "bureau";
  const hasUscc = profile.kind !== "bureau" && profile.kind !== "platform";
  return (
    <div className="mx-auto max-w-2xl card">
      <h1 className="mb-2 text-2xl font-semibold">{t("organisationTitle")}</h1>
      <p className="mb-6 text-sm text-slate-600">
        {t(`common:kind.${profile.kind}`)} ·{" "}
        {t(`common:verification.${profile.suspendedAt ? "suspended" : profile.verificationStatus}`)}
      </p>
      {result?.saved ? <SuccessNote className="mb-4">{t("orgSaved")}</SuccessNote> : null}
      <ValidatedForm
        schema={OrganisationProfileSchema.partial({ uscc: true, regionCode: isBureau ? true : undefined })}
      >
        {({ errors }) => (
          <fieldset disabled={!canEdit}>
            <Field name="name" label={t("orgName")} errors={errors} defaultValue={profile.name} />
            {hasUscc ? (
              <Field
                name="uscc"
                label={t("common:uscc")}
                errors={errors}
                defaultValue={profile.uscc ?? ""}
                spellCheck={false}
              />
            ) : null}
            {isBureau ? (
              <p className="mb-4 text-sm text-slate-600">
                {t("common:region")}：{regionName}（{t("bureauRegionFixed")}）
              </p>
            ) : (
              <RegionPicker name="regionCode" defaultValue={profile.regionCode} error={errors.regionCode} />
            )}
            <IndustryPicker name="industryCode" defaultValue={profile.industryCode} error={errors.industryCode} />
            <Field
              name="contactPhone"
              type="tel"
              label={t("contactPhone")}
              errors={errors}
              defaultValue={profile.contactPhone ?? ""}
            />
            <Field name="address" label={t("address")} errors={errors} defaultValue={profile.address ?? ""} />
            <Field name="description" label={t("description")} errors={errors}>
              <textarea
                id="field-description"
                name="description"
                rows={4}
                className="input"
                defaultValue={profile.description ?? ""}
              />
            </Field>
            {hasUscc ? <p className="mb-4 text-xs text-slate-500">{t("reverifyNote")}</p> : null}
            <SubmitButton>{t("common:save")}</SubmitButton>
          </fieldset>
        )}
      </ValidatedForm>
    </div>
  );
}
