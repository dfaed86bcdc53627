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
import { organisation, staffAccount } from "../../platform/directory/schema";
import { shiftPatterns as shiftWords } from "../assessments/schema";
import { participantOwned } from "../participants/schema";

// Employers, job development and the work a participant does. Employers, their people, the
// contacts logged with them and their job opportunities belong to the organisation; everything
// about one participant (disclosure, applications, jobs, sickness absence, return-to-work plans)
// is participant data, reached only through the door.

/** The shift patterns a job asks for, the same words as the vocational profile. */
export { shiftPatterns } from "../assessments/schema";

// --- Employers -------------------------------------------------------------------------------

export const employerSectors = [
  "retail",
  "hospitality_and_food",
  "health_and_social_care",
  "education",
  "construction_and_trades",
  "manufacturing",
  "transport_and_logistics",
  "office_and_administration",
  "public_sector",
  "charity_and_community",
  "technology",
  "creative_and_media",
  "agriculture_and_environment",
  "cleaning_and_facilities",
  "other",
] as const;
export type EmployerSector = (typeof employerSectors)[number];

/** UK size bands by number of employees: micro 1–9, small 10–49, medium 50–249, large 250+. */
export const employerSizes = ["micro", "small", "medium", "large"] as const;
export type EmployerSize = (typeof employerSizes)[number];

export const employer = pgTable(
  "employer",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    name: text("name").notNull(),
    sector: text("sector", { enum: employerSectors }).notNull(),
    size: text("size", { enum: employerSizes }),
    /** Sites the employer works from, each as staff would name it ("Digbeth depot, B5 6RT"). */
    locations: jsonb("locations").$type<string[]>().notNull().default([]),
    notes: text("notes").notNull().default(""),
    /** A duplicate merged into another keeps its row (history points at it) and this pointer. */
    mergedInto: uuid("merged_into"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => staffAccount.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [index("employer_organisation_name_idx").on(table.organisationId, sql`lower(${table.name})`)],
);
export type EmployerRow = typeof employer.$inferSelect;

/** A person at an employer the service deals with: a manager, HR, a supervisor. */
export const employerContactPerson = pgTable(
  "employer_contact_person",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => employer.id),
    name: text("name").notNull(),
    jobRole: text("job_role").notNull().default(""),
    phone: text("phone"),
    email: text("email"),
    /** Someone who has left the employer stays on old contacts but is no longer offered. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("employer_contact_person_employer_idx").on(table.employerId)],
);
export type EmployerContactPersonRow = typeof employerContactPerson.$inferSelect;

export const employerContactTypes = ["introduction", "job_development", "placement_follow_up"] as const;
export type EmployerContactType = (typeof employerContactTypes)[number];

/**
 * A contact a specialist had with an employer (IPS job development). Face to face ones count
 * towards the weekly target. One about a participant is participant data: it is written through
 * the door, only with the person's consent to contact employers, and its participant contact
 * (the record's contacts, timeline and follow-along) is the row `participantContactId` names.
 */
export const employerContact = pgTable(
  "employer_contact",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => employer.id),
    contactPersonId: uuid("contact_person_id").references(() => employerContactPerson.id),
    /** Who was met when they are not (yet) a saved contact person. */
    withWhom: text("with_whom").notNull().default(""),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    contactType: text("contact_type", { enum: employerContactTypes }).notNull(),
    faceToFace: boolean("face_to_face").notNull(),
    outcome: text("outcome").notNull(),
    nextStep: text("next_step").notNull().default(""),
    nextStepDue: date("next_step_due", { mode: "string" }),
    participantId: uuid("participant_id"),
    participantContactId: uuid("participant_contact_id"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staffAccount.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("employer_contact_specialist_idx").on(table.recordedBy, table.occurredOn),
    index("employer_contact_employer_idx").on(table.employerId, table.occurredOn),
    index("employer_contact_participant_idx")
      .on(table.participantId)
      .where(sql`${table.participantId} is not null`),
  ],
);
export type EmployerContactRow = typeof employerContact.$inferSelect;

// --- Job opportunities ---------------------------------------------------------------------

