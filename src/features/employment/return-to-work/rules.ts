import { calendarDaysBetween } from "../../../platform/clock";
import type { FitNoteAdviceKind, PhasedReturnWeek, ReturnToWorkOutcome } from "./schema";

// The rules of sickness absence and return-to-work plans, without HTTP or the database.

/**
 * Calendar days off sick, counted as an employer counts them: weekends and bank holidays too.
 * The first day off counts; the first day back does not. While the person is still off, today
 * counts. Nothing is off before the absence starts, so a future start is 0 days.
 */
export function daysOff(startedOn: string, endedOn: string | null, today: string): number {
  const days =
    endedOn === null ? calendarDaysBetween(startedOn, today) + 1 : calendarDaysBetween(startedOn, endedOn);
  return Math.max(0, days);
}

export const MAX_PHASED_WEEKS = 12;
export const MAX_WEEKLY_HOURS = 80;

export type PhasedReturnProblem =
  | { kind: "too_many_weeks" }
  | { kind: "hours"; week: number }
  | { kind: "not_consecutive"; week: number };

/**
 * What is wrong with a phased return, week by week: at most 12 weeks, numbered 1, 2, 3 … with
 * none missed or repeated, each of 0 to 80 hours (0 is a week agreed off, e.g. for a holiday).
 */
export function phasedReturnProblems(weeks: readonly PhasedReturnWeek[]): PhasedReturnProblem[] {
  const problems: PhasedReturnProblem[] = [];
  if (weeks.length > MAX_PHASED_WEEKS) problems.push({ kind: "too_many_weeks" });
  weeks.forEach((week, index) => {
    if (week.week !== index + 1) problems.push({ kind: "not_consecutive", week: week.week });
    if (!Number.isFinite(week.hours) || week.hours < 0 || week.hours > MAX_WEEKLY_HOURS)
      problems.push({ kind: "hours", week: week.week });
  });
  return problems;
}

/** The plan's parts that take up the fit note's four kinds of advice (domain.md, section 3). */
export type PlanAdvice = {
  phasedReturn: readonly PhasedReturnWeek[];
  alteredHours: string;
  amendedDuties: string;
  workplaceAdaptations: string;
};

/** Which of the four kinds of advice the plan takes up: those it says something about. */
export function adviceThatApplies(plan: PlanAdvice): FitNoteAdviceKind[] {
  const applies: FitNoteAdviceKind[] = [];
  if (plan.phasedReturn.length > 0) applies.push("phased_return");
  if (plan.alteredHours.trim()) applies.push("altered_hours");
  if (plan.amendedDuties.trim()) applies.push("amended_duties");
  if (plan.workplaceAdaptations.trim()) applies.push("workplace_adaptations");
  return applies;
}

/**
 * The day an outcome ends the absence: back at work (in full or part-time) ends it on the day
 * back, and leaving the job ends it too, as there is no job to be off sick from. "Still off"
 * leaves it open.
 */
export function absenceEndFromOutcome(outcome: ReturnToWorkOutcome | null, outcomeOn: string | null) {
  if (!outcome || !outcomeOn || outcome === "still_off") return null;
  return outcomeOn;
}

/**
 * Agreeing a plan with the employer, or printing it for them, is contact with the employer: it
 * needs the person's live consent to contact employers and their agreement to this plan being
 * shared. Says what is missing, first things first.
 */
export function employerSharingBlock(facts: {
  mayContactEmployers: boolean;
  participantAgreed: boolean;
}): "no_consent" | "not_agreed" | null {
  if (!facts.mayContactEmployers) return "no_consent";
  if (!facts.participantAgreed) return "not_agreed";
  return null;
}
