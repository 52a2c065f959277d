import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, ValidatedForm } from "../../components/forms";
import { LoginSchema } from "../../forms/auth";
import { login } from "../../services/auth.server";
import { requireAnonymous } from "../../utils/auth.server";
import { parseForm } from "../../utils/forms";
import { clientMeta, formFailure, passThroughHeaders, safeRedirect } from "../../utils/http.server";
import { readSessionToken, sessionCookie } from "../../utils/session-cookie.server";
import { readFormData } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "登录 · 安服市集" }];

export const headers = passThroughHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(LoginSchema, await readFormData(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  try {
    const meta = {
      ...clientMeta(request, context),
      previousSessionToken: readSessionToken(request, context.env),
      now: new Date(),
    };
    const { token, session } = await login(context.db, parsed.data, meta);
    return redirect(safeRedirect(parsed.data.redirectTo), {
      headers: { "Set-Cookie": sessionCookie(context.env, token, session.absoluteExpiresAt) },
    });
  } catch (error) {
    return formFailure(error, { email: parsed.data.email });
  }
}

export default function Login() {
  const { t } = useTranslation("auth");
  const [params] = useSearchParams();
  return (
    <div className="mx-auto max-w-md card">
      <h1 className="mb-6 text-2xl font-semibold">{t("loginTitle")}</h1>
      <ValidatedForm schema={LoginSchema}>
        {({ errors, values }) => (
          <>
            <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
            <Field
              name="email"
              type="email"
              autoComplete="email"
              label={t("email")}
              errors={errors}
              defaultValue={values.email}
              required
            />
            <Field
              name="password"
              type="password"
              autoComplete="current-password"
              label={t("password")}
              errors={errors}
              required
            />
            <SubmitButton pendingLabel={t("loggingIn")}>{t("submitLogin")}</SubmitButton>
          </>
        )}
      </ValidatedForm>
      <p className="mt-6 text-sm text-slate-600">
        {t("noAccount")}{" "}
        <Link to="/register" className="link">
          {t("registerLink")}
        </Link>
      </p>
    </div>
  );
}
