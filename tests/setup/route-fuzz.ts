import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** One route of app/routes.ts: URL pattern, build id and source file. */
export type FuzzRoute = { id: string; path: string; file: string; api: boolean };

type ConfigEntry = { id?: string; file: string; path?: string; index?: boolean; children?: ConfigEntry[] };

/**
 * Every routed URL of app/routes.ts, read from the config itself: a route added tomorrow is
 * fuzzed without anyone editing the test. A splat becomes a path no route claims.
 */
export function routesOf(config: readonly ConfigEntry[]): FuzzRoute[] {
  const out: FuzzRoute[] = [];
  const walk = (entries: readonly ConfigEntry[], parentPath: string) => {
    for (const entry of entries) {
      const joined = [parentPath, entry.path ?? ""].filter(Boolean).join("/");
      out.push({
        id: entry.id ?? entry.file.replace(/\.[jt]sx?$/, ""),
        path: `/${joined.replace(/\*$/, "no-such-endpoint")}`,
        file: `app/${entry.file}`,
        api: joined.startsWith("api/"),
      });
      if (entry.children) walk(entry.children, joined);
    }
  };
  walk(config, "");
  return out;
}

export function fillParams(pattern: string, values: Record<string, string>, fallback: string): string {
  return pattern.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(values[name] ?? fallback));
}

function sourceOf(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
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
        if (full.includes(`${path.sep}forms${path.sep}`))
          for (const n of matches(text, /^\s+([a-z][A-Za-z]*):\s/gm)) names.add(n);
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
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return `${parts.join("")}--${boundary}--\r\n`;
}
