import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Build-time (Node only, never bundled for the browser): which translation namespaces each route
 * module can use, read from the source of the module and everything it imports statically.
 * Used by the Vite plugin (`virtual:i18n-route-namespaces`, loaded by the browser before it
 * renders a route after a client-side navigation) and by bench/route-js.ts.
 * docs/decisions/023-namespace-chunks.md.
 */

/** The namespaces that exist: one file per namespace in locales/zh-CN/ (the reference language). */
export function knownNamespaces(appDir: string): string[] {
  return readdirSync(path.join(appDir, "i18n/locales/zh-CN"))
    .filter((f) => f.endsWith(".ts") && f !== "index.ts")
    .map((f) => f.replace(/\.ts$/, ""))
    .sort();
}

const QUOTED = /["'`](\w+)["'`]/g;

/**
 * Namespaces one source file refers to: `useTranslation("ns")`, `useTranslation(["a", "b"])`,
 * `{ ns: "x" }` and keys with a namespace prefix (`"ns:key"`, `` `ns:${k}` ``). Only names of
 * existing namespaces count; a false positive only makes the browser load one namespace more.
 */
export function namespacesInSource(code: string, known: readonly string[]): string[] {
  const names = new Set(known);
  const found = new Set<string>();
  const add = (ns: string) => {
    if (names.has(ns)) found.add(ns);
  };
  for (const m of code.matchAll(/useTranslation\(\s*(\[[^\]]*\]|["'`]\w+["'`])/g))
    for (const q of m[1].matchAll(QUOTED)) add(q[1]);
  for (const m of code.matchAll(/\bns:\s*(\[[^\]]*\]|["'`]\w+["'`])/g))
    for (const q of m[1].matchAll(QUOTED)) add(q[1]);
  for (const m of code.matchAll(/["'`(](\w+):[\w$.{]/g)) add(m[1]);
  return [...found].sort();
}

/** Static, value imports of a module (not `import type`, not dynamic `import()`). */
function importsOf(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^;'"]*?\sfrom\s*)?["']([^"']+)["']/gm)) {
    if (!m[2]) out.push(m[3]);
  }
  return out;
}

const EXTENSIONS = [".tsx", ".ts", "/index.tsx", "/index.ts"];

function resolveImport(appDir: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = path.join(appDir, spec.slice(2));
  else if (spec.startsWith("./") || spec.startsWith("../")) base = path.resolve(path.dirname(from), spec);
  else return null; // a package: no translations of ours
  if (/\.(tsx?|mjs|js)$/.test(base) && existsSync(base)) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

/** A module the browser never runs or that holds translations rather than using them. */
function skipped(appDir: string, file: string): boolean {
  return /\.server\.tsx?$/.test(file) || file.startsWith(path.join(appDir, "i18n/locales") + path.sep);
}

/**
 * Per route module ("root", "routes/home", … — the route id Remix gives a route declared in
 * app/routes.ts without an explicit id): the namespaces of the module and its static imports.
 * Routes that use none are left out.
 */
export function routeNamespaces(appDir: string): Record<string, string[]> {
  const known = knownNamespaces(appDir);
  const own = new Map<string, { ns: string[]; imports: string[] }>();
  const read = (file: string) => {
    let found = own.get(file);
    if (!found) {
      const code = readFileSync(file, "utf8");
      found = {
        ns: namespacesInSource(code, known),
        imports: importsOf(code)
          .map((spec) => resolveImport(appDir, file, spec))
          .filter((f): f is string => f !== null && !skipped(appDir, f)),
      };
      own.set(file, found);
    }
    return found;
  };
  const closure = (start: string): string[] => {
    const seen = new Set<string>();
    const ns = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const { ns: mine, imports } = read(file);
      for (const n of mine) ns.add(n);
      stack.push(...imports);
    }
    return [...ns].sort();
  };

  const routeFiles: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) routeFiles.push(full);
    }
  };
  walk(path.join(appDir, "routes"));
  for (const root of ["root.tsx", "root.ts"])
    if (existsSync(path.join(appDir, root))) routeFiles.push(path.join(appDir, root));

  const out: Record<string, string[]> = {};
  for (const file of routeFiles.sort()) {
    const ns = closure(file);
    if (ns.length > 0)
      out[
        path
          .relative(appDir, file)
          .replace(/\.tsx?$/, "")
          .split(path.sep)
          .join("/")
      ] = ns;
  }
  return out;
}
