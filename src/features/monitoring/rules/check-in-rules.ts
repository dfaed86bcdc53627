import {
  BASELINE_DAYS,
  byTime,
  clockTime,
  DAY,
  EPSILON,
  last,
  MIN_BASELINE_NIGHTS,
  MIN_RECENT_NIGHTS,
  MIN_SPREAD_NIGHTS,
  mean,
  noEvidence,
  oneDecimal,
  RECENT_DAYS,
  sortedUpTo,
  standardDeviation,
} from "./helpers";
import type { CheckInFacts, ParticipantHistory, PersonalRule, RuleFinding, RuleSettings } from "./rules";

// The rules over check-ins: sleep against the person's own baseline, and their own signs.

type Night = { id: string; at: Date; value: number };

function nights(
  checkIns: readonly CheckInFacts[],
  value: (checkIn: CheckInFacts) => number | null,
  now: Date,
): { recent: Night[]; baseline: Night[] } {
  const recentFrom = now.getTime() - RECENT_DAYS * DAY;
  const baselineFrom = recentFrom - BASELINE_DAYS * DAY;
  const all = sortedUpTo(checkIns, (checkIn) => checkIn.recordedAt, now).flatMap((checkIn) => {
    const figure = value(checkIn);
    return figure === null ? [] : [{ id: checkIn.id, at: checkIn.recordedAt, value: figure }];
  });
  return {
    recent: all.filter((night) => night.at.getTime() > recentFrom),
    baseline: all.filter((night) => night.at.getTime() > baselineFrom && night.at.getTime() <= recentFrom),
  };
}

/**
 * Sleep changed from the person's own pattern: the last 7 days' average sleep or bedtime is at
 * least the set amount away from their 28-day baseline (either way: much more sleep is a sign
 * too), or recent bedtimes are scattered (standard deviation at or above the set minutes). One
 * finding, explained by the first of those that fired, with all the figures in its values.
 */
export function sleepDestabilisation(
  history: ParticipantHistory,
  settings: RuleSettings,
  now: Date,
): RuleFinding[] {
  const hours = nights(history.checkIns, (checkIn) => checkIn.sleepHours, now);
  const bedtimes = nights(history.checkIns, (checkIn) => checkIn.bedtimeMinutes, now);
  const comparable = (series: { recent: Night[]; baseline: Night[] }) =>
    series.recent.length >= MIN_RECENT_NIGHTS && series.baseline.length >= MIN_BASELINE_NIGHTS;

  const reasons: { key: string; params: Record<string, string | number>; nights: Night[] }[] = [];
  if (comparable(hours)) {
    const recent = mean(hours.recent.map((night) => night.value));
    const usual = mean(hours.baseline.map((night) => night.value));
    if (Math.abs(recent - usual) >= settings.sleepHoursChange - EPSILON)
      reasons.push({
        key: "monitoringRules.sleep_destabilisation.staff.hours",
        params: {
          recentHours: oneDecimal(recent),
          baselineHours: oneDecimal(usual),
          thresholdHours: settings.sleepHoursChange,
        },
        nights: hours.recent,
      });
  }
  if (comparable(bedtimes)) {
    const recent = mean(bedtimes.recent.map((night) => night.value));
    const usual = mean(bedtimes.baseline.map((night) => night.value));
    if (Math.abs(recent - usual) >= settings.sleepBedtimeShiftMinutes - EPSILON)
      reasons.push({
        key: "monitoringRules.sleep_destabilisation.staff.bedtime",
        params: {
          recentBedtime: clockTime(recent),
          baselineBedtime: clockTime(usual),
          shiftMinutes: Math.round(Math.abs(recent - usual)),
          shiftThresholdMinutes: settings.sleepBedtimeShiftMinutes,
        },
        nights: bedtimes.recent,
      });
  }
  if (bedtimes.recent.length >= MIN_SPREAD_NIGHTS) {
    const spread = standardDeviation(bedtimes.recent.map((night) => night.value));
    if (spread >= settings.sleepBedtimeSpreadMinutes - EPSILON)
      reasons.push({
        key: "monitoringRules.sleep_destabilisation.staff.spread",
        params: {
          spreadMinutes: Math.round(spread),
          spreadThresholdMinutes: settings.sleepBedtimeSpreadMinutes,
          nights: bedtimes.recent.length,
        },
        nights: bedtimes.recent,
      });
  }
  const [first] = reasons;
  if (!first) return [];
  const evidence = [
    ...new Map(reasons.flatMap((reason) => reason.nights).map((n) => [n.id, n])).values(),
  ].sort(byTime((night: Night) => night.at));
  return [
    {
      rule: "sleep_destabilisation",
      key: "sleep",
      severity: "warning",
      audience: "both",
      evidence: { ...noEvidence(), checkInIds: evidence.map((night) => night.id) },
      latestEvidenceAt: last(evidence).at,
      explanation: { key: first.key, params: Object.assign({}, ...reasons.map((reason) => reason.params)) },
    },
  ];
}

