import { z } from "zod";
import { calendarDate, isCalendarDate } from "../../../platform/calendar-date";
import { poundsToPence } from "../shared/money";
import { parsePostcodeDistrict } from "../shared/postcode";
import {
  employerContactTypes,
  employerSectors,
  employerSizes,
  opportunityStatuses,
  shiftPatterns,
} from "./schema";

// What the employer, contact-person, employer-contact and opportunity forms accept. Messages are
// catalogue keys, turned into words beside each field.

export const EMPLOYERS_PAGE_SIZE = 20;
export const OPPORTUNITIES_PAGE_SIZE = 20;
const TEXT_MAX = 5000;
/** As long as a contact on a participant's record may last (contacts feature). */
const CONTACTS_DURATION_MAX = 600;

const required = (message: string, max = 200) =>
  z.string({ message }).trim().min(1, message).max(max, message);
const optionalText = (message: string, max = TEXT_MAX) =>
  z.string().trim().max(max, message).optional().default("");
/** An unchosen select or an empty field arrives as ""; it means "not given". */
const blankAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalDate = (message: string) => z.preprocess(blankAsUndefined, calendarDate(message).optional());

export const employerForm = z.object({
  name: required("validation.employer.name"),
  sector: z.enum(employerSectors, { message: "validation.employer.sector" }),
  size: z.preprocess(
    blankAsUndefined,
    z.enum(employerSizes, { message: "validation.employer.size" }).optional(),
  ),
  locations: z
    .string()
    .optional()
    .default("")
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().max(200, "validation.employer.locations")).max(50, "validation.employer.locations"),
    ),
  notes: optionalText("validation.employer.notes"),
});
export type EmployerForm = z.infer<typeof employerForm>;

/** The version the editor started from, so a stale save is caught. */
export const versionField = z.object({ version: z.coerce.number().int().min(1).catch(0) });

export const personForm = z.object({
  name: required("validation.employer.personName"),
  jobRole: optionalText("validation.employer.jobRole", 200),
  phone: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .trim()
      .regex(/^[+\d][\d ()-]{5,24}$/, "validation.employer.phone")
      .optional(),
  ),
  email: z.preprocess(blankAsUndefined, z.email({ message: "validation.employer.email" }).optional()),
});
export type PersonForm = z.infer<typeof personForm>;

const yesNo = (message: string) => z.enum(["yes", "no"], { message }).transform((value) => value === "yes");

/** An employer contact as logged; `today` (UK) because a contact cannot be logged before it happens. */
export function employerContactForm(today: string) {
  return z
    .object({
      occurredOn: z.iso
        .date({ message: "validation.employerContact.date" })
        .refine((date) => date <= today, "validation.employerContact.future")
        // A date far in the future is told so above; one before 1900 gets the field's message.
        .refine((date) => date > today || isCalendarDate(date), "validation.employerContact.date"),
      contactType: z.enum(employerContactTypes, { message: "validation.employerContact.type" }),
      faceToFace: yesNo("validation.employerContact.faceToFace"),
      contactPersonId: z.preprocess(blankAsUndefined, z.uuid().optional().catch(undefined)),
      withWhom: optionalText("validation.employerContact.withWhom", 200),
      outcome: required("validation.employerContact.outcome", TEXT_MAX),
      nextStep: optionalText("validation.employerContact.nextStep", 1000),
      nextStepDue: optionalDate("validation.employerContact.nextStepDue"),
    })
    .refine((form) => form.contactPersonId || form.withWhom, {
      path: ["withWhom"],
      message: "validation.employerContact.whoMissing",
    })
    .refine((form) => !form.nextStepDue || form.nextStep, {
      path: ["nextStep"],
      message: "validation.employerContact.nextStepMissing",
    })
    .refine((form) => !form.nextStepDue || form.nextStepDue >= form.occurredOn, {
      path: ["nextStepDue"],
      message: "validation.employerContact.dueBefore",
    });
}
export type EmployerContactForm = z.infer<ReturnType<typeof employerContactForm>>;

