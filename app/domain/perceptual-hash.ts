/**
 * dHash (difference hash), the perceptual hash the bureau's oversight uses to find one photo
 * passed off as several visits (issue 9, "Oversight flags": near-identical perceptual hash).
 * A re-saved, resized, re-compressed or slightly brightened copy of a photo keeps (nearly) the
 * same dHash, while its sha256 changes completely.
 *
 * The service shrinks the image to 9×8 grayscale pixels (9 wide, 8 high); here each row gives
 * 8 bits, 1 where the pixel to the right is brighter than its left neighbour — the same bit
 * order as the widely used Python `imagehash.dhash` (row by row, most significant bit first),
 * so hashes computed elsewhere compare with ours. Written as 16 lower-case hex digits.
 */

const HEX64 = /^[0-9a-f]{16}$/i;

/** `pixels[y][x]`, 8 rows of 9 grayscale values. */
export function dHash(pixels: readonly (readonly number[])[]): string {
  if (pixels.length !== 8 || pixels.some((row) => row.length !== 9))
    throw new RangeError("dHash needs 8 rows of 9 pixels");
  let hex = "";
  for (const row of pixels) {
    let byte = 0;
    for (let x = 0; x < 8; x++) byte = (byte << 1) | (row[x + 1]! > row[x]! ? 1 : 0);
    hex += byte.toString(16).padStart(2, "0");
  }
  return hex;
}

export function isDHash(value: string): boolean {
  return HEX64.test(value);
}

/** Number of differing bits between two 64-bit hex hashes. */
export function hammingDistance(a: string, b: string): number {
  if (!isDHash(a) || !isDHash(b)) throw new RangeError("hashes must be 16 hex digits");
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (x) {
    x &= x - 1n;
    count++;
  }
  return count;
}

/**
 * The `parts` bit blocks of a hash (pigeonhole indexing): two hashes at distance ≤ parts − 1
 * agree exactly on at least one block, so candidates are found by block instead of comparing
 * every pair.
 */
export function hashBlocks(hash: string, parts: number): string[] {
  const bits = BigInt(`0x${hash}`).toString(2).padStart(64, "0");
  const size = Math.ceil(64 / parts);
  const out: string[] = [];
  for (let i = 0; i < parts; i++) out.push(`${i}:${bits.slice(i * size, (i + 1) * size)}`);
  return out;
}