const personalValue: Record<PersonalRule["field"], (checkIn: CheckInFacts) => number | null> = {
  sleepHours: (checkIn) => checkIn.sleepHours,
  mood: (checkIn) => checkIn.mood,
  stress: (checkIn) => checkIn.stress,
  energy: (checkIn) => checkIn.energy,
  bedtime: (checkIn) => checkIn.bedtimeMinutes,
};

/**
 * The person's own early-warning sign, as they described it ("less than 6 hours' sleep three
 * nights running"): fires when their `runLength` latest check-ins that record the field all meet
 * the condition (strictly below or above) and the latest is within the last 7 days.
 */
export function personalRules(history: ParticipantHistory, now: Date): RuleFinding[] {
  const checkIns = sortedUpTo(history.checkIns, (checkIn) => checkIn.recordedAt, now);
  // Sorted on every property, so which of two rules for the same sign and field wins never
  // depends on the order they arrived in.
  const sortKey = (rule: PersonalRule) =>
    JSON.stringify([
      rule.signId,
      rule.field,
      rule.comparison,
      rule.threshold,
      rule.runLength,
      rule.description,
    ]);
  const rules = [...history.personalRules].sort((a, b) =>
    sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0,
  );
  const seen = new Set<string>();
  return rules.flatMap((rule) => {
    const key = `personal:${rule.signId}:${rule.field}`;
    if (seen.has(key)) return [];
    const runLength = Math.max(1, Math.floor(rule.runLength));
    const run = checkIns
      .flatMap((checkIn) => {
        const value = personalValue[rule.field](checkIn);
        return value === null ? [] : [{ checkIn, value }];
      })
      .slice(-runLength);
    if (run.length < runLength) return [];
    if (last(run).checkIn.recordedAt.getTime() <= now.getTime() - RECENT_DAYS * DAY) return [];
    const meets = (value: number) =>
      rule.comparison === "below" ? value < rule.threshold : value > rule.threshold;
    if (!run.every((entry) => meets(entry.value))) return [];
    seen.add(key);
    const shown = (value: number) => (rule.field === "bedtime" ? clockTime(value) : value);
    return [
      {
        rule: "personal_rule" as const,
        key,
        severity: "warning" as const,
        audience: "both" as const,
        evidence: { ...noEvidence(), checkInIds: run.map((entry) => entry.checkIn.id) },
        latestEvidenceAt: last(run).checkIn.recordedAt,
        explanation: {
          key: `monitoringRules.personal_rule.staff.${rule.field}.${rule.comparison}`,
          params: {
            sign: rule.description,
            runLength,
            threshold: shown(rule.threshold),
            values: run.map((entry) => shown(entry.value)).join(", "),
          },
        },
      },
    ];
  });
}
