import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { dHash } from "../domain/perceptual-hash";

/**
 * The perceptual hash of a visit photo (issue 9, oversight: one photo passed off as several
 * visits). Decodes PNG (pngjs) or JPEG (jpeg-js), reduces the image to 9×8 grey by averaging the
 * pixels of each cell (ITU-R BT.601 luma, alpha over white), and hands that to `dHash`. Anything
 * that does not decode — another format, a truncated file, an absurd size — gives null: the
 * photo is still kept, only without a perceptual hash.
 */

const MAX_PIXELS = 40_000_000;

type Rgba = { width: number; height: number; data: Uint8Array };

function decode(bytes: Uint8Array): Rgba | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (buf.length >= 8 && buf.readUInt32BE(0) === 0x89504e47) {
      const png = PNG.sync.read(buf);
      return { width: png.width, height: png.height, data: png.data };
    }
    if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) {
      const img = jpeg.decode(buf, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: 40,
        tolerantDecoding: false,
      });
      return { width: img.width, height: img.height, data: img.data };
    }
  } catch {
    return null;
  }
  return null;
}

/** 8 rows of 9 grey values (0–255): each the mean luma of its cell of the image. */
export function greyGrid(img: Rgba): number[][] {
  const W = 9;
  const H = 8;
  const rows: number[][] = [];
  for (let gy = 0; gy < H; gy++) {
    const y0 = Math.floor((gy * img.height) / H);
    const y1 = Math.max(y0 + 1, Math.floor(((gy + 1) * img.height) / H));
    const row: number[] = [];
    for (let gx = 0; gx < W; gx++) {
      const x0 = Math.floor((gx * img.width) / W);
      const x1 = Math.max(x0 + 1, Math.floor(((gx + 1) * img.width) / W));
      let sum = 0;
      let n = 0;
      for (let y = y0; y < Math.min(y1, img.height); y++) {
        for (let x = x0; x < Math.min(x1, img.width); x++) {
          const i = (y * img.width + x) * 4;
          const a = img.data[i + 3]! / 255;
          const luma = 0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]!;
          sum += luma * a + 255 * (1 - a);
          n++;
        }
      }
      row.push(n ? sum / n : 255);
    }
    rows.push(row);
  }
  return rows;
}

/** The photo's dHash (16 hex digits), or null when it is not a decodable PNG or JPEG. */
export function photoDHash(bytes: Uint8Array): string | null {
  const img = decode(bytes);
  if (!img || img.width < 1 || img.height < 1 || img.width * img.height > MAX_PIXELS) return null;
  return dHash(greyGrid(img));
}
