import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { VIOLATION_KINDS } from "../forms/credit";
import type { FieldErrors } from "../utils/forms";

/**
 * A labelled control with its error, ids prefixed by its form so that two forms on one
 * page (evaluation and violation) never share an id.
 */
export function Control({
  form,
  name,
  label,
  errors,
  children,
}: {
  form: string;
  name: string;
  label: string;
  errors: FieldErrors;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = `${form}-${name}`;
  const error = errors[name];
  return (
    <div className="mb-4">
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : undefined,
      })}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(`errors:${error}`)}
        </p>
      ) : null}
    </div>
  );
}

/** Kind, seriousness, date and note of a violation: the same on the bureau and admin pages. */
export function ViolationFields({ form, errors, today }: { form: string; errors: FieldErrors; today: string }) {
  const { t } = useTranslation("credit");
  return (
    <>
      <Control form={form} name="kind" label={t("bureau.kind")} errors={errors}>
        {(p) => (
          <select {...p} name="kind" className="input" defaultValue="">
            <option value="">{t("common:regionPick")}</option>
            {VIOLATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`violationKind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Control>
      <div className="mb-4 flex items-center gap-2">
        <input id={`${form}-serious`} type="checkbox" name="serious" />
        <label htmlFor={`${form}-serious`} className="text-sm">
          {t("bureau.serious")}
        </label>
      </div>
      <Control form={form} name="occurredOn" label={t("bureau.occurredOn")} errors={errors}>
        {(p) => <input {...p} type="date" name="occurredOn" className="input" max={today} defaultValue={today} />}
      </Control>
      <Control form={form} name="note" label={t("bureau.note")} errors={errors}>
        {(p) => <textarea {...p} name="note" rows={3} maxLength={1000} className="input" />}
      </Control>
    </>
  );
}

/** Recorded violations, for the bureau (its own) and the admin (all, with who recorded them). */
export function ViolationTable({
  title,
  rows,
  showRecorder = false,
}: {
  title: string;
  rows: {
    id: string;
    providerId: string;
    providerName: string;
    providerSuspended: boolean;
    kind: string;
    serious: boolean;
    occurredOn: string;
    note: string | null;
    recordedBy: string;
  }[];
  showRecorder?: boolean;
}) {
  const { t } = useTranslation("credit");
  return (
    <section className="card overflow-x-auto" aria-label={title}>
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {rows.length === 0 ? (
        <p className="text-slate-500">{t("common:empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("colDate")}</th>
              <th scope="col">{t("colProvider")}</th>
              <th scope="col">{t("colKind")}</th>
              <th scope="col">{t("colNote")}</th>
              {showRecorder ? <th scope="col">{t("admin.recordedBy")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={v.id}>
                <td data-label={t("colDate")}>{v.occurredOn}</td>
                <td data-label={t("colProvider")}>
                  <Link className="link" to={`/credit/${v.providerId}`}>
                    {v.providerName}
                  </Link>
                  {v.providerSuspended ? (
                    <span className="badge ml-2 bg-slate-200 text-slate-700">{t("admin.suspendedTag")}</span>
                  ) : null}
                </td>
                <td data-label={t("colKind")}>
                  {t(`violationKind.${v.kind}`)}
                  {v.serious ? <span className="badge ml-2 bg-red-50 text-red-800">{t("seriousTag")}</span> : null}
                </td>
                <td data-label={t("colNote")}>{v.note ?? ""}</td>
                {showRecorder ? <td data-label={t("admin.recordedBy")}>{v.recordedBy}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
