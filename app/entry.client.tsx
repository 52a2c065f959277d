import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nBaseConfig, toLanguage } from "./i18n/config";
import { lazyNamespaceBackend, loadNamespaces } from "./i18n/client-resources";
import { readEmbeddedNamespaces } from "./i18n/used-namespaces";

async function hydrate() {
  // Only the namespaces the server's render used, in the page's language, are downloaded before
  // hydrating (docs/decisions/023-namespace-chunks.md); the backend fetches others when a route
  // or a language switch needs them. No fallback language in the browser: en mirrors zh-CN key
  // for key (app/i18n/resources.test.ts), and a fallback would download zh-CN for English pages.
  const lng = toLanguage(document.documentElement.lang);
  const namespaces = readEmbeddedNamespaces(document);
  const bundle = await loadNamespaces(lng, namespaces);
  await i18next
    .use(lazyNamespaceBackend)
    .use(initReactI18next)
    .init({
      ...i18nBaseConfig,
      fallbackLng: false,
      lng,
      ns: namespaces,
      resources: { [lng]: bundle },
      partialBundledLanguages: true,
    });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
