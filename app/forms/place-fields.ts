import { z } from "zod";
import { isValidIndustryCode } from "../domain/industries";
import { isValidRegionCode } from "../domain/region-outline";

/**
 * Region and industry fields, apart from fields.ts so that a form without them does not pull
 * the region outline and the industry table into its page's JavaScript (docs/performance.md).
 * Messages are i18n keys in the `errors` namespace.
 */
export const regionField = z
  .string({ required_error: "region_required" })
  .trim()
  .refine((v) => isValidRegionCode(v), "region_required");

export const industryField = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isValidIndustryCode(v), "industry_invalid");
