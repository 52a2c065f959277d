/**
 * The kinds of organisation and the roles of their members (docs/domain.md, "Organisations").
 * The database enums `org_kind` and `member_role` have the same values in the same order;
 * db/schema/enums.test.ts keeps them equal, so UI code and pure rules can name them without
 * importing the schema (docs/architecture.md, "Layers").
 */
export const ORG_KINDS = ["enterprise", "provider", "insurer", "group", "bureau", "platform"] as const;

export type OrgKind = (typeof ORG_KINDS)[number];

export const MEMBER_ROLES = ["owner", "admin", "member"] as const;

export type MemberRole = (typeof MEMBER_ROLES)[number];
