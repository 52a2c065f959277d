import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { docxBytes, jpegBytes, pdfBytes, pngBytes, xlsxBytes, zipBytes } from "../../tests/factories/files";
import {
  attachmentDisposition,
  cleanOriginalName,
  extensionForMime,
  isAllowedForPurpose,
  sniffFileType,
  zipEntryNames,
  type SniffedType,
} from "./file-types";

const text = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("sniffFileType: by content, never by name", () => {
  it.each<[string, Uint8Array, SniffedType["ext"] | null]>([
    ["a PDF", pdfBytes(), "pdf"],
    ["a PNG", pngBytes(), "png"],
    ["a JPEG (JFIF)", jpegBytes(), "jpg"],
    ["a JPEG (Exif)", new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x18, 0x45, 0x78, 0x69, 0x66]), "jpg"],
    ["a Word document", docxBytes(), "docx"],
    ["a Word document streamed with data descriptors", docxBytes({}, { dataDescriptor: true }), "docx"],
    ["an Excel workbook", xlsxBytes(), "xlsx"],
    ["a macro-enabled Word document", docxBytes({ "word/vbaProject.bin": "\u0000macro" }), null],
    ["a plain zip", zipBytes({ "readme.txt": "hello" }), null],
    ["a zip with only [Content_Types].xml", zipBytes({ "[Content_Types].xml": "<Types/>" }), null],
    ["a Windows executable", new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]), null],
    ["an HTML page", text("<!doctype html><script>alert(1)</script>"), null],
    ["an SVG image", text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), null],
    ["a GIF", text("GIF89a"), null],
    ["an empty file", new Uint8Array(), null],
    ["'%PDF' without the dash", text("%PDF"), null],
    ["a PNG signature cut short", new Uint8Array([0x89, 0x50, 0x4e, 0x47]), null],
    ["a PDF header after leading junk", text(" %PDF-1.4"), null],
  ])("%s → %s", (_name, bytes, ext) => {
    expect(sniffFileType(bytes)?.ext ?? null).toBe(ext);
  });

  it("gives the standard MIME types", () => {
    expect(sniffFileType(pdfBytes())?.mime).toBe("application/pdf");
    expect(sniffFileType(docxBytes())?.mime).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(sniffFileType(xlsxBytes())?.mime).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });

  it("survives truncated and garbage archives without throwing", () => {
    const doc = docxBytes();
    for (const cut of [4, 10, 30, 60, doc.length - 30, doc.length - 1]) {
      expect(() => sniffFileType(doc.subarray(0, cut))).not.toThrow();
    }
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    garbage.set([0x50, 0x4b, 0x03, 0x04]);
    expect(sniffFileType(garbage)).toBeNull();
  });

  it("falls back to the local headers when the central directory is missing", () => {
    const doc = docxBytes();
    const central = Buffer.from(doc).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(sniffFileType(doc.subarray(0, central))?.ext).toBe("docx");
    // With data descriptors the local headers do not say how far to skip: refuse rather than guess.
    const streamed = docxBytes({}, { dataDescriptor: true });
    const streamedCentral = Buffer.from(streamed).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(sniffFileType(streamed.subarray(0, streamedCentral))).toBeNull();
  });

  it("reads entry names from the central directory", () => {
    expect(zipEntryNames(docxBytes())).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
  });
});

describe("allow-list per purpose", () => {
  it.each([
    ["qualification_scan", "pdf", true],
    ["qualification_scan", "jpg", true],
    ["qualification_scan", "docx", false],
    ["deliverable", "docx", true],
    ["deliverable", "xlsx", true],
    ["evidence", "png", true],
  ] as const)("%s accepts %s: %s", (purpose, ext, expected) => {
    const sample = { pdf: pdfBytes(), jpg: jpegBytes(), docx: docxBytes(), xlsx: xlsxBytes(), png: pngBytes() }[ext];
    expect(isAllowedForPurpose(sniffFileType(sample)!, purpose)).toBe(expected);
  });
});

