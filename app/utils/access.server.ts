import type { AppLoadContext } from "@remix-run/node";
import { allows, type FeatureAccess } from "../domain/access";
import { requireMembership } from "./auth.server";

type Ctx = Pick<AppLoadContext, "db" | "env">;

/**
 * The one permission gate of a page (docs/architecture.md, "Permissions"): the loader asks for
 * `view`, the action for `edit`, of the same feature in app/domain/access.ts. A refusal is the
 * translated 403 page (wrong kind or role), an anonymous visitor goes to the login page.
 * `canEdit` tells the page whether to offer the action, by the same rule the action enforces.
 */
export async function requireAccess(request: Request, context: Ctx, feature: FeatureAccess, need: "view" | "edit") {
  const membership = await requireMembership(request, context, feature[need]);
  return { ...membership, canEdit: allows(feature.edit, membership.org) };
}
