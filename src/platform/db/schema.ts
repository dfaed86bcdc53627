import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Secrets and settings shared by every app node, created on first migration. */
export const appSetting = pgTable("app_setting", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});
