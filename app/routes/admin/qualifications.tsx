import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CategoryList } from "../../components/category-checkboxes";
import { FormErrorMessage } from "../../components/forms";
import { Pagination } from "../../components/pagination";
import { useValidatedFetcher, type FetcherFormResult } from "../../components/validated-fetcher";
import { formatDateTime, shanghaiDateString } from "../../domain/format";
import { qualificationTypeName } from "../../domain/qualification-types";
import { QualificationDecisionSchema } from "../../forms/provider";
import { toLanguage } from "../../i18n/config";
import { decideQualification, listQualificationQueue } from "../../services/qualifications.server";
import { requirePlatformAdmin } from "../../utils/auth.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";
import { PageField } from "../../forms/paging";
import { readFormData, parseQuery } from "../../utils/form-data.server";

const STATUSES = ["pending", "verified", "rejected"] as const;
const QuerySchema = z.object({
  status: z.enum(STATUSES).catch("pending"),
  page: PageField,
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request, context);
  const query = parseQuery(QuerySchema, request);
  return { query, result: await listQualificationQueue(context.db, query), today: shanghaiDateString(new Date()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requirePlatformAdmin(request, context);
  const parsed = parseForm(QualificationDecisionSchema, await readFormData(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  try {
    await decideQualification(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      {
        ...parsed.data,
        now: new Date(),
      },
    );
    return { done: true };
  } catch (error) {
    return formFailure(error);
  }
}

type Row = Awaited<ReturnType<typeof loader>>["result"]["rows"][number];

/** One form per row, each with its own answer (a fetcher), so a refusal shows beside its row. */
function DecisionForm({ row }: { row: Row }) {
  const { t } = useTranslation("provider");
  const { fetcher, errors, onSubmit, pending } = useValidatedFetcher<FetcherFormResult & { done?: boolean }>(
    QualificationDecisionSchema,
  );
  if (fetcher.data?.done)
    return (
      <p role="status" className="text-sm text-brand-700">
        {t("decided")}
      </p>
    );
  const reasonId = `reason-${row.id}`;
  return (
    <fetcher.Form method="post" noValidate onSubmit={onSubmit} className="min-w-56 space-y-2">
      {fetcher.data?.formError ? <FormErrorMessage error={fetcher.data.formError} /> : null}
      <input type="hidden" name="qualificationId" value={row.id} />
      <label htmlFor={reasonId} className="label">
        {t("reason")}
      </label>
      <input
        id={reasonId}
        name="reason"
        className="input"
        aria-invalid={errors.reason ? true : undefined}
        aria-describedby={`${reasonId}-hint${errors.reason ? ` ${reasonId}-error` : ""}`}
        maxLength={500}
      />
      <p id={`${reasonId}-hint`} className="text-xs text-slate-500">
        {t("reasonHint")}
      </p>
      {errors.reason ? (
        <p id={`${reasonId}-error`} className="field-error">
          {t(`errors:${errors.reason}`)}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {row.status === "pending" ? (
          <button type="submit" name="decision" value="verify" className="btn-primary py-1" disabled={pending}>
            {t("verify")}
          </button>
        ) : null}
        <button type="submit" name="decision" value="reject" className="btn-danger py-1" disabled={pending}>
          {row.status === "verified" ? t("revoke") : t("reject")}
        </button>
      </div>
    </fetcher.Form>
  );
}

export default function AdminQualifications() {
  const { query, result, today } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("provider");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("adminQualificationsTitle")}</h1>
      <p className="text-sm text-slate-600">{t("adminQualificationsIntro")}</p>
      <nav aria-label={t("status")} className="flex gap-2">
        {STATUSES.map((s) => (
          <Link
            key={s}
            to={`?status=${s}`}
            aria-current={query.status === s ? "page" : undefined}
            className={query.status === s ? "btn-primary py-1" : "btn-secondary py-1"}
          >
            {t(`qualificationStatus.${s}`)}
          </Link>
        ))}
      </nav>
      <section className="card overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="text-slate-500">{t("common:empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("provider")}</th>
                <th scope="col">{t("qualificationType")}</th>
                <th scope="col">
                  {t("certificateNo")} / {t("issuer")}
                </th>
                <th scope="col">{t("scope")}</th>
                <th scope="col">{t("validity")}</th>
                <th scope="col">{t("viewScan")}</th>
                <th scope="col">{query.status === "pending" ? t("submittedAt") : t("reviewedAt")}</th>
                {query.status !== "rejected" ? <th scope="col">{t("actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.id} className="align-top">
                  <td data-label={t("provider")}>
                    <Link to={`/admin/organisations/${row.providerId}`} className="link">
                      {row.providerName}
                    </Link>
                  </td>
                  <td data-label={t("qualificationType")}>
                    {qualificationTypeName(row.type, lang)}
                    <div className="mt-1">
                      <CategoryList codes={row.scopeCategories} />
                    </div>
                  </td>
                  <td data-label={`${t("certificateNo")} / ${t("issuer")}`}>
                    <span className="font-mono text-xs">{row.certificateNo}</span>
                    <p className="text-xs text-slate-600">{row.issuer}</p>
                  </td>
                  <td data-label={t("scope")} className="max-w-64 text-xs">
                    {row.scope}
                    {row.rejectReason ? (
                      <p className="mt-1 text-red-800">{t("rejectReason", { reason: row.rejectReason })}</p>
                    ) : null}
                  </td>
                  <td data-label={t("validity")} className="whitespace-nowrap">
                    {t("validityRange", { from: row.validFrom, to: row.validTo })}
                    {row.validTo < today ? (
                      <span className="badge ml-1 bg-red-50 text-red-800">{t("expiredWarning")}</span>
                    ) : null}
                  </td>
                  <td data-label={t("viewScan")}>
                    {row.scanFileId ? (
                      <a href={`/files/${row.scanFileId}`} className="link">
                        {row.scanName ?? t("viewScan")}
                      </a>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td
                    data-label={query.status === "pending" ? t("submittedAt") : t("reviewedAt")}
                    className="whitespace-nowrap"
                  >
                    {formatDateTime(
                      new Date((query.status === "pending" ? row.createdAt : row.reviewedAt) ?? row.createdAt),
                      lang,
                    )}
                  </td>
                  {query.status !== "rejected" ? (
                    <td data-label={t("actions")}>
                      <DecisionForm row={row} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination page={result.page} pageSize={result.pageSize} total={result.total} />
      </section>
    </div>
  );
}
