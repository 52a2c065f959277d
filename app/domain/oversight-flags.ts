/**
 * The bureau's oversight flags over insurers' prevention visits (issue 9, "Oversight flags for
 * the bureau": photos reused across different enterprises or visits — same content hash or a
 * near-identical perceptual hash —, visits shorter than a configurable minimum, one person
 * "present" at two distant enterprises within an impossible travel time, and services below
 * the contracted frequency; each flag links to the records behind it).
 *
 * A flag is a lead for a human, not a verdict: every flag carries the ids of the visits, photos
 * or plan items behind it, and the measured figure (distance, minutes, speed) that tripped it.
 * Thresholds come in as `OversightConfig` so a bureau can tune them; the defaults are in
 * DEFAULT_OVERSIGHT_CONFIG.
 */
import type { IsoDate } from "./calendar-date";
import type { ServiceCode } from "./insurance-plan";
import { hammingDistance, hashBlocks } from "./perceptual-hash";

export type OversightConfig = {
  /** Largest dHash Hamming distance still "near-identical" (0–15). */
  photoHammingMax: number;
  minVisitMinutes: number;
  /** Faster than this between two enterprises is not believable (road travel). */
  maxTravelKmh: number;
  /** Two places closer than this count as the same site (GPS noise, one industrial park). */
  sameSiteKm: number;
};

export const DEFAULT_OVERSIGHT_CONFIG: OversightConfig = {
  photoHammingMax: 5,
  minVisitMinutes: 30,
  maxTravelKmh: 100,
  sameSiteKm: 1,
};

export type VisitForOversight = {
  visitId: string;
  enterpriseId: string;
  startedAt: Date;
  endedAt: Date;
  /** Where the visit took place (the enterprise's site), WGS-84 degrees. */
  lat: number;
  lng: number;
  /** Everyone recorded as present for the serving side. */
  personIds: readonly string[];
  photos: ReadonlyArray<{ photoId: string; sha256: string; dHash?: string | null }>;
};

export type PlanItemForOversight = {
  planItemId: string;
  policyId: string;
  service: ServiceCode;
  dueDate: IsoDate;
  done: boolean;
};

export type OversightFlag =
  | {
      kind: "photo_reused";
      match: "identical" | "near_identical";
      photoIds: string[];
      visitIds: string[];
      enterpriseIds: string[];
    }
  | { kind: "short_visit"; visitIds: [string]; minutes: number; minimumMinutes: number }
  | {
      kind: "impossible_travel";
      personId: string;
      visitIds: [string, string];
      distanceKm: number;
      hours: number;
      speedKmh: number | null;
    }
  | {
      kind: "below_frequency";
      policyId: string;
      service: ServiceCode;
      dueCount: number;
      doneCount: number;
      planItemIds: string[];
    };

export const OVERSIGHT_FLAG_LABELS: Record<OversightFlag["kind"], { zh: string; en: string }> = {
  photo_reused: { zh: "照片重复使用", en: "Photo reused" },
  short_visit: { zh: "服务时长过短", en: "Visit too short" },
  impossible_travel: { zh: "同一人员不可能同时在场", en: "Impossible travel" },
  below_frequency: { zh: "服务频次不足", en: "Below contracted frequency" },
};

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Union–find over photo indexes: a reused photo forms one group however many copies it has. */
function groups(n: number, pairs: Iterable<[number, number]>): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const [a, b] of pairs) parent[find(a)] = find(b);
  const out = new Map<number, number[]>();
  for (let i = 0; i < n; i++) out.set(find(i), [...(out.get(find(i)) ?? []), i]);
  return [...out.values()].filter((g) => g.length > 1);
}

const uniq = (values: string[]) => [...new Set(values)];

export function photoReuseFlags(
  visits: readonly VisitForOversight[],
  config: OversightConfig = DEFAULT_OVERSIGHT_CONFIG,
): OversightFlag[] {
  const photos = visits.flatMap((v) =>
    v.photos.map((p) => ({ ...p, visitId: v.visitId, enterpriseId: v.enterpriseId })),
  );
  const identical: Array<[number, number]> = [];
  const near: Array<[number, number]> = [];
  const bySha = new Map<string, number>();
  const byBlock = new Map<string, number[]>();
  photos.forEach((p, i) => {
    const sha = p.sha256.toLowerCase();
    const first = bySha.get(sha);
    if (first !== undefined) identical.push([first, i]);
    else bySha.set(sha, i);
    if (!p.dHash) return;
    // Pigeonhole: candidates share one of (threshold + 1) blocks; then the exact distance decides.
    const seen = new Set<number>();
    for (const block of hashBlocks(p.dHash.toLowerCase(), config.photoHammingMax + 1)) {
      for (const j of byBlock.get(block) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        if (
          photos[j]!.sha256.toLowerCase() !== sha &&
          hammingDistance(photos[j]!.dHash!, p.dHash) <= config.photoHammingMax
        )
          near.push([j, i]);
      }
      byBlock.set(block, [...(byBlock.get(block) ?? []), i]);
    }
  });
  const flags: OversightFlag[] = [];
  const emit = (members: number[], match: "identical" | "near_identical") => {
    const visitIds = uniq(members.map((i) => photos[i]!.visitId));
    // The same photo twice within one visit is sloppy, not fraud: only across visits.
    if (visitIds.length < 2) return;
    flags.push({
      kind: "photo_reused",
      match,
      photoIds: uniq(members.map((i) => photos[i]!.photoId)),
      visitIds,
      enterpriseIds: uniq(members.map((i) => photos[i]!.enterpriseId)),
    });
  };
  groups(photos.length, identical).forEach((g) => emit(g, "identical"));
  // A near-identical group holds the exact copies it touches too; groups no near pair touches
  // are the identical ones above.
  const inNear = new Set(near.flat());
  for (const g of groups(photos.length, [...identical, ...near]))
    if (g.some((i) => inNear.has(i))) emit(g, "near_identical");
  return flags;
}

