import { resources } from "./resources";

export const SUPPORTED_LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "zh-CN";

export function toLanguage(value: string | null | undefined): Language {
  return SUPPORTED_LANGUAGES.find((l) => l === value) ?? DEFAULT_LANGUAGE;
}

/** Shared by the server and the browser so both render the same strings. */
export const i18nConfig = {
  supportedLngs: [...SUPPORTED_LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: "common",
  ns: Object.keys(resources["zh-CN"]),
  resources,
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;
