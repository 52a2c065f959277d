import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, SuccessNote, ValidatedForm } from "../../components/forms";
import { ChangePasswordSchema } from "../../forms/auth";
import { changePassword, logoutEverywhere } from "../../services/auth.server";
import { requireUser } from "../../utils/auth.server";
import { parseForm } from "../../utils/forms";
import { formFailure, passThroughHeaders } from "../../utils/http.server";
import { clearSessionCookie } from "../../utils/session-cookie.server";
import { readFormData } from "../../utils/form-data.server";

export const headers = passThroughHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  return { user };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, session } = await requireUser(request, context);
  const form = await readFormData(request);
  if (form.get("intent") === "logout-everywhere") {
    await logoutEverywhere(context.db, user.id, context.clientIp);
    return redirect("/login", { headers: { "Set-Cookie": clearSessionCookie(context.env) } });
  }
  const parsed = parseForm(ChangePasswordSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, done: false }, { status: 400 });
  try {
    await changePassword(context.db, {
      userId: user.id,
      sessionId: session.id,
      ip: context.clientIp,
      ...parsed.data,
      now: new Date(),
    });
    return { done: true };
  } catch (error) {
    return formFailure(error);
  }
}

export default function AccountSettings() {
  const { t } = useTranslation("settings");
  const result = useActionData<{ done?: boolean }>();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("accountTitle")}</h1>
      <section className="card" aria-labelledby="change-password">
        <h2 id="change-password" className="mb-4 text-lg font-semibold">
          {t("changePassword")}
        </h2>
        {result?.done ? <SuccessNote className="mb-4">{t("passwordChanged")}</SuccessNote> : null}
        <ValidatedForm schema={ChangePasswordSchema}>
          {({ errors }) => (
            <>
              <Field
                name="currentPassword"
                type="password"
                autoComplete="current-password"
                label={t("currentPassword")}
                errors={errors}
              />
              <Field
                name="newPassword"
                type="password"
                autoComplete="new-password"
                label={t("newPassword")}
                hint={t("auth:passwordHint")}
                errors={errors}
              />
              <SubmitButton>{t("changePassword")}</SubmitButton>
            </>
          )}
        </ValidatedForm>
      </section>
      <section className="card" aria-labelledby="sessions">
        <h2 id="sessions" className="text-lg font-semibold">
          {t("sessions")}
        </h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">{t("sessionsBody")}</p>
        <Form method="post">
          <button type="submit" name="intent" value="logout-everywhere" className="btn-danger">
            {t("logoutEverywhere")}
          </button>
        </Form>
      </section>
    </div>
  );
}
