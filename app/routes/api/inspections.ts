import type { LoaderFunctionArgs } from "@remix-run/node";
import { ApiInspectionSchema } from "../../forms/inspections";
import { createInspection, findEnterpriseByRef, InspectionInputError } from "../../services/inspections.server";
import { apiError, apiRoute } from "../../utils/api.server";
import { AppError } from "../../utils/errors";

/**
 * POST /api/v1/inspections — records an inspection with its hazards for the token's
 * organisation (docs/api.md). `confirm: true` signs it at once (hazards written, major ones
 * reported to the bureau); otherwise it stays a draft to finish on the site. 201 with the
 * inspection and hazard ids; 400 naming the fields; 403 without the relation its source needs.
 */
export const action = apiRoute("required", async ({ request, context, org }) => {
  if (request.method !== "POST") return apiError(405, "method_not_allowed", "Use POST.", { Allow: "POST" });
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    return apiError(415, "json_required", "Send the inspection as application/json.");
  }
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return apiError(400, "invalid_json", "The body is not valid JSON.");
  }
  const parsed = ApiInspectionSchema.safeParse(body);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "body"] ??= issue.message;
    return apiError(400, "invalid_input", `Invalid fields: ${Object.keys(fields).join(", ")}.`, undefined, fields);
  }
  const input = parsed.data;
  const enterprise = await findEnterpriseByRef(context.db, input.enterprise);
  if (!enterprise) {
    return apiError(422, "enterprise_unknown", "No enterprise with this id or USCC.", undefined, {
      enterprise: "unknown",
    });
  }
  try {
    const { inspection, intake } = await createInspection(
      context.db,
      context.env,
      { orgId: org.id, orgKind: org.kind, regionCode: org.regionCode, userId: null },
      {
        enterpriseId: enterprise.id,
        source: input.source,
        inspectedOn: input.inspectedOn,
        inspectorNames: input.inspectorNames,
        templateKey: input.templateKey,
        answers: input.answers ?? undefined,
        findings: input.findings,
        hazards: input.hazards.map((h) => ({ ...h, itemKey: h.itemKey ?? null })),
        confirm: input.confirm,
        now: new Date(),
      },
    );
    return new Response(
      JSON.stringify({
        inspection: {
          id: inspection.id,
          enterpriseId: inspection.enterpriseId,
          source: inspection.source,
          inspectedOn: inspection.inspectedOn,
          inspectorNames: inspection.inspectorNames,
          scoreBp: inspection.scoreBp,
          findings: inspection.findings,
          confirmedAt: inspection.inspectorConfirmedAt?.toISOString() ?? null,
          url: `/inspections/${inspection.id}`,
        },
        hazards: intake
          ? intake.hazardIds.map((id) => {
              const report = intake.reports.find((r) => r.hazardId === id);
              return {
                id,
                url: `/hazards/${id}`,
                ...(report ? { reportedToBureauId: report.bureauId, reportMissing: report.missing } : {}),
              };
            })
          : [],
        draftHazards: intake ? 0 : inspection.draftHazards.length,
      }),
      { status: 201, headers: { "Content-Type": "application/json; charset=utf-8" } },
    );
  } catch (error) {
    if (error instanceof InspectionInputError) {
      const status = error.status === 400 ? 400 : 422;
      return apiError(
        status,
        "invalid_input",
        `Invalid fields: ${Object.keys(error.fields).join(", ")}.`,
        undefined,
        error.fields,
      );
    }
    if (error instanceof AppError && error.status === 403) {
      return apiError(
        403,
        error.code,
        error.code === "own_enterprise"
          ? "An organisation records its own enterprise only as a self-check."
          : `No relation to this enterprise admits source "${input.source}" (needs ${String(error.params.needs)}).`,
      );
    }
    throw error;
  }
});

export function loader(_args: LoaderFunctionArgs) {
  return apiError(405, "method_not_allowed", "Use POST.", { Allow: "POST" });
}
