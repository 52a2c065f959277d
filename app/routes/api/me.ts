import type { LoaderFunctionArgs } from "@remix-run/node";
import { regionFullName } from "../../domain/regions";
import { requireApiOrg } from "../../utils/api.server";

/**
 * GET /api/v1/me — the organisation the token acts for. A Response, not a plain object:
 * resource routes answering other programs must not depend on Remix's serialisation.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const org = await requireApiOrg(request, context);
  return Response.json({
    organisation: {
      id: org.id,
      kind: org.kind,
      name: org.name,
      uscc: org.uscc,
      regionCode: org.regionCode,
      regionName: regionFullName(org.regionCode),
      industryCode: org.industryCode,
      verificationStatus: org.verificationStatus,
      suspended: org.suspendedAt !== null,
    },
  });
}
