import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ACCESS, allows } from "../domain/access";
import { regionFullName } from "../domain/regions";
import { dashboardFigures } from "../services/dashboard.server";
import { hazardReportPanel } from "../services/hazards.server";
import { insurerDeskSummary } from "../services/insurer-desk.server";
import { shanghaiDateString } from "../domain/format";
import { getOwnOrganisation } from "../services/organisations.server";
import { requireMembership } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "工作台 · 安服市集" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, org } = await requireMembership(request, context);
  const [profile, figures, hazardReports, insurerDesk] = await Promise.all([
    getOwnOrganisation(context.db, { orgId: org.id }),
    dashboardFigures(context.db, org),
    // A bureau's major-hazard reports awaiting acknowledgement (red once escalated; decision 019).
    org.kind === "bureau" ? hazardReportPanel(context.db, org.id, new Date()) : null,
    // An insurer's way in to its prevention-services desk (issue 9).
    org.kind === "insurer" ? insurerDeskSummary(context.db, org.id, shanghaiDateString(new Date())) : null,
  ]);
  return {
    user: { name: user.name },
    org: {
      kind: org.kind,
      name: profile.name,
      role: org.role,
      status: profile.suspendedAt ? ("suspended" as const) : profile.verificationStatus,
      region: regionFullName(profile.regionCode),
      profileComplete: Boolean(profile.contactPhone && profile.address),
      canManageApiTokens: allows(ACCESS.apiTokens.view, org),
    },
    figures,
    hazardReports,
    insurerDesk,
  };
}

export default function Dashboard() {
  const { user, org, figures, hazardReports, insurerDesk } = useLoaderData<typeof loader>();
  const { t } = useTranslation("dashboard");
  const { t: th } = useTranslation("hazards");
  const { t: td } = useTranslation("insurerDesk");
  const items = t(`${org.kind}.items`, { returnObjects: true, ...figures }) as string[];
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("welcome", { name: user.name })}</h1>
        <p className="mt-1 text-slate-600">
          {org.name} · {t(`common:kind.${org.kind}`)} · {org.region}
        </p>
      </header>
      <section className="card">
        <p>{t("orgStatus", { status: t(`common:verification.${org.status}`) })}</p>
        {org.status === "pending" ? <p className="mt-2 text-sm text-slate-600">{t("pendingNote")}</p> : null}
        <div className="mt-4 flex flex-wrap gap-2">
          {!org.profileComplete ? (
            <Link className="btn-secondary" to="/settings/organisation">
              {t("completeProfile")}
            </Link>
          ) : null}
          {org.canManageApiTokens ? (
            <Link className="btn-secondary" to="/settings/api-tokens">
              {t("apiTokens")}
            </Link>
          ) : null}
        </div>
      </section>
      {hazardReports ? (
        <section
          className={`card ${hazardReports.escalated > 0 ? "border-red-500 bg-red-50" : ""}`}
          aria-labelledby="hazard-reports-title"
        >
          <h2 id="hazard-reports-title" className="text-lg font-semibold">
            {th("dashboard.title")}
          </h2>
          {hazardReports.awaiting === 0 ? (
            <p className="mt-1 text-sm text-slate-600">{th("dashboard.none")}</p>
          ) : (
            <>
              {hazardReports.escalated > 0 ? (
                <p className="mt-1 font-semibold text-red-700">
                  {th("dashboard.escalated", { count: hazardReports.escalated })}
                </p>
              ) : null}
              <p className="mt-1">{th("dashboard.awaiting", { count: hazardReports.awaiting })}</p>
              <ul className="mt-2 list-disc pl-5">
                {hazardReports.oldest.map((r) => (
                  <li key={r.id} className={r.state === "escalated" ? "text-red-700" : undefined}>
                    <Link className="link" to={`/hazards/${r.id}`}>
                      {r.description}
                    </Link>
                  </li>
                ))}
              </ul>
              <Link className="btn-primary mt-3 inline-block" to="/bureau/hazards">
                {th("dashboard.open")}
              </Link>
            </>
          )}
        </section>
      ) : null}
      {insurerDesk ? (
        <section
          className={`card ${insurerDesk.overdue > 0 ? "border-red-300" : ""}`}
          aria-labelledby="insurer-desk-title"
        >
          <h2 id="insurer-desk-title" className="text-lg font-semibold">
            {td("title")}
          </h2>
          <p className="mt-1">{td("dashboardLead", { count: insurerDesk.policies, overdue: insurerDesk.overdue })}</p>
          <Link className="btn-primary mt-3 inline-block" to="/insurer">
            {td("dashboardLink")}
          </Link>
        </section>
      ) : null}
      <section className="card">
        <h2 className="text-lg font-semibold">{t(`${org.kind}.lead`, { region: org.region })}</h2>
        <p className="mt-1 text-sm text-slate-500">{t("honest")}</p>
        <ul className="mt-3 list-disc space-y-1 pl-5">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
