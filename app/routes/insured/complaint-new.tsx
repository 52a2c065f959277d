import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, ValidatedForm } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import type { IsoDate } from "../../domain/calendar-date";
import { shanghaiDateString } from "../../domain/format";
import { ComplaintFileSchema } from "../../forms/premium-ledger";
import { fileComplaint, getComplaintForm } from "../../services/insurance-complaints.server";
import { requireAccess } from "../../utils/access.server";
import { readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "提出投诉 · 安服市集" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insuredEnterprise, "edit");
  return getComplaintForm(context.db, org.id);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.insuredEnterprise, "edit");
  const form = await readFormData(request);
  const parsed = parseForm(ComplaintFileSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  try {
    const now = new Date();
    await fileComplaint(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      parsed.data,
      shanghaiDateString(now) as IsoDate,
      now,
    );
  } catch (error) {
    return formFailure(error, Object.fromEntries([...form].map(([k, v]) => [k, String(v)])));
  }
  return redirect("/insured/complaints?filed=1");
}

export default function NewComplaint() {
  const { policies, items } = useLoaderData<typeof loader>();
  const { t } = useTranslation("premiumLedger");
  const [policyId, setPolicyId] = useState(policies[0]?.id ?? "");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link to="/insured/complaints" className="link text-sm">
        ← {t("complaints.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("complaints.new")}</h1>
      <p className="text-sm text-slate-600">{t("complaints.lead")}</p>
      <ValidatedForm schema={ComplaintFileSchema} className="card">
        {({ errors, values }) => (
          <>
            <Field name="policyId" label={t("complaints.policy")} errors={errors}>
              <select
                id="field-policyId"
                name="policyId"
                className="input"
                value={policyId}
                onChange={(e) => setPolicyId(e.target.value)}
              >
                <option value="">{t("commission.choose")}</option>
                {policies.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.policyNumber} · {p.insurerName} · {p.startDate} ~ {p.endDate}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="planItemId" label={t("complaints.planItem")} errors={errors}>
              <select id="field-planItemId" name="planItemId" className="input" defaultValue={values.planItemId ?? ""}>
                <option value="">{t("complaints.none")}</option>
                {items
                  .filter((i) => i.policyId === policyId)
                  .map((i) => (
                    <option key={i.id} value={i.id}>
                      {t(`insurance:service.${i.service}`)} {i.sequence} · {i.dueDate}
                    </option>
                  ))}
              </select>
            </Field>
            <Field
              name="subject"
              label={t("complaints.subject")}
              errors={errors}
              maxLength={200}
              defaultValue={values.subject}
            />
            <Field name="body" label={t("complaints.body")} errors={errors}>
              <textarea id="field-body" name="body" className="input" rows={6} defaultValue={values.body ?? ""} />
            </Field>
            <SubmitButton>{t("complaints.submit")}</SubmitButton>
          </>
        )}
      </ValidatedForm>
    </div>
  );
}
