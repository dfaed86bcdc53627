import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { staffAccount } from "../../../platform/directory/schema";
import { participantOwned } from "../../participants/schema";
import { employer } from "../employers/schema";

// Sickness absence and return to work (seed 001): a job-retention case on the person's record.
// All of it is participant data, reached only through the door.

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
