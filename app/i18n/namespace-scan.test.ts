// Decision 023: the namespaces a route's sources use, loaded before a client-side navigation
// renders it. A namespace the scan misses would flash raw keys, so every form of use counts.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { knownNamespaces, namespacesInSource, routeNamespaces } from "./namespace-scan";

const KNOWN = ["admin", "common", "credit", "errors", "nav", "search"];

describe("namespacesInSource", () => {
  it.each([
    [`const { t } = useTranslation("credit");`, ["credit"]],
    [`useTranslation(["search", "nav"])`, ["nav", "search"]],
    [`t("common:save")`, ["common"]],
    ["t(`errors:${error.key}`)", ["errors"]],
    [`t("title", { ns: "admin" })`, ["admin"]],
    [`"见 $t(errors:required)"`, ["errors"]],
    [`useTranslation()`, []],
    // Not namespaces: unknown names, a URL scheme, plain words.
    [`import { readFileSync } from "node:fs"; const u = "https://x"; const kind = "provider";`, []],
    [`t("unknown:key")`, []],
  ])("%s → %j", (code, expected) => {
    expect(namespacesInSource(code, KNOWN)).toEqual(expected);
  });
});

describe("routeNamespaces of this app", () => {
  const appDir = path.resolve(__dirname, "..");
  const map = routeNamespaces(appDir);

  it("knows every namespace file of the reference language", () => {
    expect(knownNamespaces(appDir)).toEqual(expect.arrayContaining(["common", "errors", "nav", "admin"]));
  });

  it("follows static imports: the root gets the header's nav, a route its components' namespaces", () => {
    expect(map.root).toEqual(expect.arrayContaining(["common", "nav"]));
    expect(map["routes/home"]).toContain("home");
    expect(map["routes/search/providers"]).toEqual(expect.arrayContaining(["search", "errors"]));
    expect(map["routes/credit/index"]).toContain("credit");
  });

  it("does not give admin's namespace to public pages", () => {
    for (const id of ["root", "routes/home", "routes/search/providers"]) expect(map[id]).not.toContain("admin");
  });
});
