// fullName() builds address names in the browser from the outline (provinces, cities) and a
// fetched county name; it must read exactly like the server's regionFullName().
import { describe, expect, it } from "vitest";
import rows from "../domain/data/regions.json";
import { regionFullName } from "../domain/regions";
import { fullName } from "./use-region-options";

const all = rows as [string, string, string | null][];

describe("fullName (browser) = regionFullName (server)", () => {
  it("for every province and city from the outline alone", () => {
    const upper = all.filter(([code]) => code.endsWith("00"));
    expect(upper.length).toBeGreaterThan(300);
    for (const [code] of upper) expect(fullName(code), code).toBe(regionFullName(code));
  });

  it("for every county given its fetched name, and '' without it", () => {
    const counties = all.filter(([code]) => !code.endsWith("00"));
    expect(counties.length).toBeGreaterThan(2500);
    for (const [code, name] of counties) expect(fullName(code, name), code).toBe(regionFullName(code));
    expect(fullName("330702")).toBe("");
    expect(fullName("999999")).toBe("");
  });
});
