import { shanghaiDateString } from "../../domain/format";
import { POLICY_ERROR_MESSAGES, validatePolicyRecord } from "../../domain/policy-import";
import { createPolicy } from "../../services/insurer-policies.server";
import { apiError, apiRoute } from "../../utils/api.server";

/** Bodies larger than this are not policies (the documented body is well under 1 KB). */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * POST /api/v1/policies — an insurer's core system sends one 安责险 policy with exactly the body of
 * issue 9 (docs/api.md). 201 with the policy; 400 naming every bad field (validatePolicyRecord's
 * codes); 409 for a policy number the insurer already used; an unknown USCC puts the enterprise
 * on the register as unclaimed. Only insurers' tokens may write policies (403 otherwise).
 */
export const action = apiRoute("required", async ({ request, context, org }) => {
  if (request.method !== "POST") return apiError(405, "method_not_allowed", "Use POST.", { Allow: "POST" });
  if (org.kind !== "insurer") return apiError(403, "forbidden", "Only an insurer's token may write policies.");
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return apiError(413, "body_too_large", "The body is too large.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return apiError(400, "invalid_json", "The body is not valid JSON.");
  }
  const checked = validatePolicyRecord(body);
  if (!checked.ok) {
    const fields = Object.fromEntries(checked.errors.map((e) => [e.field || "body", e.code]));
    const detail = checked.errors.map((e) => `${e.field || "body"} ${POLICY_ERROR_MESSAGES[e.code].en}`).join("; ");
    return apiError(400, "invalid_policy", `Invalid field(s): ${detail}.`, undefined, fields);
  }
  const now = new Date();
  const { policy, planItems } = await createPolicy(context.db, {
    insurerId: org.id,
    actor: { userId: null, ip: context.clientIp },
    policy: checked.value,
    today: shanghaiDateString(now),
    now,
  });
  return new Response(
    JSON.stringify({
      policy: {
        id: policy.id,
        policyNumber: policy.policyNumber,
        enterpriseId: policy.enterpriseId,
        premiumFen: policy.premiumFen,
        preventionFeeBps: policy.preventionFeeBps,
        startDate: policy.startDate,
        endDate: policy.endDate,
        riskGrade: policy.riskGrade,
        optionalServices: policy.optionalServices,
        status: policy.status,
        planItems,
      },
    }),
    {
      status: 201,
      headers: { "Content-Type": "application/json; charset=utf-8", Location: `/api/v1/policies/${policy.id}/plan` },
    },
  );
});

export const loader = apiRoute("required", () => apiError(405, "method_not_allowed", "Use POST.", { Allow: "POST" }));
