import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisation, staffAccount } from "../../../platform/directory/schema";

// What belongs to the organisation in employment's settings: one table, a new row per save.

/**
 * An organisation's employment settings, versioned like the early-warning rules: every save is
 * a new row and the highest version is in force.
 */
export type EmploymentSettings = {
  /** The wage floor for a competitive job, pence per hour (UK National Living Wage by default). */
  wageFloorPence: number;
  /** Face-to-face employer contacts per specialist per week (IPS; UNVERIFIED figure, domain.md). */
  weeklyEmployerContactTarget: number;
};

export const employmentSettings = pgTable(
  "employment_settings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    version: integer("version").notNull(),
    settings: jsonb("settings").$type<EmploymentSettings>().notNull(),
    changedBy: uuid("changed_by")
      .notNull()
      .references(() => staffAccount.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
    reason: text("reason"),
  },
  (table) => [uniqueIndex("employment_settings_version_idx").on(table.organisationId, table.version)],
);
