import { shanghaiDateString } from "../../domain/format";
import { HazardListQuerySchema } from "../../forms/hazards";
import { listHazards } from "../../services/hazards.server";
import { apiError, apiRoute } from "../../utils/api.server";
import { searchParamsOf } from "../../utils/form-data.server";

/**
 * GET /api/v1/hazards?enterprise=&status=&grade=&source=&overdue=&page= — the hazards the
 * token's organisation may see (the register's rule: found by it, or of an enterprise whose
 * records it may see), overdue first, 20 a page. Bad parameters → 400 naming each field.
 */
export const loader = apiRoute("required", async ({ request, context, org }) => {
  const parsed = HazardListQuerySchema.safeParse(searchParamsOf(request));
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "query"), "invalid"]));
    return apiError(
      400,
      "invalid_query",
      `Invalid query parameter(s): ${Object.keys(fields).join(", ")}.`,
      undefined,
      fields,
    );
  }
  const now = new Date();
  const result = await listHazards(
    context.db,
    { id: org.id, kind: org.kind, regionCode: org.regionCode },
    { ...parsed.data, today: shanghaiDateString(now) },
  );
  return {
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    hazards: result.rows.map((r) => ({
      id: r.id,
      enterprise: { id: r.enterpriseId, name: r.enterpriseName },
      finder: { id: r.finderOrgId, name: r.finderName },
      description: r.description,
      location: r.location,
      grade: r.grade,
      status: r.status,
      source: r.source,
      foundOn: r.foundOn,
      deadline: r.deadline,
      overdue: r.overdue,
      overdueDays: r.overdueDays,
      selfReported: r.selfReported,
      notABasisForPenalty: r.notABasisForPenalty,
      reportedAt: r.reportedAt,
      bureauAcknowledgedAt: r.bureauAcknowledgedAt,
      escalatedAt: r.escalatedAt,
      closedAt: r.closedAt,
    })),
  };
});
