import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "../../components/forms";
import { IntentForm, type IntentResult } from "../../components/engagement/intent-form";
import { ACCESS } from "../../domain/access";
import { formatDateTime, shanghaiDateString } from "../../domain/format";
import { NOT_A_BASIS_FOR_PENALTY_LABEL } from "../../domain/hazard-machine";
import { checkupState } from "../../domain/training";
import { AddEnterpriseSchema, CarrierSchema, PlaceSchema, PlanSchema, ProgramQuerySchema } from "../../forms/training";
import { toLanguage } from "../../i18n/config";
import { i18nServer } from "../../i18n/i18n.server";
import { resources } from "../../i18n/resources";
import {
  addEnterprises,
  addEnterprisesFromSheet,
  candidateEnterprises,
  carrierChoices,
  exportProgram,
  getProgram,
  issuePlan,
  removeEnterprise,
  setCarrier,
  type SheetRowError,
} from "../../services/checkups.server";
import { parseUploadForm, uploadedFile } from "../../services/files.server";
import { readSpreadsheet, spreadsheetResponse, UnreadableSheetError } from "../../services/spreadsheet.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { assertNoNulBytes, parseQuery, readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "免费安全体检 · 安服市集" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.checkups, "view");
  const query = parseQuery(ProgramQuerySchema, request);
  return orErrorPage(async () => {
    const programId = uuidOrNotFound(params.programId);
    if (query.format) {
      const { program, places } = await exportProgram(context.db, org, programId);
      const lang = toLanguage(await i18nServer.getLocale(request));
      const texts = resources[lang].training.checkups;
      return (await spreadsheetResponse({
        filename: `checkups-${shanghaiDateString(new Date())}`,
        sheetName: program.name,
        format: query.format,
        rows: places,
        columns: [
          { header: texts.enterprise, width: 30, value: (p) => p.enterpriseName },
          { header: texts.uscc, width: 22, value: (p) => p.uscc },
          { header: texts.carrier, width: 30, value: (p) => p.carrierName ?? "" },
          { header: texts.state, width: 12, value: (p) => texts.states[checkupState(p)] },
          { header: texts.planText, width: 40, value: (p) => p.planText ?? "" },
          { header: "", width: 18, value: () => NOT_A_BASIS_FOR_PENALTY_LABEL[lang === "en" ? "en" : "zh"] },
        ],
      })) as never;
    }
    const view = await getProgram(context.db, org, programId);
    const today = shanghaiDateString(new Date());
    const [candidates, carriers] = view.isRunner
      ? await Promise.all([
          query.q ? candidateEnterprises(context.db, org, programId, query.q, today) : Promise.resolve(null),
          carrierChoices(context.db, org),
        ])
      : [null, []];
    return { ...view, candidates, carriers, q: query.q ?? "" };
  });
}

function problem(intent: string, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  return data(
    { intent, problem: { formError: { key: error.messageKey, params: error.params } } },
    { status: error.status, headers: error.headers },
  );
}

type ActionResult = IntentResult & { sheetErrors?: SheetRowError[]; imported?: { added: number; already: number } };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.checkups, "edit");
  const programId = await orErrorPage(async () => uuidOrNotFound(params.programId));
  const multipart = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  let form: FormData;
  try {
    form = multipart ? await parseUploadForm(request) : await readFormData(request);
    assertNoNulBytes(form);
  } catch (error) {
    return problem("sheet", error);
  }
  const intent = String(form.get("intent") ?? "");
  const back = redirect(`/checkups/${programId}`);
  const now = new Date();
  const today = shanghaiDateString(now);
  const invalid = (fieldErrors: Record<string, string>) => data({ intent, problem: { fieldErrors } }, { status: 400 });
  try {
    if (intent === "add") {
      const parsed = parseForm(AddEnterpriseSchema, form);
      if (!parsed.ok) return invalid(parsed.fieldErrors);
      await addEnterprises(context.db, org, programId, [parsed.data.enterpriseId], today);
      return back;
    }
    if (intent === "sheet") {
      const file = uploadedFile(form, "sheet");
      if (!file) return data({ intent, problem: { formError: { key: "checkups.sheet_required" } } }, { status: 422 });
      let rows: string[][];
      try {
        rows = await readSpreadsheet(new Uint8Array(await file.arrayBuffer()));
      } catch (error) {
        if (error instanceof UnreadableSheetError) {
          return data({ intent, problem: { formError: { key: "checkups.sheet_required" } } }, { status: 422 });
        }
        throw error;
      }
      const result = await addEnterprisesFromSheet(context.db, org, programId, rows, today);
      if (result.errors.length > 0)
        return data({ intent, sheetErrors: result.errors } satisfies ActionResult, { status: 422 });
      return data({ intent, imported: { added: result.added, already: result.already } } satisfies ActionResult);
    }
    if (intent === "carrier") {
      const parsed = parseForm(CarrierSchema, form);
      if (!parsed.ok) return invalid(parsed.fieldErrors);
      await setCarrier(context.db, org, {
        programId,
        enterpriseId: parsed.data.enterpriseId,
        carrierOrgId: parsed.data.carrierOrgId ?? null,
      });
      return back;
    }
    if (intent === "remove") {
      const parsed = parseForm(PlaceSchema, form);
      if (!parsed.ok) return invalid(parsed.fieldErrors);
      await removeEnterprise(context.db, org, { programId, enterpriseId: parsed.data.enterpriseId });
      return back;
    }
    if (intent === "plan") {
      const parsed = parseForm(PlanSchema, form);
      if (!parsed.ok) return invalid(parsed.fieldErrors);
      await issuePlan(
        context.db,
        context.env,
        { userId: user.id, org },
        { programId, ...parsed.data, file: uploadedFile(form, "planFile") },
        now,
      );
      return back;
    }
    return data({ intent, problem: { formError: { key: "invalid_input" } } }, { status: 400 });
  } catch (error) {
    return problem(intent, error);
  }
}

