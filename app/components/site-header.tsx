import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RootData } from "../root";
import { NAV_BY_KIND, PUBLIC_NAV } from "./nav-items";
import { NotificationBell } from "./notification-bell";

export function SiteHeader() {
  const data = useRouteLoaderData<RootData>("root");
  const { t } = useTranslation();
  const items = data?.org ? NAV_BY_KIND[data.org.kind] : PUBLIC_NAV;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        <Link to="/" className="flex items-center gap-2 text-lg font-semibold text-brand-700">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {t("common:appName")}
        </Link>
        <nav aria-label={t("nav:label")} className="flex flex-1 flex-wrap gap-1">
          {items.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              className={({ isActive }) =>
                `rounded px-3 py-1.5 text-sm ${isActive ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`
              }
            >
              {t(`nav:${item.labelKey}`)}
            </NavLink>
          ))}
        </nav>
        <LanguageSwitcher />
        {data?.user ? (
          <div className="flex items-center gap-2 text-sm">
            {data.org ? <NotificationBell unread={data.unread} /> : null}
            <Link to="/settings/account" className="text-slate-700 hover:underline">
              {data.user.name}
              {data.org ? <span className="text-slate-500"> · {data.org.name}</span> : null}
            </Link>
            <Form method="post" action="/logout" className="shrink-0">
              <button type="submit" className="btn-secondary whitespace-nowrap py-1">
                {t("nav:logout")}
              </button>
            </Form>
          </div>
        ) : (
          <div className="flex items-center gap-2 text-sm">
            <Link to="/login" className="btn-secondary py-1">
              {t("nav:login")}
            </Link>
            <Link to="/register" className="btn-primary py-1">
              {t("nav:register")}
            </Link>
          </div>
        )}
      </div>
      {data?.org?.suspended ? (
        <p role="alert" className="bg-amber-50 px-4 py-2 text-center text-sm text-amber-800">
          {t("common:orgSuspendedBanner")}
        </p>
      ) : null}
    </header>
  );
}

function LanguageSwitcher() {
  const data = useRouteLoaderData<RootData>("root");
  const { t } = useTranslation();
  const location = useLocation();
  const next = data?.lang === "en" ? "zh-CN" : "en";
  return (
    <Form method="post" action="/set-language">
      <input type="hidden" name="lng" value={next} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100" lang={next}>
        {t("common:switchLanguage")}
      </button>
    </Form>
  );
}
