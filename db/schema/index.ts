export * from "./identity";
export * from "./audit";
export * from "./messaging";
export * from "./wallet";
export * from "./purchases";
export * from "./packs";
export * from "./quota";
export * from "./metering";
