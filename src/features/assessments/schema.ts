import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { z } from "zod";
import { calendarInstant } from "../../platform/calendar-date";
import { organisation, staffAccount } from "../../platform/directory/schema";
import { participant } from "../participants/schema";
import { measureIds } from "./measures";
import type { Answers } from "./scoring";

/** How the questionnaire was completed: the person's own answers every time, never a staff guess. */
export const completionMethods = ["with_participant", "on_paper", "by_phone"] as const;
export type CompletionMethod = (typeof completionMethods)[number];
/** Every way a stored response came in: staff with the person, or the person in their own pages. */
export const responseCompletionMethods = [...completionMethods, "self_completed"] as const;
export type ResponseCompletionMethod = (typeof responseCompletionMethods)[number];

export const assessmentResponse = pgTable(
  "assessment_response",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participant.id),
    instrument: text("instrument", { enum: measureIds }).notNull(),
    answers: jsonb("answers").$type<Answers>().notNull(),
    total: integer("total").notNull(),
    band: text("band").notNull(),
    completionMethod: text("completion_method", { enum: responseCompletionMethods }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull(),
    /** The member of staff who recorded it; null when the person completed it in their own pages. */
    recordedBy: uuid("recorded_by").references(() => staffAccount.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("assessment_response_history_idx").on(table.participantId, table.instrument, table.completedAt),
  ],
);

// Functional capability (seed 001): what the person can do, so advice can be "may be fit with
// adjustments" rather than "can't".
export const capabilityAreas = [
  "mobility",
  "lifting_carrying",
  "sitting_standing",
  "stamina",
  "concentration",
  "memory",
  "social_interaction",
  "travel",
] as const;
export type CapabilityArea = (typeof capabilityAreas)[number];
export const limitationLevels = ["none", "some", "significant", "unable"] as const;
export type LimitationLevel = (typeof limitationLevels)[number];
/** The fit note's own adjustment boxes (domain.md, section 3), so the advice carries across. */
export const workAdjustments = [
  "phased_return",
  "altered_hours",
  "amended_duties",
  "workplace_adaptations",
] as const;

export type CapabilityFinding = { level: LimitationLevel; notes: string };

export const capabilityAssessment = pgTable(
  "capability_assessment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participant.id),
    findings: jsonb("findings").$type<Record<CapabilityArea, CapabilityFinding>>().notNull(),
    adjustments: jsonb("adjustments").$type<(typeof workAdjustments)[number][]>().notNull().default([]),
    advice: text("advice").notNull(),
    assessedBy: uuid("assessed_by")
      .notNull()
      .references(() => staffAccount.id),
    assessedAt: timestamp("assessed_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [uniqueIndex("capability_assessment_participant_unique").on(table.participantId)],
);

export type WorkHistoryEntry = { employer: string; role: string; from: string; to: string; whyEnded: string };

export const shiftPatterns = ["weekday_daytime", "early_mornings", "evenings", "nights", "weekends"] as const;
export const barrierKinds = [
  "transport",
  "childcare",
  "confidence",
  "criminal_record",
  "health",
  "housing",
  "caring",
  "language",
  "other",
] as const;
export const disclosurePreferences = ["nothing", "support_from_service", "condition"] as const;
export const benefitsCounsellingChoices = ["yes", "no", "not_sure"] as const;

/** The IPS career profile. Started = engaged (domain.md, section 0). */
export const vocationalProfile = pgTable(
  "vocational_profile",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participant.id),
    workHistory: jsonb("work_history").$type<WorkHistoryEntry[]>().notNull().default([]),
    education: text("education").notNull().default(""),
    skills: text("skills").notNull().default(""),
    strengths: text("strengths").notNull().default(""),
    interests: text("interests").notNull().default(""),
    preferredJobTypes: text("preferred_job_types").notNull().default(""),
    hoursPerWeek: integer("hours_per_week"),
    shifts: jsonb("shifts").$type<(typeof shiftPatterns)[number][]>().notNull().default([]),
    travelMiles: integer("travel_miles"),
    barriers: jsonb("barriers").$type<(typeof barrierKinds)[number][]>().notNull().default([]),
    barrierNotes: text("barrier_notes").notNull().default(""),
    /** In the person's words; nothing here may feed conditionality or sanctions. */
    benefitsSituation: text("benefits_situation").notNull().default(""),
    benefitsCounselling: text("benefits_counselling", { enum: benefitsCounsellingChoices }),
    disclosurePreference: text("disclosure_preference", { enum: disclosurePreferences }),
    disclosureWording: text("disclosure_wording").notNull().default(""),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    startedBy: uuid("started_by")
      .notNull()
      .references(() => staffAccount.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => staffAccount.id),
    version: integer("version").notNull().default(1),
  },
  (table) => [uniqueIndex("vocational_profile_participant_unique").on(table.participantId)],
);

