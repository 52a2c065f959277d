// The browser's zh-CN translations as one lazily loaded chunk ("i18n-zh-CN-<hash>.js", a name
// bench/route-js.ts looks for). Imported only by client-resources.ts.
export * from "./locales/zh-CN";
