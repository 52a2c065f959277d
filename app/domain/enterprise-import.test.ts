import { describe, expect, it } from "vitest";
import { headerKey, previewEnterpriseImport, type ImportField } from "./enterprise-import";
import { usccCheckCharacter } from "./uscc";

/** A valid USCC registered in `region` (the check character computed by GB 32100's rule). */
const uscc = (region: string, serial: number) => {
  const first17 = `9${"1"}${region}${String(serial).padStart(8, "0")}X`;
  return first17 + usccCheckCharacter(first17);
};

/** The same code with any other check character. */
const wrongCheck = (code: string) => code.slice(0, 17) + (code.endsWith("1") ? "2" : "1");

const BUREAU = "330700"; // 金华市应急管理局: oversees 3307xx
const HEADER_ZH = [
  "统一社会信用代码",
  "企业名称",
  "行政区划代码",
  "行业代码（GB/T 4754）",
  "从业人数",
  "是否高危",
  "重点对象原因",
];
const row = (
  over: Partial<Record<"uscc" | "name" | "region" | "industry" | "employees" | "highRisk" | "reasons", string>> = {},
) => [
  over.uscc ?? uscc("330702", 1),
  over.name ?? "金华市婺城区恒达五金制品有限公司",
  over.region ?? "330702",
  over.industry ?? "3311",
  over.employees ?? "45",
  over.highRisk ?? "否",
  over.reasons ?? "",
];

const codes = (preview: ReturnType<typeof previewEnterpriseImport>) =>
  preview.errors.map((e) => `${e.row}:${e.field}:${e.code}`);

describe("header mapping (issue 8: Chinese and English headers)", () => {
  it("normalises brackets, spaces and case", () => {
    expect(headerKey("行业代码（GB/T 4754）")).toBe("行业代码");
    expect(headerKey(" Employee Count ")).toBe("employeecount");
    expect(headerKey("USCC")).toBe("uscc");
    // A CSV saved by Excel starts with a byte-order mark; full-width brackets come from Chinese IMEs.
    expect(headerKey("\uFEFF统一社会信用代码")).toBe("统一社会信用代码");
    expect(headerKey("从业人数(人)")).toBe("从业人数");
  });
  it("accepts an English header and lists columns it does not know", () => {
    const preview = previewEnterpriseImport({
      header: ["USCC", "Name", "Region code", "Industry", "Employees", "Contact"],
      rows: [[uscc("330702", 2), "Hengda Hardware", "330702", "33", "12", "张三"]],
      bureauRegionCode: BUREAU,
    });
    expect(preview.ok).toBe(true);
    expect(preview.ignoredHeaders).toEqual(["Contact"]);
  });
  it("refuses a file without a required column or with a column twice (file-level, row 1)", () => {
    const missing = previewEnterpriseImport({
      header: ["企业名称", "行政区划代码", "行业代码", "从业人数"],
      rows: [],
      bureauRegionCode: BUREAU,
    });
    expect(codes(missing)).toEqual(["1:uscc:missing_column"]);
    const twice = previewEnterpriseImport({ header: [...HEADER_ZH, "USCC"], rows: [row()], bureauRegionCode: BUREAU });
    expect(codes(twice)).toEqual(["1:uscc:duplicate_column"]);
  });
  it("refuses an empty file", () => {
    expect(codes(previewEnterpriseImport({ header: HEADER_ZH, rows: [["", ""]], bureauRegionCode: BUREAU }))).toEqual([
      "null:null:no_rows",
    ]);
  });
});

describe("per-row errors carry the spreadsheet row number (header = row 1) and a reason", () => {
  const cases: Array<[string, string[], string[]]> = [
    ["valid", row(), []],
    ["bad check character", row({ uscc: wrongCheck(uscc("330702", 1)) }), ["2:uscc:uscc_invalid"]],
    ["missing name", row({ name: " " }), ["2:name:required"]],
    ["unknown region", row({ region: "339999" }), ["2:regionCode:region_invalid"]],
    ["outside the bureau's region (杭州 330106)", row({ region: "330106" }), ["2:regionCode:region_outside_bureau"]],
    ["unknown industry", row({ industry: "99" }), ["2:industryCode:industry_invalid"]],
    ["section letter that does not match", row({ industry: "F3311" }), ["2:industryCode:industry_invalid"]],
    ["employees not a count", row({ employees: "约50人" }), ["2:employees:employees_invalid"]],
    ["negative employees", row({ employees: "-3" }), ["2:employees:employees_invalid"]],
    ["flag not yes/no", row({ highRisk: "可能" }), ["2:highRisk:flag_invalid"]],
    ["unknown reason word", row({ reasons: "小微企业、效益差" }), ["2:priorityReasons:priority_reason_unknown"]],
    [
      "several at once",
      row({ region: "110101", employees: "x" }),
      ["2:regionCode:region_outside_bureau", "2:employees:employees_invalid"],
    ],
  ];
  it.each(cases)("%s", (_label, cells, expected) => {
    const preview = previewEnterpriseImport({ header: HEADER_ZH, rows: [cells], bureauRegionCode: BUREAU });
    expect(codes(preview)).toEqual(expected);
    expect(preview.ok).toBe(expected.length === 0);
  });

  it("counts blank rows in the numbering and reports duplicates against the first row", () => {
    const preview = previewEnterpriseImport({
      header: HEADER_ZH,
      rows: [row(), ["", "", ""], row({ uscc: ` ${uscc("330702", 1).toLowerCase()} ` })],
      bureauRegionCode: BUREAU,
    });
    expect(preview.errors).toEqual([{ row: 4, field: "uscc", code: "uscc_duplicate", params: { firstRow: 2 } }]);
    expect(preview.skippedBlankRows).toBe(1);
    expect(preview.ok).toBe(false);
    expect(preview.rows.map((r) => r.row)).toEqual([2]); // the preview still shows the good rows
  });

  it("a county bureau refuses a sibling county; a province bureau takes every county in it", () => {
    const county = previewEnterpriseImport({
      header: HEADER_ZH,
      rows: [row({ region: "330703" })],
      bureauRegionCode: "330702",
    });
    expect(codes(county)).toEqual(["2:regionCode:region_outside_bureau"]);
    expect(
      previewEnterpriseImport({ header: HEADER_ZH, rows: [row({ region: "330703" })], bureauRegionCode: "330000" }).ok,
    ).toBe(true);
  });
});

