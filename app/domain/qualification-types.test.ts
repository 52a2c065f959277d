import { describe, expect, it } from "vitest";
import {
  categoriesCoveredBy,
  isQualificationType,
  licenceFor,
  QUALIFICATION_TYPE_INFO,
  QUALIFICATION_TYPES,
  qualificationTypeName,
} from "./qualification-types";
import { SERVICE_CATEGORIES } from "./service-categories";

describe("qualification types and what they cover", () => {
  it.each([
    ["safety_assessment", "安全评价机构资质", ["assessment"]],
    ["testing_inspection", "安全生产检测检验机构资质", ["testing"]],
    ["occupational_health_tech", "职业卫生技术服务机构资质", ["occupational_health"]],
    ["registered_safety_engineer", "注册安全工程师执业证", ["engineer_firm", "consulting", "custody"]],
    ["training_institution", "安全培训机构", ["training"]],
    ["rescue_team", "应急救援队伍", ["rescue"]],
    ["other", "其他资质", []],
  ] as const)("%s (%s) covers %j", (code, zh, covers) => {
    expect(qualificationTypeName(code, "zh-CN")).toBe(zh);
    expect([...categoriesCoveredBy(code)]).toEqual(covers);
  });

  it("every covered category is a real service category", () => {
    for (const code of QUALIFICATION_TYPES) {
      for (const c of QUALIFICATION_TYPE_INFO[code].covers) expect(SERVICE_CATEGORIES).toContain(c);
      expect(QUALIFICATION_TYPE_INFO[code].en.length).toBeGreaterThan(3);
    }
  });

  it("codes fit the 40-character column", () => {
    for (const code of QUALIFICATION_TYPES) expect(code.length).toBeLessThanOrEqual(40);
  });

  it("unknown codes cover nothing and are shown as-is", () => {
    expect(isQualificationType("fake_licence")).toBe(false);
    expect(categoriesCoveredBy("fake_licence")).toEqual([]);
    expect(qualificationTypeName("fake_licence", "en")).toBe("fake_licence");
  });
});

describe("licenceFor (the statutory licence of a licensed category)", () => {
  it.each([
    ["assessment", "safety_assessment"],
    ["testing", "testing_inspection"],
    ["occupational_health", "occupational_health_tech"],
    ["consulting", null],
    ["custody", null],
    ["training", null],
    ["rescue", null],
    ["unknown", null],
  ])("%s → %s", (category, expected) => {
    expect(licenceFor(category)).toBe(expected);
  });
});