export const opportunityStatuses = ["open", "closed"] as const;

const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const lower = "abcdefghijklmnopqrstuvwxyz";

/** A vacancy an employer offered or a specialist found through job development. */
export const jobOpportunity = pgTable(
  "job_opportunity",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => employer.id),
    title: text("title").notNull(),
    /** The kind of work in everyday words ("warehouse", "care work"), matched to the profile. */
    jobType: text("job_type").notNull().default(""),
    hoursPerWeek: numeric("hours_per_week", { precision: 4, scale: 1, mode: "number" }).notNull(),
    /** Pay per hour in pence, so the wage floor comparison is exact. */
    hourlyPayPence: integer("hourly_pay_pence").notNull(),
    shifts: jsonb("shifts").$type<string[]>().notNull().default([]),
    location: text("location").notNull(),
    /** The outward part of the workplace postcode ("B15"), for travel matching; null if home-based. */
    postcodeDistrict: text("postcode_district"),
    homeBased: boolean("home_based").notNull().default(false),
    requirements: text("requirements").notNull().default(""),
    status: text("status", { enum: opportunityStatuses }).notNull().default("open"),
    closesOn: date("closes_on", { mode: "string" }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => staffAccount.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
    // What matching compares, worked out once when the row is written so that ranking 50,000
    // opportunities per request does no case folding, numeric or jsonb work (docs/decisions.md).
    // The same rules as matching.ts: ASCII-only case folding and words of a–z and digits, kept
    // between spaces (" warehouse operative ") so a word is found by a plain substring search,
    // far cheaper per row than an array; hours in tenths; shifts as one bit each, in
    // shiftPatterns' order.
    matchText: text("match_text").generatedAlwaysAs(
      sql`' ' || regexp_replace(translate(title || ' ' || job_type, ${sql.raw(`'${upper}', '${lower}'`)}), '[^a-z0-9]+', ' ', 'g') || ' '`,
    ),
    matchDistrict: text("match_district").generatedAlwaysAs(
      sql`translate(replace(postcode_district, ' ', ''), ${sql.raw(`'${lower}', '${upper}'`)})`,
    ),
    matchArea: text("match_area").generatedAlwaysAs(
      sql`substring(translate(replace(postcode_district, ' ', ''), ${sql.raw(`'${lower}', '${upper}'`)}) from '^[A-Z]+')`,
    ),
    matchHoursTenths: integer("match_hours_tenths").generatedAlwaysAs(sql`(hours_per_week * 10)::int`),
    matchShifts: integer("match_shifts").generatedAlwaysAs(
      sql.raw(shiftWords.map((shift, bit) => `(shifts ? '${shift}')::int * ${2 ** bit}`).join(" + ")),
    ),
  },
  (table) => [
    index("job_opportunity_open_idx")
      .on(table.organisationId, table.createdAt)
      .where(sql`${table.status} = 'open'`),
    index("job_opportunity_employer_idx").on(table.employerId),
    // Counting what may be suggested from the index alone, without reading the rows.
    index("job_opportunity_suggestable_idx")
      .on(table.organisationId, table.closesOn)
      .where(sql`${table.status} = 'open'`),
  ],
);
export type JobOpportunityRow = typeof jobOpportunity.$inferSelect;

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

// --- Settings ---------------------------------------------------------------------------------

/**
 * An organisation's employment settings, versioned like the early-warning rules: every save is
 * a new row and the highest version is in force.
 */
export type EmploymentSettings = {
  /** The wage floor for a competitive job, pence per hour (UK National Living Wage by default). */
  wageFloorPence: number;
  /** Face-to-face employer contacts per specialist per week (IPS; UNVERIFIED figure, domain.md). */
  weeklyEmployerContactTarget: number;
};

export const employmentSettings = pgTable(
  "employment_settings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    version: integer("version").notNull(),
    settings: jsonb("settings").$type<EmploymentSettings>().notNull(),
    changedBy: uuid("changed_by")
      .notNull()
      .references(() => staffAccount.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
    reason: text("reason"),
  },
  (table) => [uniqueIndex("employment_settings_version_idx").on(table.organisationId, table.version)],
);
