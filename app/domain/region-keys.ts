import { childrenOf, getRegion, regionPath } from "./regions";

/**
 * The region keys a provider or listing is indexed under, so that one array containment
 * (`region_keys @> ARRAY[q]`, GIN-indexed) answers "does it serve q?" for any level of q:
 * - serving a county is found from the county, its city and its province;
 * - serving a whole city is found from the city, its province and each of its counties.
 * Unknown codes are dropped.
 */
export function regionSearchKeys(servedCodes: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const code of servedCodes) {
    if (!getRegion(code)) continue;
    for (const ancestor of regionPath(code)) keys.add(ancestor.code);
    for (const descendant of descendantsOf(code)) keys.add(descendant);
  }
  return [...keys].sort();
}

function descendantsOf(code: string): string[] {
  const out: string[] = [];
  for (const child of childrenOf(code)) {
    out.push(child.code, ...descendantsOf(child.code));
  }
  return out;
}
