import type { BackendModule, ResourceKey } from "i18next";
import type { Language } from "./config";

/**
 * One chunk per namespace and language (`i18n-<lng>-<ns>-<hash>.js`, named by
 * app/i18n/vite-plugin.ts), loaded on demand. A new `locales/<lng>/<ns>.ts` file is found here
 * without any registration. Docs: docs/decisions/023-namespace-chunks.md.
 */
const modules = import.meta.glob<{ default: ResourceKey }>(["./locales/*/*.ts", "!./locales/*/index.ts"]);

const loaders = new Map<string, () => Promise<{ default: ResourceKey }>>();
for (const [file, load] of Object.entries(modules)) {
  const m = /^\.\/locales\/([\w-]+)\/(\w+)\.ts$/.exec(file);
  if (m) loaders.set(`${m[1]}|${m[2]}`, load);
}

/** One namespace of one language; an unknown one is empty (i18next then shows keys, as on the server). */
export function loadNamespace(lng: string, ns: string): Promise<ResourceKey> {
  const load = loaders.get(`${lng}|${ns}`);
  return load ? load().then((m) => m.default) : Promise.resolve({});
}

/** Several namespaces of one language, in parallel: { ns: resources }. */
export async function loadNamespaces(
  lng: Language,
  namespaces: readonly string[],
): Promise<Record<string, ResourceKey>> {
  const loaded = await Promise.all(namespaces.map((ns) => loadNamespace(lng, ns)));
  return Object.fromEntries(namespaces.map((ns, i) => [ns, loaded[i]]));
}

/** i18next backend reading a namespace from its own chunk (each module is imported once). */
export const lazyNamespaceBackend: BackendModule = {
  type: "backend",
  init() {},
  read(lng, ns, callback) {
    loadNamespace(lng, ns).then(
      (resources) => callback(null, resources),
      (error: Error) => callback(error, null),
    );
  },
};
