import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nBaseConfig, toLanguage } from "./i18n/config";
import { lazyLanguageBackend, loadLanguage } from "./i18n/client-resources";

async function hydrate() {
  // Only the page's language is downloaded (docs/decisions/016-client-i18n-and-region-data.md);
  // the backend fetches the other one if the user switches. No fallback language in the
  // browser: en mirrors zh-CN key for key (app/i18n/resources.test.ts), and a fallback would
  // make i18next download zh-CN for every English page.
  const lng = toLanguage(document.documentElement.lang);
  const bundle = await loadLanguage(lng);
  await i18next
    .use(lazyLanguageBackend)
    .use(initReactI18next)
    .init({
      ...i18nBaseConfig,
      fallbackLng: false,
      lng,
      ns: Object.keys(bundle),
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
