/**
 * What an uploaded file really is, judged by its bytes and never by its name or the
 * browser's Content-Type (both are the uploader's claim). Office documents are zip
 * archives; they are told apart by the entries the archive lists.
 */

export type SniffedType =
  | { mime: "application/pdf"; ext: "pdf" }
  | { mime: "image/png"; ext: "png" }
  | { mime: "image/jpeg"; ext: "jpg" }
  | { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"; ext: "docx" }
  | { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"; ext: "xlsx" };

export type SniffedExt = SniffedType["ext"];
export type UploadPurpose = "qualification_scan" | "deliverable" | "evidence" | "photo" | "attachment";

/** 20 MiB: a scanned multi-page report fits, a video does not. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** What each purpose accepts: scans are documents or pictures; reports may also be Word/Excel. */
export const UPLOAD_ALLOW_LIST: Record<UploadPurpose, readonly SniffedExt[]> = {
  qualification_scan: ["pdf", "png", "jpg"],
  deliverable: ["pdf", "png", "jpg", "docx", "xlsx"],
  evidence: ["pdf", "png", "jpg", "docx", "xlsx"],
  /** Inspection and hazard photos: pictures only. */
  photo: ["png", "jpg"],
  /** Attachments of guidance threads, training materials, 一企一策 plans. */
  attachment: ["pdf", "png", "jpg", "docx", "xlsx"],
};

export function isAllowedForPurpose(type: SniffedType, purpose: UploadPurpose): boolean {
  return UPLOAD_ALLOW_LIST[purpose].includes(type.ext);
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

export function sniffFileType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, PDF)) return { mime: "application/pdf", ext: "pdf" };
  if (startsWith(bytes, PNG)) return { mime: "image/png", ext: "png" };
  if (startsWith(bytes, JPEG)) return { mime: "image/jpeg", ext: "jpg" };
  if (startsWith(bytes, ZIP_LOCAL)) return sniffOfficeZip(zipEntryNames(bytes));
  return null;
}

/** OOXML: [Content_Types].xml plus the main part; macro-enabled documents are refused. */
function sniffOfficeZip(names: string[]): SniffedType | null {
  const has = new Set(names);
  if (!has.has("[Content_Types].xml")) return null;
  if (names.some((n) => n.endsWith("vbaProject.bin"))) return null;
  if (has.has("word/document.xml")) {
    return { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: "docx" };
  }
  if (has.has("xl/workbook.xml")) {
    return { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ext: "xlsx" };
  }
  return null;
}

const MAX_ENTRIES = 5000;

const u16 = (b: Uint8Array, p: number) => b[p]! | (b[p + 1]! << 8);
const u32 = (b: Uint8Array, p: number) => (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16)) + b[p + 3]! * 0x1000000;
const ascii = (b: Uint8Array, from: number, len: number) => String.fromCharCode(...b.subarray(from, from + len));

/** Entry names from the central directory, or from the local headers if that is unreadable. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  return centralDirectoryNames(bytes) ?? localHeaderNames(bytes);
}

function centralDirectoryNames(b: Uint8Array): string[] | null {
  const lowest = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let p = b.length - 22; p >= lowest; p--) {
    if (b[p] === 0x50 && b[p + 1] === 0x4b && b[p + 2] === 0x05 && b[p + 3] === 0x06) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  if (p >= b.length) return null; // zip64 or damaged: fall back to the local headers
  const names: string[] = [];
  for (let i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return null;
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    if (p + 46 + nameLen > b.length) return null;
    names.push(ascii(b, p + 46, nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

function localHeaderNames(b: Uint8Array): string[] {
  const names: string[] = [];
  let p = 0;
  while (names.length < MAX_ENTRIES && p + 30 <= b.length && u32(b, p) === 0x04034b50) {
    const flags = u16(b, p + 6);
    const compressed = u32(b, p + 18);
    const nameLen = u16(b, p + 26);
    const extraLen = u16(b, p + 28);
    if (p + 30 + nameLen > b.length) break;
    names.push(ascii(b, p + 30, nameLen));
    // With a trailing data descriptor the size is unknown here; stop rather than guess.
    if (flags & 0x08 && compressed === 0) break;
    p += 30 + nameLen + extraLen + compressed;
  }
  return names;
}

/** Invisible characters that reorder or hide text: bidi overrides/isolates/marks, zero-width marks. */
const BIDI_AND_INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** C0 and C1 controls, and the Unicode line/paragraph separators. */
// Control characters are exactly what this strips, so the regex must name them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Characters Windows refuses in a file name; ordinary punctuation such as = ; , ' ( ) & # stays. */
const UNSAFE_ON_DISK = /["<>|:*?]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const TRIM_DOTS_AND_SPACES = /^[\s.]+|[\s.]+$/g;
const MAX_NAME = 200;

/**
 * The uploader's file name, kept only for display and the download's name: no directories,
 * no control or bidi characters (a right-to-left override makes "x\u202Efdp.html" read as
 * "xlmth.pdf"), and always ending in the extension of what the bytes really are — a PDF
 * named invoice.html downloads as invoice.pdf. At most 200 characters.
 */
export function cleanOriginalName(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(LONE_SURROGATE, "_")
    .replace(BIDI_AND_INVISIBLE, "")
    .replace(CONTROL, "_")
    .replace(UNSAFE_ON_DISK, "_")
    .replace(TRIM_DOTS_AND_SPACES, "");
  // The uploader's extension is only a claim: drop it (a short ASCII tail after the last dot).
  let stem = clean.replace(/\.[A-Za-z0-9]{1,10}$/, "").replace(TRIM_DOTS_AND_SPACES, "");
  if (!stem) stem = "file";
  const suffix = `.${ext}`;
  // Cut by UTF-16 units, but never through a surrogate pair (a lone half breaks encodeURIComponent).
  if (stem.length + suffix.length > MAX_NAME)
    stem = stem.slice(0, MAX_NAME - suffix.length).replace(/[\ud800-\udbff]$/, "");
  return stem + suffix;
}

/** The extension for a stored MIME type (rows keep the sniffed type; the name is rebuilt on download). */
export function extensionForMime(mime: string): SniffedExt | null {
  return KNOWN_TYPES.find((t) => t.mime === mime)?.ext ?? null;
}

const KNOWN_TYPES: readonly SniffedType[] = [
  { mime: "application/pdf", ext: "pdf" },
  { mime: "image/png", ext: "png" },
  { mime: "image/jpeg", ext: "jpg" },
  { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: "docx" },
  { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ext: "xlsx" },
];

/**
 * `attachment` with an ASCII fallback name and the real one as RFC 5987 `filename*`,
 * so Chinese names survive in every browser and nothing can break out of the header.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "download";
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
