import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dHash, hammingDistance, hashBlocks } from "./perceptual-hash";

const gradient = Array.from({ length: 8 }, () => [0, 10, 20, 30, 40, 50, 60, 70, 80]);

describe("dHash (9×8 grayscale, bit = right brighter than left, row-major, MSB first)", () => {
  it("a left-to-right gradient is all ones; right-to-left all zeros", () => {
    expect(dHash(gradient)).toBe("ffffffffffffffff");
    expect(dHash(gradient.map((r) => [...r].reverse()))).toBe("0000000000000000");
  });
  it("equal neighbours give 0 (strictly brighter)", () => {
    expect(dHash(Array.from({ length: 8 }, () => Array(9).fill(128)))).toBe("0000000000000000");
  });
  it("first row 1 0 1 0 … pattern → 0xaa in the first byte", () => {
    const rows = Array.from({ length: 8 }, () => Array(9).fill(0));
    rows[0] = [0, 9, 0, 9, 0, 9, 0, 9, 0]; // up, down, up, down …
    expect(dHash(rows)).toBe("aa00000000000000");
  });
  it("brightening or scaling the image keeps the hash (it compares neighbours only)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 9, maxLength: 9 }), {
          minLength: 8,
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 100 }),
        (px, shift) => {
          expect(dHash(px.map((r) => r.map((v) => v + shift)))).toBe(dHash(px));
          expect(dHash(px.map((r) => r.map((v) => v * 2)))).toBe(dHash(px));
        },
      ),
    );
  });
  it("refuses a wrong size", () => {
    expect(() => dHash(gradient.slice(1))).toThrow(RangeError);
  });
});

describe("hammingDistance and hashBlocks", () => {
  it.each([
    ["0000000000000000", "0000000000000000", 0],
    ["0000000000000000", "0000000000000001", 1],
    ["ffffffffffffffff", "0000000000000000", 64],
    ["F0F0F0F0F0F0F0F0", "f0f0f0f0f0f0f0f1", 1],
  ])("%s vs %s → %i", (a, b, d) => {
    expect(hammingDistance(a, b)).toBe(d);
  });
  it("hashes within distance parts − 1 share a block (pigeonhole)", () => {
    const hex = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((n) => n.toString(16).padStart(16, "0"));
    fc.assert(
      fc.property(hex, fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { maxLength: 5 }), (a, flips) => {
        let n = BigInt(`0x${a}`);
        for (const bit of flips) n ^= 1n << BigInt(bit);
        const b = n.toString(16).padStart(16, "0");
        expect(hammingDistance(a, b)).toBe(flips.length);
        const blocksA = new Set(hashBlocks(a, 6));
        expect(hashBlocks(b, 6).some((block) => blocksA.has(block))).toBe(true);
      }),
    );
  });
});
