import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "../../db/client";
import { qualifications, type Qualification } from "../../db/schema";
import { categoriesCoveredBy } from "../../app/domain/qualification-types";
import { ListingSchema } from "../../app/forms/provider";
import { registerOrg } from "./accounts";

/** A registered provider (or other org) with the actor its services take. */
export async function providerWithActor(
  db: Db,
  options: { regionCode?: string; kind?: "provider" | "enterprise" } = {},
) {
  const reg = await registerOrg(db, { kind: options.kind ?? "provider", regionCode: options.regionCode ?? "330702" });
  return { ...reg, actor: { userId: reg.user.id, orgId: reg.org.id, ip: "203.0.113.20" } };
}

/** A qualification row as the admin left it, without going through upload and review. */
export async function insertQualification(
  db: Db,
  providerId: string,
  over: Partial<Pick<Qualification, "type" | "status" | "validFrom" | "validTo" | "certificateNo">> = {},
) {
  const type = over.type ?? "safety_assessment";
  const [row] = await db
    .insert(qualifications)
    .values({
      providerId,
      type,
      certificateNo: over.certificateNo ?? `APJ-(浙)-${Math.floor(Math.random() * 1e6)}`,
      issuer: "浙江省应急管理厅",
      scope: "金属冶炼、建筑施工、危险化学品",
      scopeCategories: [...categoriesCoveredBy(type)],
      validFrom: over.validFrom ?? "2024-01-01",
      validTo: over.validTo ?? "2028-12-31",
      status: over.status ?? "verified",
    })
    .returning();
  return row!;
}

/** A throwaway UPLOAD_DIR and a way to count what landed in it. */
export async function tempUploadDir() {
  const dir = await mkdtemp(path.join(tmpdir(), "anfu-uploads-"));
  return {
    env: { UPLOAD_DIR: dir },
    async storedFiles(): Promise<number> {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true });
      return entries.filter((e) => e.isFile()).length;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A listing as the form would submit it (yuan as text, lists comma-separated), parsed by the real schema. */
export function listingInput(
  over: Partial<
    Record<
      | "category"
      | "title"
      | "scope"
      | "deliverables"
      | "priceModel"
      | "price"
      | "regionCodes"
      | "industryCodes"
      | "requiredQualificationType",
      string
    >
  > = {},
) {
  return ListingSchema.parse({
    category: "consulting",
    title: "安全生产标准化咨询",
    scope: "协助企业创建安全生产标准化三级达标",
    deliverables: "标准化制度汇编、自评报告",
    priceModel: "fixed",
    price: "8000",
    regionCodes: "330702",
    industryCodes: "",
    ...over,
  });
}
