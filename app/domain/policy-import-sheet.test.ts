import { describe, expect, it } from "vitest";
import { parsePolicySheet, percentToBps, sheetDate, yuanToFen, type Cell } from "./policy-import-sheet";

const HEADER_ZH = [
  "保单号",
  "统一社会信用代码",
  "企业名称",
  "行政区划代码",
  "保费（元）",
  "事故预防费用比例",
  "起保日期",
  "终保日期",
  "风险等级",
  "个性化服务",
  "备注",
];
const row = (policyNumber: string, overrides: Partial<Record<number, Cell>> = {}): Cell[] => {
  const cells: Cell[] = [
    policyNumber,
    "91330100799655058B",
    "阿里巴巴（中国）有限公司",
    "330702",
    "12,000.00",
    "15%",
    "2026/1/1",
    "2026年12月31日",
    "蓝色",
    "一企一策、驻厂驻点",
    "续保",
  ];
  for (const [i, v] of Object.entries(overrides)) cells[Number(i)] = v;
  return cells;
};

describe("cell parsing (how insurers' exports write values)", () => {
  it.each<[Cell, number | null]>([
    ["12,000.00", 1_200_000],
    ["¥12000", 1_200_000],
    ["12000.5", 1_200_050],
    [12000.05, 1_200_005],
    ["１２０００", 1_200_000],
    ["12000.001", null],
    ["-5", null],
    ["十二万", null],
    ["", null],
  ])("yuan %j → %j fen", (cell, fen) => {
    expect(yuanToFen(cell)).toBe(fen);
  });
  it.each<[Cell, number | null]>([
    ["15%", 1500],
    ["15", 1500],
    [15, 1500],
    ["12.5%", 1250],
    ["0.15", 1500],
    [0.155, 1550],
    ["100%", 10_000],
    ["0", 0],
    ["15.555%", null],
    ["abc", null],
  ])("ratio %j → %j bps", (cell, bps) => {
    expect(percentToBps(cell)).toBe(bps);
  });
  it.each<[Cell, string]>([
    ["2026-01-01", "2026-01-01"],
    ["2026/1/1", "2026-01-01"],
    ["2026.12.31", "2026-12-31"],
    ["2026年1月31日", "2026-01-31"],
    [46023, "2026-01-01"],
    ["45351", "2024-02-29"],
    ["明年", "明年"],
  ])("date %j → %s", (cell, iso) => {
    expect(sheetDate(cell)).toBe(iso);
  });
});

// Issue 9: "per-row errors with the row number and reason, nothing written unless every row is valid".
describe("parsePolicySheet", () => {
  it("maps Chinese headers and values to the API's normalised policy, with the sheet row number", () => {
    const result = parsePolicySheet([HEADER_ZH, row("PICC-0001")]);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 2,
        value: {
          policyNumber: "PICC-0001",
          enterprise: { uscc: "91330100799655058B", name: "阿里巴巴（中国）有限公司", regionCode: "330702" },
          premiumFen: 1_200_000,
          preventionFeeBps: 1500,
          startDate: "2026-01-01",
          endDate: "2026-12-31",
          riskGrade: "blue",
          optionalServices: ["one_enterprise_one_plan", "onsite_stationing"],
        },
      },
    ]);
  });
  it("English headers, fen and basis-point columns work too", () => {
    const header = [
      "Policy number",
      "USCC",
      "Enterprise name",
      "Region code",
      "premiumFen",
      "preventionFeeBps",
      "Start date",
      "End date",
      "Risk grade",
      "Optional services",
    ];
    const result = parsePolicySheet([
      header,
      [
        "P-1",
        "91330100799655058B",
        "阿里巴巴（中国）有限公司",
        "330702",
        "1200000",
        "1500",
        "2026-01-01",
        "2026-12-31",
        "red",
        "remote_guidance",
      ],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.value).toMatchObject({
      premiumFen: 1_200_000,
      preventionFeeBps: 1500,
      riskGrade: "red",
      optionalServices: ["remote_guidance"],
    });
  });
  it("one bad row is refused with its row number and each reason; the good rows are parsed but the file is not clean", () => {
    const result = parsePolicySheet([
      HEADER_ZH,
      row("P-1"),
      row("P-2", { 1: "91330100799655058C", 4: "一万二", 8: "紫色" }),
      row("P-3"),
    ]);
    expect(result.errors).toEqual([
      { row: 3, field: "premiumYuan", code: "invalid_amount" },
      { row: 3, field: "uscc", code: "invalid_uscc" },
      { row: 3, field: "riskGrade", code: "invalid_grade" },
    ]);
    expect(result.rows.map((r) => r.row)).toEqual([2, 4]);
  });
  it("a policy number repeated in the file is refused on the later row, naming the first", () => {
    const result = parsePolicySheet([HEADER_ZH, row("P-1"), row("P-2"), row("p-1")]);
    expect(result.errors).toEqual([{ row: 4, field: "policyNumber", code: "duplicate_in_file", firstRow: 2 }]);
  });
  it("blank lines are skipped but keep the row numbering of the sheet", () => {
    const result = parsePolicySheet([HEADER_ZH, [], ["", null], row("P-1", { 6: "2026-13-01" })]);
    expect(result.errors).toEqual([{ row: 4, field: "startDate", code: "invalid_date" }]);
  });
  it("a missing required column is a file error on row 1, and no row is read", () => {
    const header = HEADER_ZH.filter((h) => h !== "起保日期");
    expect(parsePolicySheet([header, row("P-1")])).toEqual({
      rows: [],
      errors: [{ row: 1, field: "startDate", code: "missing_column" }],
    });
  });
  it("two columns for one field (premium in 元 and in 分) are refused", () => {
    const result = parsePolicySheet([
      [...HEADER_ZH, "保费（分）"],
      [...row("P-1"), "1200000"],
    ]);
    expect(result.errors).toEqual([{ row: 1, field: "premiumFen", code: "duplicate_column" }]);
  });
  it("a file with only a header is empty", () => {
    expect(parsePolicySheet([HEADER_ZH]).errors).toEqual([{ row: 1, field: "", code: "empty_file" }]);
  });
  it("an unknown optional service is named", () => {
    const result = parsePolicySheet([HEADER_ZH, row("P-1", { 9: "一企一策、上门按摩" })]);
    expect(result.errors).toEqual([{ row: 2, field: "optionalServices", code: "unknown_service" }]);
  });
});

describe("every error code has a zh and an en message", () => {
  it("covers the API codes and the spreadsheet codes", async () => {
    const { POLICY_ERROR_CODES, POLICY_ERROR_MESSAGES } = await import("./policy-import");
    const { SHEET_ERROR_MESSAGES } = await import("./policy-import-sheet");
    for (const code of POLICY_ERROR_CODES)
      expect(POLICY_ERROR_MESSAGES[code].zh && POLICY_ERROR_MESSAGES[code].en).toBeTruthy();
    expect(Object.keys(SHEET_ERROR_MESSAGES).sort()).toEqual([
      "duplicate_column",
      "duplicate_in_file",
      "empty_file",
      "invalid_amount",
      "missing_column",
    ]);
  });
});
