import type { BackendModule, ResourceLanguage } from "i18next";
import type { Language } from "./config";

/**
 * One chunk per language (i18n-<lang>.ts: all namespaces of locales/<lang>/), loaded on
 * demand: a page downloads the active language only, and the other one when the user
 * switches. Docs: docs/decisions/016-client-i18n-and-region-data.md.
 */
const bundles: Record<Language, () => Promise<ResourceLanguage>> = {
  "zh-CN": () => import("./i18n-zh-CN").then((m) => ({ ...m })),
  en: () => import("./i18n-en").then((m) => ({ ...m })),
};

export function loadLanguage(lng: Language): Promise<ResourceLanguage> {
  return bundles[lng]();
}

/** i18next backend reading a namespace from its language's chunk (the module is imported once). */
export const lazyLanguageBackend: BackendModule = {
  type: "backend",
  init() {},
  read(lng, ns, callback) {
    const load = bundles[lng as Language];
    if (!load) return callback(null, {});
    load().then(
      (bundle) => callback(null, bundle[ns] ?? {}),
      (error: Error) => callback(error, null),
    );
  },
};
