export type RegionLevel = "province" | "city" | "county";
