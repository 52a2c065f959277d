import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, SuccessNote, ValidatedForm } from "../../components/forms";
import { RiskGradeBadge } from "../../components/risk-grade-badge";
import { ACCESS } from "../../domain/access";
import { formatDateTime, shanghaiDateString } from "../../domain/format";
import { industryName } from "../../domain/industries";
import { regionFullName } from "../../domain/regions";
import { RISK_GRADES } from "../../domain/risk-grade";
import { RiskAssessmentSchema } from "../../forms/register";
import { toLanguage } from "../../i18n/config";
import { getEnterpriseRecord } from "../../services/enterprise-register.server";
import { recordRiskAssessment } from "../../services/risk-grades.server";
import { requireAccess } from "../../utils/access.server";
import { readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { formFailure, orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

/**
 * An enterprise's register record: facts, claimed or not, the current 红橙黄蓝 grade and its
 * history, and links to its inspections and hazards. Visible to the parties of
 * enterpriseRecordsVisibleTo only; anybody else gets the 404 of a missing page.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.enterpriseRecords, "view");
  const enterpriseId = await orErrorPage(async () => uuidOrNotFound(params.enterpriseId));
  const today = shanghaiDateString(new Date());
  const record = await orErrorPage(() => getEnterpriseRecord(context.db, { org, enterpriseId, today }));
  return {
    ...record,
    today,
    regionName: regionFullName(record.enterprise.regionCode),
    industry: record.enterprise.industryCode
      ? {
          code: record.enterprise.industryCode,
          zh: industryName(record.enterprise.industryCode, "zh-CN") ?? "",
          en: industryName(record.enterprise.industryCode, "en") ?? "",
        }
      : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { org, user } = await requireAccess(request, context, ACCESS.enterpriseRecords, "edit");
  const enterpriseId = await orErrorPage(async () => uuidOrNotFound(params.enterpriseId));
  const form = await readFormData(request);
  const parsed = parseForm(RiskAssessmentSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const now = new Date();
  try {
    await recordRiskAssessment(context.db, {
      ...parsed.data,
      org,
      actor: { userId: user.id, ip: context.clientIp },
      enterpriseId,
      today: shanghaiDateString(now),
      now,
    });
  } catch (error) {
    return formFailure(error, parsed.data);
  }
  return redirect(`/enterprises/${enterpriseId}?graded=1#risk`);
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export default function EnterprisePage() {
  const { enterprise, profile, counts, history, current, capacity, today, regionName, industry } =
    useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("register");
  const lang = toLanguage(i18n.language);
  const [search] = useSearchParams();
  const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? "—" : v ? t("yes") : t("no"));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-semibold">{enterprise.name}</h1>
        {enterprise.unclaimed ? (
          <span className="badge bg-slate-100 text-slate-700">{t("claimed.unclaimed")}</span>
        ) : (
          <span className="badge bg-brand-50 text-brand-700">{t("claimed.claimed")}</span>
        )}
      </div>
      {enterprise.unclaimed ? <p className="text-sm text-slate-600">{t("page.unclaimedNote")}</p> : null}

      <section className="card">
        <h2 className="mb-3 text-lg font-semibold">{t("page.facts")}</h2>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Fact label={t("fields.uscc")}>
            <span className="font-mono">{enterprise.uscc ?? "—"}</span>
          </Fact>
          <Fact label={t("fields.regionCode")}>{regionName}</Fact>
          <Fact label={t("fields.industryCode")}>
            {industry ? `${industry.code} ${lang === "en" ? industry.en : industry.zh}` : "—"}
            {profile?.industryDetail ? ` (${profile.industryDetail})` : ""}
          </Fact>
          <Fact label={t("fields.employees")}>{profile?.employees ?? "—"}</Fact>
          <Fact label={t("fields.highRisk")}>{yesNo(profile?.highRisk)}</Fact>
          <Fact label={t("fields.occupationalHazard")}>
            {profile?.occupationalHazard ? t(`occupational.${profile.occupationalHazard}`) : "—"}
          </Fact>
          <Fact label={t("fields.supervisedMajorHazard")}>{yesNo(profile?.supervisedMajorHazard)}</Fact>
          <Fact label={t("fields.recentAccidents")}>{profile?.recentAccidents ?? "—"}</Fact>
          <Fact label={t("fields.address")}>{enterprise.address ?? "—"}</Fact>
          <Fact label={t("page.addedBy")}>{profile?.addedByName ?? "—"}</Fact>
        </dl>
        {profile?.priorityReasons.length ? (
          <div className="mt-4">
            <h3 className="text-sm font-medium">{t("fields.priorityReasons")}</h3>
            <ul className="mt-1 list-disc pl-5 text-sm">
              {profile.priorityReasons.map((p) => (
                <li key={p.reason}>
                  {t(`priority.${p.reason}`)} <span className="text-xs text-slate-500">（{t(`by.${p.by}`)}）</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section className="card" id="risk">
        <h2 className="mb-3 text-lg font-semibold">{t("page.risk")}</h2>
        {search.get("graded") ? <SuccessNote className="mb-3">{t("page.graded")}</SuccessNote> : null}
        <p className="mb-3 text-sm" data-testid="current-grade">
          {t("currentGrade")}：
          {current ? (
            <>
              <RiskGradeBadge grade={current.grade} />{" "}
              <span className="text-slate-600">{t("page.since", { date: current.assessedOn })}</span>
            </>
          ) : (
            <span className="text-slate-500">{t("grades.none")}</span>
          )}
        </p>
        {history.length ? (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("page.assessedOn")}</th>
                <th scope="col">{t("page.grade")}</th>
                <th scope="col">{t("page.assessor")}</th>
                <th scope="col">{t("page.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td data-label={t("page.assessedOn")}>
                    {h.assessedOn}
                    {h.assessedOn > today ? (
                      <span className="ml-1 text-xs text-slate-500">{t("page.future")}</span>
                    ) : null}
                  </td>
                  <td data-label={t("page.grade")}>
                    <RiskGradeBadge grade={h.grade} />
                    {h.selfAssessment ? <span className="ml-1 text-xs text-slate-500">{t("page.self")}</span> : null}
                  </td>
                  <td data-label={t("page.assessor")}>
                    {h.assessor}
                    {h.assessorOrgName ? (
                      <span className="block text-xs text-slate-500">{h.assessorOrgName}</span>
                    ) : null}
                  </td>
                  <td data-label={t("page.reason")}>
                    {h.reason}
                    <span className="block text-xs text-slate-500">
                      {t("page.recorded", {
                        at: formatDateTime(new Date(h.recordedAt), lang),
                        by: h.recordedByName ?? "—",
                      })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-slate-500">{t("page.noHistory")}</p>
        )}
        {capacity ? (
          <details className="mt-4" open={Boolean(search.get("grade"))}>
            <summary className="cursor-pointer font-medium">
              {capacity === "self" ? t("page.recordSelf") : t("page.record")}
            </summary>
            <ValidatedForm schema={RiskAssessmentSchema} className="mt-3 max-w-xl">
              {({ errors, values }) => (
                <>
                  {capacity === "self" ? <p className="mb-3 text-sm text-slate-600">{t("page.selfNote")}</p> : null}
                  <Field name="grade" label={t("page.grade")} errors={errors}>
                    <select id="field-grade" name="grade" className="input" defaultValue={values.grade ?? ""}>
                      <option value="">{t("page.pickGrade")}</option>
                      {RISK_GRADES.map((g) => (
                        <option key={g} value={g}>
                          {t(`grades.${g}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field
                    name="assessedOn"
                    type="date"
                    label={t("page.assessedOn")}
                    errors={errors}
                    defaultValue={values.assessedOn ?? today}
                  />
                  <Field
                    name="assessorName"
                    label={t("page.assessorName")}
                    errors={errors}
                    defaultValue={values.assessorName}
                  />
                  <Field name="reason" label={t("page.reason")} errors={errors}>
                    <textarea
                      id="field-reason"
                      name="reason"
                      rows={3}
                      className="input"
                      defaultValue={values.reason}
                      aria-invalid={errors.reason ? true : undefined}
                    />
                  </Field>
                  <SubmitButton>{t("page.save")}</SubmitButton>
                </>
              )}
            </ValidatedForm>
          </details>
        ) : null}
      </section>

      <section className="card">
        <h2 className="mb-3 text-lg font-semibold">{t("page.records")}</h2>
        <ul className="grid gap-2 text-sm sm:grid-cols-2">
          <li>
            <Link className="link" to={`/inspections?enterprise=${enterprise.id}`}>
              {t("page.inspections", { count: counts.inspections })}
            </Link>
          </li>
          <li>
            <Link className="link" to={`/hazards?enterprise=${enterprise.id}`}>
              {t("page.hazards", { count: counts.hazards, open: counts.openHazards })}
            </Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
