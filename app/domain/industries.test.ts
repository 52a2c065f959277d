// GB/T 4754-2017 国民经济行业分类: 20 sections (门类) and 97 divisions (大类).
import { describe, expect, it } from "vitest";
import {
  divisionsOf,
  getIndustry,
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  industryName,
  isValidIndustryCode,
  sectionOf,
} from "./industries";

describe("reference data", () => {
  it("has the 20 sections A–T in order", () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join("")).toBe("ABCDEFGHIJKLMNOPQRST");
  });

  it("has the 97 divisions 01–97 in order, without gaps", () => {
    expect(INDUSTRY_DIVISIONS).toHaveLength(97);
    INDUSTRY_DIVISIONS.forEach((d, i) => expect(d.code).toBe(String(i + 1).padStart(2, "0")));
  });

  it("every division's section exists", () => {
    for (const d of INDUSTRY_DIVISIONS) expect(isValidIndustryCode(d.section)).toBe(true);
  });

  it("every name is filled in, and Chinese names are unique within each level", () => {
    for (const x of [...INDUSTRY_SECTIONS, ...INDUSTRY_DIVISIONS]) {
      expect(x.zh.trim()).not.toBe("");
      expect(x.en.trim()).not.toBe("");
    }
    expect(new Set(INDUSTRY_SECTIONS.map((s) => s.zh)).size).toBe(20);
    expect(new Set(INDUSTRY_DIVISIONS.map((d) => d.zh)).size).toBe(97);
  });

  // Division ranges per section as printed in the standard.
  it.each([
    ["A", "01", "05"],
    ["B", "06", "12"],
    ["C", "13", "43"],
    ["D", "44", "46"],
    ["E", "47", "50"],
    ["F", "51", "52"],
    ["G", "53", "60"],
    ["H", "61", "62"],
    ["I", "63", "65"],
    ["J", "66", "69"],
    ["K", "70", "70"],
    ["L", "71", "72"],
    ["M", "73", "75"],
    ["N", "76", "79"],
    ["O", "80", "82"],
    ["P", "83", "83"],
    ["Q", "84", "85"],
    ["R", "86", "90"],
    ["S", "91", "96"],
    ["T", "97", "97"],
  ])("section %s covers %s–%s", (section, first, last) => {
    const codes = divisionsOf(section).map((d) => d.code);
    expect(codes[0]).toBe(first);
    expect(codes[codes.length - 1]).toBe(last);
    expect(codes).toHaveLength(Number(last) - Number(first) + 1);
  });
});

describe("lookups", () => {
  it("26 is 化学原料和化学制品制造业 under C 制造业", () => {
    expect(getIndustry("26")).toMatchObject({ kind: "division", section: "C", zh: "化学原料和化学制品制造业" });
    expect(sectionOf("26")).toMatchObject({ code: "C", zh: "制造业" });
  });

  it("getIndustry resolves a section letter", () => {
    expect(getIndustry("I")).toMatchObject({ kind: "section", zh: "信息传输、软件和信息技术服务业" });
  });

  it.each([
    ["65", "zh-CN", "软件和信息技术服务业"],
    ["65", "en", "Software and Information Technology Services"],
    ["C", "zh-CN", "制造业"],
    ["C", "en", "Manufacturing"],
    ["00", "en", undefined],
  ] as const)("industryName(%s, %s)", (code, lang, name) => {
    expect(industryName(code, lang)).toBe(name);
  });

  it.each(["", "U", "c", "6", "00", "98", "261", "C26"])("%j is not a code", (code) => {
    expect(isValidIndustryCode(code)).toBe(false);
    expect(getIndustry(code)).toBeUndefined();
  });

  it("unknown inputs give empty/undefined results", () => {
    expect(divisionsOf("Z")).toEqual([]);
    expect(sectionOf("98")).toBeUndefined();
    expect(sectionOf("C")).toBeUndefined();
  });
});
