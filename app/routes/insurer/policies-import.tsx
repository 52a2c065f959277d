import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormErrorMessage } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import type { IsoDate } from "../../domain/calendar-date";
import { shanghaiDateString } from "../../domain/format";
import { POLICY_ERROR_MESSAGES, type PolicyErrorCode } from "../../domain/policy-import-messages";
import { toLanguage } from "../../i18n/config";
import { parseUploadForm, uploadedFile } from "../../services/files.server";
import { previewPolicyImport, runPolicyImport, type PolicyImportError } from "../../services/insurer-policies.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { formFailure } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "批量导入保单 · 安服市集" }];

const SHOWN_ERRORS = 200;
const SAMPLE_ROWS = 20;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAccess(request, context, ACCESS.insurerPolicies, "edit");
  const url = new URL(request.url);
  const written = Number(url.searchParams.get("written"));
  return { written: Number.isInteger(written) && written > 0 ? written : null };
}

type Preview = {
  ok: boolean;
  filename: string;
  total: number;
  errors: PolicyImportError[];
  errorCount: number;
  sample: Array<{
    row: number;
    policyNumber: string;
    name: string;
    startDate: string;
    endDate: string;
    riskGrade: string;
  }>;
};
type ActionResult = { preview: Preview } | { formError: { key: string; params?: Record<string, string | number> } };

