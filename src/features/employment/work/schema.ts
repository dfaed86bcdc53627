import { sql } from "drizzle-orm";
import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffAccount } from "../../../platform/directory/schema";
import { participantOwned } from "../../participants/schema";
import { employer, jobOpportunity } from "../employers/schema";

// What a participant does about work: disclosure, applications and jobs (sickness absence and
// return-to-work plans are in return-to-work/schema.ts). All of it is participant data, reached
// only through the door.

// --- Disclosure ------------------------------------------------------------------------------

/** What the person wants one employer told: the same choices as their vocational profile. */
export { disclosurePreferences as disclosureChoices } from "../../assessments/schema";

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
