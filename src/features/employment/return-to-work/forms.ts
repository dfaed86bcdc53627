import { z } from "zod";
import { isCalendarDate } from "../../../platform/calendar-date";
import type { FormBody } from "../../../platform/web/forms";
import type { MessageKey } from "../../../platform/web/i18n";
import { MAX_PHASED_WEEKS, MAX_WEEKLY_HOURS, phasedReturnProblems } from "./rules";
import { fitNoteAdviceKinds, type PhasedReturnWeek, returnToWorkOutcomes } from "./schema";

// The absence and plan forms as the pages post them. Messages are catalogue keys.

const isRealDate = isCalendarDate;

const requiredDate = (message: MessageKey) =>
  z.string({ message }).trim().min(1, message).refine(isRealDate, message);
const optionalDate = (message: MessageKey) =>
  z
    .string()
    .trim()
    .optional()
    .refine((text) => !text || isRealDate(text), message)
    .transform((text) => (text ? text : null));
const text = (max: number) => z.string().trim().max(max, "validation.tooLong").optional().default("");
const version = z.coerce.number({ message: "validation.reload" }).int().min(1);

export const absenceForm = (context: { today: string }) =>
  z
    .object({
      employerId: z.uuid({ message: "validation.returnToWork.employer" }),
      startedOn: requiredDate("validation.returnToWork.startedOn").refine(
        (date) => date <= context.today,
        "validation.returnToWork.startedInFuture",
      ),
      endedOn: optionalDate("validation.returnToWork.endedOn"),
      notes: text(2000),
    })
    .superRefine((form, issues) => {
      if (form.endedOn && form.endedOn <= form.startedOn)
        issues.addIssue({
          code: "custom",
          path: ["endedOn"],
          message: "validation.returnToWork.endedBeforeStart",
        });
    });
export type AbsenceForm = z.infer<ReturnType<typeof absenceForm>>;
export const absenceEditForm = (context: { today: string }) =>
  absenceForm(context).and(z.object({ version }));

/** The phased-return rows as the form numbers them: week-1-hours, week-1-notes, week-2-hours … */
export const weekField = (week: number, part: "hours" | "notes") => `week-${week}-${part}`;
export const REVIEW_DATE_FIELDS = 4;
export const reviewField = (index: number) => `review-${index}`;

/** How many week rows the form shows: what was posted, clamped to 0–12. */
export function weekCount(body: FormBody): number {
  const count = Number(body.weekCount);
  return Number.isInteger(count) ? Math.min(MAX_PHASED_WEEKS, Math.max(0, count)) : 0;
}

const stringIn = (body: FormBody, name: string) => {
  const value = body[name];
  return typeof value === "string" ? value.trim() : "";
};

/** The weeks posted, in order; hours that are not a number stay NaN so the week is named in the error. */
export function postedWeeks(body: FormBody): PhasedReturnWeek[] {
  return Array.from({ length: weekCount(body) }, (_, index) => {
    const hoursText = stringIn(body, weekField(index + 1, "hours"));
    return {
      week: index + 1,
      hours: /^\d+(\.\d+)?$/.test(hoursText) ? Number(hoursText) : Number.NaN,
      notes: stringIn(body, weekField(index + 1, "notes")).slice(0, 500),
    };
  });
}

const checked = (body: FormBody, name: string) => {
  const value = body[name];
  return Array.isArray(value) ? value : value ? [value] : [];
};

export type PlanForm = {
  returnOn: string;
  phasedReturn: PhasedReturnWeek[];
  alteredHours: string;
  amendedDuties: string;
  workplaceAdaptations: string;
  reviewDates: string[];
  agreedWithEmployerBy: string;
  agreedOn: string | null;
  participantAgreed: boolean;
  outcome: (typeof returnToWorkOutcomes)[number] | null;
  outcomeOn: string | null;
};

