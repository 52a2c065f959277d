import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client";
import type { IsoDate } from "../domain/calendar-date";
import type { InspectionRelations } from "../domain/inspection-sources";
import type { OrgKind } from "../domain/org-kinds";
import { regionLikePattern } from "../domain/region-scope";
import { executeRows } from "./sql-rows.server";

/**
 * Who stands in which relation to an enterprise (docs/domain.md, "Hazards and inspections").
 * One place answers both questions the safety records ask: may this organisation see the
 * enterprise's records, and in which capacities may it inspect it. Every list of inspections,
 * hazards, training or guidance puts `enterpriseRecordsVisibleTo` in its WHERE.
 */
export type ActingOrg = { id: string; kind: OrgKind; regionCode: string };

/** Engagement states in which a provider is serving the enterprise. */
const SERVING_STATES = sql`('signed', 'in_service', 'delivered', 'changes_requested')`;

function policyInForce(insurerId: string, enterprise: SQL | AnyPgColumn, today: IsoDate): SQL {
  return sql`EXISTS (SELECT 1 FROM insurance_policies ip
    WHERE ip.insurer_id = ${insurerId} AND ip.enterprise_id = ${enterprise}
      AND ip.status <> 'cancelled' AND ip.start_date <= ${today} AND ip.end_date >= ${today})`;
}

function servingProvider(providerId: string, enterprise: SQL | AnyPgColumn): SQL {
  return sql`EXISTS (SELECT 1 FROM engagements e
    WHERE e.provider_id = ${providerId} AND e.enterprise_id = ${enterprise} AND e.status IN ${SERVING_STATES})`;
}

function inRegionOf(bureauRegionCode: string, enterprise: SQL | AnyPgColumn): SQL {
  return sql`EXISTS (SELECT 1 FROM organisations eo
    WHERE eo.id = ${enterprise} AND eo.region_code LIKE ${regionLikePattern(bureauRegionCode)})`;
}

function groupMember(groupId: string, enterprise: SQL | AnyPgColumn): SQL {
  return sql`EXISTS (SELECT 1 FROM group_members gm
    WHERE gm.group_id = ${groupId} AND gm.enterprise_id = ${enterprise} AND gm.status = 'active')`;
}

/** A check-up program the organisation runs or carries out lists the enterprise. */
function checkupParty(orgId: string, enterprise: SQL | AnyPgColumn, openOnly: IsoDate | null): SQL {
  const open = openOnly ? sql`AND ce.inspection_id IS NULL AND cp.ends_on >= ${openOnly}` : sql``;
  return sql`EXISTS (SELECT 1 FROM checkup_enterprises ce JOIN checkup_programs cp ON cp.id = ce.program_id
    WHERE ce.enterprise_id = ${enterprise} AND (cp.runner_org_id = ${orgId} OR ce.carrier_org_id = ${orgId}) ${open})`;
}

/** An expert employed by the organisation is assigned to the enterprise. */
function expertOf(orgId: string, enterprise: SQL | AnyPgColumn, openOnly: boolean): SQL {
  const open = openOnly ? sql`AND ea.inspection_id IS NULL` : sql``;
  return sql`EXISTS (SELECT 1 FROM expert_assignments ea JOIN experts x ON x.id = ea.expert_id
    WHERE x.employer_org_id = ${orgId} AND ea.enterprise_id = ${enterprise} ${open})`;
}

/**
 * The enterprise's records (inspections, hazards, risk grades, training, guidance) are visible
 * to: the enterprise itself; its bureau (region containing it); an insurer with a policy in
 * force; the group coordinating it; a provider serving it (an engagement in service, a check-up
 * it carries out, an expert of its assigned). Nobody else — a record's own author sees that
 * record through the record's query, not through this rule.
 */
export function enterpriseRecordsVisibleTo(org: ActingOrg, enterprise: SQL | AnyPgColumn, today: IsoDate): SQL {
  const own = sql`${enterprise} = ${org.id}`;
  switch (org.kind) {
    case "enterprise":
      return own;
    case "bureau":
      return sql`(${own} OR ${inRegionOf(org.regionCode, enterprise)})`;
    case "insurer":
      return sql`(${own} OR ${policyInForce(org.id, enterprise, today)} OR ${checkupParty(org.id, enterprise, null)})`;
    case "group":
      return sql`(${own} OR ${groupMember(org.id, enterprise)})`;
    case "provider":
      return sql`(${own} OR ${servingProvider(org.id, enterprise)} OR ${checkupParty(org.id, enterprise, null)} OR ${expertOf(org.id, enterprise, false)})`;
    case "platform":
      return own;
  }
}

/** Whether `org` may see this enterprise's records (the single-record form of the rule above). */
export async function mayViewEnterpriseRecords(
  db: DbOrTx,
  org: ActingOrg,
  enterpriseId: string,
  today: IsoDate,
): Promise<boolean> {
  const [row] = await executeRows<{ ok: boolean }>(
    db,
    sql`SELECT ${enterpriseRecordsVisibleTo(org, sql`${enterpriseId}::uuid`, today)} AS ok`,
  );
  return Boolean(row?.ok);
}

/**
 * The relations that admit each inspection source (inspection-sources.ts), in one round trip.
 * A mutual-aid assignment, an expert assignment or a check-up place counts while it has no
 * inspection yet (and its cycle or program has not ended); the others count while they last.
 */
export async function inspectionRelations(
  db: DbOrTx,
  org: ActingOrg,
  enterpriseId: string,
  today: IsoDate,
): Promise<InspectionRelations> {
  const enterprise = sql`${enterpriseId}::uuid`;
  const no = sql`false`;
  const [row] = await executeRows<Record<keyof InspectionRelations, boolean>>(
    db,
    sql`SELECT
    ${
      org.kind === "enterprise"
        ? sql`EXISTS (SELECT 1 FROM rotation_assignments ra JOIN rotation_cycles rc ON rc.id = ra.cycle_id
        WHERE ra.inspector_enterprise_id = ${org.id} AND ra.inspected_enterprise_id = ${enterprise}
          AND ra.inspection_id IS NULL AND rc.ends_on >= ${today})`
        : no
    } AS "hasMutualAidAssignment",
    ${org.kind === "insurer" ? policyInForce(org.id, enterprise, today) : no} AS "insuresEnterprise",
    ${org.kind === "provider" ? servingProvider(org.id, enterprise) : no} AS "servesEnterprise",
    ${org.kind === "provider" ? expertOf(org.id, enterprise, true) : no} AS "expertAssigned",
    ${org.kind === "bureau" ? inRegionOf(org.regionCode, enterprise) : no} AS "isEnterpriseBureau",
    ${org.kind === "bureau" || org.kind === "insurer" || org.kind === "provider" ? checkupParty(org.id, enterprise, today) : no} AS "inFreeCheckupProgram"`,
  );
  return {
    isEnterpriseItself: org.id === enterpriseId,
    hasMutualAidAssignment: Boolean(row?.hasMutualAidAssignment),
    insuresEnterprise: Boolean(row?.insuresEnterprise),
    servesEnterprise: Boolean(row?.servesEnterprise),
    expertAssigned: Boolean(row?.expertAssigned),
    isEnterpriseBureau: Boolean(row?.isEnterpriseBureau),
    inFreeCheckupProgram: Boolean(row?.inFreeCheckupProgram),
  };
}
