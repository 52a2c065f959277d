import { regionFullName } from "../../domain/regions";
import { apiRoute } from "../../utils/api.server";

/** GET /api/v1/me — the organisation the token acts for. */
export const loader = apiRoute("required", ({ org }) => ({
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
}));
