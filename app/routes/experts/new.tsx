import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EMPTY_EXPERT, ExpertProfileFields } from "../../components/expert-bits";
import { SubmitButton, ValidatedForm } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import { EXPERT_MULTI_FIELDS, ExpertProfileSchema } from "../../forms/experts";
import { collapseMultiValues, stringValues } from "../../forms/provider";
import { createExpert } from "../../services/experts.server";
import { requireAccess } from "../../utils/access.server";
import { readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "添加独立专家 · 安服市集" }];

/** An independent expert (no employer), kept by the bureau or the platform that adds it (decision 021). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAccess(request, context, ACCESS.expertPool, "edit");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.expertPool, "edit");
  const form = collapseMultiValues(await readFormData(request), EXPERT_MULTI_FIELDS);
  const parsed = parseForm(ExpertProfileSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  try {
    const row = await createExpert(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      org,
      parsed.data,
    );
    return redirect(`/experts/${row.id}`);
  } catch (error) {
    return formFailure(error, stringValues(form));
  }
}

export default function NewExpertPage() {
  const { t } = useTranslation("experts");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/experts" className="link text-sm">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <p className="text-sm text-slate-600">{t("newLead")}</p>
      <section className="card">
        <ValidatedForm schema={ExpertProfileSchema}>
          {({ errors, values }) => (
            <>
              <ExpertProfileFields errors={errors} values={values} expert={EMPTY_EXPERT} />
              <SubmitButton>{t("form.save")}</SubmitButton>
            </>
          )}
        </ValidatedForm>
      </section>
    </div>
  );
}
