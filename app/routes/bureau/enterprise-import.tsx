import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormErrorMessage } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import { regionFullName } from "../../domain/regions";
import { ImportConfirmSchema } from "../../forms/register";
import { parseUploadForm, uploadedFile } from "../../services/files.server";
import {
  getStagedImport,
  previewRegisterImport,
  runRegisterImport,
  type RegisterImportError,
} from "../../services/enterprise-register.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { parseForm } from "../../utils/forms";
import { formFailure, orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

/** Errors shown on the page; a file with more lists the first ones and says how many there are. */
const SHOWN_ERRORS = 200;
const SAMPLE_ROWS = 20;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.bureauDesk, "edit");
  const doneId = new URL(request.url).searchParams.get("done");
  const done = doneId
    ? await orErrorPage(() => getStagedImport(context.db, { bureauId: org.id, importId: uuidOrNotFound(doneId) }))
    : null;
  return { region: regionFullName(org.regionCode), done: done?.status === "done" ? done : null };
}

type ActionResult =
  | {
      preview: {
        ok: boolean;
        filename: string;
        total: number;
        created: number;
        updated: number;
        errors: RegisterImportError[];
        errorCount: number;
        sample: Array<{ row: number; uscc: string; name: string; regionCode: string; action: string }>;
        ignoredHeaders: string[];
        skippedBlankRows: number;
      };
      importId: string | null;
    }
  | { formError: { key: string; params?: Record<string, string | number> } };

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.bureauDesk, "edit");
  let form: FormData;
  try {
    form = await parseUploadForm(request);
  } catch (error) {
    return formFailure(error);
  }
  const actor = { userId: user.id, ip: context.clientIp };
  const bureau = { id: org.id, regionCode: org.regionCode };
  if (form.get("intent") === "confirm") {
    // Without JavaScript the confirmation posts here and waits; with it, the page streams progress.
    const parsed = parseForm(ImportConfirmSchema, form);
    if (!parsed.ok) return formFailure(new AppError(404, "not_found", "not_found"));
    try {
      await runRegisterImport(context.db, { bureau, actor, importId: parsed.data.importId, now: new Date() });
    } catch (error) {
      return formFailure(error);
    }
    return redirect(`/bureau/enterprises/import?done=${parsed.data.importId}`);
  }
  const file = uploadedFile(form, "file");
  if (!file) return formFailure(new AppError(422, "file_required", "register.file_required"));
  try {
    const { preview, importId } = await previewRegisterImport(context.db, {
      bureau,
      actor,
      filename: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      now: new Date(),
    });
    return data({
      importId,
      preview: {
        ok: preview.ok,
        filename: file.name,
        total: preview.rows.length,
        created: preview.created,
        updated: preview.updated,
        errors: preview.errors.slice(0, SHOWN_ERRORS),
        errorCount: preview.errors.length,
        sample: preview.rows
          .slice(0, SAMPLE_ROWS)
          .map((r) => ({ row: r.row, uscc: r.uscc, name: r.name, regionCode: r.regionCode, action: r.action })),
        ignoredHeaders: preview.ignoredHeaders,
        skippedBlankRows: preview.skippedBlankRows,
      },
    } satisfies ActionResult);
  } catch (error) {
    return formFailure(error);
  }
}

function ErrorLine({ error }: { error: RegisterImportError }) {
  const { t } = useTranslation("register");
  const where = error.row === null ? t("import.fileLevel") : t("import.rowN", { row: error.row });
  const field = error.field ? t(`fields.${error.field}`) : "";
  return (
    <li>
      <span className="font-medium">{where}</span>
      {field ? ` · ${field}` : ""}：{t(`importErrors.${error.code}`, { ...(error.params ?? {}) })}
    </li>
  );
}

type Progress = { done: number; total: number } | null;

/** Posts the confirmation to the streaming route and follows its NDJSON lines. */
function useStreamedImport(importId: string) {
  const [progress, setProgress] = useState<Progress>(null);
  const [failure, setFailure] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const [result, setResult] = useState<{ created: number; updated: number; total: number } | null>(null);
  async function start() {
    setFailure(null);
    setProgress({ done: 0, total: 0 });
    const response = await fetch(`/bureau/enterprises/import/${importId}/run`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    });
    if (!response.ok || !response.body) {
      setProgress(null);
      setFailure({ key: response.status === 409 ? "register.import_done" : "page.bad.title" });
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.trim()) continue;
        const event = JSON.parse(line) as
          | { type: "progress"; done: number; total: number }
          | { type: "done"; created: number; updated: number; total: number }
          | { type: "error"; key: string; params?: Record<string, string | number> };
        if (event.type === "progress") setProgress({ done: event.done, total: event.total });
        else if (event.type === "done") setResult(event);
        else {
          setProgress(null);
          setFailure({ key: event.key, params: event.params });
        }
      }
    }
  }
  return { progress, failure, result, start };
}

