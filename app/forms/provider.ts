import { z } from "zod";
import { isValidIndustryCode } from "../domain/industries";
import { QUALIFICATION_TYPES } from "../domain/qualification-types";
import { isValidRegionCode } from "../domain/region-outline";
import {
  isServiceCategory,
  normaliseCategories,
  SERVICE_CATEGORIES,
  type ServiceCategoryCode,
} from "../domain/service-categories";
import { optionalText, phoneField, requiredDate, requiredText, requiredYuan } from "./fields";
import { regionField } from "./place-fields";

/**
 * Forms of the provider area. A multi-valued field (checkboxes, region and industry lists)
 * travels as repeated form entries; routes call collapseMultiValues first so the shared
 * schema sees one comma-separated string, as the browser-side check does.
 */
export function collapseMultiValues(form: FormData, names: readonly string[]): FormData {
  for (const name of names) {
    const values = form.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");
    form.set(name, values.join(","));
  }
  return form;
}

/** The text fields of a submission, to give back to the form when the use case refuses it. */
export function stringValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") out[key] = value;
  return out;
}

// Checked boxes arrive as an array (formDataToObject) or, after collapseMultiValues, as one
// comma-separated string; both read the same.
const codeList = (valid: (code: string) => boolean, invalidKey: string, max: number) =>
  z
    .preprocess((v) => (Array.isArray(v) ? v.join(",") : v), z.string().optional())
    .transform((v) => [
      ...new Set(
        (v ?? "")
          .split(",")
          .map((c) => c.trim())
          .filter(Boolean),
      ),
    ])
    .refine((list) => list.every(valid), invalidKey)
    .refine((list) => list.length <= max, "provider.too_many");

const categoryList = codeList(isServiceCategory, "provider.category_invalid", SERVICE_CATEGORIES.length).transform(
  (list) => normaliseCategories(list) as ServiceCategoryCode[],
);
const regionList = codeList(isValidRegionCode, "region_unknown", 100);
const industryList = codeList(isValidIndustryCode, "industry_invalid", 60);

const isoDate = requiredDate("provider.date_invalid");

export const ProviderProfileSchema = z.object({
  categories: categoryList.refine((list) => list.length > 0, "provider.categories_required"),
  description: optionalText(4000),
  regionCodes: regionList.refine((list) => list.length > 0, "provider.regions_required"),
  industryCodes: industryList,
  staffCount: z.coerce
    .number({ invalid_type_error: "provider.staff_invalid" })
    .int("provider.staff_invalid")
    .min(0, "provider.staff_invalid")
    .max(100_000, "provider.staff_invalid"),
  contactName: optionalText(50),
  contactPhone: phoneField,
  contactEmail: z
    .string()
    .trim()
    .max(254, "too_long")
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined))
    .refine((v) => v === undefined || z.string().email().safeParse(v).success, "email_invalid"),
});
export type ProviderProfileInput = z.infer<typeof ProviderProfileSchema>;

export const QualificationSchema = z
  .object({
    type: z.enum(QUALIFICATION_TYPES, { errorMap: () => ({ message: "provider.qualification_type_required" }) }),
    certificateNo: requiredText(64),
    issuer: requiredText(100),
    scope: requiredText(1000),
    validFrom: isoDate,
    validTo: isoDate,
    /** Only for type "other": the categories it is claimed to cover, checked by the admin. */
    scopeCategories: categoryList,
  })
  .refine((v) => v.validTo >= v.validFrom, { path: ["validTo"], message: "provider.valid_to_before_from" })
  .refine((v) => v.type !== "other" || v.scopeCategories.length > 0, {
    path: ["scopeCategories"],
    message: "provider.categories_required",
  });
export type QualificationInput = z.infer<typeof QualificationSchema>;

export const QualificationDecisionSchema = z
  .object({
    qualificationId: z.string().uuid("not_found"),
    decision: z.enum(["verify", "reject"]),
    reason: optionalText(500),
  })
  .refine((v) => v.decision !== "reject" || !!v.reason, { path: ["reason"], message: "reason_required" });

// Zero and malformed amounts share one message on the listing form.
const yuanPrice = requiredYuan({ invalid: "provider.price_invalid", positive: "provider.price_invalid" });

export const ListingSchema = z.object({
  category: z.enum(SERVICE_CATEGORIES, { errorMap: () => ({ message: "provider.category_invalid" }) }),
  title: requiredText(100),
  scope: requiredText(2000),
  deliverables: optionalText(2000),
  priceModel: z.enum(["fixed", "per_visit", "yearly_custody"], {
    errorMap: () => ({ message: "provider.price_model_invalid" }),
  }),
  price: yuanPrice,
  regionCodes: regionList.refine((list) => list.length > 0, "provider.regions_required"),
  industryCodes: industryList,
  requiredQualificationType: z
    .union([z.enum(QUALIFICATION_TYPES), z.literal("")], {
      errorMap: () => ({ message: "provider.qualification_type_required" }),
    })
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type ListingInput = z.infer<typeof ListingSchema>;

export const PracticeNoticeSchema = z.object({
  countyCode: regionField,
  categories: categoryList,
  note: optionalText(500),
});
export type PracticeNoticeInput = z.infer<typeof PracticeNoticeSchema>;

export const IdSchema = z.string().uuid("not_found");

export const MULTI_VALUE_FIELDS = ["categories", "regionCodes", "industryCodes", "scopeCategories"] as const;