export function shortVisitFlags(
  visits: readonly VisitForOversight[],
  config: OversightConfig = DEFAULT_OVERSIGHT_CONFIG,
): OversightFlag[] {
  return visits.flatMap((v) => {
    const minutes = Math.round(((v.endedAt.getTime() - v.startedAt.getTime()) / 60_000) * 10) / 10;
    return minutes < config.minVisitMinutes
      ? [
          {
            kind: "short_visit" as const,
            visitIds: [v.visitId] as [string],
            minutes,
            minimumMinutes: config.minVisitMinutes,
          },
        ]
      : [];
  });
}

/**
 * Per person, every pair of visits at distinct sites whose gap (end of one to start of the
 * other) is too short for the distance at `maxTravelKmh`; overlapping visits at distinct sites
 * always are (speed null). Pairs more than a day apart are not compared: no speed limit
 * matters then.
 */
export function impossibleTravelFlags(
  visits: readonly VisitForOversight[],
  config: OversightConfig = DEFAULT_OVERSIGHT_CONFIG,
): OversightFlag[] {
  const byPerson = new Map<string, VisitForOversight[]>();
  for (const v of visits) for (const p of new Set(v.personIds)) byPerson.set(p, [...(byPerson.get(p) ?? []), v]);
  const flags: OversightFlag[] = [];
  const DAY_MS = 86_400_000;
  for (const [personId, list] of byPerson) {
    const sorted = [...list].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i]!;
      for (let j = i + 1; j < sorted.length; j++) {
        const b = sorted[j]!;
        if (b.startedAt.getTime() - a.endedAt.getTime() > DAY_MS) break;
        const distanceKm = haversineKm(a, b);
        if (distanceKm < config.sameSiteKm) continue;
        const gapMs = b.startedAt.getTime() - a.endedAt.getTime();
        const hours = gapMs / 3_600_000;
        const speedKmh = hours > 0 ? distanceKm / hours : null;
        if (speedKmh === null || speedKmh > config.maxTravelKmh) {
          flags.push({
            kind: "impossible_travel",
            personId,
            visitIds: [a.visitId, b.visitId],
            distanceKm: Math.round(distanceKm * 10) / 10,
            hours: Math.round(hours * 100) / 100,
            speedKmh: speedKmh === null ? null : Math.round(speedKmh),
          });
        }
      }
    }
  }
  return flags;
}

/** Per policy and service: items due before `today` that are not done (the contracted count not met). */
export function belowFrequencyFlags(items: readonly PlanItemForOversight[], today: IsoDate): OversightFlag[] {
  const groupsByKey = new Map<string, PlanItemForOversight[]>();
  for (const item of items) {
    if (item.dueDate >= today) continue;
    const key = `${item.policyId}\u0000${item.service}`;
    groupsByKey.set(key, [...(groupsByKey.get(key) ?? []), item]);
  }
  const flags: OversightFlag[] = [];
  for (const due of groupsByKey.values()) {
    const missing = due.filter((i) => !i.done);
    if (missing.length === 0) continue;
    const { policyId, service } = due[0]!;
    flags.push({
      kind: "below_frequency",
      policyId,
      service,
      dueCount: due.length,
      doneCount: due.length - missing.length,
      planItemIds: missing.map((i) => i.planItemId),
    });
  }
  return flags;
}

export function oversightFlags(
  input: { visits: readonly VisitForOversight[]; planItems: readonly PlanItemForOversight[]; today: IsoDate },
  config: OversightConfig = DEFAULT_OVERSIGHT_CONFIG,
): OversightFlag[] {
  return [
    ...photoReuseFlags(input.visits, config),
    ...shortVisitFlags(input.visits, config),
    ...impossibleTravelFlags(input.visits, config),
    ...belowFrequencyFlags(input.planItems, input.today),
  ];
}
