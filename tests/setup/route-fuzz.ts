import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";

/** One route of app/routes.ts as the server build knows it: URL pattern, source, exports. */
export type FuzzRoute = { id: string; path: string; file: string; hasAction: boolean; hasLoader: boolean; api: boolean };

/**
 * Every routed URL of the build (and so of app/routes.ts): a route added tomorrow is fuzzed
 * without anyone editing the test. Layout-less index and root are included as "/".
 */
export function routesOf(build: ServerBuild): FuzzRoute[] {
  return Object.values(build.routes)
    .filter((r) => r.id !== "root")
    .map((r) => ({
      id: r.id,
      path: `/${(r.path ?? "").replace(/\*$/, "no-such-endpoint")}`,
      file: `app/${r.id.startsWith("routes/") ? r.id : routeFileOf(r.id)}`,
      hasAction: typeof r.module.action === "function",
      hasLoader: typeof r.module.loader === "function",
      api: (r.path ?? "").startsWith("api/"),
    }));
}

function routeFileOf(id: string): string {
  return id === "api-not-found" ? "routes/api/not-found" : id;
}

export function fillParams(pattern: string, values: Record<string, string>, fallback: string): string {
  return pattern.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(values[name] ?? fallback));
}

function sourceOf(file: string): string {
  for (const ext of [".tsx", ".ts"]) {
    try {
      return readFileSync(`${file}${ext}`, "utf8");
    } catch {
      /* try the next extension */
    }
  }
  return "";
}

const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]);

/**
 * Every field name the app's forms use, harvested from the form schemas, the routes and the
 * components: inputs' `name="…"`, `form.get("…")` and schema keys. Sending all of them at
 * once reaches each route's real fields whatever they are called.
 */
export function harvestFieldNames(root = "app"): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.includes(".test.")) {
        const text = readFileSync(full, "utf8");
        for (const n of matches(text, /name="([A-Za-z][\w]*)"/g)) names.add(n);
        for (const n of matches(text, /\.get(?:All)?\("([A-Za-z][\w]*)"\)/g)) names.add(n);
        if (full.includes(`${path.sep}forms${path.sep}`)) for (const n of matches(text, /^\s+([a-z][A-Za-z]*):\s/gm)) names.add(n);
      }
    }
  };
  walk(root);
  return [...names].sort();
}

/** The intents a route's action switches on, read from its source. */
export function intentsOf(route: FuzzRoute): string[] {
  const text = sourceOf(route.file);
  const found = new Set<string>([
    ...matches(text, /value="([a-z][\w:-]*)"/g),
    ...matches(text, /intent"?\)? === "([\w:-]+)"/g),
    ...matches(text, /case "([\w:-]+)"/g),
  ]);
  return [...found].slice(0, 12);
}

/** A multipart body by hand, so a test can also send one that is malformed on purpose. */
export function multipartBody(boundary: string, fields: Array<[string, string]>): string {
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return `${parts.join("")}--${boundary}--\r\n`;
}
