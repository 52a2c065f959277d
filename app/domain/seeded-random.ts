/**
 * Reproducible randomness for the draws the policies ask to be random and checkable
 * (双随机: random engagements and random checkers; random expert draws; rotation plans).
 * A draw records its seed (a string); the same seed and the same inputs give the same result on
 * any machine, so anyone can re-run a published draw and see it was not arranged.
 *
 * The generator is sfc32 seeded through the cyrb128 string hash: small, fast, and good enough
 * for fair sampling. It is NOT a cryptographic generator: the unpredictability of a draw comes
 * from its seed, which the service makes with a cryptographic source before the draw.
 */

export type Random = {
  /** A 32-bit unsigned integer. */
  nextUint32(): number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n), without modulo bias. */
  int(n: number): number;
};

function cyrb128(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export function seededRandom(seed: string): Random {
  let [a, b, c, d] = cyrb128(seed);
  const nextUint32 = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up: the first outputs of sfc32 still carry the structure of the seed.
  for (let i = 0; i < 15; i++) nextUint32();
  const int = (n: number) => {
    if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) throw new RangeError(`int(n) needs 1 ≤ n ≤ 2^32, got ${n}`);
    const limit = 2 ** 32 - (2 ** 32 % n); // values at or above limit would favour small results
    for (;;) {
      const x = nextUint32();
      if (x < limit) return x % n;
    }
  };
  return { nextUint32, next: () => nextUint32() / 2 ** 32, int };
}

/** A new array with the items in a uniformly random order (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `count` distinct items drawn uniformly (all of them when there are fewer), in draw order. */
export function sample<T>(items: readonly T[], count: number, random: Random): T[] {
  return shuffled(items, random).slice(0, Math.max(0, Math.min(count, items.length)));
}
