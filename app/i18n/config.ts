export const SUPPORTED_LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "zh-CN";

export function toLanguage(value: string | null | undefined): Language {
  return SUPPORTED_LANGUAGES.find((l) => l === value) ?? DEFAULT_LANGUAGE;
}

/**
 * Options shared by the server and the browser so both render the same strings. No
 * translations here: the server adds every language (app/i18n/resources.ts), the browser only
 * the active one (app/i18n/client-resources.ts) — docs/decisions/016-client-i18n-and-region-data.md.
 */
export const i18nBaseConfig = {
  supportedLngs: [...SUPPORTED_LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;
