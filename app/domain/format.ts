// Money and date formatting for the UI.
//
// Money is stored as integer fen (分, 1/100 yuan) and formatted with bigint
// arithmetic, so amounts beyond 2^53 fen never pick up float rounding errors.
// Dates are always shown in Asia/Shanghai (China has one time zone and no DST),
// whatever the server's or browser's zone, so SSR and hydration agree.

export type Lang = "zh-CN" | "en";

// ---------------------------------------------------------------- money

function toBigInt(fen: number | bigint): bigint {
  if (typeof fen === "bigint") return fen;
  // A fractional fen means a bug upstream (float yuan maths); fail loudly.
  if (!Number.isInteger(fen)) throw new RangeError(`fen must be an integer, got ${fen}`);
  return BigInt(fen);
}

/**
 * 123450 → "¥1,234.50", -123450 → "-¥1,234.50". Both languages use the same
 * form: "¥" is unambiguous in a CNY-only marketplace and comma grouping is
 * standard in Chinese financial writing too.
 */
export function formatFen(fen: number | bigint, _lang: Lang): string {
  const value = toBigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+$)/g, ",");
  const cents = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}¥${yuan}.${cents}`;
}

// Digits with optional well-formed thousands grouping, then up to 2 decimals.
const YUAN_PATTERN = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a non-negative yuan amount typed by a user into fen:
 * "1234.5" → 123450, "1,234.50" → 123450, "¥12" → 1200.
 * Returns null for anything else — more than 2 decimals (we will not round
 * money silently), negatives, badly placed commas, exponents, or amounts too
 * large to hold exactly in a JS number.
 */
export function parseYuanToFen(input: string): number | null {
  const text = input.trim().replace(/^[¥￥]\s*/, "");
  const match = YUAN_PATTERN.exec(text);
  if (!match) return null;
  const yuan = BigInt(match[1]!.replace(/,/g, ""));
  const cents = BigInt((match[2] ?? "").padEnd(2, "0"));
  const fen = yuan * 100n + cents;
  return fen <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(fen) : null;
}

// ---------------------------------------------------------------- dates

const SHANGHAI_PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23", // avoids "24:05" for just after midnight
});

function shanghaiParts(date: Date) {
  // formatToParts throws RangeError for an invalid Date, which is what we want.
  const parts: Record<string, string> = {};
  for (const p of SHANGHAI_PARTS.formatToParts(date)) parts[p.type] = p.value;
  return {
    ymd: `${parts.year!.padStart(4, "0")}-${parts.month}-${parts.day}`,
    hm: `${parts.hour}:${parts.minute}`,
  };
}

/** YYYY-MM-DD of this instant in Asia/Shanghai — a calendar-day key for grouping and queries. */
export function shanghaiDateString(date: Date): string {
  return shanghaiParts(date).ymd;
}

/** Display date, "2026-11-24". ISO order in both languages: unambiguous and sortable. */
export function formatDate(date: Date, _lang: Lang): string {
  return shanghaiParts(date).ymd;
}

/** Display date and time, "2026-11-24 01:30" (24-hour, Asia/Shanghai). */
export function formatDateTime(date: Date, _lang: Lang): string {
  const { ymd, hm } = shanghaiParts(date);
  return `${ymd} ${hm}`;
}
