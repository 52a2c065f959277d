import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../domain/format";
import { MessageSchema } from "../../forms/engagements";
import { toLanguage } from "../../i18n/config";
import { SubmitButton } from "../forms";
import { IntentForm } from "./intent-form";

export type MessageRow = {
  id: string;
  body: string;
  senderOrgId: string;
  senderOrgName: string;
  senderUserName: string | null;
  createdAt: string | Date;
};

/** The conversation between the two parties; the platform may read it in a dispute, not write. */
export function EngagementMessages({
  rows,
  ownOrgId,
  canWrite,
}: {
  rows: MessageRow[];
  ownOrgId: string;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation("engagements");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t("messages.none")}</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((m) => (
            <li
              key={m.id}
              className={`rounded-md p-3 text-sm ${m.senderOrgId === ownOrgId ? "bg-brand-50" : "bg-slate-50"}`}
            >
              <p className="text-slate-600">
                {m.senderOrgName}
                {m.senderUserName ? ` · ${m.senderUserName}` : ""} ·{" "}
                <time dateTime={new Date(m.createdAt).toISOString()}>
                  {formatDateTime(new Date(m.createdAt), lang)}
                </time>
              </p>
              <p className="whitespace-pre-line">{m.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <IntentForm intent="message" schema={MessageSchema}>
          {({ errors, values }) => (
            <div className="mb-2">
              <label htmlFor="field-body" className="label">
                {t("messages.body")}
              </label>
              <textarea
                id="field-body"
                name="body"
                rows={3}
                className="input"
                defaultValue={values.body}
                aria-invalid={errors.body ? true : undefined}
                aria-describedby={errors.body ? "field-body-error" : undefined}
              />
              {errors.body ? (
                <p id="field-body-error" className="field-error">
                  {t(`errors:${errors.body}`)}
                </p>
              ) : null}
              <div className="mt-2">
                <SubmitButton>{t("messages.send")}</SubmitButton>
              </div>
            </div>
          )}
        </IntentForm>
      ) : null}
    </div>
  );
}