// Issue 6, defect 5: the download is named after what the bytes are, never after the uploader's
// claim; invisible reordering characters are removed; ordinary punctuation is kept.
describe("cleanOriginalName", () => {
  it.each<[string, string, string, string]>([
    ["a Chinese name", "安全评价报告.pdf", "pdf", "安全评价报告.pdf"],
    ["a Windows path", "C:\\Users\\张三\\扫描件.jpg", "jpg", "扫描件.jpg"],
    ["a Unix path", "../../etc/passwd", "pdf", "passwd.pdf"],
    ["characters Windows refuses", 'a"b<c>.pdf', "pdf", "a_b_c_.pdf"],
    ["a line break", "line\nbreak.pdf", "pdf", "line_break.pdf"],
    ["no name", "", "pdf", "file.pdf"],
    ["only dots", "..", "pdf", "file.pdf"],
    ["a dot file", ".htaccess", "pdf", "htaccess.pdf"],
    ["a PDF/HTML polyglot named .html", "invoice.html", "pdf", "invoice.pdf"],
    ["a double extension", "invoice.pdf.exe", "pdf", "invoice.pdf.pdf"],
    ["an upper-case extension", "SCAN.PDF", "pdf", "SCAN.pdf"],
    ["a JPEG named .jpeg", "photo.jpeg", "jpg", "photo.jpg"],
    ["no extension at all", "评价报告", "docx", "评价报告.docx"],
    ["a right-to-left override", "report\u202Efdp.html", "pdf", "reportfdp.pdf"],
    ["bidi isolates and marks", "\u2066a\u2069\u200Fb\u200E\u061C.pdf", "pdf", "ab.pdf"],
    ["zero-width and BOM characters", "a\u200Bb\uFEFF.pdf", "pdf", "ab.pdf"],
    ["C1 controls and a line separator", "a\u0085b\u2028c.pdf", "pdf", "a_b_c.pdf"],
    ["an equals sign", "a=b.pdf", "pdf", "a=b.pdf"],
    ["semicolons", "a;b; c.pdf", "pdf", "a;b; c.pdf"],
    ["ordinary punctuation", "报告(1), v2 & 附件#3 [终稿] 'x'.pdf", "pdf", "报告(1), v2 & 附件#3 [终稿] 'x'.pdf"],
    ["a dot inside the name", "2024.03 评价报告.docx", "docx", "2024.03 评价报告.docx"],
    ["trailing spaces and dots", "report.pdf . ", "pdf", "report.pdf"],
    ["a lone surrogate", "a\uD800b.pdf", "pdf", "a_b.pdf"],
  ])("%s: %j as %s → %j", (_case, input, ext, expected) => {
    expect(cleanOriginalName(input, ext)).toBe(expected);
  });

  it("trims long names to 200 characters keeping the extension", () => {
    const out = cleanOriginalName(`${"报".repeat(300)}.docx`, "docx");
    expect(out).toHaveLength(200);
    expect(out.endsWith(".docx")).toBe(true);
  });

  it("never cuts an emoji in half when trimming", () => {
    const out = cleanOriginalName(`a${"😀".repeat(150)}.pdf`, "pdf");
    expect(out.length).toBeLessThanOrEqual(200);
    expect(() => encodeURIComponent(out)).not.toThrow();
  });

  it("always ends in the sniffed extension and keeps no bidi or control character", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 300 }),
        fc.constantFrom("pdf", "png", "jpg", "docx", "xlsx"),
        (name, ext) => {
          const out = cleanOriginalName(name, ext);
          expect(out.endsWith(`.${ext}`)).toBe(true);
          expect(out.length).toBeLessThanOrEqual(200);
          // eslint-disable-next-line no-control-regex -- asserting that no control character survives
          expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069/\\]/);
          expect(() => attachmentDisposition(out)).not.toThrow();
        },
      ),
    );
  });
});

describe("extensionForMime", () => {
  it.each([
    ["application/pdf", "pdf"],
    ["image/jpeg", "jpg"],
    ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
    ["text/html", null],
  ])("%s → %s", (mime, ext) => {
    expect(extensionForMime(mime)).toBe(ext);
  });
});

describe("attachmentDisposition (RFC 6266 / RFC 5987)", () => {
  it("keeps Chinese names in filename* and an ASCII fallback", () => {
    expect(attachmentDisposition("报告.pdf")).toBe(
      "attachment; filename=\"__.pdf\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf",
    );
  });

  it("cannot be broken out of with quotes, semicolons or CRLF", () => {
    const header = attachmentDisposition('x"; filename="evil.html\r\n.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.split('"').length).toBe(3); // only the fallback's own pair of quotes
    expect(header).toContain("filename*=UTF-8''x%22%3B%20filename%3D%22evil.html%0D%0A.pdf");
  });

  it("percent-encodes the characters encodeURIComponent leaves alone but RFC 5987 forbids", () => {
    expect(attachmentDisposition("a'(b)*.pdf")).toContain("filename*=UTF-8''a%27%28b%29%2A.pdf");
  });
});
