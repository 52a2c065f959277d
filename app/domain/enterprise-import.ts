/**
 * A bureau's enterprise register import (企业台账导入), issue 8: rows of strings already parsed
 * from CSV/XLSX by the service → a preview: every valid row normalised, every error with its
 * spreadsheet row number (the header is row 1) and a reason code. The service writes nothing
 * unless `ok` (no error at all), and upserts by USCC so a re-import updates (`action`).
 *
 * Priority targets (重点服务对象, domain.md "Priority targets" 1–5): the file may declare
 * reasons (重点对象原因: 小微企业 / 高危行业 / 重大危险源 …); the platform also derives them from
 * the row's data, and says for each reason whether it was declared, derived, or both.
 */
import { isValidIndustryCode, getIndustry } from "./industries";
import { isValidRegionCode, regionContains } from "./regions";
import { validateUscc } from "./uscc";

export const IMPORT_FIELDS = [
  "uscc",
  "name",
  "regionCode",
  "industryCode",
  "employees",
  "highRisk",
  "priorityReasons",
  "occupationalHazard",
  "supervisedMajorHazard",
  "recentAccidents",
  "address",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly ImportField[] = ["uscc", "name", "regionCode", "industryCode", "employees"];

/** Header spellings, compared after `headerKey` (no spaces or bracketed notes, lower case). */
const HEADER_ALIASES: Record<ImportField, string[]> = {
  uscc: ["统一社会信用代码", "社会信用代码", "信用代码", "uscc", "unifiedsocialcreditcode", "creditcode"],
  name: ["企业名称", "单位名称", "名称", "name", "enterprisename", "companyname"],
  regionCode: ["行政区划代码", "区划代码", "所在地区划代码", "regioncode", "region"],
  industryCode: ["行业代码", "国民经济行业代码", "行业分类代码", "industrycode", "industry"],
  employees: ["从业人数", "从业人员数", "职工人数", "员工人数", "employees", "employeecount", "staff"],
  highRisk: ["是否高危", "是否高危行业", "高危行业", "highrisk"],
  priorityReasons: ["重点对象原因", "重点服务对象原因", "重点原因", "priorityreasons", "prioritytargetreasons"],
  occupationalHazard: ["职业病危害风险", "职业病危害风险分类", "职业病危害程度", "occupationalhazard"],
  supervisedMajorHazard: ["挂牌督办重大隐患", "是否挂牌督办", "挂牌督办", "supervisedmajorhazard"],
  recentAccidents: ["近三年事故", "近年事故", "近三年事故起数", "recentaccidents"],
  address: ["地址", "经营地址", "生产经营地址", "address"],
};

/** "行业代码（GB/T 4754）" → "行业代码"; "Employees " → "employees". */
export function headerKey(header: string): string {
  return header
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/[\s_\-*]+/g, "")
    .toLowerCase();
}

const ALIAS_TO_FIELD = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => HEADER_ALIASES[field].map((alias) => [alias, field] as const)),
);

export type PriorityReason = 1 | 2 | 3 | 4 | 5;
export const PRIORITY_REASON_LABELS: Record<PriorityReason, { zh: string; en: string }> = {
  1: { zh: "危险物品、矿山或高危作业", en: "Dangerous goods, mining or a high-risk operation" },
  2: { zh: "从业人员不足100人的工贸中小企业", en: "Industrial/trade SME with fewer than 100 employees" },
  3: { zh: "职业病危害风险较重及以上", en: "Occupational-disease hazard serious or worse" },
  4: { zh: "存在挂牌督办的重大事故隐患", en: "Major hazard under government supervision (挂牌督办)" },
  5: { zh: "近年发生过生产安全事故", en: "Accidents in recent years" },
};

/** Words a bureau writes in 重点对象原因, and the reason each means. */
const DECLARED_REASON_WORDS: Array<[RegExp, PriorityReason]> = [
  [
    /^(高危行业|高危|危险化学品|危化品|危险品|矿山|非煤矿山|烟花爆竹|重大危险源|涉爆粉尘|粉尘涉爆|有限空间|涉氨制冷|涉氨|喷涂|金属冶炼|highrisk|dangerousgoods|mine|majorhazardinstallation)$/,
    1,
  ],
  [/^(小微企业|中小企业|工贸中小企业|小微|sme|smallbusiness)$/, 2],
  [/^(职业病危害|职业病危害较重|职业病危害严重|occupationalhazard)$/, 3],
  [/^(挂牌督办|挂牌督办重大隐患|重大隐患挂牌督办|supervisedmajorhazard)$/, 4],
  [/^(发生事故|近年事故|近三年事故|有事故|accidents|recentaccidents)$/, 5],
];

