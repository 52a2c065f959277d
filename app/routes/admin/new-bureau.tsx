import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, ValidatedForm } from "../../components/forms";
import { RegionPicker } from "../../components/region-picker";
import { NewBureauSchema } from "../../forms/admin";
import { createBureau } from "../../services/admin.server";
import { requirePlatformAdmin } from "../../utils/auth.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requirePlatformAdmin(request, context);
  const parsed = parseForm(NewBureauSchema, await readFormData(request));
  if (!parsed.ok)
    return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, created: null }, { status: 400 });
  try {
    const created = await createBureau(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      { ...parsed.data, now: new Date() },
    );
    return { created: { name: created.org.name, email: created.user.email, initialPassword: created.initialPassword } };
  } catch (error) {
    return formFailure(error, parsed.data as Record<string, string>);
  }
}

export default function NewBureau() {
  const result = useActionData<{ created?: { name: string; email: string; initialPassword: string } | null }>();
  const { t } = useTranslation("admin");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("newBureauTitle")}</h1>
      <p className="text-sm text-slate-600">{t("newBureauIntro")}</p>
      {result?.created ? (
        <div role="status" className="card border-brand-600">
          <p>{t("bureauCreated", { name: result.created.name, email: result.created.email })}</p>
          <code data-testid="initial-password" className="mt-2 block rounded bg-slate-100 p-3 font-mono">
            {result.created.initialPassword}
          </code>
          <p className="mt-2 text-xs text-slate-500">{t("initialPasswordNote")}</p>
        </div>
      ) : null}
      <div className="card">
        <ValidatedForm schema={NewBureauSchema}>
          {({ errors, values }) => (
            <>
              <Field
                name="name"
                label={t("bureauName")}
                hint={t("bureauNameHint")}
                errors={errors}
                defaultValue={values.name}
              />
              <RegionPicker name="regionCode" defaultValue={values.regionCode} error={errors.regionCode} />
              <Field name="contactName" label={t("contactName")} errors={errors} defaultValue={values.contactName} />
              <Field name="email" type="email" label={t("contactEmail")} errors={errors} defaultValue={values.email} />
              <Field name="phone" type="tel" label={t("auth:phone")} errors={errors} defaultValue={values.phone} />
              <SubmitButton>{t("createBureau")}</SubmitButton>
            </>
          )}
        </ValidatedForm>
      </div>
    </div>
  );
}
