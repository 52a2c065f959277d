import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { ChecklistTemplate, NormalisedAnswer } from "../../domain/checklist-templates";
import { NOT_A_BASIS_FOR_PENALTY_LABEL } from "../../domain/hazard-machine";
import {
  INSPECTION_SOURCE_LABELS,
  type ConfirmationStatus,
  type InspectionSource,
} from "../../domain/inspection-sources";
import type { Lang } from "../../domain/format";

/** A message key of a form or service: `inspections.<key>` is this feature's, anything else the shared `errors`. */
export function errText(t: TFunction, key: string, params: Record<string, unknown> = {}): string {
  return key.startsWith("inspections.")
    ? String(t(`inspections:errors.${key.slice("inspections.".length)}`, params))
    : String(t(`errors:${key}`, params));
}

export function FieldError({ error }: { error?: string }) {
  const { t } = useTranslation();
  return error ? <p className="field-error">{errText(t, error)}</p> : null;
}

export function FormProblem({ problem }: { problem?: { key: string; params?: Record<string, unknown> } | null }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
      {errText(t, problem.key, problem.params)}
    </p>
  );
}

export function sourceLabel(source: InspectionSource, lang: Lang): string {
  return INSPECTION_SOURCE_LABELS[source][lang === "en" ? "en" : "zh"];
}

/** Free check-up findings are never a basis for penalty (Jiangxi): shown wherever they are. */
export function NoPenaltyLabel({ source, lang }: { source: string; lang: Lang }) {
  if (source !== "free_checkup") return null;
  return (
    <span className="ml-2 inline-block rounded border border-amber-400 bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-800">
      {NOT_A_BASIS_FOR_PENALTY_LABEL[lang === "en" ? "en" : "zh"]}
    </span>
  );
}

const STATUS_CLASS: Record<ConfirmationStatus, string> = {
  draft: "bg-slate-100 text-slate-700",
  confirmed: "bg-amber-100 text-amber-800",
  complete: "bg-green-100 text-green-800",
};

export function ConfirmationBadge({ status }: { status: ConfirmationStatus }) {
  const { t } = useTranslation("inspections");
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[status]}`}>
      {t(`status.${status}`)}
    </span>
  );
}

export function GradeBadge({ grade }: { grade: "general" | "major" }) {
  const { t } = useTranslation("inspections");
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${grade === "major" ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-700"}`}
    >
      {t(`grade.${grade}`)}
    </span>
  );
}

export function formatScore(scoreBp: number | null): string {
  return scoreBp === null ? "—" : `${(scoreBp / 100).toFixed(2)}%`;
}

/** The answer fields of a checklist, section by section; one field `a.<itemKey>` per item. */
export function AnswerInputs({
  template,
  answers,
  errors,
  lang,
}: {
  template: ChecklistTemplate;
  answers: Record<string, NormalisedAnswer | string>;
  errors: Record<string, string>;
  lang: Lang;
}) {
  const { t } = useTranslation("inspections");
  const en = lang === "en";
  return (
    <div className="space-y-4">
      {template.sections.map((section) => (
        <fieldset key={section.key} className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 font-medium">{en ? section.en : section.zh}</legend>
          <ol className="space-y-3">
            {section.items.map((item) => {
              const name = `a.${item.key}`;
              const value = answers[item.key];
              const error = errors[`answers.${item.key}`] ?? errors[name];
              const label = (
                <>
                  {en ? item.en : item.zh}
                  {item.required ? <span className="text-red-600"> *</span> : null}
                  {item.gradeIfFailed === "major" ? (
                    <span className="ml-1 text-xs text-red-700">（{t("majorIfFailed")}）</span>
                  ) : null}
                </>
              );
              return (
                <li key={item.key} className="border-b border-slate-100 pb-2 last:border-0">
                  {item.response.kind === "pass_fail_na" ? (
                    <div role="radiogroup" aria-label={en ? item.en : item.zh}>
                      <p className="text-sm">{label}</p>
                      <div className="mt-1 flex flex-wrap gap-4 text-sm">
                        {(["pass", "fail", "na"] as const).map((choice) => (
                          <label key={choice} className="inline-flex items-center gap-1">
                            <input type="radio" name={name} value={choice} defaultChecked={value === choice} />
                            {t(`answer.${choice}`)}
                          </label>
                        ))}
                      </div>
                    </div>
                  ) : item.response.kind === "number" ? (
                    <label className="block text-sm">
                      {label}
                      <span className="mt-1 flex items-center gap-2">
                        <input
                          name={name}
                          className="input w-32"
                          inputMode="decimal"
                          defaultValue={value === undefined ? "" : String(value)}
                        />
                        <span className="text-slate-600">
                          {item.response.unit}
                          {item.response.min !== undefined ? ` ≥ ${item.response.min}` : ""}
                          {item.response.max !== undefined ? ` ≤ ${item.response.max}` : ""}
                        </span>
                      </span>
                    </label>
                  ) : (
                    <label className="block text-sm">
                      {label}
                      <textarea
                        name={name}
                        className="input mt-1"
                        rows={2}
                        defaultValue={value === undefined ? "" : String(value)}
                      />
                    </label>
                  )}
                  {item.basis ? <p className="text-xs text-slate-500">{item.basis}</p> : null}
                  <FieldError error={error} />
                </li>
              );
            })}
          </ol>
        </fieldset>
      ))}
    </div>
  );
}

