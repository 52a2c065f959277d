import { describe, expect, it } from "vitest";
import {
  categoryLabel,
  isServiceCategory,
  LICENSED_CATEGORIES,
  normaliseCategories,
  SERVICE_CATEGORY_LABELS,
} from "./service-categories";

describe("service categories (docs/domain.md, Provider categories)", () => {
  it.each([
    ["consulting", "安全咨询"],
    ["training", "安全教育培训"],
    ["assessment", "安全评价"],
    ["testing", "检测检验"],
    ["occupational_health", "职业卫生"],
    ["engineer_firm", "注册安全工程师事务所"],
    ["custody", "安全托管"],
    ["rescue", "应急救援"],
  ] as const)("%s is labelled %s in Chinese and has an English label", (code, zh) => {
    expect(categoryLabel(code, "zh-CN")).toBe(zh);
    expect(SERVICE_CATEGORY_LABELS[code].en.length).toBeGreaterThan(3);
  });

  it.each([
    ["custody", true],
    ["rescue", true],
    ["security", false],
    ["", false],
    ["CONSULTING", false],
  ])("isServiceCategory(%j) = %s", (value, expected) => {
    expect(isServiceCategory(value)).toBe(expected);
  });

  it("normalises a list: unknown codes dropped, duplicates merged, canonical order", () => {
    expect(normaliseCategories(["rescue", "x", "consulting", "rescue"])).toEqual(["consulting", "rescue"]);
    expect(normaliseCategories([])).toEqual([]);
  });

  it("licensed categories are assessment, testing and occupational health", () => {
    expect([...LICENSED_CATEGORIES].sort()).toEqual(["assessment", "occupational_health", "testing"]);
  });
});
