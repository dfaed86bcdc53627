import { personalRules, sleepDestabilisation } from "./check-in-rules";
import { missedAppointments, noContact } from "./contact-rules";
import { jobEnding } from "./job-rules";
import { phq9Item9, reliableDeterioration } from "./measure-rules";
import type { RuleSettings } from "./schema";

// Early-warning rules (issue 4): small pure functions over one participant's history. Each takes
// `now` as a parameter, sorts its own input (ties by id) so the order rows arrive in never
// matters, and ignores anything dated after `now`. A rule only says what it saw; raising,
// routing and de-duplicating alerts is the caller's job. Each family has its own file: scores
// (measure-rules.ts), check-ins (sleep and the person's own signs, check-in-rules.ts), contacts
// (contact-rules.ts) and jobs (job-rules.ts); the windows they share are in helpers.ts.

export { personalRules, sleepDestabilisation } from "./check-in-rules";
export {
  BASELINE_DAYS,
  clockTime,
  MIN_BASELINE_NIGHTS,
  MIN_RECENT_NIGHTS,
  MIN_SPREAD_NIGHTS,
  RECENT_DAYS,
} from "./helpers";
export { defaultRuleSettings, ruleSettingsSchema } from "./schema";
export type { RuleSettings };

export const monitoringRules = [
  "phq9_item9",
  "reliable_deterioration",
  "sleep_destabilisation",
  "personal_rule",
  "no_contact",
  "missed_appointments",
  "job_ending",
] as const;
export type MonitoringRule = (typeof monitoringRules)[number];

export type CheckInFacts = {
  id: string;
  recordedAt: Date;
  /** Last night's sleep, hours (0–24, may be fractional). */
  sleepHours: number | null;
  /** Bedtime as minutes after NOON (22:30 → 630, 01:15 → 795), so a night never wraps at midnight. */
  bedtimeMinutes: number | null;
  /** Waking time, minutes after midnight. */
  wakeMinutes: number | null;
  mood: number | null;
  stress: number | null;
  energy: number | null;
  hoursWorked: number | null;
};
export type MeasureScore = {
  id: string;
  measure: "phq9" | "gad7";
  total: number;
  item9: number | null;
  completedAt: Date;
};
export type ContactFacts = {
  id: string;
  occurredAt: Date;
  attendance: "attended" | "did_not_attend" | "cancelled_by_participant" | "cancelled_by_service";
};
export type JobEnding = {
  id: string;
  endedAt: Date;
  reason: "resigned" | "dismissed" | "temporary_ended" | "moved_to_better_job";
};
export type PersonalRule = {
  signId: string;
  field: "sleepHours" | "mood" | "stress" | "energy" | "bedtime";
  comparison: "below" | "above";
  threshold: number;
  runLength: number;
  /** The sign in the person's own words. */
  description: string;
};
export type ParticipantHistory = {
  stage: "referred" | "engaged" | "job_seeking" | "in_work" | "paused" | "closed";
  checkIns: CheckInFacts[];
  scores: MeasureScore[];
  contacts: ContactFacts[];
  jobEndings: JobEnding[];
  personalRules: PersonalRule[];
  /** When the person was first engaged / stage began; null if unknown. */
  stageSince: Date | null;
};

export type RuleEvidence = {
  checkInIds: string[];
  assessmentResponseIds: string[];
  contactIds: string[];
  jobEndingIds: string[];
};

export type RuleFinding = {
  rule: MonitoringRule;
  /** De-duplication key within the rule: "sleep", "phq9", "personal:<signId>:<field>" … */
  key: string;
  severity: "urgent" | "warning";
  audience: "clinical" | "employment" | "both";
  evidence: RuleEvidence;
  latestEvidenceAt: Date;
  /** A message-catalogue key (the staff explanation, with figures) and its values. */
  explanation: { key: string; params: Record<string, string | number> };
};

/** The plain-words text shown to the participant for a finding of this rule. */
export const participantExplanationKey = (rule: MonitoringRule) => `monitoringRules.${rule}.participant`;

/**
 * Every rule the organisation has switched on, over one participant's history at `now`. PHQ-9
 * item 9 always runs. Once someone's support is closed, nobody is working with them day to day,
 * so only item 9 runs: a safety answer is never left unseen.
 */
export function evaluateRules(history: ParticipantHistory, settings: RuleSettings, now: Date): RuleFinding[] {
  const findings = [...phq9Item9(history, now)];
  if (history.stage !== "closed") {
    if (settings.deteriorationEnabled) findings.push(...reliableDeterioration(history, now));
    if (settings.sleepEnabled) findings.push(...sleepDestabilisation(history, settings, now));
    if (settings.personalRulesEnabled) findings.push(...personalRules(history, now));
    if (settings.noContactEnabled) findings.push(...noContact(history, settings, now));
    if (settings.missedAppointmentsEnabled) findings.push(...missedAppointments(history, settings, now));
    if (settings.jobEndingEnabled) findings.push(...jobEnding(history, settings, now));
  }
  return findings;
}
