import {
  type CheckInFacts,
  type ContactFacts,
  defaultRuleSettings,
  evaluateRules,
  type MeasureScore,
  type ParticipantHistory,
  type RuleFinding,
  type RuleSettings,
} from "./rules";

// What the rule tests share: a fixed "now", and small builders for a participant's history.

export const DAY = 24 * 60 * 60 * 1000;
export const now = new Date("2026-11-23T09:00:00Z");
export const daysAgo = (days: number, from = now) => new Date(from.getTime() - days * DAY);

export const history = (overrides: Partial<ParticipantHistory> = {}): ParticipantHistory => ({
  stage: "engaged",
  checkIns: [],
  scores: [],
  contacts: [],
  jobEndings: [],
  personalRules: [],
  stageSince: null,
  ...overrides,
});

export const checkIn = (id: string, at: Date, fields: Partial<CheckInFacts> = {}): CheckInFacts => ({
  id,
  recordedAt: at,
  sleepHours: null,
  bedtimeMinutes: null,
  wakeMinutes: null,
  mood: null,
  stress: null,
  energy: null,
  hoursWorked: null,
  ...fields,
});

/** One check-in a day for `days` days back from `from`, with the figures `at(day)` gives. */
export const nightly = (days: number, at: (day: number) => Partial<CheckInFacts>, from = now) =>
  Array.from({ length: days }, (_, index) =>
    checkIn(`c${String(index).padStart(3, "0")}`, daysAgo(index, from), at(index)),
  );

export const score = (
  id: string,
  measure: "phq9" | "gad7",
  total: number,
  at: Date,
  item9: number | null = 0,
): MeasureScore => ({
  id,
  measure,
  total,
  item9: measure === "phq9" ? item9 : null,
  completedAt: at,
});
export const contact = (
  id: string,
  at: Date,
  attendance: ContactFacts["attendance"] = "attended",
): ContactFacts => ({
  id,
  occurredAt: at,
  attendance,
});

export const rulesFired = (findings: RuleFinding[]) => findings.map((finding) => finding.rule);
export const run = (h: ParticipantHistory, settings: Partial<RuleSettings> = {}, at = now) =>
  evaluateRules(h, { ...defaultRuleSettings, ...settings }, at);
