/**
 * The spreadsheet (Excel/CSV) variant of the policy import (issue 9, "Policies": preview,
 * per-row errors with the row number and reason, nothing written unless every row is valid).
 * The service reads the file into a table of cells (first row = headers); this module maps
 * Chinese or English headers to the API fields, parses cells the way insurers' exports write
 * them (premium in 元 with thousands separators, the ratio as "15%", dates as 2026/1/1,
 * 2026年1月1日 or Excel serial numbers, grades as 红/红色/重大风险), then validates each row with
 * the API's own rules (policy-import.ts), so both entries accept exactly the same policies.
 *
 * Row numbers are the sheet's own (the header is row 1), so "row 7" is row 7 in Excel.
 */
import { addDays, type IsoDate } from "./calendar-date";
import { OPTIONAL_SERVICES, SERVICE_LABELS, type OptionalServiceCode } from "./insurance-plan";
import { validatePolicyRecord, type NormalisedPolicy } from "./policy-import";

export type SheetField =
  | "policyNumber"
  | "uscc"
  | "name"
  | "regionCode"
  | "premiumYuan"
  | "premiumFen"
  | "ratioPercent"
  | "preventionFeeBps"
  | "startDate"
  | "endDate"
  | "riskGrade"
  | "optionalServices";

/** Accepted headers per field, compared after NFKC, lower-casing and removing spaces and _ . */
export const SHEET_HEADERS: Record<SheetField, string[]> = {
  policyNumber: ["保单号", "保险单号", "保单编号", "policy number", "policy no", "policyNumber"],
  uscc: ["统一社会信用代码", "社会信用代码", "信用代码", "uscc", "enterprise.uscc"],
  name: ["企业名称", "被保险人", "投保企业", "单位名称", "enterprise name", "enterprise.name"],
  regionCode: ["行政区划代码", "区划代码", "region code", "regionCode", "enterprise.regionCode"],
  premiumYuan: ["保费", "保费(元)", "保险费", "保险费(元)", "premium", "premium (yuan)"],
  premiumFen: ["保费(分)", "premiumFen", "premium (fen)"],
  ratioPercent: [
    "事故预防费用比例",
    "事故预防费用比例(%)",
    "预防费用比例",
    "prevention fee ratio",
    "prevention fee (%)",
  ],
  preventionFeeBps: ["preventionFeeBps", "事故预防费用比例(基点)", "prevention fee (bps)"],
  startDate: ["起保日期", "保险起期", "开始日期", "start date", "startDate"],
  endDate: ["终保日期", "保险止期", "终止日期", "结束日期", "end date", "endDate"],
  riskGrade: ["风险等级", "企业风险等级", "risk grade", "riskGrade"],
  optionalServices: ["个性化服务", "可选服务", "optional services", "optionalServices"],
};

const REQUIRED: SheetField[][] = [
  ["policyNumber"],
  ["uscc"],
  ["name"],
  ["regionCode"],
  ["premiumYuan", "premiumFen"],
  ["ratioPercent", "preventionFeeBps"],
  ["startDate"],
  ["endDate"],
  ["riskGrade"],
];

export { SHEET_ERROR_MESSAGES, type SheetErrorCode } from "./policy-import-messages";
import type { SheetErrorCode } from "./policy-import-messages";
export type SheetError = { row: number; field: string; code: SheetErrorCode; firstRow?: number };
export type Cell = string | number | null | undefined;
export type SheetResult = { rows: Array<{ row: number; value: NormalisedPolicy }>; errors: SheetError[] };

const norm = (h: string) =>
  h
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_]+/g, "");
const HEADER_INDEX = new Map(
  Object.entries(SHEET_HEADERS).flatMap(([field, names]) => names.map((n) => [norm(n), field as SheetField])),
);

const GRADES: Record<string, string> = {
  红: "red",
  红色: "red",
  重大风险: "red",
  red: "red",
  橙: "orange",
  橙色: "orange",
  较大风险: "orange",
  orange: "orange",
  黄: "yellow",
  黄色: "yellow",
  一般风险: "yellow",
  yellow: "yellow",
  蓝: "blue",
  蓝色: "blue",
  低风险: "blue",
  blue: "blue",
};
const SERVICES = new Map<string, OptionalServiceCode>([
  ...OPTIONAL_SERVICES.flatMap(
    (code) =>
      [
        [norm(code), code],
        [norm(SERVICE_LABELS[code].zh), code],
        [norm(SERVICE_LABELS[code].en), code],
      ] as Array<[string, OptionalServiceCode]>,
  ),
  ["远程指导", "remote_guidance"],
  ["驻厂", "onsite_stationing"],
  ["驻点", "onsite_stationing"],
]);

/** Codes, numbers and dates: NFKC folds full-width digits and letters typed with a Chinese IME. */
const text = (cell: Cell) => (cell === null || cell === undefined ? "" : String(cell).normalize("NFKC").trim());
/** Names keep their registered form (full-width brackets in 阿里巴巴（中国）有限公司). */
const verbatim = (cell: Cell) => (cell === null || cell === undefined ? "" : String(cell).trim());

