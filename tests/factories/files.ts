import { crc32, deflateRawSync, deflateSync } from "node:zlib";

/**
 * Real, small files for upload tests: a PDF that opens, a 1×1 PNG, a JFIF JPEG header,
 * and OOXML documents assembled as genuine zip archives (deflated entries, CRCs,
 * central directory), the way Word and Excel write them.
 */

export function pdfBytes(): Uint8Array {
  const text = [
    "%PDF-1.4",
    "%\u00e2\u00e3\u00cf\u00d3",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n");
  return new Uint8Array(Buffer.from(text, "latin1"));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function pngBytes(): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0); // width
  ihdr.writeUInt32BE(1, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const pixel = Buffer.from([0, 0xff, 0x00, 0x00]); // filter byte + one red pixel
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk("IHDR", ihdr),
      pngChunk("IDAT", deflateSync(pixel)),
      pngChunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

export function jpegBytes(): Uint8Array {
  // SOI, APP0 "JFIF" segment as cameras and scanners write it, then EOI.
  return new Uint8Array([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x01, 0x00, 0x48, 0x00, 0x48, 0x00,
    0x00, 0xff, 0xd9,
  ]);
}

/** A zip archive with deflated entries; `dataDescriptor` writes sizes after the data, as streaming zippers do. */
export function zipBytes(entries: Record<string, string>, options: { dataDescriptor?: boolean } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const raw = Buffer.from(content, "utf8");
    const packed = deflateRawSync(raw);
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(raw);
    const flags = options.dataDescriptor ? 0x08 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(options.dataDescriptor ? 0 : crc, 14);
    local.writeUInt32LE(options.dataDescriptor ? 0 : packed.length, 18);
    local.writeUInt32LE(options.dataDescriptor ? 0 : raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const parts = [local, nameBytes, packed];
    if (options.dataDescriptor) {
      const dd = Buffer.alloc(16);
      dd.writeUInt32LE(0x08074b50, 0);
      dd.writeUInt32LE(crc, 4);
      dd.writeUInt32LE(packed.length, 8);
      dd.writeUInt32LE(raw.length, 12);
      parts.push(dd);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    const local_ = Buffer.concat(parts);
    locals.push(local_);
    offset += local_.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  const count = Object.keys(entries).length;
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

export function docxBytes(extra: Record<string, string> = {}, options: { dataDescriptor?: boolean } = {}): Uint8Array {
  return zipBytes(
    {
      "[Content_Types].xml": CONTENT_TYPES,
      "_rels/.rels": RELS,
      "word/document.xml": `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>安全评价报告</w:t></w:r></w:p></w:body></w:document>`,
      ...extra,
    },
    options,
  );
}

export function xlsxBytes(): Uint8Array {
  return zipBytes({
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": RELS.replace("word/document.xml", "xl/workbook.xml"),
    "xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="隐患清单" sheetId="1"/></sheets></workbook>`,
  });
}

export function fileOf(bytes: Uint8Array, name: string, type = "application/octet-stream"): File {
  return new File([new Uint8Array(bytes)], name, { type });
}
