// The browser's en translations as one lazily loaded chunk ("i18n-en-<hash>.js", a name
// bench/route-js.ts looks for). Imported only by client-resources.ts.
export * from "./locales/en";
