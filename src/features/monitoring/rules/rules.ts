import { personalRules, sleepDestabilisation } from "./check-in-rules";
import { DAY, isoDate, last, noEvidence, sortedUpTo } from "./helpers";
import type { RuleSettings } from "./schema";

// Early-warning rules (issue 4): small pure functions over one participant's history. Each takes
// `now` as a parameter, sorts its own input (ties by id) so the order rows arrive in never
// matters, and ignores anything dated after `now`. A rule only says what it saw; raising,
// routing and de-duplicating alerts is the caller's job. The rules over check-ins (sleep and the
// person's own signs) live in check-in-rules.ts; the windows they use in helpers.ts.

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
 * NHS Talking Therapies reliable change, first to latest score (domain.md). Fixed, not a setting:
 * "reliable deterioration" is a defined statistic, and a test keeps these equal to the measure
 * definitions in assessments/measures.ts.
 */
export const reliableChange = { phq9: 6, gad7: 4 } as const;
const measureNames = { phq9: "PHQ-9", gad7: "GAD-7" } as const;

/** PHQ-9 item 9 above zero on the latest PHQ-9: urgent and clinical, whatever the total. */
export function phq9Item9(history: ParticipantHistory, now: Date): RuleFinding[] {
  const phq9 = sortedUpTo(
    history.scores.filter((score) => score.measure === "phq9"),
    (score) => score.completedAt,
    now,
  );
  // Only the latest: each earlier answer raised its own alert the moment it was submitted.
  const latest = phq9.at(-1);
  if (!latest || latest.item9 === null || latest.item9 <= 0) return [];
  return [
    {
      rule: "phq9_item9",
      key: `response:${latest.id}`,
      severity: "urgent",
      audience: "clinical",
      evidence: { ...noEvidence(), assessmentResponseIds: [latest.id] },
      latestEvidenceAt: latest.completedAt,
      explanation: {
        key: "monitoringRules.phq9_item9.staff",
        params: { answer: latest.item9, completedOn: isoDate(latest.completedAt) },
      },
    },
  ];
}

/**
 * A rise of the reliable-change size from the first to the latest PHQ-9 or GAD-7. A warning, not
 * urgent: it asks for a clinical review soon, while "urgent" stays kept for risk to life.
 */
export function reliableDeterioration(history: ParticipantHistory, now: Date): RuleFinding[] {
  return (["phq9", "gad7"] as const).flatMap((measure) => {
    const scores = sortedUpTo(
      history.scores.filter((score) => score.measure === measure),
      (score) => score.completedAt,
      now,
    );
    if (scores.length < 2) return [];
    const first = scores[0]!;
    const latest = last(scores);
    const change = latest.total - first.total;
    if (change < reliableChange[measure]) return [];
    return [
      {
        rule: "reliable_deterioration" as const,
        key: measure,
        severity: "warning" as const,
        audience: "clinical" as const,
        evidence: { ...noEvidence(), assessmentResponseIds: [first.id, latest.id] },
        latestEvidenceAt: latest.completedAt,
        explanation: {
          key: "monitoringRules.reliable_deterioration.staff",
          params: {
            measure: measureNames[measure],
            first: first.total,
            latest: latest.total,
            change,
            threshold: reliableChange[measure],
            firstOn: isoDate(first.completedAt),
            latestOn: isoDate(latest.completedAt),
          },
        },
      },
    ];
  });
}

/**
 * No attended contact for the set number of days while job-seeking or in work. Counted from the
 * later of the last attended contact and the start of the stage; with neither known there is no
 * gap to measure, so it stays quiet. The key names where the gap began, so a new gap after a new
 * contact is a new alert. Employment audience: keeping in touch is the employment specialist's
 * work, and a gap in appointments is not by itself a clinical sign.
 */
export function noContact(history: ParticipantHistory, settings: RuleSettings, now: Date): RuleFinding[] {
  if (history.stage !== "in_work" && history.stage !== "job_seeking") return [];
  const lastContact = sortedUpTo(history.contacts, (contact) => contact.occurredAt, now)
    .filter((contact) => contact.attendance === "attended")
    .at(-1);
  const stageSince =
    history.stageSince && history.stageSince.getTime() <= now.getTime() ? history.stageSince : null;
  const candidates = [lastContact?.occurredAt, stageSince].filter((date): date is Date => date != null);
  if (candidates.length === 0) return [];
  const since = new Date(Math.max(...candidates.map((date) => date.getTime())));
  const days = Math.floor((now.getTime() - since.getTime()) / DAY);
  if (days < settings.noContactDays) return [];
  const fromContact = lastContact !== undefined && lastContact.occurredAt.getTime() === since.getTime();
  return [
    {
      rule: "no_contact",
      key: `since:${since.toISOString()}`,
      severity: "warning",
      audience: "employment",
      evidence: { ...noEvidence(), contactIds: fromContact ? [lastContact.id] : [] },
      latestEvidenceAt: since,
      explanation: {
        key: fromContact ? "monitoringRules.no_contact.staff" : "monitoringRules.no_contact.staff.never",
        params: { days, thresholdDays: settings.noContactDays, sinceOn: isoDate(since) },
      },
    },
  ];
}

/**
 * Repeated missed appointments: at least the set number of "did not attend" contacts in the
 * window (now − window days, now]. Employment audience, for the same reason as no contact.
 */
export function missedAppointments(
  history: ParticipantHistory,
  settings: RuleSettings,
  now: Date,
): RuleFinding[] {
  const from = now.getTime() - settings.missedAppointmentsWindowDays * DAY;
  const missed = sortedUpTo(history.contacts, (contact) => contact.occurredAt, now).filter(
    (contact) => contact.attendance === "did_not_attend" && contact.occurredAt.getTime() > from,
  );
  if (missed.length < settings.missedAppointmentsCount) return [];
  return [
    {
      rule: "missed_appointments",
      key: "missed_appointments",
      severity: "warning",
      audience: "employment",
      evidence: { ...noEvidence(), contactIds: missed.map((contact) => contact.id) },
      latestEvidenceAt: last(missed).occurredAt,
      explanation: {
        key: "monitoringRules.missed_appointments.staff",
        params: { count: missed.length, windowDays: settings.missedAppointmentsWindowDays },
      },
    },
  ];
}

/**
 * A job ended within the set number of days: losing work is a known time of risk, for the
 * clinical team as much as the employment side, so both are told. Moving to a better job only
 * counts where the organisation chose so.
 */
export function jobEnding(history: ParticipantHistory, settings: RuleSettings, now: Date): RuleFinding[] {
  const from = now.getTime() - settings.jobEndingDays * DAY;
  return sortedUpTo(history.jobEndings, (ending) => ending.endedAt, now)
    .filter((ending) => ending.endedAt.getTime() > from)
    .filter((ending) => ending.reason !== "moved_to_better_job" || settings.jobEndingIncludesBetterJob)
    .map((ending) => ({
      rule: "job_ending" as const,
      key: `job:${ending.id}`,
      severity: "warning" as const,
      audience: "both" as const,
      evidence: { ...noEvidence(), jobEndingIds: [ending.id] },
      latestEvidenceAt: ending.endedAt,
      explanation: {
        key: `monitoringRules.job_ending.staff.${ending.reason}`,
        params: { endedOn: isoDate(ending.endedAt) },
      },
    }));
}

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
