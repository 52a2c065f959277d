import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useRootData } from "../root";

export const meta: MetaFunction = () => [
  { title: "安服市集 — 安全生产社会化服务平台" },
  {
    name: "description",
    content: "中小企业找安全服务、保险机构落实“6+3”事故预防服务、应急管理局开展补助与信用监管的平台。",
  },
];

const AUDIENCES = ["enterprise", "provider", "insurer", "group", "bureau"] as const;
const PRINCIPLES = ["choice", "qualified", "credit"] as const;

export default function Home() {
  const { t } = useTranslation("home");
  const root = useRootData();
  return (
    <div className="space-y-12">
      <section className="rounded-2xl bg-gradient-to-br from-brand-700 to-brand-500 px-8 py-14 text-white">
        <h1 className="text-3xl font-bold sm:text-4xl">{t("heroTitle")}</h1>
        <p className="mt-4 max-w-3xl text-lg text-brand-50">{t("heroBody")}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          {root?.user ? (
            <Link to="/dashboard" className="btn bg-white text-brand-700 hover:bg-brand-50">
              {t("nav:dashboard")}
            </Link>
          ) : (
            <Link to="/register" className="btn bg-white text-brand-700 hover:bg-brand-50">
              {t("ctaRegister")}
            </Link>
          )}
          <Link to="/providers" className="btn border border-white/70 text-white hover:bg-white/10">
            {t("ctaProviders")}
          </Link>
        </div>
      </section>
      <section aria-labelledby="for-whom">
        <h2 id="for-whom" className="mb-4 text-2xl font-semibold">
          {t("forWhom")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {AUDIENCES.map((a) => (
            <li key={a} className="card">
              <h3 className="text-lg font-semibold text-brand-700">{t(`audience.${a}.title`)}</h3>
              <p className="mt-2 text-sm leading-6 text-slate-700">{t(`audience.${a}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="principles" className="card">
        <h2 id="principles" className="mb-3 text-xl font-semibold">
          {t("principles")}
        </h2>
        <ul className="list-disc space-y-2 pl-5 text-slate-700">
          {PRINCIPLES.map((p) => (
            <li key={p}>{t(`principleList.${p}`)}</li>
          ))}
        </ul>
      </section>
      <footer className="border-t border-slate-200 pt-6 text-center text-sm text-slate-500">
        {t("common:footer")}
      </footer>
    </div>
  );
}
