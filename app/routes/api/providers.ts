import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { shanghaiDateString } from "../../domain/format";
import { ProviderSearchQuerySchema, queryIssues, searchParamsObject } from "../../forms/search";
import { findProviders } from "../../services/provider-directory.server";

/**
 * GET /api/v1/providers — the public directory as JSON: the same ranked results as /providers
 * (one service, findProviders). Public like the page; bad parameters → 400 naming each field.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const parsed = ProviderSearchQuerySchema.safeParse(searchParamsObject(request.url));
  if (!parsed.success) {
    const fields = queryIssues(parsed.error);
    return data(
      {
        error: {
          code: "invalid_query",
          message: `Invalid query parameter(s): ${Object.keys(fields).join(", ")}.`,
          fields,
        },
      },
      { status: 400 },
    );
  }
  const q = parsed.data;
  const result = await findProviders(
    context.db,
    {
      q: q.q,
      category: q.category,
      regionCode: q.region,
      industryCode: q.industry,
      minGrade: q.grade,
      verifiedOnly: q.verified,
      sort: q.sort,
      page: q.page,
      budgetFen: q.budget,
    },
    shanghaiDateString(new Date()),
  );
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
      summary: r.summary,
      score: r.score,
      reasons: r.reasons,
    })),
  };
}
