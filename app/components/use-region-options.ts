import { useEffect, useState } from "react";
import { addressName, hasCounties, outlineName, regionCodePath, type RegionOption } from "../domain/region-outline";

// Counties per city, fetched once per page session from /regions/:code/children. A failed fetch
// is forgotten so that choosing the city again retries.
const counties = new Map<string, Promise<RegionOption[]>>();

export function fetchCounties(cityCode: string): Promise<RegionOption[]> {
  let found = counties.get(cityCode);
  if (!found) {
    found = fetch(`/regions/${encodeURIComponent(cityCode)}/children`, {
      headers: { Accept: "application/json" },
    }).then((res) => {
      if (!res.ok) throw new Error(`regions: ${res.status}`);
      return res.json() as Promise<RegionOption[]>;
    });
    found.catch(() => counties.delete(cityCode));
    counties.set(cityCode, found);
  }
  return found;
}

/**
 * The counties of `cityCode` once fetched; undefined before (also during server rendering and
 * hydration, so both render the same) and for cities without counties.
 */
export function useCounties(cityCode: string | undefined): RegionOption[] | undefined {
  const [loaded, setLoaded] = useState<{ city: string; options: RegionOption[] }>();
  useEffect(() => {
    if (!cityCode || !hasCounties(cityCode)) return;
    let live = true;
    fetchCounties(cityCode).then(
      (options) => live && setLoaded({ city: cityCode, options }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [cityCode]);
  return loaded && loaded.city === cityCode ? loaded.options : undefined;
}

/**
 * Address names of chosen codes: those the server sent (`known`), those of provinces and cities
 * from the outline, and counties once their city's list is fetched; the code itself until then.
 */
export function useRegionFullNames(
  codes: readonly string[],
  known: Record<string, string> = {},
): (code: string) => string {
  const [fetched, setFetched] = useState<Record<string, string>>({});
  const missingCities = [
    ...new Set(codes.filter((c) => !known[c] && regionCodePath(c).length === 3).map((c) => `${c.slice(0, 4)}00`)),
  ];
  const key = missingCities.join();
  useEffect(() => {
    if (!key) return;
    let live = true;
    for (const city of key.split(",")) {
      fetchCounties(city).then(
        (options) => {
          if (!live) return;
          const names = Object.fromEntries(options.map((o) => [o.code, fullName(o.code, o.name)]));
          setFetched((before) => ({ ...before, ...names }));
        },
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [key]);
  return (code) => known[code] ?? fetched[code] ?? fullName(code);
}

/** Address name of a province or city from the outline, or of a county given its own name. */
export function fullName(code: string, countyName?: string): string {
  const path = regionCodePath(code);
  const named = path.map((c, i) => ({ code: c, name: i === 2 ? (countyName ?? "") : (outlineName(c) ?? "") }));
  if (named.some((r) => !r.name)) return "";
  return addressName(named);
}
