// Unified Social Credit Code (统一社会信用代码), GB 32100-2015.
//
// Layout of the 18 characters:
//   1     registration-authority code (登记管理部门代码)
//   2     organisation-category code (机构类别代码) – depends on position 1,
//         so we only check it against the alphabet
//   3–8   registration authority's region code (GB/T 2260, digits)
//   9–17  organisation code (主体标识码, GB 11714)
//   18    check character (校验码, ISO 7064 MOD 31-3 style)

/** The 31-character code alphabet: digits plus upper-case letters without I O Z S V. */
export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Authority codes allocated by the standard (1–9, A–G) plus 农业 N and 其他 Y.
const AUTHORITY_CODES = new Set("123456789ABCDEFGNY");

// w_i = 3^i mod 31, i = 0..16 (GB 32100-2015 §5).
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccResult =
  { ok: true; code: string } | { ok: false; reason: "length" | "alphabet" | "authority" | "check" };

/** Canonical form for storage and comparison: trimmed, upper-case, no spaces. */
export function normaliseUscc(input: string): string {
  // \s also strips full-width spaces (U+3000) that Chinese IMEs produce.
  return input.replace(/\s+/g, "").toUpperCase();
}

function valueOf(ch: string): number {
  return USCC_ALPHABET.indexOf(ch);
}

/**
 * Check character for the first 17 characters of a code (already normalised).
 * Throws on malformed input because a caller asking for a check character of
 * garbage has a bug; use validateUscc for user input.
 */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError("usccCheckCharacter needs exactly 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = valueOf(first17.charAt(i));
    if (v < 0) throw new RangeError(`character not in USCC alphabet: ${first17.charAt(i)}`);
    sum += v * WEIGHTS[i]!;
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Validates user input; on success returns the normalised code to store. */
export function validateUscc(input: string): UsccResult {
  const code = normaliseUscc(input);
  if (code.length !== 18) return { ok: false, reason: "length" };
  for (let i = 0; i < 18; i++) {
    const ch = code.charAt(i);
    // The region part (positions 3–8) is numeric by definition.
    const allowed = i >= 2 && i <= 7 ? ch >= "0" && ch <= "9" : valueOf(ch) >= 0;
    if (!allowed) return { ok: false, reason: "alphabet" };
  }
  if (!AUTHORITY_CODES.has(code.charAt(0))) return { ok: false, reason: "authority" };
  if (usccCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) return { ok: false, reason: "check" };
  return { ok: true, code };
}
