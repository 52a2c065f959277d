import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../domain/format";
import { ActivitySchema, ReportSchema } from "../../forms/engagements";
import { toLanguage } from "../../i18n/config";
import { Field, SubmitButton } from "../forms";
import { IntentForm } from "./intent-form";

export type DeliverableRow = {
  id: string;
  kind: "report" | "visit" | "training";
  title: string;
  occurredOn: string | null;
  notes: string | null;
  attendees: number | null;
  createdAt: string | Date;
  fileId: string | null;
  fileName: string | null;
  fileSize: number | null;
};

/** Reports (files), visit and training records; the provider adds them while the work is open. */
export function EngagementDeliverables({ rows, canAdd }: { rows: DeliverableRow[]; canAdd: boolean }) {
  const { t, i18n } = useTranslation("engagements");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t("deliverables.none")}</p>
      ) : (
        <ul className="space-y-2">
          {rows.map((d) => (
            <li key={d.id} className="text-sm">
              <span className="badge bg-slate-100 text-slate-700">{t(`deliverables.kind.${d.kind}`)}</span>{" "}
              <span className="font-medium">{d.title}</span>
              {d.occurredOn ? ` · ${d.occurredOn}` : ""}
              {d.attendees ? ` · ${t("deliverables.attendeesValue", { count: d.attendees })}` : ""}
              {d.fileId ? (
                <>
                  {" · "}
                  <a className="link" href={`/files/${d.fileId}`} download>
                    {t("deliverables.download", { name: d.fileName ?? "" })}
                  </a>
                  {d.fileSize ? ` (${Math.max(1, Math.round(d.fileSize / 1024))} KB)` : ""}
                </>
              ) : null}
              <span className="text-slate-500"> · {formatDateTime(new Date(d.createdAt), lang)}</span>
              {d.notes ? <p className="whitespace-pre-line text-slate-700">{d.notes}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {canAdd ? (
        <div className="grid gap-4 md:grid-cols-2">
          <IntentForm
            intent="report"
            schema={ReportSchema}
            encType="multipart/form-data"
            className="rounded-md border border-slate-200 p-3"
          >
            {({ errors, values }) => (
              <>
                <h3 className="mb-2 font-semibold">{t("deliverables.uploadTitle")}</h3>
                <Field
                  name="reportTitle"
                  label={t("deliverables.reportTitle")}
                  errors={errors}
                  defaultValue={values.reportTitle}
                />
                <Field
                  name="file"
                  type="file"
                  label={t("deliverables.file")}
                  hint={t("deliverables.fileHint")}
                  errors={errors}
                  accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
                />
                <SubmitButton>{t("deliverables.upload")}</SubmitButton>
              </>
            )}
          </IntentForm>
          <IntentForm intent="activity" schema={ActivitySchema} className="rounded-md border border-slate-200 p-3">
            {({ errors, values }) => (
              <>
                <h3 className="mb-2 font-semibold">{t("deliverables.activityTitle")}</h3>
                <Field name="kind" label={t("deliverables.activityKind")} errors={errors}>
                  <select id="field-kind" name="kind" className="input" defaultValue={values.kind ?? "visit"}>
                    <option value="visit">{t("deliverables.kind.visit")}</option>
                    <option value="training">{t("deliverables.kind.training")}</option>
                  </select>
                </Field>
                <Field
                  name="activityTitle"
                  label={t("deliverables.activityName")}
                  errors={errors}
                  defaultValue={values.activityTitle}
                />
                <Field
                  name="occurredOn"
                  type="date"
                  label={t("deliverables.occurredOn")}
                  errors={errors}
                  defaultValue={values.occurredOn}
                />
                <Field name="notes" label={t("deliverables.notes")} errors={errors}>
                  <textarea id="field-notes" name="notes" rows={3} className="input" defaultValue={values.notes} />
                </Field>
                <Field
                  name="attendees"
                  type="number"
                  min={1}
                  label={t("deliverables.attendees")}
                  hint={t("deliverables.attendeesHint")}
                  errors={errors}
                  defaultValue={values.attendees}
                />
                <SubmitButton>{t("deliverables.record")}</SubmitButton>
              </>
            )}
          </IntentForm>
        </div>
      ) : null}
    </div>
  );
}
