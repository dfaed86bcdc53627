import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { z } from "zod";
import { organisation, staffAccount } from "../../../platform/directory/schema";
import { participant, participantOwned } from "../../participants/schema";

export const alertSeverities = ["urgent", "warning"] as const;
export type AlertSeverity = (typeof alertSeverities)[number];

/** Who an alert is for: the clinical team, the employment side, or both. */
export const alertAudiences = ["clinical", "employment", "both", "team_leader"] as const;
export type AlertAudience = (typeof alertAudiences)[number];

export const alertStatuses = ["open", "acknowledged", "resolved"] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/**
 * The rules that raise alerts; each names what it watches for. The early-warning rules are
 * evaluated in rules.ts; "emergency_access" is raised by break-glass, not by a rule.
 */
export const alertRules = [
  "phq9_item9",
  "sleep_destabilisation",
  "reliable_deterioration",
  "no_contact",
  "missed_appointments",
  "job_ending",
  "personal_rule",
  "emergency_access",
] as const;
export type AlertRule = (typeof alertRules)[number];

/** What raised an alert, by identifier only: the records, never their contents. */
export type AlertEvidence = {
  assessmentResponseId?: string;
  emergencyGrantId?: string;
  checkInIds?: string[];
  assessmentResponseIds?: string[];
  contactIds?: string[];
  jobEndingIds?: string[];
};

/** The rule's explanation with the figures at the time it fired: a catalogue key and its values. */
export type AlertExplanation = { key: string; params: Record<string, string | number> };

/** What was done about an alert, recorded on acknowledging it. */
export const alertActions = ["contact", "plan_change", "contingency_activated", "other"] as const;
export type AlertAction = (typeof alertActions)[number];

export const participantAlert = pgTable(
  "participant_alert",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participant.id),
    rule: text("rule", { enum: alertRules }).notNull(),
    /** Tells apart several alerts of one rule (one per personal sign, one per measure). */
    ruleKey: text("rule_key").notNull().default(""),
    explanation: jsonb("explanation").$type<AlertExplanation>(),
    severity: text("severity", { enum: alertSeverities }).notNull(),
    audience: text("audience", { enum: alertAudiences }).notNull(),
    status: text("status", { enum: alertStatuses }).notNull().default("open"),
    /** What raised it, by identifier only: the response, never its answers. */
    evidence: jsonb("evidence").$type<AlertEvidence>().notNull(),
    /** The clinicians on the care team when it was raised: the people it was routed to. */
    routedTo: jsonb("routed_to").$type<string[]>().notNull().default([]),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    acknowledgedBy: uuid("acknowledged_by").references(() => staffAccount.id),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    /** What was done on acknowledging: "phoned, safety plan reviewed, GP appointment tomorrow". */
    actionNote: text("action_note"),
    actionTaken: text("action_taken", { enum: alertActions }),
    /** When an urgent alert still unacknowledged was passed to the team leaders. */
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => staffAccount.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolutionNote: text("resolution_note"),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    index("participant_alert_participant_idx").on(table.participantId, table.status),
    index("participant_alert_open_idx")
      .on(table.organisationId, table.raisedAt)
      .where(sql`${table.status} <> 'resolved'`),
  ],
);

export type ParticipantAlertRow = typeof participantAlert.$inferSelect;

const note = (required: "validation.alert.actionNote" | "validation.alert.resolutionNote") =>
  z.string({ message: required }).trim().min(1, required).max(2000, "validation.tooLong");
const version = z.coerce.number({ message: "validation.reload" }).int().min(1);

export const acknowledgeForm = z.object({
  actionTaken: z.enum(alertActions, { message: "validation.alert.actionTaken" }),
  actionNote: note("validation.alert.actionNote"),
  version,
});
export const resolveForm = z.object({ resolutionNote: note("validation.alert.resolutionNote"), version });

/** Who filled a check-in in: the person in their own pages, or staff with them (phone, visit). */
export const checkInSources = ["participant", "staff"] as const;
export type CheckInSource = (typeof checkInSources)[number];

/**
 * A check-in: how the person slept and feels, and how work is going. Their own report, shared
 * with their care team to notice early when things slip (seed 003); never edited once saved.
 */
export const checkIn = pgTable(
  "check_in",
  {
    ...participantOwned(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    source: text("source", { enum: checkInSources }).notNull(),
    /** The member of staff who filled it in with the person, when they did. */
    recordedBy: uuid("recorded_by").references(() => staffAccount.id),
    sleepHours: numeric("sleep_hours", { precision: 3, scale: 1, mode: "number" }),
    bedtime: time("bedtime"),
    wakeTime: time("wake_time"),
    mood: smallint("mood"),
    stress: smallint("stress"),
    energy: smallint("energy"),
    hoursWorked: numeric("hours_worked", { precision: 4, scale: 1, mode: "number" }),
    howWorkIsGoing: text("how_work_is_going"),
  },
  (table) => [index("check_in_participant_idx").on(table.participantId, table.recordedAt)],
);
export type CheckInRow = typeof checkIn.$inferSelect;

export const followAlongStatuses = ["active", "ended"] as const;

/**
 * Follow-along support once a person is in work (IPS: time-unlimited). It has no end date: it
 * ends only when the person chooses, recorded with who asked and when.
 */
export const followAlong = pgTable(
  "follow_along",
  {
    ...participantOwned(),
    jobStartedOn: date("job_started_on").notNull(),
    /** Where the job start came from: the employment records, or staff recording it here. */
    startedBy: uuid("started_by").references(() => staffAccount.id),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: followAlongStatuses }).notNull().default("active"),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: uuid("ended_by").references(() => staffAccount.id),
    /** Only ever the person's own choice, in their words or as they put it to staff. */
    endReason: text("end_reason"),
  },
  (table) => [index("follow_along_participant_idx").on(table.participantId, table.status)],
);
export type FollowAlongRow = typeof followAlong.$inferSelect;

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

/** Ending follow-along is the person's choice, so the form asks whose choice it was and why. */
export const followAlongEndForm = z.object({
  personAsked: z.literal("yes", { message: "validation.followAlong.personAsked" }),
  reason: z
    .string({ message: "validation.followAlong.reason" })
    .trim()
    .min(1, "validation.followAlong.reason")
    .max(2000, "validation.tooLong"),
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
