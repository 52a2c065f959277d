import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { TRAINING_KINDS } from "../../domain/training";
import { TrainingListQuerySchema } from "../../forms/training";
import { i18nServer } from "../../i18n/i18n.server";
import { resources } from "../../i18n/resources";
import { toLanguage } from "../../i18n/config";
import { spreadsheetResponse } from "../../services/spreadsheet.server";
import { exportTraining, listTraining } from "../../services/training.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "安全培训 · 安服市集" }];

/** /training — the sessions the organisation may see (records it may see ∪ its own), filtered, paged; ?format=xlsx exports. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.training, "view");
  const query = parseQuery(TrainingListQuerySchema, request);
  const today = shanghaiDateString(new Date());
  if (query.format) {
    const rows = await exportTraining(context.db, org, query, today);
    const texts = resources[toLanguage(await i18nServer.getLocale(request))].training.training;
    // A download, not page data (the page's types stay those of the list).
    return (await spreadsheetResponse({
      filename: `training-${today}`,
      sheetName: texts.title,
      format: query.format,
      rows,
      columns: [
        { header: texts.heldOn, width: 12, value: (r) => r.heldOn },
        { header: texts.topic, width: 30, value: (r) => r.topic },
        { header: texts.kind, width: 22, value: (r) => texts.kinds[r.kind] },
        {
          header: texts.enterprise,
          width: 30,
          value: (r) => r.enterpriseName ?? `${texts.group}：${r.groupName ?? ""}`,
        },
        { header: texts.organiser, width: 30, value: (r) => r.organiserName },
        { header: texts.hours, width: 8, value: (r) => r.hours },
        { header: texts.attendeeCount, width: 10, value: (r) => r.attendeeCount },
      ],
    })) as never;
  }
  const result = await listTraining(context.db, org, query, today);
  return { query, result, canEdit };
}

export default function TrainingList() {
  const { query, result, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation("training");
  const location = useLocation();
  const exportHref = (format: string) => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    params.set("format", format);
    return `/training?${params}`;
  };
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("training.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("training.lead")}</p>
        </div>
        {canEdit ? (
          <Link to="/training/new" className="btn-primary">
            {t("training.record")}
          </Link>
        ) : null}
      </header>
      <Form method="get" className="card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="kind" className="label">
            {t("training.kind")}
          </label>
          <select id="kind" name="kind" className="input" defaultValue={query.kind ?? ""}>
            <option value="">{t("common:all")}</option>
            {TRAINING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`training.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="label">
            {t("training.from")}
          </label>
          <input id="from" name="from" type="date" className="input" defaultValue={query.from ?? ""} />
        </div>
        <div>
          <label htmlFor="to" className="label">
            {t("training.to")}
          </label>
          <input id="to" name="to" type="date" className="input" defaultValue={query.to ?? ""} />
        </div>
        <div>
          <label htmlFor="q" className="label">
            {t("training.q")}
          </label>
          <input id="q" name="q" className="input" maxLength={50} defaultValue={query.q ?? ""} />
        </div>
        <button type="submit" className="btn-secondary">
          {t("common:filter")}
        </button>
        <a className="link text-sm" href={exportHref("xlsx")}>
          {t("training.export")}
        </a>
        <a className="link text-sm" href={exportHref("csv")}>
          {t("training.exportCsv")}
        </a>
      </Form>
      <section className="card overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="text-slate-500">{t("training.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("training.heldOn")}</th>
                <th scope="col">{t("training.topic")}</th>
                <th scope="col">{t("training.kind")}</th>
                <th scope="col">{t("training.enterprise")}</th>
                <th scope="col">{t("training.organiser")}</th>
                <th scope="col">{t("training.attendeeCount")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("training.heldOn")}>{r.heldOn}</td>
                  <td data-label={t("training.topic")}>
                    <Link className="link" to={`/training/${r.id}`}>
                      {r.topic}
                    </Link>
                  </td>
                  <td data-label={t("training.kind")}>{t(`training.kinds.${r.kind}`)}</td>
                  <td data-label={t("training.enterprise")}>
                    {r.enterpriseName ?? `${t("training.group")}：${r.groupName ?? ""}`}
                  </td>
                  <td data-label={t("training.organiser")}>{r.organiserName}</td>
                  <td data-label={t("training.attendeeCount")}>
                    {r.attendeeCount}
                    {r.hours ? ` · ${t("training.hoursValue", { hours: r.hours })}` : ""}
                  </td>
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
