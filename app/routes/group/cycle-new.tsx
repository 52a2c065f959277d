import { randomBytes } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, ValidatedForm } from "../../components/forms";
import { PlanPreview } from "../../components/group-plan-preview";
import { ACCESS } from "../../domain/access";
import { CycleConfirmSchema, CycleSchema, type CycleInput } from "../../forms/group";
import { createCycle, partnerGroupsOf, planCycle, type NamedPlan } from "../../services/rotation.server";
import { requireAccess } from "../../utils/access.server";
import { readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "安排互查轮次 · 安服市集" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.groupDesk, "edit");
  return { partners: await partnerGroupsOf(context.db, { groupId: org.id, userId: user.id }) };
}

type PreviewResult = { preview: { plan: NamedPlan; input: CycleInput } };

/**
 * Two steps: "preview" plans with a fresh seed and shows the plan; "save" plans again with
 * that seed and saves it only if it is still the plan shown (the coordinator confirms what
 * they saw).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.groupDesk, "edit");
  const form = await readFormData(request);
  const parsed = parseForm(CycleSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const input = parsed.data;
  try {
    if (form.get("intent") === "save") {
      const confirm = parseForm(CycleConfirmSchema, form);
      if (!confirm.ok) return data({ formError: { key: "invalid_input" } }, { status: 400 });
      const cycle = await createCycle(
        context.db,
        { userId: user.id, orgId: org.id, ip: context.clientIp },
        { ...input, ...confirm.data },
        new Date(),
      );
      return redirect(`/group/cycles/${cycle.id}`);
    }
    const seed = randomBytes(8).toString("hex");
    const plan = await planCycle(context.db, {
      groupId: org.id,
      userId: user.id,
      otherGroupId: input.otherGroupId,
      startsOn: input.startsOn,
      seed,
    });
    return { preview: { plan, input } } satisfies PreviewResult;
  } catch (error) {
    return formFailure(error, {
      label: input.label,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      otherGroupId: input.otherGroupId ?? "",
    });
  }
}

export default function NewCycle() {
  const { partners } = useLoaderData<typeof loader>();
  const result = useActionData<
    PreviewResult | { formError?: { key: string; params?: Record<string, string | number> } }
  >();
  const preview = result && "preview" in result ? result.preview : null;
  const { t } = useTranslation("groups");
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/group" className="link text-sm">
        ← {t("cycles.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("cycles.newTitle")}</h1>
      <p className="text-sm text-slate-600">{t("cycles.newLead")}</p>
      <section className="card">
        <ValidatedForm schema={CycleSchema}>
          {({ errors, values }) => (
            <>
              <Field
                name="label"
                label={t("cycles.label")}
                placeholder={t("cycles.labelPlaceholder")}
                errors={errors}
                defaultValue={values.label ?? preview?.input.label ?? ""}
                required
              />
              <div className="grid gap-x-4 sm:grid-cols-2">
                <Field
                  name="startsOn"
                  type="date"
                  label={t("cycles.startsOn")}
                  errors={errors}
                  defaultValue={values.startsOn ?? preview?.input.startsOn ?? ""}
                  required
                />
                <Field
                  name="endsOn"
                  type="date"
                  label={t("cycles.endsOn")}
                  errors={errors}
                  defaultValue={values.endsOn ?? preview?.input.endsOn ?? ""}
                  required
                />
              </div>
              {partners.length > 0 ? (
                <div className="mb-4">
                  <label htmlFor="field-otherGroupId" className="label">
                    {t("cycles.round")}
                  </label>
                  <select
                    id="field-otherGroupId"
                    name="otherGroupId"
                    className="input"
                    defaultValue={values.otherGroupId ?? preview?.input.otherGroupId ?? ""}
                  >
                    <option value="">{t("cycles.withinGroup")}</option>
                    {partners.map((p) => (
                      <option key={p.id} value={p.id}>
                        {t("cycles.interGroup", { name: p.name })}
                      </option>
                    ))}
                  </select>
                  <p className="mt-1 text-xs text-slate-500">{t("cycles.interGroupHint")}</p>
                </div>
              ) : null}
              <SubmitButton name="intent" value="preview">
                {preview ? t("cycles.reshuffle") : t("cycles.preview")}
              </SubmitButton>
            </>
          )}
        </ValidatedForm>
      </section>

      {preview ? <PlanPreview plan={preview.plan} input={preview.input} /> : null}
    </div>
  );
}
