import type { i18n as I18n } from "i18next";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import routeNamespaces from "virtual:i18n-route-namespaces";
import { usedNamespacesOf } from "./record-namespaces";

/**
 * Which namespaces a page needs in the browser (docs/decisions/023-namespace-chunks.md):
 * - the server records every namespace its render looked a key up in, or declared with
 *   `useTranslation(ns)`, and writes the list into the page (`<UsedNamespaces />`); the browser
 *   loads exactly those before it hydrates;
 * - after a client-side navigation, the new routes' namespaces (found in their sources at build
 *   time, `virtual:i18n-route-namespaces`) are loaded before the new page renders
 *   (`useRouteNamespaces`); after hydration, the current routes' are loaded in the background,
 *   for what only the browser renders (client-side validation messages, for example).
 */

export const USED_NAMESPACES_ID = "i18n-namespaces";

/** In the browser: the list the server embedded (read once, before hydration). */
let embedded: string | null = null;
export function readEmbeddedNamespaces(doc: Document): string[] {
  embedded = doc.getElementById(USED_NAMESPACES_ID)?.textContent ?? null;
  try {
    const list: unknown = JSON.parse(embedded ?? "null");
    if (Array.isArray(list) && list.every((ns) => typeof ns === "string")) return list;
  } catch {
    // fall through: a page without the list (an old cached page) loads the default namespace
  }
  return ["common"];
}

/**
 * The list of namespaces the server's render used, as a JSON data block (not executed, so no
 * CSP nonce). Rendered by the root layout after the page content, so that every component
 * before it has been rendered (React renders a tree without Suspense boundaries in order). The
 * browser renders the same text it read, so hydration matches.
 */
export function UsedNamespaces() {
  const { i18n } = useTranslation();
  const list = usedNamespacesOf(i18n);
  const text = list ? JSON.stringify(list) : (embedded ?? "[]");
  return (
    <script
      id={USED_NAMESPACES_ID}
      type="application/json"
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: text }}
    />
  );
}

const routeMap = routeNamespaces as Record<string, string[]>;

/** The namespaces the given routes' sources use (root first, as useMatches lists them). */
export function namespacesOfRoutes(routeIds: readonly string[]): string[] {
  return [...new Set(routeIds.flatMap((id) => routeMap[id] ?? []))].sort();
}

const pending = new Map<string, Promise<void>>();
function loading(i18n: I18n, namespaces: string[]): Promise<void> {
  const key = `${i18n.language}|${namespaces.join()}`;
  let found = pending.get(key);
  if (!found) {
    found = i18n.loadNamespaces(namespaces).finally(() => pending.delete(key));
    pending.set(key, found);
  }
  return found;
}

let hydrated = false;

/**
 * Makes the current routes' namespaces available before they render. During hydration nothing
 * waits (the server's list is loaded already); afterwards a render that needs a namespace not
 * loaded yet suspends until its chunk arrives. Remix renders navigations in a transition
 * (v7_startTransition), so the previous page stays on screen meanwhile: no keys flash.
 */
export function useRouteNamespaces(routeIds: readonly string[]): void {
  const { i18n } = useTranslation();
  const needed = namespacesOfRoutes(routeIds);
  const isBrowser = typeof document !== "undefined";
  const missing = isBrowser ? needed.filter((ns) => !i18n.hasLoadedNamespace(ns)) : [];
  const missingKey = missing.join();
  useEffect(() => {
    hydrated = true;
    if (missingKey) void loading(i18n, missingKey.split(","));
  }, [i18n, missingKey]);
  if (missing.length > 0 && hydrated) throw loading(i18n, missing);
}
