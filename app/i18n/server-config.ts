import { i18nBaseConfig } from "./config";
import { resources } from "./resources";

/** The server's i18next options: every namespace of every language, bundled. */
export const i18nServerConfig = {
  ...i18nBaseConfig,
  ns: Object.keys(resources["zh-CN"]),
  resources,
};
