import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { organisations } from "../../db/schema";
import type { OrgKind } from "../../db/schema";

/** Only figures that exist: the dashboard never shows a number it cannot back. */
export async function dashboardFigures(db: DbOrTx, org: { id: string; kind: OrgKind }) {
  if (org.kind !== "platform") return {};
  const [[pending], [suspended]] = await Promise.all([
    db
      .select({ n: count() })
      .from(organisations)
      .where(and(eq(organisations.verificationStatus, "pending"), isNull(organisations.suspendedAt))),
    db.select({ n: count() }).from(organisations).where(isNotNull(organisations.suspendedAt)),
  ]);
  return { pending: pending.n, suspended: suspended.n };
}
