// Exports open in Excel and read back; imports accept what Chinese offices save.
import { describe, expect, it } from "vitest";
import { readSpreadsheet, spreadsheetResponse, UnreadableSheetError } from "../../app/services/spreadsheet.server";
import { pdfBytes } from "../factories/files";

const rows = [
  { uscc: "91330702MA28A1B2C3", name: "金华市婺城区示例机械厂", employees: 35 },
  { uscc: "91330702MA28A1B2D1", name: "=cmd|' /C calc'!A0", employees: 0 },
];
const columns = [
  { header: "统一社会信用代码", value: (r: (typeof rows)[number]) => r.uscc },
  { header: "企业名称", value: (r: (typeof rows)[number]) => r.name },
  { header: "从业人数", value: (r: (typeof rows)[number]) => r.employees },
];

describe("spreadsheets", () => {
  it("an .xlsx export reads back cell for cell, with a Chinese file name", async () => {
    const response = await spreadsheetResponse({ filename: "企业台账", sheetName: "企业", columns, rows });
    expect(response.headers.get("Content-Type")).toContain("spreadsheetml");
    expect(response.headers.get("Content-Disposition")).toContain(
      "filename*=UTF-8''%E4%BC%81%E4%B8%9A%E5%8F%B0%E8%B4%A6.xlsx",
    );
    const back = await readSpreadsheet(new Uint8Array(await response.arrayBuffer()));
    expect(back).toEqual([
      ["统一社会信用代码", "企业名称", "从业人数"],
      ["91330702MA28A1B2C3", "金华市婺城区示例机械厂", "35"],
      ["91330702MA28A1B2D1", "=cmd|' /C calc'!A0", "0"],
    ]);
  });

  it("a CSV export starts with a BOM and defuses formulas", async () => {
    const response = await spreadsheetResponse({
      filename: "企业台账",
      sheetName: "企业",
      columns,
      rows,
      format: "csv",
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`'=cmd|' /C calc'!A0`);
  });

  it("reads a GB18030 CSV as Excel on a Chinese Windows saves it", async () => {
    // "名称\r\n示例厂\r\n" in GB18030.
    const gbk = new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x0d, 0x0a, 0xca, 0xbe, 0xc0, 0xfd, 0xb3, 0xa7, 0x0d, 0x0a]);
    expect(await readSpreadsheet(gbk)).toEqual([["名称"], ["示例厂"]]);
  });

  it("refuses a file that is neither a sheet nor text", async () => {
    await expect(readSpreadsheet(pdfBytes())).rejects.toBeInstanceOf(UnreadableSheetError);
  });
});
