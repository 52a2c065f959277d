import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nConfig, toLanguage } from "./i18n/config";

async function hydrate() {
  await i18next.use(initReactI18next).init({
    ...i18nConfig,
    ns: [...i18nConfig.ns],
    lng: toLanguage(document.documentElement.lang),
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
