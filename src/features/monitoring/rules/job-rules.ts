import { DAY, isoDate, noEvidence, sortedUpTo } from "./helpers";
import type { ParticipantHistory, RuleFinding } from "./rules";
import type { RuleSettings } from "./schema";

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
