import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, ValidatedForm } from "../../components/forms";
import { IndustryPicker } from "../../components/industry-picker";
import { RegionPicker } from "../../components/region-picker";
import { RegisterSchema, SELF_REGISTERED_KINDS } from "../../forms/auth";
import { register } from "../../services/auth.server";
import { requireAnonymous } from "../../utils/auth.server";
import { parseForm } from "../../utils/forms";
import { clientMeta, formFailure } from "../../utils/http.server";
import { sessionCookie } from "../../utils/session-cookie.server";
import { readFormData } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "注册 · 安服市集" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(RegisterSchema, await readFormData(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  try {
    const { token, session } = await register(context.db, parsed.data, {
      ...clientMeta(request, context),
      now: new Date(),
    });
    return redirect("/dashboard", {
      headers: { "Set-Cookie": sessionCookie(context.env, token, session.absoluteExpiresAt) },
    });
  } catch (error) {
    const { password: _password, ...values } = parsed.data;
    return formFailure(error, values as Record<string, string>);
  }
}

export default function Register() {
  const { t } = useTranslation("auth");
  return (
    <div className="mx-auto max-w-2xl card">
      <h1 className="text-2xl font-semibold">{t("registerTitle")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-600">{t("registerIntro")}</p>
      <ValidatedForm schema={RegisterSchema}>
        {({ errors, values }) => (
          <>
            <fieldset className="mb-4">
              <legend className="label">{t("orgKind")}</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {SELF_REGISTERED_KINDS.map((kind) => (
                  <label
                    key={kind}
                    className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                  >
                    <input
                      type="radio"
                      name="orgKind"
                      value={kind}
                      defaultChecked={(values.orgKind ?? "enterprise") === kind}
                    />
                    {t(`common:kind.${kind}`)}
                  </label>
                ))}
              </div>
              {errors.orgKind ? <p className="field-error">{t(`errors:${errors.orgKind}`)}</p> : null}
            </fieldset>
            <Field
              name="orgName"
              label={t("orgName")}
              errors={errors}
              defaultValue={values.orgName}
              autoComplete="organization"
              required
            />
            <Field
              name="uscc"
              label={t("common:uscc")}
              hint={t("usccHint")}
              errors={errors}
              defaultValue={values.uscc}
              maxLength={22}
              autoCapitalize="characters"
              spellCheck={false}
              required
            />
            <RegionPicker name="regionCode" defaultValue={values.regionCode} error={errors.regionCode} />
            <IndustryPicker name="industryCode" defaultValue={values.industryCode} error={errors.industryCode} />
            <Field
              name="name"
              label={t("name")}
              errors={errors}
              defaultValue={values.name}
              autoComplete="name"
              required
            />
            <Field
              name="email"
              type="email"
              label={t("email")}
              errors={errors}
              defaultValue={values.email}
              autoComplete="email"
              required
            />
            <Field
              name="phone"
              type="tel"
              label={t("phone")}
              errors={errors}
              defaultValue={values.phone}
              autoComplete="tel"
            />
            <Field
              name="password"
              type="password"
              label={t("password")}
              hint={t("passwordHint")}
              errors={errors}
              autoComplete="new-password"
              required
            />
            <SubmitButton pendingLabel={t("registering")}>{t("submitRegister")}</SubmitButton>
          </>
        )}
      </ValidatedForm>
      <p className="mt-6 text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link to="/login" className="link">
          {t("loginLink")}
        </Link>
      </p>
    </div>
  );
}
