import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmSubmit } from "../../components/expert-badges";
import { ExpertProfileFields } from "../../components/expert-bits";
import { SubmitButton, ValidatedForm } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import { regionNamesOf } from "../../domain/regions";
import { EXPERT_MULTI_FIELDS, ExpertProfileSchema } from "../../forms/experts";
import { collapseMultiValues, stringValues } from "../../forms/provider";
import { deleteExpert, getMaintainedExpert, updateExpert } from "../../services/experts.server";
import { requireAccess } from "../../utils/access.server";
import { readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { formFailure, orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "编辑专家 · 安服市集" }];

/** Editing an independent expert by the bureau or platform that keeps it; another's id is a 404. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.expertPool, "edit");
  const expert = await orErrorPage(async () => getMaintainedExpert(context.db, org, uuidOrNotFound(params.expertId)));
  return { expert, regionNames: regionNamesOf(expert.regionCodes) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.expertPool, "edit");
  const actor = { userId: user.id, orgId: org.id, ip: context.clientIp };
  const form = collapseMultiValues(await readFormData(request), EXPERT_MULTI_FIELDS);
  try {
    const expertId = uuidOrNotFound(params.expertId);
    if (form.get("intent") === "delete") {
      await deleteExpert(context.db, actor, org, expertId);
      return redirect("/experts");
    }
    const parsed = parseForm(ExpertProfileSchema, form);
    if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
    await updateExpert(context.db, actor, org, expertId, parsed.data);
    return redirect(`/experts/${expertId}`);
  } catch (error) {
    return formFailure(error, stringValues(form));
  }
}

export default function EditExpertPage() {
  const { expert, regionNames } = useLoaderData<typeof loader>();
  const { t } = useTranslation("experts");
  const defaults = { ...expert, conflictUsccs: expert.conflicts.map((c) => c.uscc ?? "").filter(Boolean) };
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to={`/experts/${expert.id}`} className="link text-sm">
        ← {expert.name}
      </Link>
      <h1 className="text-2xl font-semibold">{t("editTitle", { name: expert.name })}</h1>
      <section className="card">
        <ValidatedForm schema={ExpertProfileSchema}>
          {({ errors, values }) => (
            <>
              <ExpertProfileFields errors={errors} values={values} expert={defaults} regionNames={regionNames} />
              <SubmitButton name="intent" value="save">
                {t("form.save")}
              </SubmitButton>
            </>
          )}
        </ValidatedForm>
      </section>
      <Form method="post" className="card">
        <p className="mb-2 text-sm text-slate-600">{t("deleteHint")}</p>
        <ConfirmSubmit
          className="btn-danger"
          name="intent"
          value="delete"
          message={t("deleteConfirm", { name: expert.name })}
        >
          {t("delete")}
        </ConfirmSubmit>
      </Form>
    </div>
  );
}
