import { z } from "zod";
import { RISK_GRADES } from "../domain/risk-grade";
import { requiredDate, requiredText } from "./fields";
import { PageField } from "./paging";

/**
 * Forms of the enterprise register (issue 8): the bureau's list filters and the risk-grade form.
 * Filters never fail a page: an unknown value is dropped (`.catch(undefined)`).
 */
const optionalSearch = z
  .string()
  .trim()
  .max(100)
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);

export const RegisterListQuerySchema = z.object({
  q: optionalSearch,
  kind: z.enum(["enterprise", "provider", "insurer", "group"]).optional().catch(undefined),
  claimed: z.enum(["claimed", "unclaimed"]).optional().catch(undefined),
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .catch(undefined),
  section: z
    .string()
    .regex(/^[A-T]$/)
    .optional()
    .catch(undefined),
  highRisk: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => (v ? true : undefined)),
  priority: z.coerce.number().int().min(1).max(5).optional().catch(undefined) as z.ZodType<
    1 | 2 | 3 | 4 | 5 | undefined
  >,
  grade: z
    .enum([...RISK_GRADES, "none"])
    .optional()
    .catch(undefined),
  page: PageField,
});
export type RegisterListQuery = z.infer<typeof RegisterListQuerySchema>;

export const RiskAssessmentSchema = z.object({
  grade: z.enum(RISK_GRADES, { errorMap: () => ({ message: "register.grade_required" }) }),
  assessedOn: requiredDate(),
  assessorName: requiredText(100),
  reason: requiredText(1000),
});

export const ImportConfirmSchema = z.object({ importId: z.string().uuid() });
