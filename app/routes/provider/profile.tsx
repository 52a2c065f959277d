import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CategoryCheckboxes } from "../../components/category-checkboxes";
import { Field, SubmitButton, SuccessNote, ValidatedForm } from "../../components/forms";
import { IndustryListPicker } from "../../components/industry-list-picker";
import { RegionListPicker } from "../../components/region-list-picker";
import { ACCESS } from "../../domain/access";
import { collapseMultiValues, MULTI_VALUE_FIELDS, ProviderProfileSchema, stringValues } from "../../forms/provider";
import { getOwnProfile, updateOwnProfile } from "../../services/providers.server";
import { requireAccess } from "../../utils/access.server";
import { parseForm } from "../../utils/forms";
import { formFailure, orErrorPage } from "../../utils/http.server";
import { regionNamesOf } from "../../domain/regions";
import { readFormData } from "../../utils/form-data.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.providerWorkspace, "view");
  const { profile } = await orErrorPage(() => getOwnProfile(context.db, { orgId: org.id, now: new Date() }));
  return {
    orgId: org.id,
    canEdit,
    profile: {
      categories: profile.categories,
      description: profile.description,
      regionCodes: profile.regionCodes,
      regionNames: regionNamesOf(profile.regionCodes),
      industryCodes: profile.industryCodes,
      staffCount: profile.staffCount,
      contactName: profile.contactName,
      contactPhone: profile.contactPhone,
      contactEmail: profile.contactEmail,
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.providerWorkspace, "edit");
  const form = collapseMultiValues(await readFormData(request), MULTI_VALUE_FIELDS);
  const parsed = parseForm(ProviderProfileSchema, form);
  if (!parsed.ok)
    return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, saved: false }, { status: 400 });
  try {
    await updateOwnProfile(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      parsed.data,
      new Date(),
    );
    return { saved: true };
  } catch (error) {
    return formFailure(error, stringValues(form));
  }
}

export default function ProviderProfilePage() {
  const { orgId, canEdit, profile } = useLoaderData<typeof loader>();
  const result = useActionData<{ saved?: boolean }>();
  const { t } = useTranslation("provider");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("profileTitle")}</h1>
        <span className="flex gap-3 text-sm">
          <Link to="/provider/experts" className="link">
            {t("manageExperts")}
          </Link>
          <Link to={`/providers/${orgId}`} className="link">
            {t("viewPublic")}
          </Link>
        </span>
      </header>
      <p className="text-sm text-slate-600">{t("profileIntro")}</p>
      <section className="card">
        {result?.saved ? <SuccessNote className="mb-4">{t("profileSaved")}</SuccessNote> : null}
        <ValidatedForm schema={ProviderProfileSchema}>
          {({ errors, values }) => (
            <fieldset disabled={!canEdit}>
              <CategoryCheckboxes
                name="categories"
                legend={t("categories")}
                defaultValue={values.categories?.split(",") ?? profile.categories}
                error={errors.categories}
              />
              <Field name="description" label={t("description")} errors={errors}>
                <textarea
                  id="field-description"
                  name="description"
                  rows={5}
                  className="input"
                  defaultValue={values.description ?? profile.description}
                  maxLength={4000}
                />
              </Field>
              <RegionListPicker
                name="regionCodes"
                legend={t("regionsServed")}
                hint={t("regionsHint")}
                defaultValue={values.regionCodes?.split(",").filter(Boolean) ?? profile.regionCodes}
                names={profile.regionNames}
                error={errors.regionCodes}
              />
              <IndustryListPicker
                name="industryCodes"
                legend={t("industries")}
                hint={t("industriesHint")}
                defaultValue={values.industryCodes?.split(",").filter(Boolean) ?? profile.industryCodes}
                error={errors.industryCodes}
              />
              <Field
                name="staffCount"
                type="number"
                min={0}
                inputMode="numeric"
                label={t("staffCount")}
                errors={errors}
                defaultValue={values.staffCount ?? String(profile.staffCount)}
              />
              <div className="grid gap-x-4 sm:grid-cols-3">
                <Field
                  name="contactName"
                  label={t("contactName")}
                  errors={errors}
                  defaultValue={values.contactName ?? profile.contactName ?? ""}
                />
                <Field
                  name="contactPhone"
                  type="tel"
                  label={t("contactPhone")}
                  errors={errors}
                  defaultValue={values.contactPhone ?? profile.contactPhone ?? ""}
                />
                <Field
                  name="contactEmail"
                  type="email"
                  label={t("contactEmail")}
                  errors={errors}
                  defaultValue={values.contactEmail ?? profile.contactEmail ?? ""}
                />
              </div>
              <SubmitButton>{t("common:save")}</SubmitButton>
            </fieldset>
          )}
        </ValidatedForm>
      </section>
    </div>
  );
}
