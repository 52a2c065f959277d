import { describe, expect, it } from "vitest";
import { routeJs, routeUrl, type ClientManifest } from "./route-js";

// Sizes are made up per file so each sum can be checked by hand.
const sizes: Record<string, number> = {
  "/e.js": 100,
  "/react.js": 1000,
  "/root.js": 10,
  "/a.js": 1,
  "/shared.js": 50,
  "/b.js": 2,
  "/lang.js": 7,
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
