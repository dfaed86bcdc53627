// The monitoring tables, for drizzle and for other features' foreign keys. Each is defined in the
// sub-folder that owns it; this file gathers them so other features import one place.

export * from "./alerts/schema";
export * from "./check-ins/schema";
export * from "./follow-along/schema";
export * from "./rules/schema";
