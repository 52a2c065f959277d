import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { hammingDistance, isDHash } from "../domain/perceptual-hash";
import { photoDHash } from "./visit-photo-hash.server";

/** A w×h image whose grey value is f(x, y), as PNG or JPEG bytes. */
function image(w: number, h: number, f: (x: number, y: number) => number) {
  const data = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = Math.max(0, Math.min(255, Math.round(f(x, y))));
      data.set([v, v, v, 255], (y * w + x) * 4);
    }
  return {
    png: () => {
      const png = new PNG({ width: w, height: h });
      data.copy(png.data);
      return new Uint8Array(PNG.sync.write(png));
    },
    jpeg: (quality: number) => new Uint8Array(jpeg.encode({ width: w, height: h, data }, quality).data),
  };
}

const rampRight = (w: number) => (x: number) => (x * 255) / (w - 1);

describe("photoDHash (decode, 9×8 grey, dHash)", () => {
  it("a left-to-right brightening image has every bit set; a darkening one none", () => {
    expect(photoDHash(image(90, 80, rampRight(90)).png())).toBe("ffffffffffffffff");
    expect(photoDHash(image(90, 80, (x) => 255 - rampRight(90)(x)).png())).toBe("0000000000000000");
  });

  it("the same picture as a resized, re-compressed JPEG stays within a few bits of the PNG", () => {
    const f = (w: number, h: number) => (x: number, y: number) =>
      128 + 100 * Math.sin((x / w) * 7) * Math.cos((y / h) * 5);
    const a = photoDHash(image(360, 240, f(360, 240)).png());
    const b = photoDHash(image(180, 120, f(180, 120)).jpeg(60));
    expect(a && isDHash(a)).toBe(true);
    expect(b && isDHash(b)).toBe(true);
    expect(hammingDistance(a!, b!)).toBeLessThanOrEqual(4);
  });

  it("a different picture is far away", () => {
    const a = photoDHash(image(90, 80, rampRight(90)).png())!;
    const b = photoDHash(image(90, 80, (x, y) => ((x + y) % 20 < 10 ? 30 : 220)).png())!;
    expect(hammingDistance(a, b)).toBeGreaterThan(10);
  });

  it("a 1×1 image still hashes (cells repeat the one pixel: no brighter neighbour)", () => {
    expect(photoDHash(image(1, 1, () => 50).png())).toBe("0000000000000000");
  });

  it.each([
    ["text", new TextEncoder().encode("not an image")],
    ["a truncated PNG", image(20, 20, rampRight(20)).png().slice(0, 40)],
    ["a truncated JPEG", image(20, 20, rampRight(20)).jpeg(80).slice(0, 30)],
    ["nothing", new Uint8Array()],
  ])("gives null for %s", (_label, bytes) => {
    expect(photoDHash(bytes)).toBeNull();
  });
});