export type VocationalProfileRow = typeof vocationalProfile.$inferSelect;
export type CapabilityAssessmentRow = typeof capabilityAssessment.$inferSelect;

// Forms (HTML and JSON share these).

const longText = z.string().trim().max(4000, "validation.tooLong").optional().default("");
const shortText = z.string().trim().max(200, "validation.tooLong").optional().default("");
/** The version the form was based on; absent on a first save. */
const basedOn = z
  .union([z.literal(""), z.coerce.number({ message: "validation.reload" }).int().min(1)])
  .optional()
  .transform((value) => (value === "" || value === undefined ? null : value));
const choices = <Values extends readonly [string, ...string[]]>(values: Values) =>
  z
    .union([z.enum(values), z.array(z.enum(values))], { message: "validation.chooseFromList" })
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
const wholeNumber = (max: number, message: "validation.profile.hours" | "validation.profile.travel") =>
  z
    .union([z.literal(""), z.coerce.number({ message }).int(message).min(0, message).max(max, message)], {
      message,
    })
    .optional()
    .transform((value) => (value === "" || value === undefined ? null : value));

export const measureForm = z.object({
  completionMethod: z.enum(completionMethods, { message: "validation.assessment.completionMethod" }),
});

export const measureApiBody = z.strictObject({
  instrument: z.enum(measureIds),
  answers: z.record(z.string(), z.union([z.number().int(), z.literal("not_applicable")])),
  completionMethod: z.enum(completionMethods),
  completedAt: calendarInstant().optional(),
});

export const capabilityForm = z.object({
  ...Object.fromEntries(
    capabilityAreas.flatMap((area) => [
      [`${area}Level`, z.enum(limitationLevels, { message: "validation.capability.level" })],
      [`${area}Notes`, z.string().trim().max(2000, "validation.tooLong").optional().default("")],
    ]),
  ),
  adjustments: choices(workAdjustments),
  advice: z
    .string({ message: "validation.capability.advice" })
    .trim()
    .min(1, "validation.capability.advice")
    .max(4000, "validation.tooLong"),
  version: basedOn,
}) as unknown as z.ZodType<
  Record<`${CapabilityArea}Level`, LimitationLevel> &
    Record<`${CapabilityArea}Notes`, string> & {
      adjustments: (typeof workAdjustments)[number][];
      advice: string;
      version: number | null;
    }
>;
export type CapabilityFormData = z.infer<typeof capabilityForm>;

export const profileForm = z.object({
  education: longText,
  skills: longText,
  strengths: longText,
  interests: longText,
  preferredJobTypes: longText,
  hoursPerWeek: wholeNumber(80, "validation.profile.hours"),
  shifts: choices(shiftPatterns),
  travelMiles: wholeNumber(500, "validation.profile.travel"),
  barriers: choices(barrierKinds),
  barrierNotes: longText,
  benefitsSituation: longText,
  benefitsCounselling: z
    .union([z.literal(""), z.enum(benefitsCounsellingChoices)], { message: "validation.chooseFromList" })
    .optional()
    .transform((value) => (value ? value : null)),
  disclosurePreference: z.enum(disclosurePreferences, { message: "validation.profile.disclosure" }),
  disclosureWording: longText,
  version: basedOn,
});
export type ProfileFormData = z.infer<typeof profileForm>;

export const workHistoryEntry = z.object({
  employer: shortText,
  role: shortText,
  from: shortText,
  to: shortText,
  whyEnded: z.string().trim().max(1000, "validation.tooLong").optional().default(""),
});
