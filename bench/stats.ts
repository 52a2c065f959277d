/** Percentiles of a sample of durations (ms), nearest-rank. */
export function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { runs: sorted.length, p50: round(at(50)), p95: round(at(95)), max: round(sorted[sorted.length - 1]) };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
