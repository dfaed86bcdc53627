import type { ComponentChildren } from "preact";
import {
  Button,
  errorFor,
  type FieldError,
  Form,
  Radios,
  Textarea,
  TextInput,
} from "../../../platform/web/components";
import type { Translator } from "../../../platform/web/i18n";
import { type CheckInAnswerField, type CheckInStep, checkInAnswerFields, fieldsOfStep } from "./form";

// The check-in's question pages, shared by the person's own pages and staff filling one in with
// them. The page around it (layout, record header) belongs to whoever shows it.

export type CheckInQuestionProps = {
  t: Translator;
  action: string;
  csrfToken: string;
  step: CheckInStep;
  steps: readonly CheckInStep[];
  /** Answers so far, as typed. */
  answers: Partial<Record<CheckInAnswerField, string>>;
  errors?: FieldError[];
};

/** The answers carried forward as hidden fields, except those this page asks. */
function Carried({
  answers,
  except,
}: {
  answers: CheckInQuestionProps["answers"];
  except: readonly string[];
}) {
  return (
    <>
      {checkInAnswerFields
        .filter((field) => !except.includes(field) && answers[field] !== undefined)
        .map((field) => (
          <input type="hidden" name={field} value={answers[field]} key={field} />
        ))}
    </>
  );
}

function Scale({
  t,
  name,
  question,
  hint,
  value,
  error,
}: {
  t: Translator;
  name: "mood" | "stress" | "energy";
  question: string;
  hint: string;
  value?: string;
  error?: string;
}) {
  return (
    <Radios
      name={name}
      legend={<h1 class="nhsuk-fieldset__heading">{question}</h1>}
      legendSize="m"
      hint={`${hint} ${t.t("checkIns.skipHint")}`}
      inline
      small
      value={value}
      error={error}
      options={Array.from({ length: 11 }, (_, score) => ({ value: String(score), label: String(score) }))}
    />
  );
}

/** A question of several answers: the question is the page's heading, and every answer may be skipped. */
function QuestionFieldset({
  t,
  question,
  children,
}: {
  t: Translator;
  question: string;
  children: ComponentChildren;
}) {
  return (
    <fieldset class="nhsuk-fieldset">
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
        <h1 class="nhsuk-fieldset__heading">{question}</h1>
      </legend>
      <p class="nhsuk-hint">{t.t("checkIns.skipHint")}</p>
      {children}
    </fieldset>
  );
}

function Question(props: CheckInQuestionProps) {
  const { t, step, answers, errors } = props;
  switch (step) {
    case "sleep":
      return (
        <QuestionFieldset t={t} question={t.t("checkIns.q.sleep")}>
          <TextInput
            name="sleepHours"
            label={t.t("checkIns.sleepHours")}
            hint={t.t("checkIns.sleepHours.hint")}
            width={3}
            inputmode="text"
            value={answers.sleepHours}
            error={errorFor(errors, "sleepHours")}
          />
          <TextInput
            name="bedtime"
            label={t.t("checkIns.bedtime")}
            hint={t.t("checkIns.time.hint")}
            width={5}
            value={answers.bedtime}
            error={errorFor(errors, "bedtime")}
          />
          <TextInput
            name="wakeTime"
            label={t.t("checkIns.wakeTime")}
            hint={t.t("checkIns.time.hint")}
            width={5}
            value={answers.wakeTime}
            error={errorFor(errors, "wakeTime")}
          />
        </QuestionFieldset>
      );
    case "mood":
    case "stress":
    case "energy":
      return (
        <Scale
          t={t}
          name={step}
          question={t.t(`checkIns.q.${step}`)}
          hint={t.t(`checkIns.q.${step}.hint`)}
          value={answers[step]}
          error={errorFor(errors, step)}
        />
      );
    case "work":
      return (
        <QuestionFieldset t={t} question={t.t("checkIns.q.work")}>
          <TextInput
            name="hoursWorked"
            label={t.t("checkIns.hoursWorked")}
            hint={t.t("checkIns.hoursWorked.hint")}
            width={4}
            value={answers.hoursWorked}
            error={errorFor(errors, "hoursWorked")}
          />
          <Textarea
            name="howWorkIsGoing"
            label={t.t("checkIns.howWorkIsGoing")}
            rows={4}
            value={answers.howWorkIsGoing}
            error={errorFor(errors, "howWorkIsGoing")}
          />
        </QuestionFieldset>
      );
    case "check":
      return <CheckAnswers {...props} />;
  }
}

/** An answer as the person will read it back. */
export function answerText(
  t: Translator,
  field: CheckInAnswerField,
  value: string | number | null | undefined,
): string {
  if (value === undefined || value === null || value === "") return t.t("checkIns.notAnswered");
  if (field === "sleepHours" || field === "hoursWorked")
    return t.t("checkIns.hoursValue", { hours: String(value) });
  if (field === "mood" || field === "stress" || field === "energy")
    return t.t("checkIns.scaleValue", { value: String(value) });
  if (field === "bedtime" || field === "wakeTime") return String(value).slice(0, 5);
  return String(value);
}

function CheckAnswers(props: CheckInQuestionProps) {
  const { t, steps, answers } = props;
  const asked = steps.flatMap((step) =>
    step === "check" ? [] : fieldsOfStep[step].map((field) => ({ step, field })),
  );
  return (
    <>
      <h1>{t.t("checkIns.checkTitle")}</h1>
      <dl class="nhsuk-summary-list">
        {asked.map(({ step, field }) => (
          <div class="nhsuk-summary-list__row" key={field}>
            <dt class="nhsuk-summary-list__key">{t.t(`checkIns.answer.${field}`)}</dt>
            <dd class="nhsuk-summary-list__value">{answerText(t, field, answers[field])}</dd>
            <dd class="nhsuk-summary-list__actions">
              <button class="app-link-button" type="submit" name="go" value={step}>
                {t.t("checkIns.change")}
                <span class="nhsuk-u-visually-hidden"> {t.t(`checkIns.answer.${field}`)}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** One page of the check-in: a question (or the answers to check) and the way on. */
export function CheckInQuestionForm(props: CheckInQuestionProps) {
  const { t, step, steps } = props;
  const number = steps.indexOf(step) + 1;
  const asked = step === "check" ? [] : fieldsOfStep[step];
  return (
    <Form action={props.action} csrfToken={props.csrfToken}>
      <input type="hidden" name="step" value={step} />
      <Carried answers={props.answers} except={asked} />
      {step !== "check" && (
        <span class="nhsuk-caption-m">
          {t.t("checkIns.stepOf", { number: String(number), count: String(steps.length - 1) })}
        </span>
      )}
      <Question {...props} />
      <div class="nhsuk-button-group">
        <Button name="go" value={step === "check" ? "save" : "next"}>
          {t.t(step === "check" ? "checkIns.save" : "checkIns.continue")}
        </Button>
        {number > 1 && (
          <Button name="go" value="back" variant="secondary">
            {t.t("checkIns.back")}
          </Button>
        )}
      </div>
    </Form>
  );
}
