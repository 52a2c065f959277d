/**
 * The error codes and messages of the policy import and API (policy-import.ts,
 * policy-import-sheet.ts), apart from the validators: pages show them without loading the
 * validators' region table (decision 016: a page's first-visit JS stays small).
 */
export const POLICY_ERROR_CODES = [
  "required",
  "invalid_type",
  "unknown_field",
  "invalid_policy_number",
  "invalid_uscc",
  "invalid_name",
  "unknown_region",
  "out_of_range",
  "invalid_date",
  "end_before_start",
  "term_too_long",
  "invalid_grade",
  "unknown_service",
  "duplicate_service",
] as const;
export type PolicyErrorCode = (typeof POLICY_ERROR_CODES)[number];
export type FieldError = { field: string; code: PolicyErrorCode };

/** Messages for the 400 answer and the import preview, in the user's language. */
export const POLICY_ERROR_MESSAGES: Record<PolicyErrorCode, { zh: string; en: string }> = {
  required: { zh: "必填", en: "is required" },
  invalid_type: { zh: "类型不正确", en: "has the wrong type" },
  unknown_field: { zh: "不是可识别的字段", en: "is not a known field" },
  invalid_policy_number: {
    zh: "保单号应为 1–64 位字母、数字或 - _ / .",
    en: "must be 1–64 letters, digits or - _ / .",
  },
  invalid_uscc: { zh: "不是有效的统一社会信用代码", en: "is not a valid unified social credit code" },
  invalid_name: { zh: "企业名称应为 2–100 个字符", en: "must be 2–100 characters" },
  unknown_region: { zh: "不是有效的行政区划代码", en: "is not a known administrative division code" },
  out_of_range: { zh: "超出允许范围", en: "is out of range" },
  invalid_date: { zh: "应为有效日期 YYYY-MM-DD", en: "must be a real date YYYY-MM-DD" },
  end_before_start: { zh: "终止日期不能早于起保日期", en: "must not be before the start date" },
  term_too_long: { zh: "保险期间不能超过 60 个月", en: "must be at most 60 months after the start" },
  invalid_grade: { zh: "风险等级应为红、橙、黄、蓝之一", en: "must be red, orange, yellow or blue" },
  unknown_service: { zh: "不是可选的个性化服务", en: "is not an optional service" },
  duplicate_service: { zh: "个性化服务重复", en: "lists a service twice" },
};

export type SheetErrorCode =
  PolicyErrorCode | "missing_column" | "duplicate_column" | "duplicate_in_file" | "invalid_amount" | "empty_file";
/** Messages for the codes only the spreadsheet has (the others: POLICY_ERROR_MESSAGES). */
export const SHEET_ERROR_MESSAGES: Record<Exclude<SheetErrorCode, PolicyErrorCode>, { zh: string; en: string }> = {
  missing_column: { zh: "缺少这一列", en: "this column is missing" },
  duplicate_column: {
    zh: "这一列出现了两次（或同时有元和分两种保费列）",
    en: "this column appears twice (or premium is given both in yuan and in fen)",
  },
  duplicate_in_file: { zh: "保单号在文件中重复", en: "the policy number appears twice in the file" },
  invalid_amount: { zh: "不是有效的金额或比例", en: "is not a valid amount or ratio" },
  empty_file: { zh: "文件中没有保单行", en: "the file has no policy rows" },
};