/** "12,000.50", "¥12000", 12000.5 → fen; null when not a non-negative amount with at most 2 decimals. */
export function yuanToFen(cell: Cell): number | null {
  const s = text(cell)
    .replace(/^[¥￥]/, "")
    .replace(/,/g, "")
    .replace(/元$/, "");
  const m = /^(\d{1,13})(?:\.(\d{1,2})0*)?$/.exec(s);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : null;
}

/**
 * "15%", "15", 15 → 1500 bps. A bare number below 1 is a fraction (Excel keeps 15 % as 0.15);
 * at most two decimals of a percent (a whole basis point).
 */
export function percentToBps(cell: Cell): number | null {
  const raw = text(cell);
  const withSign = raw.endsWith("%");
  const s = withSign ? raw.slice(0, -1).trim() : raw;
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const value = Number(s);
  const bps = !withSign && value < 1 ? value * 10_000 : value * 100;
  const rounded = Math.round(bps);
  return Math.abs(bps - rounded) < 1e-6 ? rounded : null;
}

/** ISO, 2026/1/1, 2026.1.1, 2026年1月1日, or an Excel serial day number (1900 system). */
export function sheetDate(cell: Cell): IsoDate | string {
  const s = text(cell);
  if (/^\d{5}$/.test(s)) return addDays("1899-12-30", Number(s)); // Excel's day 1 is 1900-01-01, counted with its phantom 29 Feb 1900
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : s;
}

export function parsePolicySheet(table: ReadonlyArray<ReadonlyArray<Cell>>): SheetResult {
  const errors: SheetError[] = [];
  if (table.length < 2) return { rows: [], errors: [{ row: 1, field: "", code: "empty_file" }] };
  const columns = new Map<SheetField, number>();
  table[0]!.forEach((header, i) => {
    const field = HEADER_INDEX.get(norm(text(header)));
    if (!field) return; // other columns (remarks, agent) are ignored
    if (columns.has(field)) errors.push({ row: 1, field, code: "duplicate_column" });
    else columns.set(field, i);
  });
  for (const alternatives of REQUIRED) {
    const present = alternatives.filter((f) => columns.has(f));
    if (present.length === 0) errors.push({ row: 1, field: alternatives[0]!, code: "missing_column" });
    if (present.length > 1) errors.push({ row: 1, field: alternatives[1]!, code: "duplicate_column" });
  }
  if (errors.length > 0) return { rows: [], errors };

  const rows: SheetResult["rows"] = [];
  const firstRowOf = new Map<string, number>();
  table.slice(1).forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((c) => text(c) === "")) return;
    const get = (f: SheetField) => (columns.has(f) ? cells[columns.get(f)!] : undefined);
    const rowErrors: SheetError[] = [];
    const premiumFen = columns.has("premiumFen")
      ? Number(text(get("premiumFen")) || NaN)
      : yuanToFen(get("premiumYuan"));
    if (premiumFen === null || Number.isNaN(premiumFen))
      rowErrors.push({ row, field: columns.has("premiumFen") ? "premiumFen" : "premiumYuan", code: "invalid_amount" });
    const bps = columns.has("preventionFeeBps")
      ? Number(text(get("preventionFeeBps")) || NaN)
      : percentToBps(get("ratioPercent"));
    if (bps === null || Number.isNaN(bps))
      rowErrors.push({
        row,
        field: columns.has("preventionFeeBps") ? "preventionFeeBps" : "ratioPercent",
        code: "invalid_amount",
      });
    const premiumBad = premiumFen === null || Number.isNaN(premiumFen);
    const bpsBad = bps === null || Number.isNaN(bps);
    const grade = text(get("riskGrade"));
    const serviceTokens = text(get("optionalServices"))
      .split(/[,;、/\s]+/)
      .filter(Boolean);
    const body = {
      policyNumber: text(get("policyNumber")),
      enterprise: { uscc: text(get("uscc")), name: verbatim(get("name")), regionCode: text(get("regionCode")) },
      premiumFen: premiumFen ?? 0,
      preventionFeeBps: bps ?? 0,
      startDate: sheetDate(get("startDate")),
      endDate: sheetDate(get("endDate")),
      riskGrade: GRADES[norm(grade)] ?? grade,
      optionalServices: serviceTokens.map((t) => SERVICES.get(norm(t)) ?? t),
    };
    const result = validatePolicyRecord(body);
    if (!result.ok) {
      for (const e of result.errors) {
        const field = e.field.replace(/^enterprise\./, "").replace(/\[\d+\]$/, "");
        // Amount cells already reported above in sheet terms.
        if ((field === "premiumFen" && premiumBad) || (field === "preventionFeeBps" && bpsBad)) continue;
        rowErrors.push({
          row,
          field:
            field === "premiumFen" && !columns.has("premiumFen")
              ? "premiumYuan"
              : field === "preventionFeeBps" && !columns.has("preventionFeeBps")
                ? "ratioPercent"
                : field,
          code: e.code,
        });
      }
    }
    const key = body.policyNumber.toUpperCase();
    if (key) {
      const first = firstRowOf.get(key);
      if (first !== undefined)
        rowErrors.push({ row, field: "policyNumber", code: "duplicate_in_file", firstRow: first });
      else firstRowOf.set(key, row);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else if (result.ok) rows.push({ row, value: result.value });
  });
  return { rows, errors };
}
