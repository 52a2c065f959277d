import { describe, expect, it } from "vitest";
import { routeJs, routeUrl, translationChunks, type ClientManifest } from "./route-js";

// Sizes are made up per file so each sum can be checked by hand.
const sizes: Record<string, number> = {
  "/e.js": 100,
  "/react.js": 1000,
  "/root.js": 10,
  "/a.js": 1,
  "/shared.js": 50,
  "/b.js": 2,
  "/lang.js": 7,
  "/zh-common.js": 3,
  "/zh-credit.js": 30,
  "/en-credit.js": 20,
  "/zh-admin.js": 4,
  "/en-admin.js": 40,
};
// A resource route's client module is an empty file (one newline).
const size = (file: string) =>
  file === "/api.js" ? { raw: 1, gzip: 21 } : { raw: sizes[file] * 2, gzip: sizes[file] };
const manifest: ClientManifest = {
  entry: { module: "/e.js", imports: ["/react.js"] },
  routes: {
    root: { id: "root", path: "", module: "/root.js", imports: ["/react.js"] },
    a: { id: "a", parentId: "root", path: "providers/:id", module: "/a.js", imports: ["/react.js", "/shared.js"] },
    b: { id: "b", parentId: "root", index: true, module: "/b.js", imports: ["/shared.js", "/root.js"] },
    api: { id: "api", parentId: "root", path: "api/v1/me", module: "/api.js", imports: [] },
  },
};

describe("routeJs (bench:js)", () => {
  const rows = routeJs(manifest, size, ["/lang.js"]);
  const byId = Object.fromEntries(rows.map((r) => [r.id, r]));

  it("counts entry, root, the route and every import once, plus the always-loaded chunks", () => {
    expect(byId.a.gzip).toBe(100 + 1000 + 10 + 1 + 50 + 7);
    expect(byId.b.gzip).toBe(100 + 1000 + 10 + 2 + 50 + 7);
    expect(byId.a.raw).toBe(2 * byId.a.gzip);
    expect(new Set(byId.b.files).size).toBe(byId.b.files.length);
  });

  it("lists leaf routes with a component only (no root, no empty resource-route module)", () => {
    expect(rows.map((r) => r.id).sort()).toEqual(["a", "b"]);
  });

  it("builds the URL from the parents' paths", () => {
    expect(routeUrl(manifest, "a")).toBe("/providers/:id");
    expect(routeUrl(manifest, "b")).toBe("/");
  });
});

describe("translation chunks per route (decision 023)", () => {
  const chunks = new Map([
    ["zh-CN|common", ["/zh-common.js"]],
    ["zh-CN|credit", ["/zh-credit.js"]],
    ["en|credit", ["/en-credit.js"]],
    ["zh-CN|admin", ["/zh-admin.js"]],
    ["en|admin", ["/en-admin.js"]],
  ]);
  const byRoute: Record<string, string[]> = { root: ["common"], a: ["credit"], b: ["admin"] };
  const namespacesOf = (ids: string[]) => ids.flatMap((id) => byRoute[id] ?? []);
  const rows = routeJs(manifest, size, translationChunks(chunks, namespacesOf, size));
  const byId = Object.fromEntries(rows.map((r) => [r.id, r]));

  it("adds the chain's namespaces in the language heavier for that route", () => {
    // a: zh-CN (common 3 + credit 30 = 33) outweighs en (credit 20; no en common chunk).
    expect(byId.a.gzip).toBe(100 + 1000 + 10 + 1 + 50 + 3 + 30);
    // b: en (admin 40) outweighs zh-CN (common 3 + admin 4).
    expect(byId.b.gzip).toBe(100 + 1000 + 10 + 2 + 50 + 40);
  });

  it("does not count a namespace chunk the route already imports statically", () => {
    const counted = translationChunks(chunks, namespacesOf, size)(["root"], new Set(["/zh-common.js"]));
    expect(counted).toEqual([]);
  });
});
