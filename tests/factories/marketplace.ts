import type { Db } from "../../db/client";
import { providerProfiles, qualifications } from "../../db/schema";
import type { ServiceCategory } from "../../db/schema";
import { regionSearchKeys } from "../../app/domain/region-keys";
import { registerOrg } from "./accounts";

/** What the services take as the acting user and organisation. */
export type TestActor = { userId: string; orgId: string; ip: string; orgKind: string };

export function actorOf(registered: { user: { id: string }; org: { id: string; kind: string } }): TestActor {
  return { userId: registered.user.id, orgId: registered.org.id, orgKind: registered.org.kind, ip: "203.0.113.9" };
}

export async function makeEnterprise(db: Db, options: { regionCode?: string; name?: string } = {}) {
  const reg = await registerOrg(db, {
    kind: "enterprise",
    regionCode: options.regionCode ?? "330702",
    name: options.name,
  });
  return { ...reg, actor: actorOf(reg) };
}

/**
 * A provider offering `categories` in `servedRegions` (default: all of Jinhua, 330700), with
 * verified qualifications of the given types in force from 2020 to 2035.
 */
export async function makeProvider(
  db: Db,
  options: {
    categories?: ServiceCategory[];
    servedRegions?: string[];
    qualificationTypes?: Array<[string, ServiceCategory[]]>;
    name?: string;
  } = {},
) {
  const reg = await registerOrg(db, { kind: "provider", regionCode: "330702", name: options.name });
  const served = options.servedRegions ?? ["330700"];
  await db.insert(providerProfiles).values({
    orgId: reg.org.id,
    categories: options.categories ?? ["consulting"],
    regionCodes: served,
    regionKeys: regionSearchKeys(served),
  });
  for (const [type, scopeCategories] of options.qualificationTypes ?? []) {
    await db.insert(qualifications).values({
      providerId: reg.org.id,
      type,
      certificateNo: `APJ-(浙)-${Math.floor(Math.random() * 1e6)}`,
      issuer: "浙江省应急管理厅",
      scope: scopeCategories.join(","),
      scopeCategories,
      validFrom: "2020-01-01",
      validTo: "2035-12-31",
      status: "verified",
    });
  }
  return { ...reg, actor: actorOf(reg) };
}
