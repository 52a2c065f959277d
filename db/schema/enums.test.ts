import { describe, expect, it } from "vitest";
import { MEMBER_ROLES, ORG_KINDS } from "../../app/domain/org-kinds";
import { SERVICE_CATEGORIES } from "../../app/domain/service-categories";
import { memberRole, orgKind } from "./accounts";
import { serviceCategory } from "./marketplace";
import {
  hazardGrade,
  hazardStatus,
  inspectionSource,
  riskGrade,
  expertTitle,
  safetyEngineerLevel,
  guidanceChannel,
} from "./safety";
import { HAZARD_GRADES, HAZARD_STATES } from "../../app/domain/hazard-machine";
import { INSPECTION_SOURCES } from "../../app/domain/inspection-sources";
import { RISK_GRADES } from "../../app/domain/risk-grade";
import { EXPERT_TITLES, SAFETY_ENGINEER_LEVELS } from "../../app/domain/expert-draw";
import { GUIDANCE_CHANNELS } from "../../app/domain/response-time";
import { SERVICE_CODES } from "../../app/domain/insurance-plan";
import { insuranceService, planItemState } from "./insurance";

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

  it.each([
    ["hazard states (hazard-machine.ts)", HAZARD_STATES, hazardStatus.enumValues],
    ["hazard grades", HAZARD_GRADES, hazardGrade.enumValues],
    ["inspection sources (inspection-sources.ts)", INSPECTION_SOURCES, inspectionSource.enumValues],
    ["risk grades (risk-grade.ts)", RISK_GRADES, riskGrade.enumValues],
    ["insurance service codes (insurance-plan.ts)", SERVICE_CODES, insuranceService.enumValues],
    ["stored plan-item states (insurance-replan.ts)", ["open", "done", "cancelled"], planItemState.enumValues],
    ["expert titles (expert-draw.ts)", EXPERT_TITLES, expertTitle.enumValues],
    ["safety engineer levels", SAFETY_ENGINEER_LEVELS, safetyEngineerLevel.enumValues],
    ["guidance channels (response-time.ts)", GUIDANCE_CHANNELS, guidanceChannel.enumValues],
  ])("%s, in the same order", (_name, domain, db) => {
    expect([...domain]).toEqual(db);
  });
});
