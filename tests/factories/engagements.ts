import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { engagements, organisations, providerProfiles, type EngagementStatus } from "../../db/schema";
import { regionSearchKeys } from "../../app/domain/region-keys";
import { registerOrg } from "./accounts";

/** A registered organisation that the platform has verified, with its owner. */
export async function verifiedOrg(
  db: Db,
  options: { kind: "enterprise" | "provider"; regionCode?: string; name?: string },
) {
  const registered = await registerOrg(db, options);
  const [org] = await db
    .update(organisations)
    .set({ verificationStatus: "verified", verifiedAt: new Date() })
    .where(eq(organisations.id, registered.org.id))
    .returning();
  return { org, user: registered.user };
}

/** A verified provider with a profile serving `servedRegions`. */
export async function verifiedProvider(
  db: Db,
  options: { regionCode?: string; servedRegions?: string[]; name?: string } = {},
) {
  const provider = await verifiedOrg(db, { kind: "provider", regionCode: options.regionCode, name: options.name });
  const served = options.servedRegions ?? [];
  await db.insert(providerProfiles).values({
    orgId: provider.org.id,
    categories: ["consulting"],
    regionCodes: served,
    regionKeys: regionSearchKeys(served),
  });
  return provider;
}

/**
 * An engagement row inserted directly in the state a test needs (by default accepted),
 * without walking the engagement state machine, which is not what these tests are about.
 */
export async function insertEngagement(
  db: Db,
  options: {
    enterpriseId: string;
    providerId: string;
    status?: EngagementStatus;
    acceptedAt?: Date | null;
    deliveredAt?: Date | null;
    endDate?: string | null;
    title?: string;
  },
) {
  const status = options.status ?? "accepted";
  const acceptedAt =
    options.acceptedAt !== undefined
      ? options.acceptedAt
      : status === "accepted" || status === "closed"
        ? new Date()
        : null;
  const [row] = await db
    .insert(engagements)
    .values({
      enterpriseId: options.enterpriseId,
      providerId: options.providerId,
      category: "consulting",
      title: options.title ?? "安全生产标准化咨询",
      scope: "安全生产标准化建设咨询服务",
      priceFen: 1_200_000,
      status,
      startDate: "2025-01-01",
      endDate: options.endDate !== undefined ? options.endDate : "2025-03-31",
      signedAt: new Date("2025-01-01T01:00:00Z"),
      deliveredAt: options.deliveredAt !== undefined ? options.deliveredAt : acceptedAt,
      acceptedAt,
    })
    .returning();
  return row;
}
