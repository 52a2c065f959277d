import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Control, ViolationFields, ViolationTable } from "../../components/credit-record-fields";
import { FormErrorMessage, SuccessNote } from "../../components/forms";
import { Pagination } from "../../components/pagination";
import { useValidatedFetcher, type FetcherFormResult } from "../../components/validated-fetcher";
import { shanghaiDateString } from "../../domain/format";
import { pageFromUrl } from "../../domain/paging";
import { AdminViolationSchema } from "../../forms/credit";
import { findProviderByUscc, listViolations, recordViolation } from "../../services/evaluations.server";
import { requirePlatformAdmin } from "../../utils/auth.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";

type Result = FetcherFormResult & { saved?: { grade: string | null; suspended: boolean } };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request, context);
  const page = pageFromUrl(request.url);
  return { violations: await listViolations(context.db, { page }), today: shanghaiDateString(new Date()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requirePlatformAdmin(request, context);
  const parsed = parseForm(AdminViolationSchema, await readFormData(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const { providerUscc, ...violation } = parsed.data;
  try {
    const provider = await findProviderByUscc(context.db, providerUscc);
    const { credit } = await recordViolation(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      { providerId: provider.id, ...violation },
      new Date(),
    );
    return { saved: { grade: credit?.grade ?? null, suspended: !!credit?.suspendedNow } };
  } catch (error) {
    return formFailure(error);
  }
}

export default function AdminViolations() {
  const { violations, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation("credit");
  const form = useValidatedFetcher<Result>(AdminViolationSchema);
  const saved = form.fetcher.data?.saved;
  const grade = saved ? t(`grade.${saved.grade ?? "none"}`) : "";
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("admin.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("admin.intro")}</p>
      </header>
      <section className="card max-w-2xl" aria-labelledby="violation-title">
        <h2 id="violation-title" className="mb-3 text-lg font-semibold">
          {t("bureau.violationForm")}
        </h2>
        {saved ? (
          <SuccessNote className="mb-4">
            {saved.suspended ? t("bureau.savedSuspended", { grade }) : t("bureau.saved", { grade })}
          </SuccessNote>
        ) : form.fetcher.data?.formError ? (
          <FormErrorMessage error={form.fetcher.data.formError} />
        ) : null}
        <form.fetcher.Form method="post" noValidate onSubmit={form.onSubmit}>
          <Control form="admin-violation" name="providerUscc" label={t("admin.uscc")} errors={form.errors}>
            {(p) => <input {...p} name="providerUscc" className="input font-mono" maxLength={18} autoComplete="off" />}
          </Control>
          <ViolationFields form="admin-violation" errors={form.errors} today={today} />
          <button type="submit" className="btn-danger" disabled={form.pending} aria-busy={form.pending}>
            {t("bureau.save")}
          </button>
        </form.fetcher.Form>
      </section>
      <ViolationTable title={t("admin.listTitle")} rows={violations.rows} showRecorder />
      <Pagination page={violations.page} pageSize={violations.pageSize} total={violations.total} />
    </div>
  );
}
