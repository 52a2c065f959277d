// Who may see an enterprise's safety records and in which capacity it may inspect it
// (docs/domain.md, "Hazards and inspections"; app/services/enterprise-relations.server.ts).
// One enterprise E in 330702 and one party per relation, plus strangers of every kind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkupEnterprises,
  checkupPrograms,
  expertAssignments,
  experts,
  groupMembers,
  insurancePolicies,
  rotationAssignments,
  rotationCycles,
  type Organisation,
} from "../../db/schema";
import {
  enterpriseRecordsVisibleTo,
  inspectionRelations,
  mayViewEnterpriseRecords,
  type ActingOrg,
} from "../../app/services/enterprise-relations.server";
import { allowedSources } from "../../app/domain/inspection-sources";
import { createOrgWithOwner } from "../factories/accounts";
import { insertEngagement, verifiedOrg } from "../factories/engagements";
import { createTestDb, type TestDb } from "../setup/test-db";
import { organisations } from "../../db/schema";
import { sql } from "drizzle-orm";

const TODAY = "2026-06-01";
let t: TestDb;
const o: Record<string, Organisation> = {};
const acting = (org: Organisation): ActingOrg => ({ id: org.id, kind: org.kind, regionCode: org.regionCode });

beforeAll(async () => {
  t = await createTestDb();
  o.enterprise = (await verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" })).org;
  o.peer = (await verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" })).org;
  o.stranger = (await verifiedOrg(t.db, { kind: "enterprise", regionCode: "330702" })).org;
  o.cityBureau = (await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330700" })).org;
  o.otherBureau = (await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330100" })).org;
  o.insurer = (await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330700" })).org;
  o.formerInsurer = (await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330700" })).org;
  o.group = (await createOrgWithOwner(t.db, { kind: "group", regionCode: "330702" })).org;
  o.otherGroup = (await createOrgWithOwner(t.db, { kind: "group", regionCode: "330702" })).org;
  o.provider = (await verifiedOrg(t.db, { kind: "provider", regionCode: "330702" })).org;
  o.pastProvider = (await verifiedOrg(t.db, { kind: "provider", regionCode: "330702" })).org;
  o.expertEmployer = (await verifiedOrg(t.db, { kind: "provider", regionCode: "330702" })).org;
  o.checkupCarrier = (await verifiedOrg(t.db, { kind: "provider", regionCode: "330702" })).org;
  o.platform = (await createOrgWithOwner(t.db, { kind: "platform", regionCode: "330702" })).org;

  const E = o.enterprise.id;
  const policy = { enterpriseId: E, premiumFen: 1_200_000, preventionFeeBps: 1500, riskGrade: "blue" as const };
  await t.db.insert(insurancePolicies).values([
    { ...policy, insurerId: o.insurer.id, policyNumber: "P-1", startDate: "2026-01-01", endDate: "2026-12-31" },
    { ...policy, insurerId: o.formerInsurer.id, policyNumber: "P-0", startDate: "2025-01-01", endDate: "2025-12-31" },
  ]);
  await t.db.insert(groupMembers).values([
    { groupId: o.group.id, enterpriseId: E, status: "active" },
    { groupId: o.group.id, enterpriseId: o.peer.id, status: "active" },
    { groupId: o.otherGroup.id, enterpriseId: E, status: "invited" },
  ]);
  const [cycle] = await t.db
    .insert(rotationCycles)
    .values({ groupId: o.group.id, label: "2026 上半年", startsOn: "2026-01-01", endsOn: "2026-06-30", seed: "s" })
    .returning();
  await t.db
    .insert(rotationAssignments)
    .values({ cycleId: cycle.id, inspectorEnterpriseId: o.peer.id, inspectedEnterpriseId: E });
  await insertEngagement(t.db, { enterpriseId: E, providerId: o.provider.id, status: "in_service" });
  await insertEngagement(t.db, { enterpriseId: E, providerId: o.pastProvider.id, status: "closed" });
  const [expert] = await t.db.insert(experts).values({ name: "王工", employerOrgId: o.expertEmployer.id }).returning();
  await t.db
    .insert(expertAssignments)
    .values({ expertId: expert.id, enterpriseId: E, assignedByOrgId: o.cityBureau.id });
  const [program] = await t.db
    .insert(checkupPrograms)
    .values({ runnerOrgId: o.cityBureau.id, name: "免费安全体检", startsOn: "2026-05-01", endsOn: "2026-07-31" })
    .returning();
  await t.db
    .insert(checkupEnterprises)
    .values({ programId: program.id, enterpriseId: E, carrierOrgId: o.checkupCarrier.id });
});

afterAll(async () => {
  await t?.close();
});

describe("who sees an enterprise's records", () => {
  it.each([
    ["the enterprise itself", "enterprise", true],
    ["its city bureau (region contains the county)", "cityBureau", true],
    ["a bureau of another city", "otherBureau", false],
    ["an insurer with a policy in force", "insurer", true],
    ["an insurer whose policy ended", "formerInsurer", false],
    ["the group coordinating it (active member)", "group", true],
    ["a group it was only invited to", "otherGroup", false],
    ["a provider with an engagement in service", "provider", true],
    ["a provider whose engagement is closed", "pastProvider", false],
    ["the employer of an expert assigned to it", "expertEmployer", true],
    ["the carrier of its free check-up", "checkupCarrier", true],
    ["a fellow group member (sees only what it records itself)", "peer", false],
    ["an unrelated enterprise", "stranger", false],
    ["the platform", "platform", false],
  ])("%s → %s", async (_label, who, expected) => {
    expect(await mayViewEnterpriseRecords(t.db, acting(o[who]), o.enterprise.id, TODAY)).toBe(expected);
    // The list form gives the same answer as the single-record form.
    const rows = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        sql`${organisations.id} = ${o.enterprise.id} AND ${enterpriseRecordsVisibleTo(acting(o[who]), organisations.id, TODAY)}`,
      );
    expect(rows.length === 1).toBe(expected);
  });
});

describe("in which capacity each party may inspect it", () => {
  it.each([
    ["enterprise", ["self_check"]],
    ["peer", ["mutual_aid"]],
    ["insurer", ["insurer"]],
    ["formerInsurer", []],
    ["provider", ["provider"]],
    ["pastProvider", []],
    ["expertEmployer", ["expert"]],
    ["cityBureau", ["government", "free_checkup"]],
    ["otherBureau", []],
    ["checkupCarrier", ["free_checkup"]],
    ["stranger", []],
    ["group", []],
  ])("%s may record %j", async (who, sources) => {
    const relations = await inspectionRelations(t.db, acting(o[who]), o.enterprise.id, TODAY);
    expect(allowedSources(relations)).toEqual(sources);
  });

  it("a mutual-aid assignment no longer counts once its cycle has ended", async () => {
    const relations = await inspectionRelations(t.db, acting(o.peer), o.enterprise.id, "2026-07-01");
    expect(relations.hasMutualAidAssignment).toBe(false);
  });
});
