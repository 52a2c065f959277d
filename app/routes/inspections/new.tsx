import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnswerInputs, FieldError, FormProblem, sourceLabel } from "../../components/inspections/bits";
import { SubmitButton } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { answersFromForm, NewInspectionQuerySchema, NewInspectionSchema } from "../../forms/inspections";
import { toLanguage } from "../../i18n/config";
import { resolveTemplate } from "../../services/checklists.server";
import { parseUploadForm } from "../../services/files.server";
import { inspectionActorOf } from "../../services/inspection-actor.server";
import {
  createInspection,
  InspectionInputError,
  inspectionFormContext,
  searchInspectableEnterprises,
} from "../../services/inspections.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { parseQuery, readFormData } from "../../utils/form-data.server";
import { formDataToObject, parseForm } from "../../utils/forms";

export const meta: MetaFunction = () => [{ title: "新建检查记录 · 安服市集" }];

/** Step 1: choose an enterprise among those the organisation relates to; step 2: source, template, answers. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const membership = await requireAccess(request, context, ACCESS.inspections, "view");
  const actor = inspectionActorOf(membership);
  const query = parseQuery(NewInspectionQuerySchema, request);
  const today = shanghaiDateString(new Date());
  if (!query.enterprise) {
    return {
      query,
      today,
      results: await searchInspectableEnterprises(context.db, actor, query.q, today),
      form: null,
    };
  }
  try {
    const form = await inspectionFormContext(context.db, actor, query.enterprise, today);
    const templateKey = query.template && form.templates.some((t) => t.value === query.template) ? query.template : "";
    const template = templateKey ? await resolveTemplate(context.db, actor.orgId, templateKey) : null;
    return { query, today, results: [], form: { ...form, templateKey, template } };
  } catch (error) {
    if (error instanceof InspectionInputError) throw data({ messageKey: "not_found" }, { status: 404 });
    throw error;
  }
}

type ActionProblem = {
  fieldErrors?: Record<string, string>;
  formError?: { key: string; params?: Record<string, string | number> };
  values?: Record<string, string>;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const membership = await requireAccess(request, context, ACCESS.inspections, "edit");
  const actor = inspectionActorOf(membership);
  const multipart = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  let values: Record<string, string> = {};
  try {
    const form = multipart ? await parseUploadForm(request) : await readFormData(request);
    const raw = formDataToObject(form);
    values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));
    const parsed = parseForm(NewInspectionSchema, form);
    const { answers, repeated } = answersFromForm(raw);
    if (!parsed.ok || repeated.length) {
      const fieldErrors = {
        ...(parsed.ok ? {} : parsed.fieldErrors),
        ...Object.fromEntries(repeated.map((k) => [`answers.${k}`, "field_repeated"])),
      };
      return data<ActionProblem>({ fieldErrors, values }, { status: 400 });
    }
    const photos = form.getAll("photos").filter((f): f is File => f instanceof File && f.size > 0);
    const { inspection } = await createInspection(context.db, context.env, actor, {
      enterpriseId: parsed.data.enterprise,
      source: parsed.data.source,
      inspectedOn: parsed.data.inspectedOn,
      inspectorNames: parsed.data.inspectorNames,
      templateKey: parsed.data.templateKey,
      answers: parsed.data.templateKey ? answers : undefined,
      findings: parsed.data.findings,
      photos,
      now: new Date(),
    });
    return redirect(`/inspections/${inspection.id}`);
  } catch (error) {
    if (error instanceof InspectionInputError) {
      return data<ActionProblem>({ fieldErrors: error.fields, values }, { status: error.status });
    }
    if (error instanceof AppError) {
      return data<ActionProblem>(
        { formError: { key: error.messageKey, params: error.params }, values },
        { status: error.status },
      );
    }
    throw error;
  }
}

export default function NewInspection() {
  const { query, today, results, form } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionProblem | undefined;
  const { t, i18n } = useTranslation("inspections");
  const lang = toLanguage(i18n.language);
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  if (!form) {
    return (
      <div className="space-y-4">
        <Link to="/inspections" className="link text-sm">
          ← {t("back")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
        <Form method="get" className="card flex flex-wrap items-end gap-3">
          <div className="grow">
            <label htmlFor="q" className="label">
              {t("chooseEnterprise")}
            </label>
            <input id="q" name="q" className="input" defaultValue={query.q} placeholder={t("searchHint")} />
          </div>
          <button type="submit" className="btn-secondary">
            {t("common:search")}
          </button>
        </Form>
        <section className="card">
          {results.length === 0 ? (
            <p className="text-slate-500">{t("noEnterprises")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {results.map((e) => (
                <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    {e.name} <span className="text-xs text-slate-500">{e.uscc}</span>
                  </span>
                  <Link className="btn-secondary" to={`/inspections/new?enterprise=${e.id}`}>
                    {t("inspectThis")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    );
  }
  const sourceDefault = values.source ?? query.source ?? form.sources[0] ?? "";
  return (
    <div className="space-y-4">
      <Link to="/inspections/new" className="link text-sm">
        ← {t("chooseOther")}
      </Link>
      <header>
        <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
        <p className="mt-1 text-slate-600">
          {form.enterprise.name} <span className="text-xs">{form.enterprise.uscc}</span>
        </p>
      </header>
      {form.sources.length === 0 ? (
        <p role="alert" className="card text-red-700">
          {t("errors.refused_no_relation")}
        </p>
      ) : (
        <>
          <Form method="get" className="card flex flex-wrap items-end gap-3">
            <input type="hidden" name="enterprise" value={form.enterprise.id} />
            <input type="hidden" name="source" value={sourceDefault} />
            <div className="grow">
              <label htmlFor="template" className="label">
                {t("template")}
              </label>
              <select id="template" name="template" className="input" defaultValue={form.templateKey}>
                <option value="">{t("noTemplate")}</option>
                {form.templates.map((tpl) => (
                  <option key={tpl.value} value={tpl.value}>
                    {lang === "en" ? tpl.en : tpl.zh}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn-secondary">
              {t("useTemplate")}
            </button>
          </Form>
          <Form method="post" encType="multipart/form-data" className="card space-y-4">
            <FormProblem problem={actionData?.formError} />
            <input type="hidden" name="enterprise" value={form.enterprise.id} />
            {form.templateKey ? <input type="hidden" name="templateKey" value={form.templateKey} /> : null}
            <div className="grid gap-3 sm:grid-cols-2">
              <label className="label">
                {t("col.source")}
                <select name="source" className="input" defaultValue={sourceDefault}>
                  {form.sources.map((s) => (
                    <option key={s} value={s}>
                      {sourceLabel(s, lang)}
                    </option>
                  ))}
                </select>
                <FieldError error={errors.source} />
              </label>
              <label className="label">
                {t("col.inspectedOn")}
                <input
                  type="date"
                  name="inspectedOn"
                  className="input"
                  max={today}
                  required
                  defaultValue={values.inspectedOn ?? today}
                />
                <FieldError error={errors.inspectedOn} />
              </label>
              <label className="label sm:col-span-2">
                {t("inspectorNames")}
                <textarea
                  name="inspectorNames"
                  className="input"
                  rows={2}
                  required
                  placeholder={t("inspectorNamesHint")}
                  defaultValue={values.inspectorNames ?? ""}
                />
                <FieldError error={errors.inspectorNames} />
              </label>
            </div>
            {form.template ? (
              <AnswerInputs
                template={form.template}
                answers={Object.fromEntries(
                  Object.entries(values)
                    .filter(([k]) => k.startsWith("a."))
                    .map(([k, v]) => [k.slice(2), v]),
                )}
                errors={errors}
                lang={lang}
              />
            ) : null}
            <label className="label">
              {t("findings")}
              <textarea name="findings" className="input" rows={4} defaultValue={values.findings ?? ""} />
              <FieldError error={errors.findings} />
            </label>
            <label className="label">
              {t("photos")}
              <input type="file" name="photos" accept="image/jpeg,image/png" multiple className="input" />
            </label>
            <p className="text-sm text-slate-600">{t("draftHint")}</p>
            <SubmitButton>{t("saveDraft")}</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}
