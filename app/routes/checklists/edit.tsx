import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FieldError, FormProblem } from "../../components/inspections/bits";
import { SubmitButton } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import type { ChecklistItem } from "../../domain/checklist-templates";
import { templateFromForm } from "../../forms/inspection-checklist";
import { archiveTemplate, copyTemplate, getOwnTemplate, saveTemplate } from "../../services/checklists.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { readFormData } from "../../utils/form-data.server";
import { formDataToObject } from "../../utils/forms";
import { orErrorPage } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "编辑检查表 · 安服市集" }];

function idOf(params: Record<string, string | undefined>) {
  const id = z.string().uuid().safeParse(params.templateId);
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  return id.data;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.inspections, "view");
  const id = idOf(params);
  return orErrorPage(async () => {
    const row = await getOwnTemplate(context.db, org.id, id);
    return { id: row.id, name: row.name, body: row.body, archived: row.archivedAt !== null, canEdit };
  });
}

type ActionProblem = {
  fieldErrors?: Record<string, string>;
  formError?: { key: string; params?: Record<string, string | number> };
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.inspections, "edit");
  const id = idOf(params);
  const actor = { orgId: org.id, userId: user.id };
  try {
    const form = await readFormData(request);
    const intent = String(form.get("intent") ?? "");
    const now = new Date();
    if (intent === "archive") {
      await archiveTemplate(context.db, actor, { id, now });
      return redirect("/checklists");
    }
    if (intent === "copy") {
      const row = await copyTemplate(context.db, actor, { from: id, now });
      return redirect(`/checklists/${row.id}`);
    }
    if (intent === "save") {
      const current = await getOwnTemplate(context.db, org.id, id);
      const parsed = templateFromForm(formDataToObject(form), current.body);
      if (!parsed.ok) return data<ActionProblem>({ fieldErrors: parsed.fieldErrors }, { status: 400 });
      await saveTemplate(context.db, actor, { id, name: parsed.name, body: parsed.body, now });
      return redirect(`/checklists/${id}?saved=1`);
    }
    return data<ActionProblem>({ formError: { key: "invalid_input" } }, { status: 400 });
  } catch (error) {
    if (error instanceof AppError) {
      return data<ActionProblem>(
        { formError: { key: error.messageKey, params: error.params } },
        { status: error.status },
      );
    }
    throw error;
  }
}

const BLANK_ITEM: ChecklistItem = {
  key: "",
  zh: "",
  en: "",
  response: { kind: "pass_fail_na" },
  required: true,
  gradeIfFailed: "general",
};

function ItemRow({ prefix, item, errors }: { prefix: string; item: ChecklistItem; errors: Record<string, string> }) {
  const { t } = useTranslation("inspections");
  const r = item.response;
  const isNew = item.key === "";
  return (
    <div
      className={`grid gap-2 rounded border p-2 sm:grid-cols-6 ${isNew ? "border-dashed border-brand-500" : "border-slate-200"}`}
    >
      <input type="hidden" name={`${prefix}.key`} value={item.key} />
      <label className="text-sm sm:col-span-3">
        {isNew ? t("checklists.newItem") : t("item")}
        <input name={`${prefix}.zh`} className="input" defaultValue={item.zh} />
        <FieldError error={errors[`${prefix}.zh`]} />
      </label>
      <label className="text-sm sm:col-span-3">
        {t("checklists.english")}
        <input name={`${prefix}.en`} className="input" defaultValue={item.en === item.zh ? "" : item.en} />
      </label>
      <label className="text-sm">
        {t("checklists.response")}
        <select name={`${prefix}.kind`} className="input" defaultValue={r.kind}>
          {(["pass_fail_na", "number", "text"] as const).map((k) => (
            <option key={k} value={k}>
              {t(`checklists.kind.${k}`)}
            </option>
          ))}
        </select>
        <FieldError error={errors[`${prefix}.kind`]} />
      </label>
      <label className="text-sm">
        {t("checklists.unit")}
        <input name={`${prefix}.unit`} className="input" defaultValue={r.kind === "number" ? r.unit : ""} />
        <FieldError error={errors[`${prefix}.unit`]} />
      </label>
      <label className="text-sm">
        {t("checklists.min")}
        <input
          name={`${prefix}.min`}
          className="input"
          inputMode="decimal"
          defaultValue={r.kind === "number" && r.min !== undefined ? String(r.min) : ""}
        />
        <FieldError error={errors[`${prefix}.min`]} />
      </label>
      <label className="text-sm">
        {t("checklists.max")}
        <input
          name={`${prefix}.max`}
          className="input"
          inputMode="decimal"
          defaultValue={r.kind === "number" && r.max !== undefined ? String(r.max) : ""}
        />
        <FieldError error={errors[`${prefix}.max`]} />
      </label>
      <label className="text-sm">
        {t("checklists.gradeIfFailed")}
        <select name={`${prefix}.grade`} className="input" defaultValue={item.gradeIfFailed}>
          <option value="general">{t("grade.general")}</option>
          <option value="major">{t("grade.major")}</option>
        </select>
      </label>
      <div className="flex flex-col justify-end gap-1 text-sm">
        <label className="inline-flex items-center gap-1">
          <input type="checkbox" name={`${prefix}.required`} value="yes" defaultChecked={item.required} />
          {t("checklists.required")}
        </label>
        {!isNew ? (
          <label className="inline-flex items-center gap-1 text-red-700">
            <input type="checkbox" name={`${prefix}.delete`} value="yes" />
            {t("checklists.delete")}
          </label>
        ) : null}
      </div>
      <label className="text-sm sm:col-span-6">
        {t("checklists.basis")}
        <input name={`${prefix}.basis`} className="input" defaultValue={item.basis ?? ""} />
      </label>
    </div>
  );
}