function confirmSubmit(message: string) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    if (!window.confirm(message)) event.preventDefault();
  };
}

export default function CheckupProgram() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const { t, i18n } = useTranslation("training");
  const lang = toLanguage(i18n.language);
  const { program, progress } = view;
  return (
    <div className="space-y-4">
      <Link to="/checkups" className="link text-sm">
        ← {t("checkups.back")}
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{program.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {t("checkups.runner")}：{view.runnerName} · {program.startsOn} – {program.endsOn}
          </p>
          {program.description ? <p className="mt-1 whitespace-pre-line text-sm">{program.description}</p> : null}
          <p className="mt-1 text-sm font-medium text-amber-800">{t("checkups.notABasis")}</p>
        </div>
        <a className="btn-secondary" href={`/checkups/${program.id}?format=xlsx`}>
          {t("checkups.export")}
        </a>
      </header>
      <section className="card" aria-labelledby="progress-title">
        <h2 id="progress-title" className="mb-2 text-lg font-semibold">
          {t("checkups.progress")}
        </h2>
        <p data-testid="checkup-progress">{t("checkups.progressValue", progress)}</p>
        <div className="mt-2 h-2 w-full rounded bg-slate-100" aria-hidden="true">
          <div className="h-2 rounded bg-brand-600" style={{ width: `${progress.doneBp / 100}%` }} />
        </div>
      </section>
      {view.isRunner ? (
        <section className="card space-y-4" aria-labelledby="add-title">
          <h2 id="add-title" className="text-lg font-semibold">
            {t("checkups.addTitle")}
          </h2>
          <Form method="get" className="flex flex-wrap items-end gap-2">
            <div className="grow">
              <label htmlFor="q" className="label">
                {t("checkups.addHint")}
              </label>
              <input
                id="q"
                name="q"
                className="input"
                maxLength={50}
                placeholder={t("checkups.searchPlaceholder")}
                defaultValue={view.q}
              />
            </div>
            <button type="submit" className="btn-secondary">
              {t("checkups.searchButton")}
            </button>
          </Form>
          {view.candidates ? (
            view.candidates.length === 0 ? (
              <p className="text-sm text-slate-500">{t("checkups.noCandidates")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {view.candidates.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      {c.name} <span className="text-xs text-slate-500">{c.uscc}</span>
                    </span>
                    <IntentForm intent="add" formKey={`add:${c.id}`} schema={AddEnterpriseSchema}>
                      {() => (
                        <>
                          <input type="hidden" name="enterpriseId" value={c.id} />
                          <SubmitButton className="btn-secondary">{t("checkups.add")}</SubmitButton>
                        </>
                      )}
                    </IntentForm>
                  </li>
                ))}
              </ul>
            )
          ) : null}
          <Form method="post" encType="multipart/form-data" className="space-y-2">
            <input type="hidden" name="intent" value="sheet" />
            <h3 className="font-medium">{t("checkups.sheetTitle")}</h3>
            <p className="text-xs text-slate-500">{t("checkups.sheetHint")}</p>
            {result?.intent === "sheet" && result.problem?.formError ? (
              <p role="alert" className="field-error">
                {t(`errors:${result.problem.formError.key}`, result.problem.formError.params ?? {})}
              </p>
            ) : null}
            {result?.sheetErrors?.length ? (
              <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                <p>{t("checkups.sheetErrors")}</p>
                <ul className="list-disc pl-5">
                  {result.sheetErrors.map((e) => (
                    <li key={`${e.row}-${e.uscc}`}>
                      {t("checkups.sheetError", {
                        row: e.row,
                        uscc: e.uscc,
                        reason: t(`checkups.sheetCodes.${e.code}`),
                      })}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {result?.imported ? (
              <p role="status" className="rounded bg-brand-50 px-3 py-2 text-sm text-brand-700">
                {t("checkups.imported", result.imported)}
              </p>
            ) : null}
            <label htmlFor="field-sheet" className="label">
              {t("checkups.sheetFile")}
            </label>
            <input id="field-sheet" name="sheet" type="file" accept=".xlsx,.csv" className="input" />
            <SubmitButton className="btn-secondary">{t("checkups.importSheet")}</SubmitButton>
          </Form>
        </section>
      ) : null}
      <section className="card" aria-labelledby="places-title">
        <h2 id="places-title" className="mb-3 text-lg font-semibold">
          {t("checkups.enterprises")}（{view.places.length}）
        </h2>
        {result?.problem?.formError && result.intent !== "sheet" ? (
          <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {t(`errors:${result.problem.formError.key}`, result.problem.formError.params ?? {})}
          </p>
        ) : null}
        {view.places.length === 0 ? (
          <p className="text-slate-500">{t("common:empty")}</p>
        ) : (
          <ul className="space-y-3">
            {view.places.map((p) => {
              const state = checkupState(p);
              return (
                <li key={p.enterpriseId} className="rounded-md border border-slate-200 p-3" data-testid="checkup-place">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="font-medium">
                      {p.enterpriseName} <span className="text-xs text-slate-500">{p.uscc}</span>
                    </p>
                    <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{t(`checkups.states.${state}`)}</span>
                  </div>
                  <p className="text-sm text-slate-600">
                    {t("checkups.carrier")}：{p.carrierName ?? view.runnerName}
                    {p.mine ? ` · ${t("checkups.yours")}` : ""}
                  </p>
                  <div className="mt-2 flex flex-wrap items-center gap-2">
                    {p.mine && !p.inspectionId ? (
                      <a
                        className="btn-primary"
                        href={`/inspections/new?enterprise=${p.enterpriseId}&source=free_checkup`}
                      >
                        {t("checkups.start")}
                      </a>
                    ) : null}
                    {p.inspectionId ? (
                      <a className="link text-sm" href={`/inspections/${p.inspectionId}`}>
                        {t("checkups.viewInspection")}
                      </a>
                    ) : null}
                    {view.isRunner && !p.inspectionId ? (
                      <>
                        <IntentForm
                          intent="carrier"
                          formKey={`carrier:${p.enterpriseId}`}
                          schema={CarrierSchema}
                          className="flex flex-wrap items-center gap-2"
                        >
                          {() => (
                            <>
                              <input type="hidden" name="enterpriseId" value={p.enterpriseId} />
                              <label className="sr-only" htmlFor={`carrier-${p.enterpriseId}`}>
                                {t("checkups.carrier")}
                              </label>
                              <select
                                id={`carrier-${p.enterpriseId}`}
                                name="carrierOrgId"
                                className="input w-auto"
                                defaultValue={p.carrierOrgId ?? ""}
                              >
                                <option value="">{t("checkups.carrierSelf")}</option>
                                {view.carriers.map((c) => (
                                  <option key={c.id} value={c.id}>
                                    {c.name}
                                  </option>
                                ))}
                              </select>
                              <SubmitButton className="btn-secondary">{t("checkups.setCarrier")}</SubmitButton>
                            </>
                          )}
                        </IntentForm>
                        <Form method="post" onSubmit={confirmSubmit(t("checkups.removeConfirm"))}>
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="enterpriseId" value={p.enterpriseId} />
                          <button type="submit" className="btn-secondary">
                            {t("checkups.remove")}
                          </button>
                        </Form>
                      </>
                    ) : null}
                  </div>
                  <div className="mt-2">
                    <h3 className="text-sm font-medium">{t("checkups.plan")}</h3>
                    {p.planIssuedAt ? (
                      <>
                        <p className="text-xs text-slate-500">
                          {t("checkups.planIssuedAt", { at: formatDateTime(new Date(p.planIssuedAt), lang) })}
                        </p>
                        {p.planText ? <p className="whitespace-pre-line text-sm">{p.planText}</p> : null}
                        {p.planFileId ? (
                          <a className="link text-sm" href={`/checkups/${program.id}/plans/${p.enterpriseId}`}>
                            {t("checkups.downloadPlan")}
                          </a>
                        ) : null}
                      </>
                    ) : (
                      <p className="text-sm text-slate-500">{t("checkups.noPlan")}</p>
                    )}
                    {p.mine && p.inspectionId ? (
                      <details className="mt-2">
                        <summary className="cursor-pointer text-sm font-medium">
                          {p.planIssuedAt ? t("checkups.reissuePlan") : t("checkups.issuePlan")}
                        </summary>
                        <Form
                          method="post"
                          encType="multipart/form-data"
                          className="mt-2 space-y-2"
                          onSubmit={confirmSubmit(t("checkups.issueConfirm"))}
                        >
                          <input type="hidden" name="intent" value="plan" />
                          <input type="hidden" name="enterpriseId" value={p.enterpriseId} />
                          <label className="label" htmlFor={`plan-${p.enterpriseId}`}>
                            {t("checkups.planText")}
                          </label>
                          <textarea
                            id={`plan-${p.enterpriseId}`}
                            name="planText"
                            rows={4}
                            className="input"
                            defaultValue={p.planText ?? ""}
                          />
                          <label className="label" htmlFor={`planfile-${p.enterpriseId}`}>
                            {t("checkups.planFile")}
                          </label>
                          <input id={`planfile-${p.enterpriseId}`} name="planFile" type="file" className="input" />
                          <SubmitButton>{t("checkups.issuePlan")}</SubmitButton>
                        </Form>
                      </details>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
