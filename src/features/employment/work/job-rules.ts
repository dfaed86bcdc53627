import { calendarDaysBetween } from "../../../platform/clock";
import type { ApplicationStatus } from "./schema";

// The rules about applications and jobs, kept apart from the database so they are tested alone.

/** IPS counts a job start only at this many hours a week or more (IPS Grow, domain.md section 0). */
export const JOB_START_MIN_HOURS = 4;

export type JobTerms = {
  openLabourMarket: boolean;
  hourlyPayPence: number;
  timeLimitedByService: boolean;
};

/**
 * A competitive job (domain.md, section 0): open to anyone, paid at least the wage floor in
 * force, with no end date set by the service. Exactly the floor counts.
 */
export function isCompetitive(terms: JobTerms, wageFloorPence: number): boolean {
  return (
    terms.openLabourMarket &&
    !belowWageFloor(terms.hourlyPayPence, wageFloorPence) &&
    !terms.timeLimitedByService
  );
}

/** Below the wage floor a job would not count as competitive (domain.md, section 0). */
export const belowWageFloor = (hourlyPayPence: number, wageFloorPence: number) =>
  hourlyPayPence < wageFloorPence;

export type JobStartShortfall =
  | "not_open_labour_market"
  | "below_wage_floor"
  | "time_limited"
  | "under_4_hours";

/** Why a job does not count as an IPS job start; empty when it does. */
export function jobStartShortfalls(
  terms: JobTerms & { hoursPerWeek: number },
  wageFloorPence: number,
): JobStartShortfall[] {
  const reasons: JobStartShortfall[] = [];
  if (!terms.openLabourMarket) reasons.push("not_open_labour_market");
  if (belowWageFloor(terms.hourlyPayPence, wageFloorPence)) reasons.push("below_wage_floor");
  if (terms.timeLimitedByService) reasons.push("time_limited");
  if (terms.hoursPerWeek < JOB_START_MIN_HOURS) reasons.push("under_4_hours");
  return reasons;
}

/** A competitive job of at least 4 hours a week. */
export function isIpsJobStart(terms: { competitive: boolean; hoursPerWeek: number }): boolean {
  return terms.competitive && terms.hoursPerWeek >= JOB_START_MIN_HOURS;
}

/**
 * How long the person has held the job: from the start date to the end date (or today while
 * it lasts), in whole weeks and the days left over. Nothing before the job has started.
 */
export function tenure(startedOn: string, endedOnOrToday: string): { weeks: number; days: number } {
  const total = Math.max(0, calendarDaysBetween(startedOn, endedOnOrToday));
  return { weeks: Math.floor(total / 7), days: total % 7 };
}

export type ApplicationDates = {
  status: ApplicationStatus;
  appliedOn: string | null;
  /** The calendar date of the interview, if one is set. */
  interviewOn: string | null;
  outcomeOn: string | null;
};

export type DateProblem = { field: "appliedOn" | "interviewDate" | "outcomeOn"; message: string };

const sent = new Set<ApplicationStatus>(["applied", "interview", "offer", "unsuccessful"]);
const settled = new Set<ApplicationStatus>(["offer", "declined_by_person", "unsuccessful"]);

/**
 * Whether an application's dates make sense together and with its status. Messages are catalogue
 * keys. An interview may be in the future; an application or an outcome may not.
 */
export function applicationDateProblems(dates: ApplicationDates, today: string): DateProblem[] {
  const problems: DateProblem[] = [];
  const { status, appliedOn, interviewOn, outcomeOn } = dates;
  if (appliedOn === null && sent.has(status))
    problems.push({ field: "appliedOn", message: "validation.application.appliedOnNeeded" });
  if (appliedOn !== null && status === "preparing")
    problems.push({ field: "appliedOn", message: "validation.application.appliedWhilePreparing" });
  if (appliedOn !== null && appliedOn > today)
    problems.push({ field: "appliedOn", message: "validation.application.appliedInFuture" });
  if (interviewOn === null && status === "interview")
    problems.push({ field: "interviewDate", message: "validation.application.interviewNeeded" });
  if (interviewOn !== null && appliedOn !== null && interviewOn < appliedOn)
    problems.push({ field: "interviewDate", message: "validation.application.interviewBeforeApplied" });
  if (outcomeOn !== null && !settled.has(status))
    problems.push({ field: "outcomeOn", message: "validation.application.outcomeWithoutOutcome" });
  if (outcomeOn !== null && outcomeOn > today)
    problems.push({ field: "outcomeOn", message: "validation.application.outcomeInFuture" });
  if (outcomeOn !== null && appliedOn !== null && outcomeOn < appliedOn)
    problems.push({ field: "outcomeOn", message: "validation.application.outcomeBeforeApplied" });
  if (outcomeOn !== null && interviewOn !== null && outcomeOn < interviewOn)
    problems.push({ field: "outcomeOn", message: "validation.application.outcomeBeforeInterview" });
  return problems;
}
