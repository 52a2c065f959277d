import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Control, ViolationFields, ViolationTable } from "../../components/credit-record-fields";
import { FormErrorMessage, SuccessNote } from "../../components/forms";
import { Pagination } from "../../components/pagination";
import { useValidatedFetcher, type FetcherFormResult } from "../../components/validated-fetcher";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { regionFullName } from "../../domain/regions";
import { pageFromUrl } from "../../domain/paging";
import { BureauViolationSchema, EVALUATION_RESULTS, EvaluationSchema } from "../../forms/credit";
import {
  listBureauRecords,
  listEvaluableProviders,
  recordEvaluation,
  recordViolation,
} from "../../services/evaluations.server";
import { requireAccess } from "../../utils/access.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";

type Result = FetcherFormResult & { saved?: { grade: string | null; suspended: boolean } };

/** A bureau's own region only: the region comes from its organisation, never from the form. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.bureauDesk, "view");
  const page = pageFromUrl(request.url);
  const [providers, records] = await Promise.all([
    listEvaluableProviders(context.db, { bureauRegionCode: org.regionCode }),
    listBureauRecords(context.db, { bureauId: org.id, page }),
  ]);
  // Names resolved here: the browser has no county names (docs/decisions/016-client-i18n-and-region-data.md).
  const named = providers.map((o) => ({ ...o, regionName: regionFullName(o.regionCode) }));
  return { providers: named, records, region: regionFullName(org.regionCode), today: shanghaiDateString(new Date()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.bureauDesk, "edit");
  const form = await readFormData(request);
  const actor = { userId: user.id, orgId: org.id, ip: context.clientIp };
  try {
    if (form.get("intent") === "violation") {
      const parsed = parseForm(BureauViolationSchema, form);
      if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
      const { credit } = await recordViolation(context.db, actor, parsed.data, new Date());
      return { saved: { grade: credit?.grade ?? null, suspended: !!credit?.suspendedNow } };
    }
    const parsed = parseForm(EvaluationSchema, form);
    if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
    const { credit } = await recordEvaluation(context.db, actor, parsed.data, new Date());
    return { saved: { grade: credit?.grade ?? null, suspended: !!credit?.suspendedNow } };
  } catch (error) {
    return formFailure(error);
  }
}

function Saved({ result }: { result: Result | undefined }) {
  const { t } = useTranslation("credit");
  if (!result?.saved) return result?.formError ? <FormErrorMessage error={result.formError} /> : null;
  const grade = t(`grade.${result.saved.grade ?? "none"}`);
  return (
    <SuccessNote className="mb-4">
      {result.saved.suspended ? t("bureau.savedSuspended", { grade }) : t("bureau.saved", { grade })}
    </SuccessNote>
  );
}

function ProviderSelect({
  form,
  providers,
  errors,
}: {
  form: string;
  providers: { id: string; name: string; regionName: string }[];
  errors: Record<string, string>;
}) {
  const { t } = useTranslation("credit");
  return (
    <Control form={form} name="providerId" label={t("bureau.provider")} errors={errors}>
      {(p) => (
        <select {...p} name="providerId" className="input" defaultValue="">
          <option value="">{t("bureau.pickProvider")}</option>
          {providers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}（{o.regionName}）
            </option>
          ))}
        </select>
      )}
    </Control>
  );
}

export default function BureauEvaluations() {
  const { providers, records, region, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation("credit");
  const evaluation = useValidatedFetcher<Result>(EvaluationSchema);
  const violation = useValidatedFetcher<Result>(BureauViolationSchema);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("bureau.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("bureau.intro", { region })}</p>
      </header>
      {providers.length === 0 ? (
        <p className="card text-slate-600">{t("bureau.noProviders")}</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <section className="card" aria-labelledby="evaluation-title">
            <h2 id="evaluation-title" className="mb-3 text-lg font-semibold">
              {t("bureau.evaluationForm")}
            </h2>
            <Saved result={evaluation.fetcher.data} />
            <evaluation.fetcher.Form method="post" noValidate onSubmit={evaluation.onSubmit}>
              <input type="hidden" name="intent" value="evaluation" />
              <ProviderSelect form="evaluation" providers={providers} errors={evaluation.errors} />
              <Control form="evaluation" name="result" label={t("bureau.result")} errors={evaluation.errors}>
                {(p) => (
                  <select {...p} name="result" className="input" defaultValue="">
                    <option value="">{t("common:regionPick")}</option>
                    {EVALUATION_RESULTS.map((r) => (
                      <option key={r} value={r}>
                        {t(`evaluationResult.${r}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Control>
              <Control form="evaluation" name="evaluatedOn" label={t("bureau.evaluatedOn")} errors={evaluation.errors}>
                {(p) => (
                  <input {...p} type="date" name="evaluatedOn" className="input" max={today} defaultValue={today} />
                )}
              </Control>
              <Control form="evaluation" name="note" label={t("bureau.note")} errors={evaluation.errors}>
                {(p) => <textarea {...p} name="note" rows={3} maxLength={1000} className="input" />}
              </Control>
              <button
                type="submit"
                className="btn-primary"
                disabled={evaluation.pending}
                aria-busy={evaluation.pending}
              >
                {t("bureau.save")}
              </button>
            </evaluation.fetcher.Form>
          </section>
          <section className="card" aria-labelledby="violation-title">
            <h2 id="violation-title" className="mb-3 text-lg font-semibold">
              {t("bureau.violationForm")}
            </h2>
            <Saved result={violation.fetcher.data} />
            <violation.fetcher.Form method="post" noValidate onSubmit={violation.onSubmit}>
              <input type="hidden" name="intent" value="violation" />
              <ProviderSelect form="violation" providers={providers} errors={violation.errors} />
              <ViolationFields form="violation" errors={violation.errors} today={today} />
              <button type="submit" className="btn-danger" disabled={violation.pending} aria-busy={violation.pending}>
                {t("bureau.save")}
              </button>
            </violation.fetcher.Form>
          </section>
        </div>
      )}
      <section className="card overflow-x-auto" aria-labelledby="evaluations-title">
        <h2 id="evaluations-title" className="mb-2 text-lg font-semibold">
          {t("bureau.evaluationsTitle")}
        </h2>
        {records.evaluations.length === 0 ? (
          <p className="text-slate-500">{t("common:empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("colDate")}</th>
                <th scope="col">{t("colProvider")}</th>
                <th scope="col">{t("colResult")}</th>
                <th scope="col">{t("colNote")}</th>
              </tr>
            </thead>
            <tbody>
              {records.evaluations.map((e) => (
                <tr key={e.id}>
                  <td data-label={t("colDate")}>{e.evaluatedOn}</td>
                  <td data-label={t("colProvider")}>
                    <Link className="link" to={`/credit/${e.providerId}`}>
                      {e.providerName}
                    </Link>
                  </td>
                  <td data-label={t("colResult")}>{t(`evaluationResult.${e.result}`)}</td>
                  <td data-label={t("colNote")}>{e.note ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination page={records.page} pageSize={records.pageSize} total={records.total} />
      </section>
      <ViolationTable title={t("bureau.violationsTitle")} rows={records.violations} />
    </div>
  );
}
