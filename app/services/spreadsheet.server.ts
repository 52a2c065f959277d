import ExcelJS from "exceljs";
import { parseCsv, toCsv } from "../domain/csv";
import { attachmentDisposition, sniffFileType } from "../domain/file-types";

/**
 * Excel in and out, the one way the app reads an uploaded sheet and answers an export
 * (officials work from Excel: docs/architecture.md, "Exports and imports").
 */

export type SheetRows = string[][];

/** Why a file could not be read as a sheet at all (per-row problems are the importer's). */
export class UnreadableSheetError extends Error {
  constructor(readonly code: "not_a_sheet" | "empty_workbook") {
    super(code);
  }
}

/**
 * The first worksheet of an .xlsx, or a CSV file (UTF-8 with or without BOM; GB18030 when the
 * bytes are not UTF-8, as Excel on a Chinese Windows saves "CSV"), as rows of trimmed-free text
 * cells. Numbers and dates come back as Excel shows them (a USCC typed as text stays text).
 */
export async function readSpreadsheet(bytes: Uint8Array): Promise<SheetRows> {
  const type = sniffFileType(bytes);
  if (type?.ext === "xlsx") return readXlsx(bytes);
  if (type) throw new UnreadableSheetError("not_a_sheet");
  if (bytes.includes(0)) throw new UnreadableSheetError("not_a_sheet");
  return parseCsv(decodeText(bytes));
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

async function readXlsx(bytes: Uint8Array): Promise<SheetRows> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableSheetError("not_a_sheet");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableSheetError("empty_workbook");
  const rows: SheetRows = [];
  // Row numbers are kept: a blank row in Excel stays a blank row here, so errors name the row the user sees.
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c)));
    rows.push(cells);
  }
  return rows;
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return value.result === undefined ? "" : String(value.result);
    return cell.text;
  }
  return String(value);
}

export type SheetColumn<Row> = { header: string; width?: number; value: (row: Row) => string | number | null };

/**
 * An export as a download: .xlsx (default) or CSV with a BOM so Excel opens the Chinese right.
 * Text cells are written as text, never formulas; the header row is bold and frozen.
 */
export async function spreadsheetResponse<Row>(options: {
  filename: string;
  sheetName: string;
  columns: ReadonlyArray<SheetColumn<Row>>;
  rows: readonly Row[];
  format?: "xlsx" | "csv";
}): Promise<Response> {
  const { columns, rows } = options;
  const headers = { "Cache-Control": "private, no-store" };
  if (options.format === "csv") {
    const body = "\uFEFF" + toCsv([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r)))]);
    return new Response(body, {
      headers: {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachmentDisposition(`${options.filename}.csv`),
      },
    });
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(columns.map((c) => c.value(row)));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      ...headers,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachmentDisposition(`${options.filename}.xlsx`),
    },
  });
}

/**
 * Several sheets as one .xlsx download (e.g. the 一企一档 archive): each sheet like
 * spreadsheetResponse's, header row bold and frozen, text written as text.
 */
export async function workbookResponse(options: {
  filename: string;
  sheets: ReadonlyArray<{ name: string; columns: ReadonlyArray<SheetColumn<never>>; rows: readonly unknown[] }>;
}): Promise<Response> {
  const workbook = new ExcelJS.Workbook();
  for (const s of options.sheets) {
    const sheet = workbook.addWorksheet(s.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = s.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of s.rows) sheet.addRow(s.columns.map((c) => c.value(row as never)));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      "Cache-Control": "private, no-store",
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachmentDisposition(`${options.filename}.xlsx`),
    },
  });
}

/** One sheet of workbookResponse, typed by its rows. */
export function sheetOf<Row>(name: string, columns: ReadonlyArray<SheetColumn<Row>>, rows: readonly Row[]) {
  return { name, columns: columns as unknown as ReadonlyArray<SheetColumn<never>>, rows };
}
