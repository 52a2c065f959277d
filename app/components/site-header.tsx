import { useEffect, useState } from "react";
import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RootData } from "../root";
import { NAV_BY_KIND, PUBLIC_NAV } from "./nav-items";
import { NotificationBell } from "./notification-bell";

/** The menu's id, shared by the ☰ button (aria-controls) and the CSS that collapses it. */
const MENU_ID = "site-menu";

/**
 * Below `md` the nav, language switch and account links fold into a menu behind a ☰ button;
 * the bell stays in the bar. From `md` up the menu box is `display: contents`, so its children
 * sit in the bar exactly as before. Without JavaScript the menu stays open (see `.site-menu`
 * in tailwind.css and the `js` class set in root.tsx).
 */
export function SiteHeader() {
  const data = useRouteLoaderData<RootData>("root");
  const { t } = useTranslation();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  // A followed link closes the menu, as a new page would.
  useEffect(() => setMenuOpen(false), [location.pathname, location.search]);
  const items = data?.org ? NAV_BY_KIND[data.org.kind] : PUBLIC_NAV;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link to="/" className="mr-auto flex items-center gap-2 text-lg font-semibold text-brand-700 md:mr-0">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {t("common:appName")}
        </Link>
        {data?.user && data.org ? (
          <div className="md:order-1">
            <NotificationBell unread={data.unread} />
          </div>
        ) : null}
        <button
          type="button"
          className="menu-button inline-flex items-center gap-1 rounded border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 md:hidden"
          aria-expanded={menuOpen}
          aria-controls={MENU_ID}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true">☰</span>
          {t("nav:menu")}
        </button>
        <div
          id={MENU_ID}
          data-open={menuOpen ? "true" : undefined}
          className="site-menu flex w-full flex-col gap-2 border-t border-slate-100 pt-2 md:contents"
        >
          <nav aria-label={t("nav:label")} className="flex flex-col gap-1 md:flex-1 md:flex-row md:flex-wrap">
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
            <div className="flex flex-wrap items-center gap-2 text-sm md:order-2">
              <Link to="/settings/account" className="px-3 py-1.5 text-slate-700 hover:underline md:px-0 md:py-0">
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
      <button type="submit" className="rounded px-3 py-1 text-sm text-slate-700 hover:bg-slate-100 md:px-2" lang={next}>
        {t("common:switchLanguage")}
      </button>
    </Form>
  );
}
