import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmSubmit, SpecialtyBadges, useExpertLabels } from "../../components/expert-badges";
import { EMPTY_EXPERT, ExpertProfileFields } from "../../components/expert-bits";
import { SubmitButton, SuccessNote, ValidatedForm } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import { regionNamesOf } from "../../domain/regions";
import { EXPERT_MULTI_FIELDS, ExpertProfileSchema } from "../../forms/experts";
import { collapseMultiValues, IdSchema, stringValues } from "../../forms/provider";
import { createExpert, deleteExpert, listMaintainedExperts, updateExpert } from "../../services/experts.server";
import { requireAccess } from "../../utils/access.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";

/**
 * The provider's experts: its rows of the one expert pool (decision 021), with the full
 * profile the pool searches and draws on. Other organisations see them on /experts.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.providerWorkspace, "view");
  const experts = await listMaintainedExperts(context.db, org.id);
  const editId = new URL(request.url).searchParams.get("edit");
  const editing = experts.find((e) => e.id === editId) ?? null;
  return {
    experts,
    editing: editing ? { ...editing, conflictUsccs: editing.conflicts.map((c) => c.uscc ?? "").filter(Boolean) } : null,
    canEdit,
    regionNames: regionNamesOf(experts.flatMap((e) => e.regionCodes)),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.providerWorkspace, "edit");
  const actor = { userId: user.id, orgId: org.id, ip: context.clientIp };
  const form = collapseMultiValues(await readFormData(request), EXPERT_MULTI_FIELDS);
  const intent = form.get("intent");
  const expertId = IdSchema.safeParse(form.get("expertId"));
  try {
    if (intent === "delete") {
      if (!expertId.success) throw data({ messageKey: "not_found" }, { status: 404 });
      await deleteExpert(context.db, actor, org, expertId.data);
      return { done: "deleted" as const };
    }
    const parsed = parseForm(ExpertProfileSchema, form);
    if (!parsed.ok)
      return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, done: null }, { status: 400 });
    if (expertId.success) await updateExpert(context.db, actor, org, expertId.data, parsed.data);
    else await createExpert(context.db, actor, org, parsed.data);
    return { done: "saved" as const };
  } catch (error) {
    return formFailure(error, stringValues(form));
  }
}

export default function ProviderExpertsPage() {
  const { experts, editing, canEdit, regionNames } = useLoaderData<typeof loader>();
  const result = useActionData<{ done?: "saved" | "deleted" | null }>();
  const { t } = useTranslation("experts");
  const label = useExpertLabels();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/provider/profile" className="link text-sm">
        ← {t("provider:profileTitle")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("providerTitle")}</h1>
      <p className="text-sm text-slate-600">{t("providerLead")}</p>
      {result?.done ? <SuccessNote>{t(result.done === "saved" ? "saved" : "deleted")}</SuccessNote> : null}
      <section className="card overflow-x-auto">
        {experts.length === 0 ? (
          <p className="text-slate-500">{t("noExperts")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.name")}</th>
                <th scope="col">{t("col.title")}</th>
                <th scope="col">{t("col.specialties")}</th>
                <th scope="col">{t("col.regions")}</th>
                {canEdit ? <th scope="col">{t("col.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {experts.map((e) => (
                <tr key={e.id}>
                  <td data-label={t("col.name")}>
                    <Link to={`/experts/${e.id}`} className="link">
                      {e.name}
                    </Link>
                    {!e.active ? <span className="badge ml-1 bg-slate-200 text-slate-700">{t("inactive")}</span> : null}
                  </td>
                  <td data-label={t("col.title")}>
                    {label.title(e.title)}
                    {e.safetyEngineerLevel ? (
                      <span className="block text-xs text-slate-500">{label.level(e.safetyEngineerLevel)}</span>
                    ) : null}
                  </td>
                  <td data-label={t("col.specialties")}>
                    <SpecialtyBadges codes={e.specialties} />
                  </td>
                  <td data-label={t("col.regions")}>{e.regionCodes.map((c) => regionNames[c] ?? c).join("、")}</td>
                  {canEdit ? (
                    <td data-label={t("col.actions")} className="flex gap-2">
                      <Link to={`?edit=${e.id}`} className="btn-secondary py-1">
                        {t("edit")}
                      </Link>
                      <Form method="post">
                        <input type="hidden" name="expertId" value={e.id} />
                        <ConfirmSubmit
                          className="btn-danger py-1"
                          name="intent"
                          value="delete"
                          message={t("deleteConfirm", { name: e.name })}
                        >
                          {t("delete")}
                        </ConfirmSubmit>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canEdit ? (
        <section className="card">
          <h2 className="mb-4 text-lg font-semibold">
            {editing ? t("editTitle", { name: editing.name }) : t("addEmployed")}
          </h2>
          {/* key: switching between experts must reset the uncontrolled inputs */}
          <ValidatedForm schema={ExpertProfileSchema} key={editing?.id ?? "new"}>
            {({ errors, values }) => (
              <>
                {editing ? <input type="hidden" name="expertId" value={editing.id} /> : null}
                <ExpertProfileFields
                  errors={errors}
                  values={values}
                  expert={editing ?? EMPTY_EXPERT}
                  regionNames={regionNames}
                />
                <div className="flex gap-2">
                  <SubmitButton name="intent" value="save">
                    {t("form.save")}
                  </SubmitButton>
                  {editing ? (
                    <Link to="/provider/experts" className="btn-secondary">
                      {t("cancel")}
                    </Link>
                  ) : null}
                </div>
              </>
            )}
          </ValidatedForm>
        </section>
      ) : null}
    </div>
  );
}
