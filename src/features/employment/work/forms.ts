import { z } from "zod";
import { calendarDaysBetween } from "../../../platform/clock";
import { zonedInstant } from "../../contacts/service";
import { parseCalendarDate } from "../../plans/service";
import { poundsToPence } from "../shared/money";
import { applicationDateProblems } from "./job-rules";
import { applicationStatuses, contractTypes, jobEndReasons } from "./schema";

// The Work tab's forms. Messages are catalogue keys (en-work.ts holds the words).

const NOTES_MAX = 2000;

const notes = z.string().trim().max(NOTES_MAX, "validation.tooLong").optional().default("");

const uuid = (message: string) => z.uuid({ message });

const requiredDate = (message: string) =>
  z.string({ message }).transform((value, context) => {
    const parsed = parseCalendarDate(value);
    if (!parsed) {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return parsed;
  });

/** An empty box is no date; anything typed must be a date. */
const optionalDate = (message: string) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === "") return null;
      const parsed = parseCalendarDate(value);
      if (!parsed) {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return parsed;
    });

const yesNo = (message: string) => z.enum(["yes", "no"], { message }).transform((value) => value === "yes");

export const disclosureForm = z
  .object({
    employerId: uuid("validation.disclosure.employer"),
    choice: z.enum(["nothing", "support_from_service", "condition"], {
      message: "validation.disclosure.choice",
    }),
    wording: z.string().trim().max(500, "validation.tooLong").optional().default(""),
  })
  .superRefine((form, context) => {
    if (form.choice === "condition" && !form.wording)
      context.addIssue({ code: "custom", path: ["wording"], message: "validation.disclosure.wording" });
  })
  // Words about a condition are kept only when that is what the person chose to say.
  .transform((form) => ({ ...form, wording: form.choice === "condition" ? form.wording : "" }));
export type DisclosureForm = z.infer<typeof disclosureForm>;

const time = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(value);
    if (!match) {
      context.addIssue({ code: "custom", message: "validation.application.interviewTime" });
      return z.NEVER;
    }
    return `${match[1]!.padStart(2, "0")}:${match[2]}`;
  });

/** Record or edit an application; built with today's date so its dates are checked for sense. */
export function applicationForm(today: string) {
  return z
    .object({
      employerId: uuid("validation.application.employer"),
      title: z
        .string({ message: "validation.application.title" })
        .trim()
        .min(1, "validation.application.title")
        .max(200, "validation.tooLong"),
      status: z.enum(applicationStatuses, { message: "validation.application.status" }),
      appliedOn: optionalDate("validation.application.appliedOn"),
      interviewDate: optionalDate("validation.application.interviewDate"),
      interviewTime: time,
      outcomeOn: optionalDate("validation.application.outcomeOn"),
      notes,
      opportunityId: z.uuid().optional().catch(undefined),
    })
    .superRefine((form, context) => {
      if (form.interviewDate !== null && form.interviewTime === null)
        context.addIssue({
          code: "custom",
          path: ["interviewTime"],
          message: "validation.application.interviewTime",
        });
      if (form.interviewDate === null && form.interviewTime !== null)
        context.addIssue({
          code: "custom",
          path: ["interviewDate"],
          message: "validation.application.interviewDate",
        });
      const problems = applicationDateProblems(
        {
          status: form.status,
          appliedOn: form.appliedOn,
          interviewOn: form.interviewDate,
          outcomeOn: form.outcomeOn,
        },
        today,
      );
      for (const problem of problems)
        context.addIssue({ code: "custom", path: [problem.field], message: problem.message });
    })
    .transform(({ interviewDate, interviewTime, ...rest }) => ({
      ...rest,
      interviewAt: interviewDate && interviewTime ? zonedInstant(interviewDate, interviewTime) : null,
    }));
}
export type ApplicationForm = z.infer<ReturnType<typeof applicationForm>>;

export const version = z.coerce.number({ message: "validation.reload" }).int().min(1, "validation.reload");

/** A support plan action for getting ready: for the person or for the member of staff adding it. */
export const preparationActionForm = (today: string) =>
  z.object({
    kind: z.enum(["cv", "interview"], { message: "validation.application.preparation" }),
    owner: z.enum(["participant", "staff"], { message: "validation.application.actionOwner" }),
    dueDate: requiredDate("validation.application.actionDue").refine(
      (value) => value >= today,
      "validation.application.actionDuePast",
    ),
  });

const hours = z
  .string({ message: "validation.job.hours" })
  .trim()
  .regex(/^\d{1,2}(\.\d)?$/, "validation.job.hours")
  .transform(Number)
  .refine((value) => value > 0 && value <= 80, "validation.job.hoursRange");

const MAX_HOURLY_PAY_PENCE = 999_999;

const pay = z.string({ message: "validation.job.pay" }).transform((value, context) => {
  const pence = poundsToPence(value);
  // Up to £9,999.99 an hour, as the form has always taken; anything larger is a typing slip.
  if (pence === undefined || pence === 0 || pence > MAX_HOURLY_PAY_PENCE) {
    context.addIssue({ code: "custom", message: "validation.job.pay" });
    return z.NEVER;
  }
  return pence;
});

/** A job start: up to three months ahead (support begins before day one) or two years back. */
export function jobStartForm(today: string) {
  return z.object({
    employerId: uuid("validation.job.employer"),
    title: z
      .string({ message: "validation.job.title" })
      .trim()
      .min(1, "validation.job.title")
      .max(200, "validation.tooLong"),
    startedOn: requiredDate("validation.job.startedOn").refine((value) => {
      const days = calendarDaysBetween(today, value);
      return days <= 92 && days >= -731;
    }, "validation.job.startedOnRange"),
    hoursPerWeek: hours,
    hourlyPayPence: pay,
    contractType: z.enum(contractTypes, { message: "validation.job.contractType" }),
    openLabourMarket: yesNo("validation.job.openLabourMarket"),
    timeLimitedByService: yesNo("validation.job.timeLimitedByService"),
    applicationId: z
      .string()
      .optional()
      .transform((value) => (value ? value : null))
      .pipe(z.uuid({ message: "validation.job.application" }).nullable()),
  });
}
export type JobStartForm = z.infer<ReturnType<typeof jobStartForm>>;

/** A job's end: not before it started, and not a day still to come. */
export function jobEndForm(today: string, startedOn: string) {
  return z.object({
    endedOn: requiredDate("validation.job.endedOn")
      .refine((value) => value >= startedOn, "validation.job.endedBeforeStart")
      .refine((value) => value <= today, "validation.job.endedInFuture"),
    endReason: z.enum(jobEndReasons, { message: "validation.job.endReason" }),
    endNotes: notes,
  });
}
export type JobEndForm = z.infer<ReturnType<typeof jobEndForm>>;
