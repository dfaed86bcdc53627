import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { z } from "zod";
import { organisation, staffAccount } from "../../../platform/directory/schema";

/**
 * The early-warning sweep's lease: one row per kind of background run. A node runs the sweep only
 * after taking the lease with one conditional update, so several app nodes never sweep at once,
 * and a node that dies mid-sweep gives the lease up when it runs out.
 */
export const monitoringLease = pgTable("monitoring_lease", {
  name: text("name").primaryKey(),
  leaseUntil: timestamp("lease_until", { withTimezone: true }).notNull(),
  lastFinishedAt: timestamp("last_finished_at", { withTimezone: true }),
});

// ---------------------------------------------------------------------------------------------
// Early-warning rule settings (issue 4): each organisation turns rules on and off and sets their
// thresholds. Every save is a new row with the next version; the latest row is in force, so the
// history of who changed what stays. PHQ-9 item 9 has no setting: it can never be switched off.
// ---------------------------------------------------------------------------------------------

/**
 * The limits of each threshold: wide enough for a service to tune, narrow enough that a rule
 * cannot be set so it fires on everyone (or on nobody) by a slip of the keyboard.
 */
export const ruleSettingLimits = {
  sleepHoursChange: { min: 0.5, max: 6 },
  sleepBedtimeShiftMinutes: { min: 15, max: 360 },
  sleepBedtimeSpreadMinutes: { min: 15, max: 360 },
  noContactDays: { min: 7, max: 120 },
  missedAppointmentsCount: { min: 2, max: 10 },
  missedAppointmentsWindowDays: { min: 7, max: 180 },
  jobEndingDays: { min: 1, max: 90 },
} as const;
export type RuleThreshold = keyof typeof ruleSettingLimits;

// A ticked box sends "yes"; an unticked one sends nothing. Stored settings hold real booleans.
const onOff = z.preprocess(
  (value) => value === true || value === "yes" || value === "true" || value === "on",
  z.boolean(),
);

const threshold = (name: RuleThreshold, wholeNumber: boolean) => {
  const { min, max } = ruleSettingLimits[name];
  const number = z.number({ message: `validation.ruleSettings.${name}` });
  return z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
    (wholeNumber ? number.int(`validation.ruleSettings.${name}`) : number)
      .min(min, `validation.ruleSettings.${name}`)
      .max(max, `validation.ruleSettings.${name}`),
  );
};

/** One schema for the stored settings and the admin form: flat, so each field has its own message. */
export const ruleSettingsSchema = z.object({
  sleepEnabled: onOff,
  sleepHoursChange: threshold("sleepHoursChange", false),
  sleepBedtimeShiftMinutes: threshold("sleepBedtimeShiftMinutes", true),
  sleepBedtimeSpreadMinutes: threshold("sleepBedtimeSpreadMinutes", true),
  deteriorationEnabled: onOff,
  noContactEnabled: onOff,
  noContactDays: threshold("noContactDays", true),
  missedAppointmentsEnabled: onOff,
  missedAppointmentsCount: threshold("missedAppointmentsCount", true),
  missedAppointmentsWindowDays: threshold("missedAppointmentsWindowDays", true),
  jobEndingEnabled: onOff,
  jobEndingDays: threshold("jobEndingDays", true),
  jobEndingIncludesBetterJob: onOff,
  personalRulesEnabled: onOff,
});
export type RuleSettings = z.infer<typeof ruleSettingsSchema>;

/**
 * Where an organisation starts. Sleep: 1.5 hours or 90 minutes of bedtime is a change a person
 * notices in themselves; 90 minutes' standard deviation means bedtimes scattered over several
 * hours. No contact for 21 days: past the usual fortnightly IPS rhythm with a week's grace.
 * Two missed appointments in 28 days: one is life, two is a pattern worth a phone call.
 */
export const defaultRuleSettings: RuleSettings = {
  sleepEnabled: true,
  sleepHoursChange: 1.5,
  sleepBedtimeShiftMinutes: 90,
  sleepBedtimeSpreadMinutes: 90,
  deteriorationEnabled: true,
  noContactEnabled: true,
  noContactDays: 21,
  missedAppointmentsEnabled: true,
  missedAppointmentsCount: 2,
  missedAppointmentsWindowDays: 28,
  jobEndingEnabled: true,
  jobEndingDays: 14,
  jobEndingIncludesBetterJob: false,
  personalRulesEnabled: true,
};

export const monitoringRuleSettings = pgTable(
  "monitoring_rule_settings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    /** 1, 2, 3 … per organisation; the highest is in force. */
    version: integer("version").notNull(),
    settings: jsonb("settings").$type<RuleSettings>().notNull(),
    changedBy: uuid("changed_by")
      .notNull()
      .references(() => staffAccount.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
    /** Why the admin changed them, in their words (optional). */
    reason: text("reason"),
  },
  // The unique version makes two saves of the same version race safely: one wins, one is stale.
  (table) => [uniqueIndex("monitoring_rule_settings_version_idx").on(table.organisationId, table.version)],
);

export type MonitoringRuleSettingsRow = typeof monitoringRuleSettings.$inferSelect;

/** The admin form: the settings plus the version it was based on and an optional reason. */
export const ruleSettingsForm = ruleSettingsSchema.extend({
  version: z.coerce.number({ message: "validation.reload" }).int().min(0),
  reason: z.string().trim().max(1000, "validation.tooLong").optional(),
});
