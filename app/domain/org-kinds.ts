/**
 * The kinds of organisation (docs/domain.md, "Organisations"). The database enum `org_kind`
 * has the same values in the same order; db/schema/enums.test.ts keeps the two equal, so
 * UI code can name the kinds without importing the schema (docs/architecture.md, "Layers").
 */
export const ORG_KINDS = ["enterprise", "provider", "insurer", "group", "bureau", "platform"] as const;

export type OrgKind = (typeof ORG_KINDS)[number];