/** The fields of one hazard (description, grade, location, deadline, responsible person, photos). */
export function HazardFields({
  defaults,
  errors,
  minDeadline,
}: {
  defaults: { itemKey?: string; grade?: string; description?: string; deadline?: string };
  errors: Record<string, string>;
  minDeadline: string;
}) {
  const { t } = useTranslation("inspections");
  const err = (name: string) => errors[name] ?? errors[`hazard.0.${name}`];
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {defaults.itemKey ? <input type="hidden" name="itemKey" value={defaults.itemKey} /> : null}
      <label className="label sm:col-span-2">
        {t("hazard.description")}
        <textarea name="description" className="input" rows={2} required defaultValue={defaults.description ?? ""} />
        <FieldError error={err("description")} />
      </label>
      <label className="label">
        {t("hazard.grade")}
        <select name="grade" className="input" defaultValue={defaults.grade ?? "general"}>
          <option value="general">{t("grade.general")}</option>
          <option value="major">{t("grade.major")}</option>
        </select>
        <FieldError error={err("grade")} />
      </label>
      <label className="label">
        {t("hazard.deadline")}
        <input
          type="date"
          name="deadline"
          className="input"
          min={minDeadline}
          required
          defaultValue={defaults.deadline ?? ""}
        />
        <FieldError error={err("deadline")} />
      </label>
      <label className="label">
        {t("hazard.location")}
        <input name="location" className="input" />
        <FieldError error={err("location")} />
      </label>
      <label className="label">
        {t("hazard.responsiblePerson")}
        <input name="responsiblePerson" className="input" />
        <FieldError error={err("responsiblePerson")} />
      </label>
      <label className="label sm:col-span-2">
        {t("hazard.photos")}
        <input type="file" name="photos" accept="image/jpeg,image/png" multiple className="input" />
      </label>
    </div>
  );
}

/** Answers by section, failures marked (the read-only view once confirmed, and the report). */
export function AnswersTable({
  template,
  answers,
  failedItemKeys,
  en,
}: {
  template: ChecklistTemplate | null;
  answers: Record<string, NormalisedAnswer>;
  failedItemKeys: string[];
  en: boolean;
}) {
  const { t } = useTranslation("inspections");
  if (!template) return <p className="text-slate-500">{t("noTemplate")}</p>;
  const failed = new Set(failedItemKeys);
  return (
    <div className="space-y-3">
      {template.sections.map((s) => (
        <div key={s.key} className="answers-section">
          <h3 className="font-medium">{en ? s.en : s.zh}</h3>
          <table className="data-table">
            <tbody>
              {s.items.map((item) => {
                const a = answers[item.key];
                const shown =
                  a === undefined
                    ? "—"
                    : a === "pass" || a === "fail" || a === "na"
                      ? t(`answer.${a}`)
                      : item.response.kind === "number"
                        ? `${a} ${item.response.unit}`
                        : String(a);
                return (
                  <tr key={item.key} className={failed.has(item.key) ? "bg-red-50" : undefined}>
                    <td data-label={t("item")} className="sm:w-3/4">
                      {en ? item.en : item.zh}
                    </td>
                    <td
                      data-label={t("answer.label")}
                      className={failed.has(item.key) ? "font-medium text-red-700" : ""}
                    >
                      {shown}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
