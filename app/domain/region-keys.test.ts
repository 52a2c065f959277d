import { describe, expect, it } from "vitest";
import { regionSearchKeys } from "./region-keys";

describe("regionSearchKeys — a city includes its counties (issue: region filter)", () => {
  const cases: Array<[string, string[], string, boolean]> = [
    ["county found from itself", ["330702"], "330702", true],
    ["county found from its city", ["330702"], "330700", true],
    ["county found from its province", ["330702"], "330000", true],
    ["county not found from a sibling county", ["330702"], "330703", false],
    ["whole city found from each county", ["330700"], "330782", true],
    ["whole city not found from another city", ["330700"], "330100", false],
    ["Qingdao county not found from Jinhua", ["370202"], "330700", false],
  ];
  it.each(cases)("%s", (_name, served, query, expected) => {
    expect(regionSearchKeys(served).includes(query)).toBe(expected);
  });

  it("drops unknown codes and de-duplicates", () => {
    const keys = regionSearchKeys(["330702", "330702", "999999"]);
    expect(keys).toEqual(["330000", "330700", "330702"]);
  });
});
