import path from "node:path";
import type { Plugin } from "vite";
import { routeNamespaces } from "./namespace-scan";

export const ROUTE_NAMESPACES_MODULE = "virtual:i18n-route-namespaces";
const RESOLVED = `\0${ROUTE_NAMESPACES_MODULE}`;

/** `app/i18n/locales/<lng>/<ns>.ts` → [lng, ns]. */
export function namespaceOfModule(id: string | null | undefined): [string, string] | null {
  const m = /[\\/]i18n[\\/]locales[\\/]([\w-]+)[\\/](\w+)\.ts$/.exec(id ?? "");
  return m && m[2] !== "index" ? [m[1], m[2]] : null;
}

/**
 * Translations per namespace in the browser (docs/decisions/023-namespace-chunks.md):
 * - names each namespace chunk `i18n-<lng>-<ns>-<hash>.js` (two languages have files of the same
 *   name; bench/route-js.ts and the e2e test find a namespace's chunk by this name);
 * - serves `virtual:i18n-route-namespaces`: route id → namespaces its module and static imports
 *   use, read from the sources when the module is built (app/i18n/namespace-scan.ts).
 */
export function i18nNamespaces(): Plugin {
  let appDir = "";
  return {
    name: "anfu-i18n-namespaces",
    config(_config, env) {
      if (env.isSsrBuild) return;
      return {
        build: {
          rollupOptions: {
            output: {
              chunkFileNames(chunk) {
                const found = namespaceOfModule(chunk.facadeModuleId);
                return found ? `assets/i18n-${found[0]}-${found[1]}-[hash].js` : "assets/[name]-[hash].js";
              },
            },
          },
        },
      };
    },
    configResolved(config) {
      appDir = path.join(config.root, "app");
    },
    resolveId(id) {
      return id === ROUTE_NAMESPACES_MODULE ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      return `export default ${JSON.stringify(routeNamespaces(appDir))};`;
    },
  };
}
