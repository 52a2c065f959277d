import { redirect, type AppLoadContext } from "@remix-run/node";
import type { OrgKind, MemberRole } from "../../db/schema";
import { validateSessionToken, type SessionContext } from "../services/sessions.server";
import { AppError } from "./errors";
import { errorResponse } from "./http.server";
import { readSessionToken } from "./session-cookie.server";

type Ctx = Pick<AppLoadContext, "db" | "env">;

/**
 * The signed-in user's session, or null. Memoised per request: loaders run in parallel, and the
 * request's clock is read here once, when its session is first looked up.
 */
const perRequest = new WeakMap<Request, Promise<SessionContext | null>>();
export function getSessionContext(request: Request, context: Ctx): Promise<SessionContext | null> {
  let found = perRequest.get(request);
  if (!found) {
    const token = readSessionToken(request, context.env);
    found = token ? validateSessionToken(context.db, token, new Date()) : Promise.resolve(null);
    perRequest.set(request, found);
  }
  return found;
}

export async function requireUser(request: Request, context: Ctx): Promise<SessionContext> {
  const found = await getSessionContext(request, context);
  if (!found) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  return found;
}

export type ActingMembership = SessionContext & { org: NonNullable<SessionContext["org"]> };

/**
 * The user must act for an organisation of one of `kinds`, with one of `roles`.
 * A suspended organisation may still sign in and read, but not act (`allowSuspended` false).
 */
export async function requireMembership(
  request: Request,
  context: Ctx,
  options: { kinds?: readonly OrgKind[]; roles?: readonly MemberRole[]; allowSuspended?: boolean } = {},
): Promise<ActingMembership> {
  const found = await requireUser(request, context);
  const { org } = found;
  // Thrown as the error page's response (not a bare AppError), so a loader that does not wrap
  // this call in orErrorPage still answers 403 with the translated message instead of a 500.
  if (!org) errorResponse(new AppError(403, "no_organisation", "no_organisation"));
  if (options.kinds && !options.kinds.includes(org.kind))
    errorResponse(new AppError(403, "forbidden", "wrong_org_kind"));
  if (options.roles && !options.roles.includes(org.role)) errorResponse(new AppError(403, "forbidden", "wrong_role"));
  if (org.suspendedAt && !options.allowSuspended && request.method !== "GET") {
    errorResponse(new AppError(403, "org_suspended", "org_suspended"));
  }
  return found as ActingMembership;
}

export async function requireAnonymous(request: Request, context: Ctx): Promise<void> {
  if (await getSessionContext(request, context)) throw redirect("/dashboard");
}

export function requirePlatformAdmin(request: Request, context: Ctx) {
  return requireMembership(request, context, { kinds: ["platform"], roles: ["owner", "admin"] });
}
