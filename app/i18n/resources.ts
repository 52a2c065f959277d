import * as en from "./locales/en";
import * as zh from "./locales/zh-CN";

/**
 * Every namespace of every language. A namespace is one file per language under
 * locales/<lang>/; the zh-CN file is the reference and the en file must have the same keys
 * (a unit test checks).
 */
export const resources = { "zh-CN": { ...zh }, en: { ...en } };
