import { and, eq, like, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import {
  engagements,
  insuranceComplaints,
  insurancePlanItems,
  insuranceVisits,
  organisations,
  practiceNotices,
  qualifications,
} from "../../db/schema";
import { NOTIFICATION_TYPES, isNotificationType } from "../domain/notification-types";
import { regionLikePattern } from "../domain/region-scope";
import { AppError } from "../utils/errors";
import { getOwnRequest, getRequestForProvider } from "./requests.server";
import { mayViewHazard } from "./hazards.server";
import { shanghaiDateString } from "../domain/format";
import { isGuidanceParty } from "./guidance.server";

type Viewer = { orgId: string; now: Date };

/**
 * Where a notification leads, if the acting organisation may still see what it points at; null
 * when the object was deleted or is no longer visible (the inbox then says "unavailable" and
 * shows nothing of it). Each check is the same org-scoped query the target page uses.
 */
export async function visibleLink(
  db: DbOrTx,
  viewer: Viewer,
  n: { type: string; subjectType: string; subjectId: string | null },
): Promise<string | null> {
  if (!isNotificationType(n.type)) return null;
  const link = NOTIFICATION_TYPES[n.type].link(n.subjectId);
  return (await mayStillSee(db, viewer, n.subjectType, n.subjectId)) ? link : null;
}

async function mayStillSee(db: DbOrTx, viewer: Viewer, subjectType: string, id: string | null): Promise<boolean> {
  if (!id) return false;
  switch (subjectType) {
    case "request":
      return exists(() => getRequestForProvider(db, { requestId: id, providerId: viewer.orgId, now: viewer.now }));
    case "quote_request":
      return exists(() => getOwnRequest(db, { requestId: id, orgId: viewer.orgId }));
    case "engagement":
    case "engagement_reviews": {
      const [row] = await db
        .select({ id: engagements.id })
        .from(engagements)
        .where(
          and(
            eq(engagements.id, id),
            or(eq(engagements.enterpriseId, viewer.orgId), eq(engagements.providerId, viewer.orgId)),
          ),
        );
      return Boolean(row);
    }
    case "qualification": {
      const [row] = await db
        .select({ id: qualifications.id })
        .from(qualifications)
        .where(and(eq(qualifications.id, id), eq(qualifications.providerId, viewer.orgId)));
      return Boolean(row);
    }
    case "practice_notice": {
      const [bureau] = await db
        .select()
        .from(organisations)
        .where(and(eq(organisations.id, viewer.orgId), eq(organisations.kind, "bureau")));
      if (!bureau) return false;
      const [row] = await db
        .select({ id: practiceNotices.id })
        .from(practiceNotices)
        .where(and(eq(practiceNotices.id, id), like(practiceNotices.countyCode, regionLikePattern(bureau.regionCode))));
      return Boolean(row);
    }
    case "hazard": {
      const [org] = await db.select().from(organisations).where(eq(organisations.id, viewer.orgId));
      return Boolean(org) && mayViewHazard(db, org!, id, shanghaiDateString(viewer.now));
    }
    case "guidance":
      return isGuidanceParty(db, viewer.orgId, id);
    // Issue 9 reminders: the insurer's own plan item / a plan item of the insured enterprise.
    case "insurance_plan_item":
    case "insured_plan_item": {
      const [row] = await db
        .select({ id: insurancePlanItems.id })
        .from(insurancePlanItems)
        .where(
          and(
            eq(insurancePlanItems.id, id),
            subjectType === "insurance_plan_item"
              ? eq(insurancePlanItems.insurerId, viewer.orgId)
              : eq(insurancePlanItems.enterpriseId, viewer.orgId),
          ),
        );
      return Boolean(row);
    }
    case "insurance_visit": {
      const [row] = await db
        .select({ id: insuranceVisits.id })
        .from(insuranceVisits)
        .where(and(eq(insuranceVisits.id, id), eq(insuranceVisits.enterpriseId, viewer.orgId)));
      return Boolean(row);
    }
    case "insurance_complaint": {
      const [row] = await db
        .select({ id: insuranceComplaints.id })
        .from(insuranceComplaints)
        .where(
          and(
            eq(insuranceComplaints.id, id),
            or(eq(insuranceComplaints.insurerId, viewer.orgId), eq(insuranceComplaints.enterpriseId, viewer.orgId)),
          ),
        );
      return Boolean(row);
    }
    case "provider_credit":
    case "organisation":
      return id === viewer.orgId;
    default:
      return false;
  }
}

async function exists(load: () => Promise<unknown>): Promise<boolean> {
  try {
    await load();
    return true;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return false;
    throw error;
  }
}
