import { z } from "zod";
import { isCalendarDate, isRealCalendarDate } from "../../../platform/calendar-date";
import type { Clock } from "../../../platform/clock";
import type { MessageKey } from "../../../platform/web/i18n";
import { isValidNhsNumber, normaliseNhsNumber } from "../referrals/nhs-number";
import {
  careTeamRoles,
  consentDecisions,
  consentMethods,
  consentPurposes,
  contactAttemptMethods,
  contactAttemptOutcomes,
  contactMethods,
  participantStages,
  referralSources,
  sharedHealthInformationKinds,
  workSituations,
} from "../schema";
import { recordMoves } from "./stages";

// Forms shared by the pages and the JSON API. Messages are catalogue keys.

const required = (message: MessageKey, max = 200) =>
  z.string({ message }).trim().min(1, message).max(max, "validation.tooLong");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((value) => (value ? value : null));

/** Today's date where the service runs, for date fields and "not in the future" checks. */
export const todayFrom = (clock: Clock) => () => clock.now().toISOString().slice(0, 10);

/** A date as `YYYY-MM-DD` (what a date field sends), real, in range, and not in the future. */
export const pastDate = (message: MessageKey, today: () => string) =>
  z
    .string({ message })
    .trim()
    .refine(isRealCalendarDate, message)
    .refine((text) => text <= today(), "validation.participant.dateInFuture")
    // Out of range only once it is a real date, so a date far in the future is told it is.
    .refine((text) => !isRealCalendarDate(text) || isCalendarDate(text), message);

export const version = z.coerce.number({ message: "validation.reload" }).int().min(1);

const checkbox = z
  .union([z.literal("yes"), z.literal("on"), z.literal("true"), z.boolean()])
  .optional()
  .transform((value) => value === true || value === "yes" || value === "on" || value === "true");

const listOf = <T extends readonly [string, ...string[]]>(values: T, message: MessageKey) =>
  z
    .union([z.enum(values, { message }), z.array(z.enum(values, { message }))])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

const emptyToNull = <T extends z.ZodType>(schema: T) =>
  z
    .preprocess((value) => (value === "" ? undefined : value), schema.optional())
    .transform((value) => value ?? null);

/**
 * The messages that speak about the person: to staff about "their" details, and on the public
 * form to the person about "your" details.
 */
const personMessages = {
  staff: {
    givenName: "validation.participant.givenName",
    familyName: "validation.participant.familyName",
    nhsNumber: "validation.participant.nhsNumber",
    workSituation: "validation.participant.workSituation",
    employerName: "validation.participant.employerName",
    absenceStartDate: "validation.participant.absenceStartDate",
  },
  self: {
    givenName: "validation.selfReferral.givenName",
    familyName: "validation.selfReferral.familyName",
    nhsNumber: "validation.selfReferral.nhsNumber",
    workSituation: "validation.selfReferral.workSituation",
    employerName: "validation.selfReferral.employerName",
    absenceStartDate: "validation.selfReferral.absenceStartDate",
  },
} as const satisfies Record<string, Record<string, MessageKey>>;
type Voice = keyof typeof personMessages;

/** Who the person is and how to reach them: the same on the staff and the self-referral forms. */
export function personFields(today: () => string, voice: Voice = "staff") {
  const messages = personMessages[voice];
  return {
    givenName: required(messages.givenName, 100),
    familyName: required(messages.familyName, 100),
    dateOfBirth: pastDate("validation.participant.dateOfBirth", today).refine(
      (text) => text >= "1900-01-01",
      "validation.participant.dateOfBirth",
    ),
    nhsNumber: emptyToNull(
      z.string().transform(normaliseNhsNumber).refine(isValidNhsNumber, messages.nhsNumber),
    ),
    phone: emptyToNull(
      z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()-]{7,20}$/, "validation.participant.phone"),
    ),
    email: emptyToNull(
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.email({ message: "validation.participant.email" })),
    ),
    address: optionalText(500),
    preferredLanguage: z
      .string()
      .trim()
      .max(60, "validation.tooLong")
      .optional()
      .transform((value) => value || "English"),
    preferredContactMethod: emptyToNull(z.enum(contactMethods, { message: "validation.chooseFromList" })),
    workSituation: z.enum(workSituations, { message: messages.workSituation }),
    employerName: optionalText(200),
    absenceStartDate: emptyToNull(pastDate(messages.absenceStartDate, today)),
    hopes: optionalText(2000),
  };
}

/** Employed and off sick is a job-retention case: whose job, and since when, are then needed. */
function requireEmployerWhenOffSick<
  T extends { workSituation: string; employerName: string | null; absenceStartDate: string | null },
>(form: T, context: z.RefinementCtx, voice: Voice = "staff") {
  const messages = personMessages[voice];
  if (form.workSituation !== "employed_off_sick") return;
  if (!form.employerName)
    context.addIssue({
      code: "custom",
      path: ["employerName"],
      message: messages.employerName,
    });
  if (!form.absenceStartDate)
    context.addIssue({
      code: "custom",
      path: ["absenceStartDate"],
      message: messages.absenceStartDate,
    });
}