const planFields = (context: { today: string; absenceStartedOn: string }) =>
  z
    .object({
      returnOn: requiredDate("validation.returnToWork.returnOn").refine(
        (date) => date >= context.absenceStartedOn,
        "validation.returnToWork.returnBeforeAbsence",
      ),
      advice: z.array(z.enum(fitNoteAdviceKinds, { message: "validation.chooseFromList" })),
      alteredHours: text(1000),
      amendedDuties: text(1000),
      workplaceAdaptations: text(1000),
      agreedWithEmployerBy: text(200),
      agreedOn: optionalDate("validation.returnToWork.agreedOn").refine(
        (date) => !date || date <= context.today,
        "validation.returnToWork.agreedInFuture",
      ),
      participantAgreed: z.boolean(),
      outcome: z
        .enum([...returnToWorkOutcomes, ""], { message: "validation.chooseFromList" })
        .optional()
        .transform((value) => (value ? value : null)),
      outcomeOn: optionalDate("validation.returnToWork.outcomeOn").refine(
        (date) => !date || date <= context.today,
        "validation.returnToWork.outcomeInFuture",
      ),
    })
    .superRefine((form, issues) => {
      const need = (when: boolean, path: string, message: MessageKey) => {
        if (when) issues.addIssue({ code: "custom", path: [path], message });
      };
      need(
        form.advice.includes("altered_hours") && !form.alteredHours,
        "alteredHours",
        "validation.returnToWork.alteredHours",
      );
      need(
        form.advice.includes("amended_duties") && !form.amendedDuties,
        "amendedDuties",
        "validation.returnToWork.amendedDuties",
      );
      need(
        form.advice.includes("workplace_adaptations") && !form.workplaceAdaptations,
        "workplaceAdaptations",
        "validation.returnToWork.workplaceAdaptations",
      );
      need(
        Boolean(form.agreedOn) && !form.agreedWithEmployerBy,
        "agreedWithEmployerBy",
        "validation.returnToWork.agreedBy",
      );
      need(
        Boolean(form.agreedWithEmployerBy) && !form.agreedOn,
        "agreedOn",
        "validation.returnToWork.agreedOn",
      );
      need(Boolean(form.outcomeOn) && !form.outcome, "outcome", "validation.returnToWork.outcome");
      need(Boolean(form.outcome) && !form.outcomeOn, "outcomeOn", "validation.returnToWork.outcomeOn");
      need(
        Boolean(form.outcomeOn) && form.outcomeOn! < context.absenceStartedOn,
        "outcomeOn",
        "validation.returnToWork.outcomeBeforeAbsence",
      );
    });

export type PlanFormError = { field: string; message: MessageKey; week?: number };

/**
 * The plan form read and checked: the fields through zod, the week rows through the phased-return
 * rule. Advice not ticked is dropped, so the plan only says what it takes up.
 */
export function readPlanForm(
  body: FormBody,
  context: { today: string; absenceStartedOn: string },
): { ok: true; plan: PlanForm } | { ok: false; issues: z.core.$ZodIssue[]; weekErrors: PlanFormError[] } {
  const advice = checked(body, "advice");
  const parsed = planFields(context).safeParse({
    ...body,
    advice,
    participantAgreed: body.participantAgreed === "yes",
  });
  const weeks = advice.includes("phased_return") ? postedWeeks(body) : [];
  const weekErrors: PlanFormError[] = [];
  if (advice.includes("phased_return") && weeks.length === 0)
    weekErrors.push({ field: "weekCount", message: "validation.returnToWork.noWeeks" });
  for (const problem of phasedReturnProblems(weeks)) {
    if (problem.kind === "hours")
      weekErrors.push({
        field: weekField(problem.week, "hours"),
        message: "validation.returnToWork.weekHours",
        week: problem.week,
      });
    else weekErrors.push({ field: "weekCount", message: "validation.returnToWork.weeks" });
  }
  const reviewDates = Array.from({ length: REVIEW_DATE_FIELDS }, (_, index) =>
    stringIn(body, reviewField(index + 1)),
  );
  reviewDates.forEach((date, index) => {
    if (date && !isRealDate(date))
      weekErrors.push({ field: reviewField(index + 1), message: "validation.returnToWork.reviewDate" });
  });
  if (!parsed.success || weekErrors.length > 0)
    return { ok: false, issues: parsed.success ? [] : parsed.error.issues, weekErrors };
  const form = parsed.data;
  return {
    ok: true,
    plan: {
      returnOn: form.returnOn,
      phasedReturn: weeks,
      alteredHours: form.advice.includes("altered_hours") ? form.alteredHours : "",
      amendedDuties: form.advice.includes("amended_duties") ? form.amendedDuties : "",
      workplaceAdaptations: form.advice.includes("workplace_adaptations") ? form.workplaceAdaptations : "",
      reviewDates: [...new Set(reviewDates.filter(Boolean))].sort(),
      agreedWithEmployerBy: form.agreedWithEmployerBy,
      agreedOn: form.agreedOn,
      participantAgreed: form.participantAgreed,
      outcome: form.outcome,
      outcomeOn: form.outcomeOn,
    },
  };
}

export { MAX_PHASED_WEEKS, MAX_WEEKLY_HOURS };
