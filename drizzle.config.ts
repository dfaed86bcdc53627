import { defineConfig } from "drizzle-kit";

// The audit tables are partitioned by month, which drizzle-kit cannot express: their DDL is a
// hand-written migration and their query definitions live in platform/audit/table.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/platform/**/schema.ts", "./src/features/**/schema.ts"],
  out: "./drizzle",
  tablesFilter: ["!audit_*"],
});