export const staffReferralSources = referralSources.filter((source) => source !== "self_referral") as [
  (typeof referralSources)[number],
  ...(typeof referralSources)[number][],
];

export function staffReferralForm(today: () => string) {
  return z
    .object({
      ...personFields(today),
      teamId: z.uuid({ message: "validation.participant.team" }),
      source: z.enum(staffReferralSources, { message: "validation.participant.source" }),
      referrerName: optionalText(200),
      referrerOrganisation: optionalText(200),
      /** After a possible duplicate was shown: add a referral to that record, or create a new one. */
      duplicateDecision: z.union([z.literal("new"), z.string().regex(/^link:[0-9a-f-]{36}$/)]).optional(),
    })
    .superRefine(requireEmployerWhenOffSick);
}
export type StaffReferralForm = z.infer<ReturnType<typeof staffReferralForm>>;

export function selfReferralForm(today: () => string) {
  return z
    .object({
      ...personFields(today, "self"),
      teamId: z.uuid({ message: "validation.selfReferral.team" }),
      agreeToContact: checkbox.refine((value) => value, "validation.selfReferral.agreeToContact"),
      // A field people never see: bots fill it in.
      website: z.string().max(0).optional(),
    })
    .superRefine((form, context) => {
      requireEmployerWhenOffSick(form, context, "self");
      if (!form.phone && !form.email)
        context.addIssue({ code: "custom", path: ["phone"], message: "validation.selfReferral.contact" });
    });
}
export type SelfReferralForm = z.infer<ReturnType<typeof selfReferralForm>>;

export function participantDetailsForm(today: () => string) {
  return z.object({ ...personFields(today), version }).superRefine(requireEmployerWhenOffSick);
}

export function contactAttemptForm(today: () => string) {
  return z.object({
    attemptedOn: pastDate("validation.participant.attemptedOn", today),
    method: z.enum(contactAttemptMethods, { message: "validation.participant.attemptMethod" }),
    outcome: z.enum(contactAttemptOutcomes, { message: "validation.participant.attemptOutcome" }),
    note: optionalText(1000),
  });
}

export const referralClosingForm = z.object({
  status: z.enum(["declined_by_person", "not_reached"], {
    message: "validation.participant.referralOutcome",
  }),
  closingNote: optionalText(1000),
  version,
});

export const consentForm = z
  .object({
    purpose: z.enum(consentPurposes, { message: "validation.consent.purpose" }),
    decision: z.enum(consentDecisions, { message: "validation.consent.decision" }),
    scope: listOf(sharedHealthInformationKinds, "validation.chooseFromList"),
    method: z.enum(consentMethods, { message: "validation.consent.method" }),
    note: optionalText(1000),
  })
  .superRefine((form, context) => {
    if (form.purpose === "share_health_information" && form.decision === "given" && form.scope.length === 0)
      context.addIssue({ code: "custom", path: ["scope"], message: "validation.consent.scope" });
  });
export type ConsentForm = z.infer<typeof consentForm>;

export const careTeamMemberForm = z.object({
  staffId: z.uuid({ message: "validation.careTeam.staff" }),
  careTeamRole: z.enum(careTeamRoles, { message: "validation.careTeam.role" }),
  responsibility: required("validation.careTeam.responsibility", 300),
});

export const participationForm = z.object({
  change: z.enum(recordMoves, { message: "validation.chooseFromList" }),
  version,
});

export const emergencyAccessForm = z.object({
  reason: z
    .string({ message: "validation.emergency.reason" })
    .trim()
    .min(20, "validation.emergency.reason")
    .max(1000, "validation.tooLong"),
});

const sortKeys = ["name", "stage", "nextAction", "lastContact", "referred"] as const;
/** What the list's address may carry: never a name or NHS number, only a search handle. */
export const caseloadQuery = z.object({
  search: z.uuid().optional().catch(undefined),
  stage: z.enum(participantStages).optional().catch(undefined),
  sort: z.enum(sortKeys).optional().catch(undefined),
  order: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  staffId: z.uuid().optional().catch(undefined),
});
export type CaseloadQuery = z.infer<typeof caseloadQuery>;
/** A list's filters once a search handle is turned back into its text. */
export type CaseloadFilter = Omit<CaseloadQuery, "search"> & { q?: string };
export type CaseloadSort = (typeof sortKeys)[number];

/** The search box, posted: its text goes to the server, never into the address. */
export const caseloadSearchForm = z.object({
  q: z.string().trim().max(100, "validation.tooLong").optional().default(""),
  stage: z.enum(participantStages).optional().catch(undefined),
  staffId: z.uuid().optional().catch(undefined),
});

/** The API's search, in a request body for the same reason. */
export const participantSearchBody = z.strictObject({
  q: z.string().trim().max(100).optional(),
  stage: z.enum(participantStages).optional(),
  sort: z.enum(sortKeys).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
});

/**
 * Merging a possible duplicate (decision 63): which record of the pair is kept, and the explicit
 * statement that the person deciding has checked they are the same person.
 */
export const mergeForm = z.object({
  other: z.uuid({ message: "validation.merge.other" }),
  keep: z.enum(["this", "other"], { message: "validation.merge.keep" }),
  checked: z.literal("yes", { message: "validation.merge.checked" }),
});
