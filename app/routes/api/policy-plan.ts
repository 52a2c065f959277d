import { shanghaiDateString } from "../../domain/format";
import { planForApi } from "../../services/insurer-policies.server";
import { apiError, apiRoute } from "../../utils/api.server";

/**
 * GET /api/v1/policies/:policyId/plan — the derived service plan of one of the token's insurer's
 * policies: `{ items: [{ service, sequence, windowStart, dueDate, status, assignee }] }`.
 * Another insurer's policy (or any other organisation asking) is a 404.
 */
export const loader = apiRoute("required", async ({ context, org, params }) => {
  if (org.kind !== "insurer") return apiError(404, "not_found", "not found");
  const items = await planForApi(context.db, org.id, params.policyId ?? "", shanghaiDateString(new Date()));
  return { items };
});
