import { describe, expect, it } from "vitest";
import { ACCESS, allows, type FeatureAccess } from "./access";
import { MEMBER_ROLES, ORG_KINDS, type MemberRole, type OrgKind } from "./org-kinds";

type Feature = keyof typeof ACCESS;

// Each row is a rule as the pages promise it (docs/architecture.md, "Permissions"):
// which kind and role may open the feature, and which may change things in it.
const RULES: Array<[Feature, OrgKind, MemberRole, { view: boolean; edit: boolean }]> = [
  ["providerWorkspace", "provider", "owner", { view: true, edit: true }],
  ["providerWorkspace", "provider", "admin", { view: true, edit: true }],
  ["providerWorkspace", "provider", "member", { view: true, edit: false }],
  ["providerWorkspace", "enterprise", "owner", { view: false, edit: false }],
  ["providerWorkspace", "bureau", "admin", { view: false, edit: false }],
  ["organisationSettings", "enterprise", "member", { view: true, edit: false }],
  ["organisationSettings", "insurer", "admin", { view: true, edit: true }],
  ["apiTokens", "enterprise", "member", { view: false, edit: false }],
  ["apiTokens", "provider", "owner", { view: true, edit: true }],
  ["bureauDesk", "bureau", "member", { view: true, edit: true }],
  ["bureauDesk", "enterprise", "owner", { view: false, edit: false }],
  ["platformAdmin", "platform", "admin", { view: true, edit: true }],
  ["platformAdmin", "platform", "member", { view: false, edit: false }],
  ["platformAdmin", "bureau", "owner", { view: false, edit: false }],
];

describe("feature access", () => {
  it.each(RULES)("%s: a %s %s may view %o", (feature, kind, role, expected) => {
    const access: FeatureAccess = ACCESS[feature];
    expect({ view: allows(access.view, { kind, role }), edit: allows(access.edit, { kind, role }) }).toEqual(expected);
  });

  it("whoever may edit a feature may also open it (a page never offers an action its reader can't see)", () => {
    for (const access of Object.values(ACCESS) as FeatureAccess[]) {
      for (const kind of ORG_KINDS) {
        for (const role of MEMBER_ROLES) {
          if (allows(access.edit, { kind, role })) expect(allows(access.view, { kind, role })).toBe(true);
        }
      }
    }
  });

  it("an empty rule lets every member through", () => {
    expect(allows({}, { kind: "group", role: "member" })).toBe(true);
  });
});
