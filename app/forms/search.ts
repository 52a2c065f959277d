import { z } from "zod";
import { queryObject } from "../utils/forms";
import { parseYuanToFen } from "../domain/format";
import { isValidIndustryCode } from "../domain/industries";
import { isValidRegionCode } from "../domain/region-outline";
import { CREDIT_GRADES, LISTING_SORTS, MAX_PAGE, PROVIDER_SORTS } from "../domain/search-options";
import { SERVICE_CATEGORIES } from "../domain/service-categories";

/**
 * Query-string schemas of the public search pages and GET /api/v1/providers. Empty fields
 * (an untouched select) mean "no filter"; anything else must be valid, or the request is a
 * 400 with the field named — never silently ignored, never a 500.
 */
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blank, schema.optional());

const flag = z.preprocess(
  (v) =>
    v === undefined || v === ""
      ? false
      : v === "1" || v === "true" || v === "on"
        ? true
        : v === "0" || v === "false"
          ? false
          : v,
  z.boolean({ invalid_type_error: "search.flag_invalid" }),
);

const yuan = z.preprocess(
  blank,
  z
    .string()
    .transform((v, ctx) => {
      const fen = parseYuanToFen(v);
      if (fen === null) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "search.price_invalid" });
        return z.NEVER;
      }
      return fen;
    })
    .optional(),
);

const common = {
  q: z
    .preprocess(blank, z.string().trim().max(50, "search.query_too_long").optional())
    .transform((v) => v || undefined),
  category: optional(z.enum(SERVICE_CATEGORIES, { errorMap: () => ({ message: "search.category_invalid" }) })),
  region: optional(z.string().refine(isValidRegionCode, "region_unknown")),
  industry: optional(z.string().refine(isValidIndustryCode, "industry_invalid")),
  grade: optional(z.enum(CREDIT_GRADES, { errorMap: () => ({ message: "search.grade_invalid" }) })),
  verified: flag,
  page: z.preprocess(
    (v) => blank(v) ?? "1",
    z.coerce
      .number({ invalid_type_error: "search.page_invalid" })
      .int("search.page_invalid")
      .min(1, "search.page_invalid")
      .max(MAX_PAGE, "search.page_too_far"),
  ),
};

export const ProviderSearchQuerySchema = z.object({
  ...common,
  sort: z.preprocess(
    blank,
    z.enum(PROVIDER_SORTS, { errorMap: () => ({ message: "search.sort_invalid" }) }).default("relevance"),
  ),
  budget: yuan,
});

export const ListingSearchQuerySchema = z
  .object({
    ...common,
    sort: z.preprocess(
      blank,
      z.enum(LISTING_SORTS, { errorMap: () => ({ message: "search.sort_invalid" }) }).default("relevance"),
    ),
    minPrice: yuan,
    maxPrice: yuan,
  })
  .refine((v) => v.minPrice === undefined || v.maxPrice === undefined || v.minPrice <= v.maxPrice, {
    path: ["maxPrice"],
    message: "search.price_range_invalid",
  });

export type ProviderSearchQuery = z.infer<typeof ProviderSearchQuerySchema>;
export type ListingSearchQuery = z.infer<typeof ListingSearchQuerySchema>;

/** The first message per field, for the form and the API's 400 body. */
export function queryIssues(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "query");
    out[key] ??= issue.message;
  }
  return out;
}

export function searchParamsObject(url: string): Record<string, string> {
  return queryObject(url);
}
