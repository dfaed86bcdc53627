import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { staffAccount } from "../../platform/directory/schema";
import { participantOwned } from "../participants/schema";
import { employer, jobOpportunity } from "./employer-schema";

// What a participant does about work: disclosure, applications, jobs, sickness absence and
// return-to-work plans. All of it is participant data, reached only through the door.

// --- Disclosure ------------------------------------------------------------------------------

/** What the person wants one employer told: the same choices as their vocational profile. */
export { disclosurePreferences as disclosureChoices } from "../assessments/schema";

/**
 * The person's disclosure choice for one employer. Every decision is a new row; the latest for
 * an employer is in force, so the history of what they agreed, and when, is kept.
 */
export const employerDisclosure = pgTable(
  "employer_disclosure",
  {
    ...participantOwned(),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => employer.id),
    choice: text("choice", { enum: ["nothing", "support_from_service", "condition"] }).notNull(),
    /** For a condition: the words the person agreed the employer may be told, and no more. */
    wording: text("wording").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => staffAccount.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("employer_disclosure_participant_idx").on(table.participantId, table.employerId, table.recordedAt),
  ],
);
export type EmployerDisclosureRow = typeof employerDisclosure.$inferSelect;

// --- Applications and interviews ------------------------------------------------------------

export const applicationStatuses = [
  "preparing",
  "applied",
  "interview",
  "offer",
  "declined_by_person",
  "unsuccessful",
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const jobApplication = pgTable(
  "job_application",
  {
    ...participantOwned(),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => employer.id),
    opportunityId: uuid("opportunity_id").references(() => jobOpportunity.id),
    title: text("title").notNull(),
    status: text("status", { enum: applicationStatuses }).notNull(),
    appliedOn: date("applied_on", { mode: "string" }),
    interviewAt: timestamp("interview_at", { withTimezone: true }),
    outcomeOn: date("outcome_on", { mode: "string" }),
    notes: text("notes").notNull().default(""),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staffAccount.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [index("job_application_participant_idx").on(table.participantId, table.updatedAt)],
);
export type JobApplicationRow = typeof jobApplication.$inferSelect;

// --- Jobs -------------------------------------------------------------------------------------

export const contractTypes = [
  "permanent",
  "fixed_term",
  "temporary",
  "zero_hours",
  "apprenticeship",
  "self_employed",
] as const;
export type ContractType = (typeof contractTypes)[number];

export const jobEndReasons = ["resigned", "dismissed", "temporary_ended", "moved_to_better_job"] as const;
export type JobEndReason = (typeof jobEndReasons)[number];

/**
 * A job the person holds or held. Whether it is competitive (domain.md, section 0) is decided
 * when it is recorded, against the wage floor in force then, which is kept beside it.
 */
export const job = pgTable(
  "job",
  {
    ...participantOwned(),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => employer.id),
    applicationId: uuid("application_id").references(() => jobApplication.id),
    title: text("title").notNull(),
    startedOn: date("started_on", { mode: "string" }).notNull(),
    hoursPerWeek: numeric("hours_per_week", { precision: 4, scale: 1, mode: "number" }).notNull(),
    hourlyPayPence: integer("hourly_pay_pence").notNull(),
    contractType: text("contract_type", { enum: contractTypes }).notNull(),
    /** Open to anyone: not sheltered work, not reserved for people the service supports. */
    openLabourMarket: boolean("open_labour_market").notNull(),
    /** The service, not the employer, set an end date (a placement): never competitive. */
    timeLimitedByService: boolean("time_limited_by_service").notNull(),
    competitive: boolean("competitive").notNull(),
    wageFloorPence: integer("wage_floor_pence").notNull(),
    endedOn: date("ended_on", { mode: "string" }),
    endReason: text("end_reason", { enum: jobEndReasons }),
    endNotes: text("end_notes").notNull().default(""),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staffAccount.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    index("job_participant_idx").on(table.participantId, table.startedOn),
    index("job_ended_idx").on(table.participantId, table.endedOn).where(sql`${table.endedOn} is not null`),
  ],
);
export type JobRow = typeof job.$inferSelect;

// --- Sickness absence and return to work (seed 001) -------------------------------------------

/** A spell off sick from a job the person holds (a job-retention case). */
export const sicknessAbsence = pgTable(
  "sickness_absence",
  {
    ...participantOwned(),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => employer.id),
    startedOn: date("started_on", { mode: "string" }).notNull(),
    /** The first day back (or the day the job ended); open while the person is still off. */
    endedOn: date("ended_on", { mode: "string" }),
    notes: text("notes").notNull().default(""),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staffAccount.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [index("sickness_absence_participant_idx").on(table.participantId, table.startedOn)],
);
export type SicknessAbsenceRow = typeof sicknessAbsence.$inferSelect;

/** The four kinds of advice on a fit note (domain.md, section 3), which a return-to-work plan takes up. */
export const fitNoteAdviceKinds = [
  "phased_return",
  "altered_hours",
  "amended_duties",
  "workplace_adaptations",
] as const;
export type FitNoteAdviceKind = (typeof fitNoteAdviceKinds)[number];

export const returnToWorkOutcomes = [
  "returned_in_full",
  "returned_part_time",
  "still_off",
  "left_job",
] as const;
export type ReturnToWorkOutcome = (typeof returnToWorkOutcomes)[number];

export type PhasedReturnWeek = { week: number; hours: number; notes: string };

/**
 * A return-to-work plan agreed with the employer for one absence: a phased return week by week,
 * and any altered hours, amended duties and workplace adaptations, with review dates.
 */
export const returnToWorkPlan = pgTable(
  "return_to_work_plan",
  {
    ...participantOwned(),
    absenceId: uuid("absence_id")
      .notNull()
      .references(() => sicknessAbsence.id),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => employer.id),
    /** The first day back at work under the plan. */
    returnOn: date("return_on", { mode: "string" }).notNull(),
    phasedReturn: jsonb("phased_return").$type<PhasedReturnWeek[]>().notNull().default([]),
    alteredHours: text("altered_hours").notNull().default(""),
    amendedDuties: text("amended_duties").notNull().default(""),
    workplaceAdaptations: text("workplace_adaptations").notNull().default(""),
    reviewDates: jsonb("review_dates").$type<string[]>().notNull().default([]),
    /** Who at the employer agreed it, by name and role. */
    agreedWithEmployerBy: text("agreed_with_employer_by").notNull().default(""),
    agreedOn: date("agreed_on", { mode: "string" }),
    /** The person agreed to this plan being shared with their employer. */
    participantAgreed: boolean("participant_agreed").notNull().default(false),
    outcome: text("outcome", { enum: returnToWorkOutcomes }),
    outcomeOn: date("outcome_on", { mode: "string" }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => staffAccount.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => staffAccount.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    index("return_to_work_plan_participant_idx").on(table.participantId),
    uniqueIndex("return_to_work_plan_absence_unique").on(table.absenceId),
  ],
);
export type ReturnToWorkPlanRow = typeof returnToWorkPlan.$inferSelect;