export default function EditChecklist() {
  const { name, body, archived, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionProblem | undefined;
  const { t } = useTranslation("inspections");
  const errors = actionData?.fieldErrors ?? {};
  const editable = canEdit && !archived;
  const sections = [...body.sections, { key: "", zh: "", en: "", items: [] }];
  return (
    <div className="space-y-4">
      <Link to="/checklists" className="link text-sm">
        ← {t("checklists.title")}
      </Link>
      <h1 className="text-2xl font-semibold">
        {name} {archived ? <span className="text-sm text-slate-500">{t("checklists.archived")}</span> : null}
      </h1>
      <FormProblem problem={actionData?.formError} />
      {editable ? (
        <Form method="post" className="space-y-4">
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="sections" value={sections.length} />
          <label className="label">
            {t("checklists.name")}
            <input name="name" className="input" required defaultValue={name} />
            <FieldError error={errors.name} />
          </label>
          {sections.map((s, si) => {
            const items = [...s.items, BLANK_ITEM];
            const p = `s${si}`;
            return (
              <fieldset key={s.key || `new-${si}`} className="card space-y-2">
                <legend className="px-1 font-semibold">{s.key ? s.zh : t("checklists.newSection")}</legend>
                <input type="hidden" name={`${p}.key`} value={s.key} />
                <input type="hidden" name={`${p}.items`} value={items.length} />
                <div className="grid gap-2 sm:grid-cols-2">
                  <label className="text-sm">
                    {t("checklists.section")}
                    <input name={`${p}.zh`} className="input" defaultValue={s.zh} />
                    <FieldError error={errors[`${p}.zh`]} />
                  </label>
                  <label className="text-sm">
                    {t("checklists.english")}
                    <input name={`${p}.en`} className="input" defaultValue={s.en === s.zh ? "" : s.en} />
                  </label>
                </div>
                {s.key ? (
                  <label className="inline-flex items-center gap-1 text-sm text-red-700">
                    <input type="checkbox" name={`${p}.delete`} value="yes" />
                    {t("checklists.deleteSection")}
                  </label>
                ) : null}
                {items.map((item, ii) => (
                  <ItemRow key={item.key || `new-${ii}`} prefix={`${p}i${ii}`} item={item} errors={errors} />
                ))}
              </fieldset>
            );
          })}
          <SubmitButton>{t("checklists.save")}</SubmitButton>
        </Form>
      ) : null}
      {canEdit ? (
        <div className="flex flex-wrap gap-2">
          <Form method="post">
            <input type="hidden" name="intent" value="copy" />
            <button type="submit" className="btn-secondary">
              {t("checklists.copy")}
            </button>
          </Form>
          {!archived ? (
            <Form method="post">
              <input type="hidden" name="intent" value="archive" />
              <button type="submit" className="btn-danger">
                {t("checklists.archive")}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