/** About a participant: the same, with the employer chosen and how long it took (for their contacts). */
export function participantEmployerContactForm(today: string) {
  return z
    .object({
      employerId: z.uuid({ message: "validation.employerContact.employer" }),
      durationMinutes: z.coerce
        .number({ message: "validation.employerContact.duration" })
        .int("validation.employerContact.duration")
        .min(1, "validation.employerContact.duration")
        .max(CONTACTS_DURATION_MAX, "validation.employerContact.duration"),
    })
    .and(employerContactForm(today));
}

const homeBasedIn = (form: unknown) => {
  const value = (form as { homeBased?: unknown }).homeBased;
  return value === true || value === "yes";
};
const typedDistrict = (form: unknown) => {
  const value = (form as { postcodeDistrict?: unknown }).postcodeDistrict;
  return typeof value === "string" ? value.trim() : "";
};

export const opportunityForm = z
  .object({
    title: required("validation.opportunity.title"),
    jobType: optionalText("validation.opportunity.jobType", 200),
    hoursPerWeek: z.coerce
      .number({ message: "validation.opportunity.hours" })
      .min(1, "validation.opportunity.hours")
      .max(80, "validation.opportunity.hours")
      .refine((hours) => Number.isInteger(hours * 10), "validation.opportunity.hours"),
    hourlyPay: z.string({ message: "validation.opportunity.pay" }).transform((typed, context) => {
      const pence = poundsToPence(typed);
      if (pence === undefined || pence < 1 || pence > 50_000) {
        context.addIssue({ code: "custom", message: "validation.opportunity.pay" });
        return z.NEVER;
      }
      return pence;
    }),
    shifts: z
      .preprocess(
        (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
        z.array(z.enum(shiftPatterns)),
      )
      .catch([]),
    location: required("validation.opportunity.location"),
    homeBased: z
      .preprocess(blankAsUndefined, z.literal("yes").optional())
      .transform((value) => value === "yes"),
    postcodeDistrict: z.string().optional().default(""),
    requirements: optionalText("validation.opportunity.requirements"),
    closesOn: optionalDate("validation.opportunity.closesOn"),
  })
  // Checked even when another field is wrong, so every mistake is reported at once.
  .refine((form) => homeBasedIn(form) || typedDistrict(form) !== "", {
    path: ["postcodeDistrict"],
    message: "validation.opportunity.postcodeMissing",
    when: () => true,
  })
  .refine(
    (form) =>
      homeBasedIn(form) ||
      typedDistrict(form) === "" ||
      parsePostcodeDistrict(typedDistrict(form)) !== undefined,
    { path: ["postcodeDistrict"], message: "validation.opportunity.postcodeDistrict", when: () => true },
  )
  .transform(({ hourlyPay, ...form }) => ({
    ...form,
    hourlyPayPence: hourlyPay,
    postcodeDistrict: form.homeBased ? null : parsePostcodeDistrict(form.postcodeDistrict)!,
  }));
export type OpportunityForm = z.infer<typeof opportunityForm>;

const optionalChoice = <Values extends readonly [string, ...string[]]>(values: Values) =>
  z.enum(values).optional().catch(undefined);
const page = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);
const search = z.string().trim().max(100).optional().catch(undefined);

export const employerListQuery = z.object({
  q: search,
  sector: optionalChoice(employerSectors),
  size: optionalChoice(employerSizes),
  sort: z.enum(["name", "recent"]).catch("name").default("name"),
  page,
});
export type EmployerListQuery = z.infer<typeof employerListQuery>;

export const opportunityListQuery = z.object({
  q: search,
  status: optionalChoice(opportunityStatuses),
  sector: optionalChoice(employerSectors),
  page,
});
export type OpportunityListQuery = z.infer<typeof opportunityListQuery>;
