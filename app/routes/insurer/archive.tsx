import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ComplaintBadge } from "../../components/complaint-badge";
import { ACCESS } from "../../domain/access";
import type { IsoDate } from "../../domain/calendar-date";
import { formatFen, shanghaiDateString } from "../../domain/format";
import { toLanguage } from "../../i18n/config";
import { getEnterpriseArchive } from "../../services/insurance-archive.server";
import { requireAccess } from "../../utils/access.server";
import { orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "一企一档 · 安服市集" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const today = shanghaiDateString(new Date()) as IsoDate;
  return orErrorPage(() => getEnterpriseArchive(context.db, org.id, uuidOrNotFound(params.enterpriseId), today));
}

function Table({ headers, rows, empty }: { headers: string[]; rows: ReactNode[][]; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((cell, j) => (
              <td key={j} data-label={headers[j]}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const when = (d: string | Date | null) => (d ? new Date(d).toISOString().slice(0, 16).replace("T", " ") : "—");

export default function ArchivePage() {
  const a = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("premiumLedger");
  const fen = (v: number) => formatFen(v, toLanguage(i18n.language));
  const c = (k: string) => t(`archive.col.${k}`);
  const empty = t("archive.empty");
  const section = (title: string, body: ReactNode) => (
    <section className="card overflow-x-auto">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {body}
    </section>
  );
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">{t("archive.title", { name: a.enterprise.name })}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("archive.lead")}</p>
        </div>
        <a className="btn-secondary" href={`/insurer/enterprises/${a.enterprise.id}/archive.xlsx`}>
          {t("archive.export")}
        </a>
      </header>
      {section(
        t("archive.policies"),
        <Table
          empty={empty}
          headers={[c("policy"), c("period"), c("premium"), c("fund"), c("grade"), c("status")]}
          rows={a.policies.map((p) => [
            <Link key="l" className="link" to={`/insurer/policies/${p.id}/ledger`}>
              {p.policyNumber}
            </Link>,
            `${p.startDate} ~ ${p.endDate}`,
            fen(p.premiumFen),
            fen(p.fundFen),
            p.riskGrade,
            t(`insurance:policyStatus.${p.status}`),
          ])}
        />,
      )}
      {section(
        t("archive.assessment"),
        <Table
          empty={empty}
          headers={[c("policy"), c("year"), c("period"), c("itemsDue"), c("itemsDone"), c("completion")]}
          rows={a.assessment.map((y) => [
            y.policyNumber,
            y.year,
            `${y.from} ~ ${y.to}`,
            y.due,
            y.done,
            y.completionPct === null ? "—" : `${y.completionPct}%`,
          ])}
        />,
      )}
      {section(
        t("archive.items"),
        <Table
          empty={empty}
          headers={[c("policy"), c("service"), c("due"), c("status")]}
          rows={a.items.map((i) => [
            i.policyNumber,
            `${t(`insurance:service.${i.service}`)} ${i.sequence}`,
            i.dueDate,
            t(`insurance:status.${i.status}`),
          ])}
        />,
      )}
      {section(
        t("archive.visits"),
        <Table
          empty={empty}
          headers={[c("service"), c("time"), c("place"), c("staff"), c("confirmed")]}
          rows={a.visits.map((v) => [
            t(`insurance:service.${v.service}`),
            `${when(v.startedAt)} ~ ${when(v.endedAt)}`,
            v.place,
            v.staffNames.join("、"),
            v.serviceConfirmedAt && v.enterpriseConfirmedAt ? t("archive.yes") : t("archive.no"),
          ])}
        />,
      )}
      {section(
        t("archive.commissions"),
        <Table
          empty={empty}
          headers={[c("policy"), c("service"), c("provider"), c("price"), c("status")]}
          rows={a.commissions.map((x) => [
            x.policyNumber,
            x.title,
            x.providerName,
            fen(x.priceFen),
            t(`engagements:status.${x.status}`),
          ])}
        />,
      )}
      {section(
        t("archive.ledger"),
        <Table
          empty={empty}
          headers={[c("policy"), c("time"), t("ledger.entryCol.kind"), c("price"), t("ledger.entryCol.overrun")]}
          rows={a.entries.map((e) => [
            e.policyNumber,
            when(e.createdAt),
            t(`ledger.entryKind.${e.kind}`),
            fen(e.amountFen),
            e.overrunFen > 0 ? fen(e.overrunFen) : "—",
          ])}
        />,
      )}
      {section(
        t("archive.complaints"),
        <Table
          empty={empty}
          headers={[
            t("complaints.col.subject"),
            t("complaints.col.filedOn"),
            t("complaints.col.dueOn"),
            t("complaints.col.state"),
          ]}
          rows={a.complaints.map((x) => [
            <Link key="l" className="link" to={`/insurer/complaints/${x.id}`}>
              {x.subject}
            </Link>,
            x.filedOn,
            x.deadline.dueOn,
            <ComplaintBadge key="b" answered={Boolean(x.answeredAt)} breached={x.deadline.breached} />,
          ])}
        />,
      )}
      {section(
        t("archive.hazards"),
        <Table
          empty={empty}
          headers={[c("description"), c("foundOn"), c("finder"), c("status")]}
          rows={a.hazards.map((h) => [
            <Link key="l" className="link" to={`/hazards/${h.id}`}>
              {h.description}
            </Link>,
            h.foundOn,
            h.finderName,
            t(`hazards:status.${h.status}`),
          ])}
        />,
      )}
    </div>
  );
}
