import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { SuccessNote } from "../../components/forms";
import {
  NOTIFICATION_MODES,
  NOTIFICATION_TYPE_NAMES,
  type NotificationMode,
  type NotificationType,
} from "../../domain/notification-types";
import { SUPPORTED_LANGUAGES } from "../../i18n/config";
import { getPreferences, savePreferences } from "../../services/notifications.server";
import { requireUser } from "../../utils/auth.server";
import { readFormData } from "../../utils/form-data.server";

const ModeSchema = z.enum(NOTIFICATION_MODES as [NotificationMode, ...NotificationMode[]]);
const PreferencesSchema = z.object({
  locale: z.enum(SUPPORTED_LANGUAGES),
  modes: z.object(
    Object.fromEntries(NOTIFICATION_TYPE_NAMES.map((type) => [type, ModeSchema])) as Record<
      NotificationType,
      typeof ModeSchema
    >,
  ),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  return { prefs: await getPreferences(context.db, user.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const form = await readFormData(request);
  const parsed = PreferencesSchema.safeParse({
    locale: form.get("locale"),
    modes: Object.fromEntries(NOTIFICATION_TYPE_NAMES.map((type) => [type, form.get(`mode.${type}`)])),
  });
  if (!parsed.success) return data({ saved: false, formError: "invalid_input" }, { status: 400 });
  await savePreferences(context.db, user.id, parsed.data);
  return { saved: true, formError: null };
}

export default function NotificationSettings() {
  const { prefs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("notifications");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("settingsTitle")}</h1>
      <p className="text-sm text-slate-600">{t("settingsIntro")}</p>
      {result?.saved ? <SuccessNote>{t("saved")}</SuccessNote> : null}
      {result?.formError ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {t(`errors:${result.formError}`)}
        </p>
      ) : null}
      <Form method="post" className="card space-y-4">
        <div>
          <label htmlFor="locale" className="label">
            {t("mailLanguage")}
          </label>
          <select id="locale" name="locale" className="input" defaultValue={prefs.locale}>
            <option value="zh-CN" lang="zh-CN">
              简体中文
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        </div>
        <fieldset className="space-y-3">
          <legend className="label">{t("mode")}</legend>
          {NOTIFICATION_TYPE_NAMES.map((type) => (
            <div
              key={type}
              className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-3"
            >
              <label htmlFor={`mode-${type}`} className="text-sm text-slate-800">
                {t(`types.${type}.label`)}
              </label>
              <select
                id={`mode-${type}`}
                name={`mode.${type}`}
                className="input w-auto"
                defaultValue={prefs.modes[type]}
              >
                {NOTIFICATION_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`modes.${mode}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="btn-primary">
          {t("save")}
        </button>
      </Form>
    </div>
  );
}