describe('normalised rows and priority-target reasons (domain.md "Priority targets" 1–5)', () => {
  const header = [...HEADER_ZH, "职业病危害风险", "挂牌督办重大隐患", "近三年事故", "地址"];
  const one = (cells: string[], extra: string[] = ["", "", "", ""]) => {
    const preview = previewEnterpriseImport({
      header,
      rows: [[...cells, ...extra]],
      bureauRegionCode: BUREAU,
      existingUsccs: new Set([uscc("330702", 9)]),
    });
    expect(preview.errors).toEqual([]);
    return preview.rows[0]!;
  };
  const reasonsOf = (r: ReturnType<typeof one>) => r.priorityReasons.map((p) => `${p.reason}:${p.by}`);

  it("normalises the USCC, splits the industry class into division and detail", () => {
    const r = one(row({ uscc: uscc("330702", 1).toLowerCase(), industry: "C3311", employees: "1,200" }));
    expect(r).toMatchObject({
      uscc: uscc("330702", 1),
      industryCode: "33",
      industryDetail: "3311",
      employees: 1200,
      action: "create",
    });
  });
  it("marks a USCC already on the platform as an update (idempotent re-import)", () => {
    expect(one(row({ uscc: uscc("330702", 9) })).action).toBe("update");
  });

  const cases: Array<[string, string[], string[], string[]]> = [
    ["工贸 SME under 100 → 2 derived", row({ industry: "3311", employees: "45" }), [], ["2:derived"]],
    ["exactly 100 employees is not under 100", row({ industry: "3311", employees: "100" }), [], []],
    ["retail (F) SME → 2", row({ industry: "5212", employees: "8" }), [], ["2:derived"]],
    ["software firm (I) is not 工贸", row({ industry: "65", employees: "8" }), [], []],
    [
      "chemicals (26) → 1 derived, 2 derived",
      row({ industry: "2614", employees: "60" }),
      [],
      ["1:derived", "2:derived"],
    ],
    ["mine (B 10), 300 staff → 1", row({ industry: "1011", employees: "300" }), [], ["1:derived"]],
    ["high-risk flag → 1", row({ highRisk: "是", employees: "300" }), [], ["1:derived"]],
    ["declared 小微企业 agrees with the data", row({ reasons: "小微企业" }), [], ["2:both"]],
    ["declared 重大危险源 only", row({ employees: "150", reasons: "重大危险源" }), [], ["1:declared"]],
    ["occupational hazard 较重 → 3", row({ employees: "150" }), ["较重", "", "", ""], ["3:derived"]],
    ["occupational hazard 一般 → none", row({ employees: "150" }), ["一般", "", "", ""], []],
    ["挂牌督办 → 4", row({ employees: "150" }), ["", "是", "", ""], ["4:derived"]],
    ["accidents as a count → 5", row({ employees: "150" }), ["", "", "2", ""], ["5:derived"]],
    ["accidents as yes → 5", row({ employees: "150" }), ["", "", "是", ""], ["5:derived"]],
    ["no accidents", row({ employees: "150" }), ["", "", "0", ""], []],
  ];
  it.each(cases)("%s", (_label, cells, extra, reasons) => {
    expect(reasonsOf(one(cells, extra.length ? extra : undefined))).toEqual(reasons);
  });

  it("refuses an unknown occupational-hazard level and an unreadable accident count", () => {
    const preview = previewEnterpriseImport({
      header,
      rows: [[...row(), "很重", "", "若干", ""]],
      bureauRegionCode: BUREAU,
    });
    expect(preview.errors.map((e) => `${e.field as ImportField}:${e.code}`)).toEqual([
      "occupationalHazard:occupational_hazard_invalid",
      "recentAccidents:accidents_invalid",
    ]);
  });
});

describe("twenty rows with one bad row (the issue's e2e scenario, at the rule level)", () => {
  it("reports only the bad row, by its number, and writes nothing", () => {
    const rows = Array.from({ length: 20 }, (_, i) => row({ uscc: uscc("330702", 100 + i), name: `企业${i + 1}` }));
    rows[6] = row({ uscc: uscc("330702", 106), region: "330106" });
    const bad = previewEnterpriseImport({ header: HEADER_ZH, rows, bureauRegionCode: BUREAU });
    expect(bad.ok).toBe(false);
    expect(codes(bad)).toEqual(["8:regionCode:region_outside_bureau"]);
    rows[6] = row({ uscc: uscc("330702", 106) });
    const fixed = previewEnterpriseImport({ header: HEADER_ZH, rows, bureauRegionCode: BUREAU });
    expect(fixed.ok).toBe(true);
    expect(fixed.rows).toHaveLength(20);
  });
});
