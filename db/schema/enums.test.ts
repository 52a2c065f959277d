import { describe, expect, it } from "vitest";
import { MEMBER_ROLES, ORG_KINDS } from "../../app/domain/org-kinds";
import { SERVICE_CATEGORIES } from "../../app/domain/service-categories";
import { memberRole, orgKind } from "./accounts";
import { serviceCategory } from "./marketplace";

// The domain names these lists without importing the schema (docs/architecture.md, "Layers");
// this test is what keeps the two copies equal.
describe("database enums match the domain's lists", () => {
  it("service categories (docs/domain.md, Provider categories), in the same order", () => {
    expect([...SERVICE_CATEGORIES]).toEqual(serviceCategory.enumValues);
  });

  it("organisation kinds, in the same order", () => {
    expect([...ORG_KINDS]).toEqual(orgKind.enumValues);
  });

  it("member roles, in the same order", () => {
    expect([...MEMBER_ROLES]).toEqual(memberRole.enumValues);
  });
});
