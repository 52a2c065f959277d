import { apiError, apiRoute } from "../../utils/api.server";
import { shanghaiDateString } from "../../domain/format";
import { ProviderSearchQuerySchema, queryIssues, searchParamsObject } from "../../forms/search";
import { directoryQueryOf, findProviders } from "../../services/provider-directory.server";
import { excerpt } from "../../domain/text-excerpt";

/**
 * GET /api/v1/providers — the public directory as JSON: the same ranked results as /providers
 * (one service, findProviders). Public like the page (rate limited per IP, or per token when
 * one is sent); bad parameters → 400 naming each field.
 */
export const loader = apiRoute("optional", async ({ request, context }) => {
  const parsed = ProviderSearchQuerySchema.safeParse(searchParamsObject(request.url));
  if (!parsed.success) {
    const fields = queryIssues(parsed.error);
    return apiError(
      400,
      "invalid_query",
      `Invalid query parameter(s): ${Object.keys(fields).join(", ")}.`,
      undefined,
      fields,
    );
  }
  const q = parsed.data;
  const result = await findProviders(context.db, directoryQueryOf(q), shanghaiDateString(new Date()));
  return {
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    totalCapped: result.capped,
    ranked: result.ranked,
    providers: result.rows.map((r) => ({
      id: r.id,
      name: r.name,
      verified: r.verified,
      creditGrade: r.creditGrade,
      reviewCount: r.reviewCount,
      averageRating: r.reviewCount > 0 ? Math.round((r.ratingSum / r.reviewCount) * 100) / 100 : null,
      categories: r.categories,
      regionCodes: r.regionCodes,
      industryCodes: r.industryCodes,
      summary: excerpt(r.summary ?? "", 80),
      score: r.score,
      reasons: r.reasons,
    })),
  };
});
