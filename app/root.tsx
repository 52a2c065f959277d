import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { AppErrorBoundary } from "./components/error-boundary";
import { SiteHeader } from "./components/site-header";
import { toLanguage } from "./i18n/config";
import enCommon from "./i18n/locales/en/common";
import zhCommon from "./i18n/locales/zh-CN/common";
import { i18nServer } from "./i18n/i18n.server";
import { UsedNamespaces, useRouteNamespaces } from "./i18n/used-namespaces";
import stylesheet from "./tailwind.css?url";
import { unreadCount } from "./services/notifications.server";
import { getSessionContext } from "./utils/auth.server";
import { passThroughHeaders } from "./utils/http.server";
import { useNonce } from "./utils/nonce";

/** An error page rendered here (a 429 thrown by any route's loader) keeps its Retry-After. */
export const headers = passThroughHeaders;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [lang, found] = await Promise.all([i18nServer.getLocale(request), getSessionContext(request, context)]);
  // The header bell's number; revalidated with every navigation and form post.
  const unread = found?.org ? await unreadCount(context.db, { userId: found.user.id, orgId: found.org.id }) : 0;
  return {
    unread,
    lang: toLanguage(lang),
    user: found ? { id: found.user.id, name: found.user.name, email: found.user.email } : null,
    org: found?.org
      ? {
          id: found.org.id,
          kind: found.org.kind,
          name: found.org.name,
          role: found.org.role,
          suspended: !!found.org.suspendedAt,
        }
      : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

/** Every page has a <title> (WCAG 2.4.2): routes without meta of their own inherit this one. */
// Only the two "common" namespaces are imported here, not every translation: this module is in
// every page's JavaScript (docs/decisions/016-client-i18n-and-region-data.md).
const appNames = { "zh-CN": zhCommon.appName, en: enCommon.appName };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: appNames[toLanguage(data?.lang)] }];
export const useRootData = () => useRouteLoaderData<RootData>("root");

const MARK_SCRIPTED = "document.documentElement.classList.add('js')";

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const nonce = useNonce();
  const { i18n } = useTranslation();
  const lang = data?.lang ?? toLanguage(i18n.language);
  return (
    // suppressHydrationWarning: the inline script below adds the `js` class before React hydrates.
    <html lang={lang} suppressHydrationWarning>
      <head>
        <meta charSet="utf-8" />
        {/* Marks the page as scripted before first paint, so the mobile menu starts collapsed only
            when its button can open it; without JavaScript the menu simply stays open. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: MARK_SCRIPTED }} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {i18n.t("common:skipToContent")}
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        {/* After the content: the namespaces its render used, for the browser (decision 023). */}
        <UsedNamespaces />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { lang } = useLoaderData<typeof loader>();
  useChangeLanguage(lang);
  // Loads the namespaces of the routes being shown before they render (decision 023).
  useRouteNamespaces(useMatches().map((m) => m.id));
  return <Outlet />;
}

export function ErrorBoundary() {
  return <AppErrorBoundary />;
}