/** GB/T 4754 divisions of the high-risk sectors (domain.md): mining, fuels and chemicals, metal smelting, construction, fishery. */
const HIGH_RISK_DIVISIONS = new Set([
  "04",
  "06",
  "07",
  "08",
  "09",
  "10",
  "11",
  "12",
  "25",
  "26",
  "31",
  "32",
  "47",
  "48",
  "49",
  "50",
]);
/** 工贸: industry (manufacturing) and trade (wholesale and retail). */
const INDUSTRY_AND_TRADE_SECTIONS = new Set(["C", "F"]);

export type OccupationalHazardLevel = "general" | "serious" | "severe";
const OCCUPATIONAL_LEVELS: Record<string, OccupationalHazardLevel> = {
  一般: "general",
  较重: "serious",
  严重: "severe",
  general: "general",
  serious: "serious",
  severe: "severe",
};

export type ImportErrorCode =
  | "missing_column"
  | "duplicate_column"
  | "no_rows"
  | "too_many_rows"
  | "required"
  | "uscc_invalid"
  | "uscc_duplicate"
  | "region_invalid"
  | "region_outside_bureau"
  | "industry_invalid"
  | "employees_invalid"
  | "flag_invalid"
  | "occupational_hazard_invalid"
  | "accidents_invalid"
  | "priority_reason_unknown"
  | "too_long";

/** `row` is the spreadsheet row (header = 1, first data row = 2); null for a file-level error. */
export type ImportError = {
  row: number | null;
  field: ImportField | null;
  code: ImportErrorCode;
  params?: Record<string, string | number>;
};

export type ImportedEnterprise = {
  row: number;
  uscc: string;
  name: string;
  regionCode: string;
  /** The GB/T 4754 division (2 digits); `industryDetail` keeps a finer code as given (e.g. "2614"). */
  industryCode: string;
  industryDetail: string | null;
  employees: number;
  highRisk: boolean;
  occupationalHazard: OccupationalHazardLevel | null;
  supervisedMajorHazard: boolean;
  recentAccidents: number;
  address: string | null;
  priorityReasons: Array<{ reason: PriorityReason; by: "declared" | "derived" | "both" }>;
  /** "update" when the USCC is already registered (unclaimed or claimed): a re-import never duplicates. */
  action: "create" | "update";
};

export type ImportPreview = {
  ok: boolean;
  rows: ImportedEnterprise[];
  errors: ImportError[];
  ignoredHeaders: string[];
  skippedBlankRows: number;
};

export const MAX_IMPORT_ROWS = 20_000;
const MAX_TEXT = 200;

function parseFlag(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === "") return false;
  if (["是", "y", "yes", "true", "1", "√", "有"].includes(v)) return true;
  if (["否", "n", "no", "false", "0", "×", "无"].includes(v)) return false;
  return null;
}

function parseCount(value: string): number | null {
  const v = value.trim().replace(/,/g, "");
  return /^\d{1,7}$/.test(v) ? Number(v) : null;
}

/** "C2614", "2614", "26" → division "26" with detail "2614"; a section letter must match the division. */
function parseIndustry(value: string): { division: string; detail: string | null } | null {
  const m = /^([A-T])?(\d{2})(\d{1,2})?$/.exec(value.trim().toUpperCase());
  if (!m || !isValidIndustryCode(m[2]!)) return null;
  const industry = getIndustry(m[2]!);
  if (m[1] && industry?.kind === "division" && industry.section !== m[1]) return null;
  return { division: m[2]!, detail: m[3] ? `${m[2]}${m[3]}` : null };
}

function mapHeader(header: readonly string[]) {
  const columns = new Map<ImportField, number>();
  const errors: ImportError[] = [];
  const ignored: string[] = [];
  header.forEach((h, index) => {
    const field = ALIAS_TO_FIELD.get(headerKey(h));
    if (!field) {
      if (h.trim()) ignored.push(h.trim());
    } else if (columns.has(field)) {
      errors.push({ row: 1, field, code: "duplicate_column", params: { header: h.trim() } });
    } else {
      columns.set(field, index);
    }
  });
  for (const field of REQUIRED_FIELDS) if (!columns.has(field)) errors.push({ row: 1, field, code: "missing_column" });
  return { columns, errors, ignored };
}

/**
 * Validates a parsed register. `bureauRegionCode` is the importing bureau's region: a row
 * outside it is an error. `existingUsccs` lets the preview say which rows update a record.
 */
