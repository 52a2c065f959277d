import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, SubmitButton, SuccessNote, ValidatedForm } from "../../components/forms";
import { StatusBadge } from "../../components/org-table";
import { formatDateTime } from "../../domain/format";
import { industryName } from "../../domain/industries";
import { regionNamesOf } from "../../domain/regions";
import { OrganisationDecisionSchema } from "../../forms/admin";
import { toLanguage } from "../../i18n/config";
import { decideOrganisation } from "../../services/admin.server";
import { getOrganisationForAdmin } from "../../services/organisations.server";
import { requirePlatformAdmin } from "../../utils/auth.server";
import { parseForm } from "../../utils/forms";
import { formFailure, orErrorPage } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";

const OrgId = z.string().uuid();

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request, context);
  const orgId = OrgId.safeParse(params.orgId);
  if (!orgId.success) throw data({ messageKey: "not_found" }, { status: 404 });
  const found = await orErrorPage(() => getOrganisationForAdmin(context.db, { orgId: orgId.data }));
  return { ...found, regionNames: regionNamesOf([found.org.regionCode]) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requirePlatformAdmin(request, context);
  const orgId = OrgId.safeParse(params.orgId);
  if (!orgId.success) throw data({ messageKey: "not_found" }, { status: 404 });
  const parsed = parseForm(OrganisationDecisionSchema, await readFormData(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, done: false }, { status: 400 });
  try {
    await decideOrganisation(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      { now: new Date(), orgId: orgId.data, ...parsed.data },
    );
    return { done: true };
  } catch (error) {
    return formFailure(error);
  }
}

export default function AdminOrganisation() {
  const { org, members, regionNames } = useLoaderData<typeof loader>();
  const regionName = (code: string) => regionNames[code] ?? "";
  const result = useActionData<{ done?: boolean }>();
  const { t, i18n } = useTranslation("admin");
  const lang = toLanguage(i18n.language);
  const suspended = !!org.suspendedAt;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link to="/admin/organisations" className="link text-sm">
        ← {t("back")}
      </Link>
      <header>
        <h1 className="text-2xl font-semibold">{org.name}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-600">
          {t(`common:kind.${org.kind}`)} · {regionName(org.regionCode)}
          {org.industryCode ? ` · ${industryName(org.industryCode, lang)}` : ""}
          <StatusBadge status={org.verificationStatus} suspended={suspended} />
        </p>
        {org.uscc ? (
          <p className="mt-1 font-mono text-sm">
            {t("common:uscc")}：{org.uscc}
          </p>
        ) : null}
        {suspended ? (
          <p className="mt-2 text-sm text-amber-800">
            {t("suspendedSince", {
              date: formatDateTime(new Date(org.suspendedAt!), lang),
              reason: org.suspendedReason ?? "",
            })}
          </p>
        ) : null}
      </header>
      <section className="card">
        <h2 className="mb-2 text-lg font-semibold">{t("members")}</h2>
        <ul className="text-sm">
          {members.map((m) => (
            <li key={m.userId}>
              {m.name} · {m.email} · {t(`common:role.${m.role}`)}
            </li>
          ))}
        </ul>
      </section>
      {org.kind !== "platform" ? (
        <section className="card">
          {result?.done ? <SuccessNote className="mb-4">{t("decisionDone")}</SuccessNote> : null}
          <ValidatedForm schema={OrganisationDecisionSchema}>
            {({ errors }) => (
              <>
                <Field name="reason" label={t("reason")} hint={t("reasonHint")} errors={errors} />
                <div className="flex flex-wrap gap-2">
                  {org.verificationStatus !== "verified" ? (
                    <SubmitButton name="decision" value="verify">
                      {t("verify")}
                    </SubmitButton>
                  ) : null}
                  {org.verificationStatus === "pending" ? (
                    <SubmitButton name="decision" value="reject" className="btn-secondary">
                      {t("reject")}
                    </SubmitButton>
                  ) : null}
                  {suspended ? (
                    <SubmitButton name="decision" value="reinstate" className="btn-secondary">
                      {t("reinstate")}
                    </SubmitButton>
                  ) : (
                    <SubmitButton name="decision" value="suspend" className="btn-danger">
                      {t("suspend")}
                    </SubmitButton>
                  )}
                </div>
              </>
            )}
          </ValidatedForm>
        </section>
      ) : null}
    </div>
  );
}
