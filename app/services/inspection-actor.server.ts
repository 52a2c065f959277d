import type { ActingMembership } from "../utils/auth.server";
import type { InspectionActor } from "./inspections.server";

/** The acting organisation and user of a page, as the inspection services take them. */
export function inspectionActorOf(m: Pick<ActingMembership, "user" | "org">): InspectionActor {
  return { orgId: m.org.id, orgKind: m.org.kind, regionCode: m.org.regionCode, userId: m.user.id };
}
