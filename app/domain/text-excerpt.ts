/**
 * Cutting text for display without breaking a character (issue 11: "summaries cut with an
 * ellipsis at a character boundary"). A cut between the two halves of a surrogate pair shows a
 * replacement glyph, and one inside a grapheme (an emoji sequence, a letter with its combining
 * mark) shows half a character, so cuts fall between graphemes (Intl.Segmenter).
 * Lengths are in UTF-16 code units, the unit of JavaScript strings and of the forms' limits.
 */
const segmenter =
  typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter("zh-CN", { granularity: "grapheme" }) : null;

export const ELLIPSIS = "…";

function graphemes(text: string): Iterable<string> {
  if (segmenter) return [...segmenter.segment(text)].map((s) => s.segment);
  // Without Segmenter: code points, which at least never splits a surrogate pair.
  return Array.from(text);
}

/** The longest prefix of whole graphemes that is at most `max` code units long. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const g of graphemes(text)) {
    if (out.length + g.length > max) break;
    out += g;
  }
  return out;
}

/**
 * `text` with whitespace runs collapsed, cut to at most `max` code units with a trailing "…"
 * when anything was dropped (the ellipsis counts towards `max`).
 */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  if (flat.length <= max) return flat;
  return clipText(flat, Math.max(0, max - ELLIPSIS.length)).trimEnd() + ELLIPSIS;
}
