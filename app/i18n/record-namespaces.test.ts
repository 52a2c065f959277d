// Decision 023: the server records every namespace a page's render used, so the browser can load
// exactly those before hydrating. Each way of reaching a translation must be recorded.
import { createInstance, type i18n as I18n } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { recordNamespaces, usedNamespacesOf } from "./record-namespaces";

let shared: I18n;
beforeAll(async () => {
  shared = createInstance();
  await shared.init({
    lng: "zh-CN",
    fallbackLng: false,
    defaultNS: "common",
    ns: ["common", "nav", "admin", "credit", "errors", "search"],
    resources: {
      "zh-CN": {
        common: { save: "保存", nested: "见 $t(errors:required)" },
        nav: { home: "首页" },
        admin: { title: "单位管理" },
        credit: { title: "信用" },
        errors: { required: "必填" },
        search: { title: "搜索" },
      },
    },
  });
});

describe("recordNamespaces", () => {
  it.each([
    ["t() with the default namespace", (i: I18n) => i.t("save"), ["common"]],
    ["t() with a namespace prefix", (i: I18n) => i.t("nav:home"), ["nav"]],
    ["t() with options.ns", (i: I18n) => i.t("title", { ns: "admin" }), ["admin"]],
    ["getFixedT(ns), as useTranslation(ns) uses", (i: I18n) => i.getFixedT(null, "credit")("title"), ["credit"]],
    [
      "a prefix through a fixed t of another namespace",
      (i: I18n) => i.getFixedT(null, "credit")("errors:required"),
      ["errors"],
    ],
    ["a key nested in a translation ($t)", (i: I18n) => i.t("nested"), ["common", "errors"]],
    ["exists()", (i: I18n) => i.exists("search:title"), ["search"]],
  ] as const)("records %s", (_name, use, expected) => {
    const view = recordNamespaces(shared);
    use(view);
    expect(usedNamespacesOf(view)).toEqual(expected);
  });

  it("records the namespace of a missing key too (the browser must look there as well)", () => {
    const view = recordNamespaces(shared);
    view.t("admin:nope");
    expect(usedNamespacesOf(view)).toContain("admin");
  });

  it("records what react-i18next reports for useTranslation(ns) even before any t() call", () => {
    const view = recordNamespaces(shared) as I18n & { reportNamespaces: { addUsedNamespaces(ns: string[]): void } };
    view.reportNamespaces.addUsedNamespaces(["credit", "nav"]);
    expect(usedNamespacesOf(view)).toEqual(["credit", "nav"]);
  });

  it("translates exactly as the shared instance does", () => {
    const view = recordNamespaces(shared);
    expect(view.t("nav:home")).toBe("首页");
    expect(view.getFixedT(null, "credit")("title")).toBe("信用");
    expect(view.t("nested")).toBe("见 必填");
  });

  it("keeps two requests apart and writes nothing to the shared instance", () => {
    const a = recordNamespaces(shared);
    const b = recordNamespaces(shared);
    a.t("admin:title");
    b.t("search:title");
    shared.t("credit:title");
    expect(usedNamespacesOf(a)).toEqual(["admin"]);
    expect(usedNamespacesOf(b)).toEqual(["search"]);
    expect(usedNamespacesOf(shared)).toBeNull();
  });
});
