import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, ValidatedForm } from "../../components/forms";
import { IndustryPicker } from "../../components/industry-picker";
import { RegionPicker } from "../../components/region-picker";
import { SERVICE_CATEGORIES, categoryLabel, isServiceCategory } from "../../domain/service-categories";
import { clipText } from "../../domain/text-excerpt";
import { RequestSchema } from "../../forms/requests";
import { toLanguage } from "../../i18n/config";
import { getOwnOrganisation } from "../../services/organisations.server";
import { createRequest } from "../../services/requests.server";
import { requireMembership } from "../../utils/auth.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "发布服务需求 · 安服市集" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireMembership(request, context, { kinds: ["enterprise"] });
  const profile = await getOwnOrganisation(context.db, { orgId: org.id });
  // Prefill from a search that found nothing (/providers, /listings): ?title=…&category=….
  const url = new URL(request.url);
  const title = clipText((url.searchParams.get("title") ?? url.searchParams.get("q") ?? "").trim(), 100);
  const category = url.searchParams.get("category") ?? "";
  return {
    regionCode: profile.regionCode,
    industryCode: profile.industryCode,
    title,
    category: isServiceCategory(category) ? category : "",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireMembership(request, context, { kinds: ["enterprise"] });
  const parsed = parseForm(RequestSchema, await readFormData(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const { budget, ...rest } = parsed.data;
  try {
    const created = await createRequest(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      { ...rest, budgetFen: budget },
      new Date(),
    );
    return redirect(`/requests/${created.id}`);
  } catch (error) {
    return formFailure(error);
  }
}

export default function NewRequest() {
  const defaults = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("requests");
  const lang = toLanguage(i18n.language);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link to="/requests" className="link text-sm">
        ← {t("back")}
      </Link>
      <div className="card">
        <h1 className="mb-2 text-2xl font-semibold">{t("newTitle")}</h1>
        <p className="mb-6 text-sm text-slate-600">{t("newLead")}</p>
        <ValidatedForm schema={RequestSchema}>
          {({ errors, values }) => (
            <>
              <Field name="category" label={t("field.category")} errors={errors}>
                <select
                  id="field-category"
                  name="category"
                  className="input"
                  defaultValue={values.category ?? defaults.category}
                  aria-invalid={errors.category ? true : undefined}
                >
                  <option value="">{t("common:regionPick")}</option>
                  {SERVICE_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {categoryLabel(c, lang)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                name="title"
                label={t("field.title")}
                errors={errors}
                defaultValue={values.title ?? (defaults.title || undefined)}
              />
              <Field
                name="description"
                label={t("field.description")}
                hint={t("field.descriptionHint")}
                errors={errors}
              >
                <textarea
                  id="field-description"
                  name="description"
                  rows={5}
                  className="input"
                  defaultValue={values.description}
                  aria-invalid={errors.description ? true : undefined}
                />
              </Field>
              <RegionPicker
                name="regionCode"
                label={t("field.region")}
                defaultValue={values.regionCode ?? defaults.regionCode}
                error={errors.regionCode}
              />
              <IndustryPicker
                name="industryCode"
                defaultValue={values.industryCode ?? defaults.industryCode}
                error={errors.industryCode}
              />
              <Field
                name="budget"
                label={t("field.budget")}
                hint={t("field.budgetHint")}
                errors={errors}
                defaultValue={values.budget}
                inputMode="decimal"
              />
              <Field
                name="deadline"
                type="date"
                label={t("field.deadline")}
                hint={t("field.deadlineHint")}
                errors={errors}
                defaultValue={values.deadline}
              />
              <p className="mb-4 text-sm text-slate-600">{t("twoWayNote")}</p>
              <SubmitButton>{t("submit")}</SubmitButton>
            </>
          )}
        </ValidatedForm>
      </div>
    </div>
  );
}
