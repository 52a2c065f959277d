import type { i18n as I18n } from "i18next";

/** Server side of docs/decisions/023-namespace-chunks.md (the browser side: used-namespaces.tsx). */

export type Recording = I18n & { usedNamespaces: Set<string> };

/** The module-internal translator of i18next (every lookup resolves its namespaces here). */
type Translator = { extractFromKey(key: string, options: object): { key: string; namespaces: string[] } };

/**
 * A per-request view of a shared, initialised i18next instance that records the namespaces
 * looked up through it: `t`, `getFixedT`'s functions, `exists`, nested `$t(ns:key)` all go
 * through the translator's `extractFromKey`, and react-i18next reports `useTranslation(ns)`
 * through `reportNamespaces`. Nothing is written to the shared instance.
 */
export function recordNamespaces(shared: I18n): Recording {
  const used = new Set<string>();
  const base = (shared as unknown as { translator: Translator }).translator;
  const translator: Translator = Object.create(base);
  translator.extractFromKey = function (this: Translator, key, options) {
    const found = base.extractFromKey.call(this, key, options);
    for (const ns of found.namespaces) used.add(ns);
    return found;
  };
  const report = {
    addUsedNamespaces(namespaces: readonly string[]) {
      for (const ns of namespaces) used.add(ns);
    },
    getUsedNamespaces: () => [...used],
  };
  const view = Object.create(shared, {
    translator: { value: translator },
    usedNamespaces: { value: used },
    reportNamespaces: { value: report },
  }) as Recording;
  // i18next binds its methods to the instance in its constructor: re-bind those that reach the
  // translator (getFixedT's functions call `this.t`) to the view.
  const proto = Object.getPrototypeOf(shared) as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ["t", "exists", "getFixedT"]) {
    Object.defineProperty(view, name, { value: proto[name].bind(view) });
  }
  return view;
}

/** The recorded list, sorted (what the page embeds). */
export function usedNamespacesOf(i18n: I18n): string[] | null {
  const used = (i18n as Partial<Recording>).usedNamespaces;
  return used ? [...used].sort() : null;
}