function ConfirmImport({ importId, total }: { importId: string; total: number }) {
  const { t } = useTranslation("register");
  const navigation = useNavigation();
  const { progress, failure, result, start } = useStreamedImport(importId);
  const revalidator = useRevalidator();
  if (result) {
    return (
      <div role="status" className="rounded bg-brand-50 px-3 py-2 text-sm text-brand-700" data-testid="import-result">
        {t("import.written", result)}{" "}
        <Link className="link" to="/bureau/enterprises?kind=enterprise" onClick={() => revalidator.revalidate()}>
          {t("import.toList")}
        </Link>
      </div>
    );
  }
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <input type="hidden" name="intent" value="confirm" />
      <input type="hidden" name="importId" value={importId} />
      {failure ? <FormErrorMessage error={failure} /> : null}
      {progress ? (
        <div className="space-y-1" aria-live="polite">
          <progress
            className="h-3 w-full"
            max={progress.total || total}
            value={progress.done}
            aria-label={t("import.progress")}
          />
          <p className="text-sm text-slate-600">
            {t("import.progressText", { done: progress.done, total: progress.total || total })}
          </p>
        </div>
      ) : (
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {t("import.confirm", { count: total })}
        </button>
      )}
    </Form>
  );
}

export default function EnterpriseImportPage() {
  const { region, done } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const { t } = useTranslation("register");
  const preview = result && "preview" in result ? result : null;
  return (
    <div className="space-y-4">
      <Link to="/bureau/enterprises" className="link text-sm">
        ← {t("bureau:enterprisesTitle")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("import.title")}</h1>
      <p className="text-sm text-slate-600">{t("import.intro", { region })}</p>
      {done ? (
        <p role="status" className="rounded bg-brand-50 px-3 py-2 text-sm text-brand-700" data-testid="import-result">
          {t("import.written", { created: done.created ?? 0, updated: done.updated ?? 0, total: done.total })}
        </p>
      ) : null}
      <section className="card">
        <details className="mb-4 text-sm text-slate-600">
          <summary className="cursor-pointer">{t("import.columnsTitle")}</summary>
          <p className="mt-2">{t("import.columns")}</p>
        </details>
        <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="preview" />
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
          <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("common:working") : t("import.preview")}
          </button>
        </Form>
        {result && "formError" in result ? (
          <div className="mt-4">
            <FormErrorMessage error={result.formError} />
          </div>
        ) : null}
      </section>
      {preview ? (
        <section className="card space-y-3" data-testid="import-preview">
          <h2 className="text-lg font-semibold">{t("import.previewTitle", { filename: preview.preview.filename })}</h2>
          {preview.preview.ok ? (
            <p className="text-sm">
              {t("import.summary", {
                total: preview.preview.total,
                created: preview.preview.created,
                updated: preview.preview.updated,
              })}
            </p>
          ) : (
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              <p className="font-medium">{t("import.refused", { count: preview.preview.errorCount })}</p>
              <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="import-errors">
                {preview.preview.errors.map((e, i) => (
                  <ErrorLine key={i} error={e} />
                ))}
              </ul>
              {preview.preview.errorCount > preview.preview.errors.length ? (
                <p className="mt-2">
                  {t("import.moreErrors", { count: preview.preview.errorCount - preview.preview.errors.length })}
                </p>
              ) : null}
            </div>
          )}
          {preview.preview.ignoredHeaders.length ? (
            <p className="text-xs text-slate-500">
              {t("import.ignored", { headers: preview.preview.ignoredHeaders.join("、") })}
            </p>
          ) : null}
          {preview.preview.sample.length ? (
            <div className="overflow-x-auto">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("import.row")}</th>
                    <th scope="col">{t("fields.name")}</th>
                    <th scope="col">{t("fields.uscc")}</th>
                    <th scope="col">{t("fields.regionCode")}</th>
                    <th scope="col">{t("import.action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.preview.sample.map((r) => (
                    <tr key={r.row}>
                      <td data-label={t("import.row")}>{r.row}</td>
                      <td data-label={t("fields.name")}>{r.name}</td>
                      <td data-label={t("fields.uscc")} className="font-mono text-xs">
                        {r.uscc}
                      </td>
                      <td data-label={t("fields.regionCode")}>{r.regionCode}</td>
                      <td data-label={t("import.action")}>{t(`import.actions.${r.action}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.preview.total > preview.preview.sample.length ? (
                <p className="mt-2 text-xs text-slate-500">
                  {t("import.sampleNote", { shown: preview.preview.sample.length, total: preview.preview.total })}
                </p>
              ) : null}
            </div>
          ) : null}
          {preview.importId ? <ConfirmImport importId={preview.importId} total={preview.preview.total} /> : null}
        </section>
      ) : null}
    </div>
  );
}
