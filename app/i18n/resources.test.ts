// zh-CN is the reference language and en must mirror it key for key, in every namespace,
// at any depth (docs: brief "i18n"). Namespaces are discovered from `resources`, so a new
// namespace is checked as soon as it is exported from both locales/<lang>/index.ts files.
import { describe, expect, it } from "vitest";
import { resources } from "./resources";

type Tree = { [key: string]: unknown };

// i18next plural forms differ by language (Chinese has only "other", English "one" and
// "other"), so `files_one` / `files_other` / `files` all stand for the key `files`.
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf (string) of a namespace as "a.b.c" → value; plural forms folded onto their base key. */
function leaves(tree: unknown, prefix = "", out = new Map<string, unknown[]>()): Map<string, unknown[]> {
  // Arrays (lists read with returnObjects) are walked by index, like objects.
  if (tree !== null && typeof tree === "object") {
    for (const [key, value] of Object.entries(tree as Tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (value !== null && typeof value === "object") leaves(value, path, out);
      else {
        const base = path.replace(PLURAL_SUFFIX, "");
        out.set(base, [...(out.get(base) ?? []), value]);
      }
    }
  }
  return out;
}

const variables = (value: unknown) => [...String(value).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const zh = resources["zh-CN"] as Record<string, Tree>;
const en = resources.en as Record<string, Tree>;
const namespaces = [...new Set([...Object.keys(zh), ...Object.keys(en)])].sort();

describe("i18n resources", () => {
  it("finds the namespaces (guards against an empty, always-passing loop)", () => {
    expect(namespaces.length).toBeGreaterThanOrEqual(5);
    expect(namespaces).toContain("common");
    expect(namespaces).toContain("errors");
  });

  it("every namespace exists in both languages", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  describe.each(namespaces)("namespace %s", (ns) => {
    const zhLeaves = leaves(zh[ns]);
    const enLeaves = leaves(en[ns]);

    it("has at least one key", () => {
      expect(zhLeaves.size).toBeGreaterThan(0);
    });

    it("every zh-CN key exists in en", () => {
      const missing = [...zhLeaves.keys()].filter((k) => !enLeaves.has(k));
      expect(missing, `missing in en/${ns}.ts`).toEqual([]);
    });

    it("every en key exists in zh-CN", () => {
      const extra = [...enLeaves.keys()].filter((k) => !zhLeaves.has(k));
      expect(extra, `missing in zh-CN/${ns}.ts`).toEqual([]);
    });

    it("every value is a non-empty string", () => {
      const bad = [...zhLeaves, ...enLeaves]
        .filter(([, values]) => values.some((v) => typeof v !== "string" || v.trim() === ""))
        .map(([k]) => k);
      expect(bad).toEqual([]);
    });

    it("a translation uses the same {{variables}} as the reference", () => {
      const mismatched = [...zhLeaves]
        .filter(([key, values]) => values.length === 1 && enLeaves.get(key)?.length === 1)
        .filter(([key, [value]]) => variables(value).join() !== variables(enLeaves.get(key)![0]).join())
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
    });
  });
});
