import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { SUPPORTED_LANGUAGES } from "../app/i18n/config";
import { routeNamespaces } from "../app/i18n/namespace-scan";

/**
 * npm run bench:js [-- --build=build --limit-kb=150]
 * The JavaScript a first visit to each route downloads, from the production build alone (no
 * database, no server): the client entry, the root route and the route's own module with all
 * their static imports, deduplicated — what Remix puts in the page's <script type="module"> and
 * <link rel="modulepreload"> tags — plus the translation chunks the page loads: one per namespace
 * (`i18n-<lang>-<ns>-<hash>.js`), for every namespace the sources of the route and its parents use
 * (app/i18n/namespace-scan.ts: what the browser loads before hydrating is a subset of these, the
 * rest follows after; docs/decisions/023-namespace-chunks.md), counted in the heavier language
 * for that route. Gzip at level 9, like pre-compressed assets.
 * Exits 1 when a route is over the limit (issue 12: ≤ 150 KB gz on every route).
 */

export type RouteManifestEntry = {
  id: string;
  path?: string;
  index?: boolean;
  parentId?: string;
  module: string;
  imports?: string[];
};
export type ClientManifest = {
  entry: { module: string; imports?: string[] };
  routes: Record<string, RouteManifestEntry>;
};
export type AssetSize = { raw: number; gzip: number };
export type RouteJs = { id: string; url: string; files: string[]; raw: number; gzip: number };

/** The URL pattern of a route, built from its parents' paths ("/providers/:providerId"). */
export function routeUrl(manifest: ClientManifest, id: string): string {
  const parts: string[] = [];
  for (
    let route: RouteManifestEntry | undefined = manifest.routes[id];
    route;
    route = route.parentId ? manifest.routes[route.parentId] : undefined
  ) {
    if (route.path) parts.unshift(route.path);
  }
  return `/${parts.join("/")}`;
}

/** Route ids from the root down to `id` (the modules a first visit to `id` loads). */
function chain(manifest: ClientManifest, id: string): RouteManifestEntry[] {
  const out: RouteManifestEntry[] = [];
  for (
    let route: RouteManifestEntry | undefined = manifest.routes[id];
    route;
    route = route.parentId ? manifest.routes[route.parentId] : undefined
  ) {
    out.unshift(route);
  }
  return out;
}

/**
 * Per leaf route: every distinct file (entry, its imports, each route of the chain and its
 * imports, then the extra chunks `extra` gives for the chain's route ids, e.g. its translations)
 * and the summed sizes. A file shared by several of them counts once.
 */
export function routeJs(
  manifest: ClientManifest,
  size: (file: string) => AssetSize,
  extra: string[] | ((routeIds: string[], counted: ReadonlySet<string>) => string[]) = [],
): RouteJs[] {
  const parents = new Set(
    Object.values(manifest.routes)
      .map((r) => r.parentId)
      .filter(Boolean),
  );
  return (
    Object.values(manifest.routes)
      .filter((route) => !parents.has(route.id))
      // Resource routes (API, file downloads, redirects) have no component: Vite emits an empty (one newline)
      // module with no imports for them and no browser ever loads a page there.
      .filter((route) => (route.imports ?? []).length > 0 || size(route.module).raw > 1)
      .map((route) => {
        const files = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
        const routes = chain(manifest, route.id);
        for (const r of routes) for (const f of [r.module, ...(r.imports ?? [])]) files.add(f);
        const more =
          typeof extra === "function"
            ? extra(
                routes.map((r) => r.id),
                files,
              )
            : extra;
        for (const f of more) files.add(f);
        const list = [...files];
        const total = list
          .map(size)
          .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
        return { id: route.id, url: routeUrl(manifest, route.id), files: list, ...total };
      })
  );
}