/** intent=preview checks the file (nothing written); intent=confirm (without JavaScript) writes it and waits. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.insurerPolicies, "edit");
  let form: FormData;
  try {
    form = await parseUploadForm(request);
  } catch (error) {
    return formFailure(error);
  }
  const file = uploadedFile(form, "file");
  if (!file) return formFailure(new AppError(422, "file_required", "policies:errors.file_required"));
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    if (form.get("intent") === "confirm") {
      const now = new Date();
      const result = await runPolicyImport(context.db, {
        insurerId: org.id,
        actor: { userId: user.id, ip: context.clientIp },
        filename: file.name,
        bytes,
        today: shanghaiDateString(now) as IsoDate,
        now,
      });
      return redirect(`/insurer/policies/import?written=${result.written}`);
    }
    const preview = await previewPolicyImport(context.db, { insurerId: org.id, bytes });
    return data({
      preview: {
        ok: preview.ok,
        filename: file.name,
        total: preview.rows.length,
        errors: preview.errors.slice(0, SHOWN_ERRORS),
        errorCount: preview.errors.length,
        sample: preview.rows.slice(0, SAMPLE_ROWS).map((r) => ({
          row: r.row,
          policyNumber: r.value.policyNumber,
          name: r.value.enterprise.name,
          startDate: r.value.startDate,
          endDate: r.value.endDate,
          riskGrade: r.value.riskGrade,
        })),
      },
    } satisfies ActionResult);
  } catch (error) {
    return formFailure(error);
  }
}

function ErrorLine({ error }: { error: PolicyImportError }) {
  const { t, i18n } = useTranslation("policies");
  const lang = toLanguage(i18n.language) === "en" ? "en" : "zh";
  const where = error.row <= 1 ? t("import.fileLevel") : t("import.rowN", { row: error.row });
  const field = error.field ? t(`fields.${error.field}`) : "";
  const reason =
    error.code in POLICY_ERROR_MESSAGES
      ? POLICY_ERROR_MESSAGES[error.code as PolicyErrorCode][lang]
      : t(`importErrors.${error.code}`);
  return (
    <li>
      <span className="font-medium">{where}</span>
      {field ? ` · ${field}` : ""}：{reason}
      {error.firstRow ? t("import.firstRow", { row: error.firstRow }) : ""}
    </li>
  );
}

type Progress = { done: number; total: number } | null;

export default function PolicyImportPage() {
  const { written } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const { t } = useTranslation("policies");
  const formRef = useRef<HTMLFormElement>(null);
  const [progress, setProgress] = useState<Progress>(null);
  const [failure, setFailure] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const [done, setDone] = useState<{ written: number; planItems: number } | null>(null);
  const preview = result && "preview" in result ? result.preview : null;

  async function runStreamed() {
    const form = formRef.current;
    const input = form?.querySelector<HTMLInputElement>('input[type="file"]');
    if (!form || !input?.files?.length) {
      setFailure({ key: "policies:import.reselect" });
      return;
    }
    setFailure(null);
    setProgress({ done: 0, total: preview?.total ?? 0 });
    const body = new FormData();
    body.set("file", input.files[0]!);
    const response = await fetch("/insurer/policies/import/run", { method: "POST", body });
    if (!response.ok || !response.body) {
      setProgress(null);
      setFailure({ key: "page.bad.title" });
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) break;
      buffer += value;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.trim()) continue;
        const event = JSON.parse(line) as
          | { type: "progress"; done: number; total: number }
          | { type: "done"; written: number; planItems: number }
          | { type: "error"; key: string; params?: Record<string, string | number> };
        if (event.type === "progress") setProgress({ done: event.done, total: event.total });
        else if (event.type === "done") setDone(event);
        else {
          setProgress(null);
          setFailure({ key: event.key, params: event.params });
        }
      }
    }
  }

  return (
    <div className="space-y-4">
      <Link to="/insurer/policies" className="link text-sm">
        {t("detail.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("import.title")}</h1>
      <p className="text-sm text-slate-600">{t("import.lead")}</p>
      {written || done ? (
        <p role="status" className="rounded bg-brand-50 px-3 py-2 text-sm text-brand-700" data-testid="import-result">
          {done ? t("import.written", done) : t("import.written", { written, planItems: "—" })}{" "}
          <Link className="link" to="/insurer/policies">
            {t("import.toList")}
          </Link>
        </p>
      ) : null}
      <section className="card">
        <details className="mb-4 text-sm text-slate-600">
          <summary className="cursor-pointer">{t("import.columnsTitle")}</summary>
          <p className="mt-2">{t("import.columns")}</p>
        </details>
        <a className="btn-secondary mb-4 inline-block" href="/insurer/policies/import/template">
          {t("import.template")}
        </a>
        <Form ref={formRef} method="post" encType="multipart/form-data" className="space-y-3">
          <div className="flex flex-wrap items-end gap-3">
            <div className="min-w-0 flex-1">
              <label htmlFor="import-file" className="label">
                {t("import.file")}
              </label>
              <input
                id="import-file"
                name="file"
                type="file"
                required
                className="input"
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              />
            </div>
            <button
              type="submit"
              name="intent"
              value="preview"
              className="btn-primary"
              disabled={navigation.state === "submitting" || progress !== null}
            >
              {navigation.state === "submitting" ? t("common:working") : t("import.preview")}
            </button>
          </div>
          {result && "formError" in result ? <FormErrorMessage error={result.formError} /> : null}
          {preview ? (
            <div className="space-y-3" data-testid="import-preview">
              <h2 className="text-lg font-semibold">{t("import.previewTitle", { filename: preview.filename })}</h2>
              {preview.ok ? (
                <p className="text-sm">{t("import.summary", { total: preview.total })}</p>
              ) : (
                <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                  <p className="font-medium">{t("import.refused", { count: preview.errorCount })}</p>
                  <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="import-errors">
                    {preview.errors.map((e, i) => (
                      <ErrorLine key={i} error={e} />
                    ))}
                  </ul>
                  {preview.errorCount > preview.errors.length ? (
                    <p className="mt-2">
                      {t("import.moreErrors", { count: preview.errorCount - preview.errors.length })}
                    </p>
                  ) : null}
                </div>
              )}
              {preview.sample.length ? (
                <div className="overflow-x-auto">
                  <table className="data-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("import.row")}</th>
                        <th scope="col">{t("col.policyNumber")}</th>
                        <th scope="col">{t("col.enterprise")}</th>
                        <th scope="col">{t("col.dates")}</th>
                        <th scope="col">{t("col.grade")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.sample.map((r) => (
                        <tr key={r.row}>
                          <td data-label={t("import.row")}>{r.row}</td>
                          <td data-label={t("col.policyNumber")} className="font-mono text-sm">
                            {r.policyNumber}
                          </td>
                          <td data-label={t("col.enterprise")}>{r.name}</td>
                          <td data-label={t("col.dates")}>
                            {r.startDate} – {r.endDate}
                          </td>
                          <td data-label={t("col.grade")}>{t(`grades.${r.riskGrade}`)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {preview.total > preview.sample.length ? (
                    <p className="mt-2 text-xs text-slate-500">
                      {t("import.sampleNote", { shown: preview.sample.length, total: preview.total })}
                    </p>
                  ) : null}
                </div>
              ) : null}
              {failure ? <FormErrorMessage error={failure} /> : null}
              {preview.ok && !done ? (
                progress ? (
                  <div className="space-y-1" aria-live="polite">
                    <progress
                      className="h-3 w-full"
                      max={progress.total || preview.total}
                      value={progress.done}
                      aria-label={t("import.progress")}
                    />
                    <p className="text-sm text-slate-600">
                      {t("import.progressText", { done: progress.done, total: progress.total || preview.total })}
                    </p>
                  </div>
                ) : (
                  <button
                    type="submit"
                    name="intent"
                    value="confirm"
                    className="btn-primary"
                    onClick={(event) => {
                      event.preventDefault();
                      void runStreamed();
                    }}
                  >
                    {t("import.confirm", { count: preview.total })}
                  </button>
                )
              ) : null}
            </div>
          ) : null}
        </Form>
      </section>
    </div>
  );
}
