import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../domain/format";
import { toLanguage } from "../i18n/config";

export type OrgRow = {
  id: string;
  kind: string;
  name: string;
  uscc: string | null;
  regionCode: string;
  verificationStatus: string;
  suspendedAt: string | Date | null;
  createdAt: string | Date;
};

export function StatusBadge({ status, suspended }: { status: string; suspended: boolean }) {
  const { t } = useTranslation();
  const shown = suspended ? "suspended" : status;
  const colour = {
    verified: "bg-brand-50 text-brand-700",
    pending: "bg-amber-50 text-amber-800",
    rejected: "bg-red-50 text-red-800",
    suspended: "bg-slate-200 text-slate-700",
  }[shown];
  return <span className={`badge ${colour}`}>{t(`common:verification.${shown}`)}</span>;
}

/** The organisations table shared by the admin list and a bureau's region list. */
/** `regionNames`: address names of the rows' region codes, resolved by the loader (regionNamesOf). */
export function OrgTable({
  rows,
  regionNames,
  linkTo,
}: {
  rows: OrgRow[];
  regionNames: Record<string, string>;
  linkTo?: (id: string) => string;
}) {
  const { t, i18n } = useTranslation("admin");
  const lang = toLanguage(i18n.language);
  if (rows.length === 0) return <p className="text-slate-500">{t("common:empty")}</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t("settings:orgName")}</th>
          <th scope="col">{t("kind")}</th>
          <th scope="col">{t("common:uscc")}</th>
          <th scope="col">{t("region")}</th>
          <th scope="col">{t("status")}</th>
          <th scope="col">{t("registeredAt")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.id}>
            <td data-label={t("settings:orgName")}>
              {linkTo ? (
                <Link className="link" to={linkTo(o.id)}>
                  {o.name}
                </Link>
              ) : (
                o.name
              )}
            </td>
            <td data-label={t("kind")}>{t(`common:kind.${o.kind}`)}</td>
            <td data-label={t("common:uscc")} className="font-mono text-xs">
              {o.uscc ?? "—"}
            </td>
            <td data-label={t("region")}>{regionNames[o.regionCode] ?? ""}</td>
            <td data-label={t("status")}>
              <StatusBadge status={o.verificationStatus} suspended={!!o.suspendedAt} />
            </td>
            <td data-label={t("registeredAt")}>{formatDate(new Date(o.createdAt), lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
