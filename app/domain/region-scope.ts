import { DomainError } from "./errors";
import { regionScopePrefix } from "./regions";

/**
 * A bureau sees the records of its own region and everything beneath it:
 * a city bureau 330700 sees every county 3307xx. Returns the SQL LIKE pattern.
 * An unknown code is an error, never a pattern that could match the whole country.
 */
export function regionLikePattern(bureauRegionCode: string): string {
  const prefix = regionScopePrefix(bureauRegionCode);
  if (!prefix) throw new DomainError("region_unknown", `unknown region ${bureauRegionCode}`);
  return `${prefix}%`;
}
