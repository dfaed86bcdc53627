import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { z } from "zod";
import { organisation, staffAccount } from "../../../platform/directory/schema";
import {
  type AlertRule,
  type AlertSeverity,
  type AlertStatus,
  alertRules,
  alertSeverities,
  alertStatuses,
} from "../../../platform/record-alerts";
import { participant } from "../../participants/schema";

// The alerts' vocabulary (rules, severities, statuses) is the platform's, so the record's other
// pages can name an alert without importing monitoring (platform/record-alerts.ts).
export { type AlertRule, type AlertSeverity, type AlertStatus, alertRules, alertSeverities, alertStatuses };

/** Who an alert is for: the clinical team, the employment side, or both. */
export const alertAudiences = ["clinical", "employment", "both", "team_leader"] as const;
export type AlertAudience = (typeof alertAudiences)[number];

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
