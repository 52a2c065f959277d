export * from "./accounts";
export * from "./auth";
export * from "./audit";
export * from "./marketplace";
export * from "./engagements";
export * from "./notifications";
export * from "./safety";
export * from "./register";
