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
  uuid,
} from "drizzle-orm/pg-core";
import { organisation, staffAccount } from "../../../platform/directory/schema";
import { shiftPatterns as shiftWords } from "../../assessments/schema";

// What belongs to the organisation in employment: employers, their people, the contacts logged
// with them and their job opportunities (the employment settings are in settings/schema.ts).
// The feature's schema.ts gathers these tables with the other sub-folders' for the rest of the code.

/** The shift patterns a job asks for, the same words as the vocational profile. */
export { shiftPatterns } from "../../assessments/schema";

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
    // The same rules as matching/rules.ts: ASCII-only case folding and words of a–z and digits, kept
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