/** The client manifest Remix writes (build/client/assets/manifest-<hash>.js), found via the server build. */
export function readClientManifest(buildDir: string): ClientManifest {
  const server = readFileSync(path.join(buildDir, "server/index.js"), "utf8");
  const url = /"url":\s*"(\/assets\/manifest-[\w-]+\.js)"/.exec(server)?.[1];
  if (!url) throw new Error(`no client manifest URL in ${buildDir}/server/index.js — run \`npm run build\` first`);
  const text = readFileSync(path.join(buildDir, "client", url), "utf8");
  return JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as ClientManifest;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export function formatTable(rows: RouteJs[], limitKb: number): string {
  const lines = ["| route | files | raw KB | gzip KB |", "| --- | ---: | ---: | ---: |"];
  for (const r of [...rows].sort((a, b) => b.gzip - a.gzip || a.url.localeCompare(b.url))) {
    const over = r.gzip > limitKb * 1024 ? " ⚠ over" : "";
    lines.push(`| \`${r.url}\` | ${r.files.length} | ${kb(r.raw)} | ${kb(r.gzip)}${over} |`);
  }
  return lines.join("\n");
}

/** Files a built chunk imports statically (`from"./x.js"`, `import"./x.js"`), recursively, itself first. */
export function withStaticImports(assetsDir: string, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = readFileSync(path.join(assetsDir, path.basename(file)), "utf8");
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g))
    withStaticImports(assetsDir, `/assets/${m[1]}`, seen);
  return [...seen];
}

/** The namespace chunks of the build (`i18n-<lang>-<ns>-<hash>.js`), each with its static imports: "<lang>|<ns>" → files. */
export function namespaceChunks(assetsDir: string): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  const languages = SUPPORTED_LANGUAGES.join("|");
  for (const file of readdirSync(assetsDir)) {
    const m = new RegExp(`^i18n-(${languages})-(\\w+)-[\\w-]+\\.js$`).exec(file);
    if (m) byKey.set(`${m[1]}|${m[2]}`, withStaticImports(assetsDir, `/assets/${file}`));
  }
  return byKey;
}

/**
 * The translation chunks a route loads: its chain's namespaces in the language whose chunks
 * weigh more for it (files the route counts already, such as `common` imported by the root,
 * count once).
 */
export function translationChunks(
  chunks: Map<string, string[]>,
  namespacesOf: (routeIds: string[]) => string[],
  size: (file: string) => AssetSize,
): (routeIds: string[], counted: ReadonlySet<string>) => string[] {
  return (routeIds, counted) => {
    const namespaces = namespacesOf(routeIds);
    const perLanguage = SUPPORTED_LANGUAGES.map((lang) => {
      const files = [...new Set(namespaces.flatMap((ns) => chunks.get(`${lang}|${ns}`) ?? []))].filter(
        (f) => !counted.has(f),
      );
      return { files, gzip: files.reduce((n, f) => n + size(f).gzip, 0) };
    });
    return perLanguage.sort((a, b) => b.gzip - a.gzip)[0].files;
  };
}

function main() {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const buildDir = arg("build") ?? "build";
  const limitKb = Number(arg("limit-kb") ?? 150);
  const manifest = readClientManifest(buildDir);
  const cache = new Map<string, AssetSize>();
  const size = (file: string): AssetSize => {
    let found = cache.get(file);
    if (!found) {
      const bytes = readFileSync(path.join(buildDir, "client", file));
      found = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      cache.set(file, found);
    }
    return found;
  };
  const chunks = namespaceChunks(path.join(buildDir, "client/assets"));
  if (chunks.size === 0) throw new Error(`no i18n-<lang>-<ns>-<hash>.js chunk in ${buildDir}/client/assets`);
  const byRoute = routeNamespaces(path.resolve("app"));
  const namespacesOf = (ids: string[]) => [...new Set(ids.flatMap((id) => byRoute[id] ?? []))];
  const rows = routeJs(manifest, size, translationChunks(chunks, namespacesOf, size));
  console.log(
    `JavaScript of a first visit per route (${buildDir}/, gzip level 9, limit ${limitKb} KB gz, translations: the route's namespaces in its heavier language):`,
  );
  console.log(formatTable(rows, limitKb));
  const over = rows.filter((r) => r.gzip > limitKb * 1024);
  if (over.length > 0) {
    console.error(`${over.length} route(s) over ${limitKb} KB gz: ${over.map((r) => r.url).join(", ")}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