export function previewEnterpriseImport(input: {
  header: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  bureauRegionCode: string;
  existingUsccs?: ReadonlySet<string>;
}): ImportPreview {
  const { columns, errors, ignored } = mapHeader(input.header);
  const out: ImportedEnterprise[] = [];
  let skippedBlankRows = 0;
  const fail = (preview: Partial<ImportPreview> = {}): ImportPreview => ({
    ok: false,
    rows: [],
    errors,
    ignoredHeaders: ignored,
    skippedBlankRows,
    ...preview,
  });
  if (errors.length) return fail();
  if (input.rows.length > MAX_IMPORT_ROWS) {
    errors.push({ row: null, field: null, code: "too_many_rows", params: { max: MAX_IMPORT_ROWS } });
    return fail();
  }
  const firstRowOf = new Map<string, number>();

  input.rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((c) => (c ?? "").trim() === "")) {
      skippedBlankRows++;
      return;
    }
    const cell = (field: ImportField) => (columns.has(field) ? (cells[columns.get(field)!] ?? "").trim() : "");
    const rowErrors: ImportError[] = [];
    const err = (field: ImportField, code: ImportErrorCode, params?: Record<string, string | number>) =>
      rowErrors.push({ row, field, code, ...(params ? { params } : {}) });

    for (const field of REQUIRED_FIELDS) if (!cell(field)) err(field, "required");
    for (const field of ["name", "address"] as const)
      if (cell(field).length > MAX_TEXT) err(field, "too_long", { max: MAX_TEXT });

    let uscc = "";
    if (cell("uscc")) {
      const checked = validateUscc(cell("uscc"));
      if (!checked.ok) err("uscc", "uscc_invalid", { reason: checked.reason });
      else {
        uscc = checked.code;
        const first = firstRowOf.get(uscc);
        if (first !== undefined) err("uscc", "uscc_duplicate", { firstRow: first });
        else firstRowOf.set(uscc, row);
      }
    }
    const regionCode = cell("regionCode");
    if (regionCode) {
      if (!isValidRegionCode(regionCode)) err("regionCode", "region_invalid");
      else if (!regionContains(input.bureauRegionCode, regionCode))
        err("regionCode", "region_outside_bureau", { bureau: input.bureauRegionCode });
    }
    const industry = cell("industryCode") ? parseIndustry(cell("industryCode")) : null;
    if (cell("industryCode") && !industry) err("industryCode", "industry_invalid");
    const employees = cell("employees") ? parseCount(cell("employees")) : null;
    if (cell("employees") && employees === null) err("employees", "employees_invalid");
    const highRisk = parseFlag(cell("highRisk"));
    if (highRisk === null) err("highRisk", "flag_invalid");
    const supervised = parseFlag(cell("supervisedMajorHazard"));
    if (supervised === null) err("supervisedMajorHazard", "flag_invalid");
    const occRaw = cell("occupationalHazard").toLowerCase();
    const occupationalHazard = occRaw ? (OCCUPATIONAL_LEVELS[occRaw] ?? null) : null;
    if (occRaw && !occupationalHazard) err("occupationalHazard", "occupational_hazard_invalid");
    // A count, or a yes/no: "是" means at least one.
    const accRaw = cell("recentAccidents");
    const recentAccidents = parseCount(accRaw) ?? (parseFlag(accRaw) === null ? null : parseFlag(accRaw) ? 1 : 0);
    if (recentAccidents === null) err("recentAccidents", "accidents_invalid");
    const declared = new Set<PriorityReason>();
    for (const word of cell("priorityReasons")
      .split(/[、,，;；/|\s]+/)
      .filter(Boolean)) {
      const hit = DECLARED_REASON_WORDS.find(([re]) => re.test(word.toLowerCase()));
      if (hit) declared.add(hit[1]);
      else err("priorityReasons", "priority_reason_unknown", { word });
    }

    if (rowErrors.length) return void errors.push(...rowErrors);
    const derived = new Set<PriorityReason>();
    const section = getIndustry(industry!.division);
    if (highRisk || HIGH_RISK_DIVISIONS.has(industry!.division)) derived.add(1);
    if (section?.kind === "division" && INDUSTRY_AND_TRADE_SECTIONS.has(section.section) && employees! < 100)
      derived.add(2);
    if (occupationalHazard === "serious" || occupationalHazard === "severe") derived.add(3);
    if (supervised) derived.add(4);
    if (recentAccidents! > 0) derived.add(5);
    const reasons = ([1, 2, 3, 4, 5] as const)
      .filter((r) => declared.has(r) || derived.has(r))
      .map(
        (reason) =>
          ({ reason, by: declared.has(reason) ? (derived.has(reason) ? "both" : "declared") : "derived" }) as const,
      );
    out.push({
      row,
      uscc,
      name: cell("name"),
      regionCode,
      industryCode: industry!.division,
      industryDetail: industry!.detail,
      employees: employees!,
      highRisk: highRisk!,
      occupationalHazard,
      supervisedMajorHazard: supervised!,
      recentAccidents: recentAccidents!,
      address: cell("address") || null,
      priorityReasons: reasons,
      action: input.existingUsccs?.has(uscc) ? "update" : "create",
    });
  });

  if (out.length === 0 && errors.length === 0) errors.push({ row: null, field: null, code: "no_rows" });
  return { ok: errors.length === 0, rows: out, errors, ignoredHeaders: ignored, skippedBlankRows };
}
