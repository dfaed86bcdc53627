import { layoutProps } from "../../../platform/http/pages";
import {
  Button,
  Checkboxes,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  Radios,
  SummaryList,
  Table,
  Textarea,
  TextInput,
  WarningCallout,
} from "../../../platform/web/components";
import { DateInput } from "../../../platform/web/date-input";
import { SavedVersionWarning } from "../../../platform/web/form-fields";
import type { Translator } from "../../../platform/web/i18n";
import { Layout } from "../../../platform/web/layout";
import { ParticipantHeader } from "../../../platform/web/participant-header";
import { MAX_PHASED_WEEKS, REVIEW_DATE_FIELDS, reviewField, weekField } from "./forms";
import { adviceThatApplies } from "./rules";
import {
  fitNoteAdviceKinds,
  type PhasedReturnWeek,
  type ReturnToWorkPlanRow,
  returnToWorkOutcomes,
} from "./schema";
import type { AbsenceView } from "./service";
import { day, type RecordFrame, returnToWorkBase } from "./shared";

type Values = Record<string, unknown>;

export function WeeksTable({ t, weeks }: { t: Translator; weeks: readonly PhasedReturnWeek[] }) {
  return (
    <Table
      caption={t.t("returnToWork.weeksCaption")}
      columns={[
        { label: t.t("returnToWork.columns.week"), numeric: true },
        { label: t.t("returnToWork.columns.hours"), numeric: true },
        { label: t.t("returnToWork.columns.note") },
      ]}
      rows={weeks.map((week) => [t.formatNumber(week.week), t.formatNumber(week.hours), week.notes])}
    />
  );
}

/** The plan as the team reads it on the Return to work tab. */
export function PlanSummary({ t, plan }: { t: Translator; plan: ReturnToWorkPlanRow }) {
  const applies = adviceThatApplies(plan);
  return (
    <>
      <SummaryList
        rows={[
          { key: t.t("returnToWork.field.returnOn"), value: day(t, plan.returnOn) },
          {
            key: t.t("returnToWork.plan.includes"),
            value:
              applies.length === 0
                ? t.t("returnToWork.plan.includesNothing")
                : applies.map((kind) => t.t(`returnToWork.advice.${kind}`)).join(", "),
          },
          ...(plan.alteredHours
            ? [{ key: t.t("returnToWork.field.alteredHours"), value: plan.alteredHours }]
            : []),
          ...(plan.amendedDuties
            ? [{ key: t.t("returnToWork.field.amendedDuties"), value: plan.amendedDuties }]
            : []),
          ...(plan.workplaceAdaptations
            ? [{ key: t.t("returnToWork.field.workplaceAdaptations"), value: plan.workplaceAdaptations }]
            : []),
          ...(plan.reviewDates.length > 0
            ? [
                {
                  key: t.t("returnToWork.print.reviews"),
                  value: plan.reviewDates.map((date) => day(t, date)).join(", "),
                },
              ]
            : []),
          {
            key: t.t("returnToWork.plan.employerAgreement"),
            value:
              plan.agreedOn && plan.agreedWithEmployerBy
                ? t.t("returnToWork.plan.agreed", {
                    by: plan.agreedWithEmployerBy,
                    date: day(t, plan.agreedOn),
                  })
                : t.t("returnToWork.plan.notAgreed"),
          },
          {
            key: t.t("returnToWork.field.sharing"),
            value: t.t(plan.participantAgreed ? "returnToWork.plan.sharedYes" : "returnToWork.plan.sharedNo"),
          },
          {
            key: t.t("returnToWork.plan.outcome"),
            value:
              plan.outcome && plan.outcomeOn
                ? t.t("returnToWork.plan.outcomeValue", {
                    outcome: t.t(`returnToWork.outcome.${plan.outcome}`),
                    date: day(t, plan.outcomeOn),
                  })
                : t.t("returnToWork.plan.noOutcome"),
          },
        ]}
      />
      {plan.phasedReturn.length > 0 && <WeeksTable t={t} weeks={plan.phasedReturn} />}
    </>
  );
}

/** The plan's stored values as the form's fields. */
export function planValues(plan: ReturnToWorkPlanRow): Values {
  const values: Values = {
    version: plan.version,
    returnOn: plan.returnOn,
    advice: adviceThatApplies(plan),
    alteredHours: plan.alteredHours,
    amendedDuties: plan.amendedDuties,
    workplaceAdaptations: plan.workplaceAdaptations,
    agreedWithEmployerBy: plan.agreedWithEmployerBy,
    agreedOn: plan.agreedOn ?? "",
    participantAgreed: plan.participantAgreed ? "yes" : "",
    outcome: plan.outcome ?? "",
    outcomeOn: plan.outcomeOn ?? "",
    weekCount: plan.phasedReturn.length,
  };
  for (const week of plan.phasedReturn) {
    values[weekField(week.week, "hours")] = String(week.hours);
    values[weekField(week.week, "notes")] = week.notes;
  }
  plan.reviewDates.slice(0, REVIEW_DATE_FIELDS).forEach((date, index) => {
    values[reviewField(index + 1)] = date;
  });
  return values;
}

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === "string" && value ? [value] : [];

function WeekRows({ t, values, errors }: { t: Translator; values: Values; errors?: FieldError[] }) {
  const count = Math.min(MAX_PHASED_WEEKS, Math.max(0, Number(values.weekCount) || 0));
  const error = errorFor(errors, "weekCount");
  return (
    <fieldset
      class={`nhsuk-fieldset nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}
      id="weekCount"
    >
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
        {t.t("returnToWork.field.weeks")}
      </legend>
      <div class="nhsuk-hint">{t.t("returnToWork.field.weeksHint")}</div>
      {error && (
        <span class="nhsuk-error-message" id="weekCount-error">
          <span class="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      <input type="hidden" name="weekCount" value={String(count)} />
      {count === 0 && <p>{t.t("returnToWork.noWeeks")}</p>}
      {Array.from({ length: count }, (_, index) => {
        const week = index + 1;
        return (
          <div class="nhsuk-grid-row" key={week}>
            <div class="nhsuk-grid-column-one-quarter">
              <TextInput
                name={weekField(week, "hours")}
                label={t.t("returnToWork.field.weekHours", { week })}
                value={values[weekField(week, "hours")]}
                width={3}
                inputmode="text"
                error={errorFor(errors, weekField(week, "hours"))}
              />
            </div>
            <div class="nhsuk-grid-column-three-quarters">
              <TextInput
                name={weekField(week, "notes")}
                label={t.t("returnToWork.field.weekNotes", { week })}
                value={values[weekField(week, "notes")]}
                error={errorFor(errors, weekField(week, "notes"))}
              />
            </div>
          </div>
        );
      })}
      <div class="nhsuk-button-group">
        {count < MAX_PHASED_WEEKS && (
          <Button variant="secondary" name="action" value="addWeek">
            {t.t("returnToWork.addWeek")}
          </Button>
        )}
        {count > 0 && (
          <Button variant="secondary" name="action" value="removeWeek">
            {t.t("returnToWork.removeWeek")}
          </Button>
        )}
      </div>
    </fieldset>
  );
}

export function PlanFormPage(
  props: RecordFrame & {
    absence: AbsenceView;
    values: Values;
    errors?: FieldError[];
    /** Why the plan cannot be agreed with or printed for the employer now, if it cannot. */
    block: "no_consent" | "not_agreed" | null;
    conflict?: ReturnToWorkPlanRow;
  },
) {
  const { t, banner, values, errors, absence } = props;
  const base = returnToWorkBase(banner.id);
  const title = t.t(absence.plan ? "returnToWork.plan.editTitle" : "returnToWork.plan.newTitle");
  const advice = list(values.advice);
  return (
    <Layout {...layoutProps(props, title, errors, true)}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      {props.conflict && (
        <SavedVersionWarning
          t={t}
          saved={[
            { key: t.t("returnToWork.plan.title"), value: <PlanSummary t={t} plan={props.conflict} /> },
          ]}
        />
      )}
      <h1>{title}</h1>
      <p>
        {t.t("returnToWork.plan.forAbsence", {
          employer: absence.employerName,
          date: day(t, absence.startedOn),
        })}
      </p>
      {props.block === "no_consent" && (
        <WarningCallout heading={t.t("returnToWork.blockHeading")}>
          <p>{t.t("returnToWork.block.no_consent")}</p>
        </WarningCallout>
      )}
      <Form action={`${base}/absences/${absence.id}/plan`} csrfToken={props.csrfToken}>
        {/* Enter in a field submits with the form's first button: make that one save the plan,
            not add a week. Hidden from everyone; the visible Save button is at the end. */}
        <button
          type="submit"
          name="action"
          value="save"
          class="nhsuk-u-visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
        >
          {t.t("returnToWork.plan.save")}
        </button>
        {absence.plan && (
          <input
            type="hidden"
            name="version"
            value={String(props.conflict?.version ?? values.version ?? absence.plan.version)}
          />
        )}
        <DateInput
          t={t}
          name="returnOn"
          legend={t.t("returnToWork.field.returnOn")}
          values={values}
          errors={errors}
        />
        <Checkboxes
          name="advice"
          legend={t.t("returnToWork.field.advice")}
          hint={t.t("returnToWork.field.adviceHint")}
          options={fitNoteAdviceKinds.map((kind) => ({
            value: kind,
            label: t.t(`returnToWork.advice.${kind}`),
          }))}
          checked={advice}
          error={errorFor(errors, "advice")}
        />
        <WeekRows t={t} values={values} errors={errors} />
        {(["alteredHours", "amendedDuties", "workplaceAdaptations"] as const).map((name) => (
          <Textarea
            key={name}
            name={name}
            label={t.t(`returnToWork.field.${name}`)}
            hint={t.t(`returnToWork.field.${name}Hint`)}
            value={values[name]}
            rows={2}
            error={errorFor(errors, name)}
          />
        ))}
        <fieldset class="nhsuk-fieldset nhsuk-form-group">
          <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            {t.t("returnToWork.field.reviewDates")}
          </legend>
          <div class="nhsuk-hint">{t.t("returnToWork.field.reviewDatesHint")}</div>
          {Array.from({ length: REVIEW_DATE_FIELDS }, (_, index) => (
            <DateInput
              key={reviewField(index + 1)}
              t={t}
              name={reviewField(index + 1)}
              legend={t.t("returnToWork.field.reviewDate", { number: index + 1 })}
              values={values}
              errors={errors}
            />
          ))}
        </fieldset>
        <Checkboxes
          name="participantAgreed"
          legend={t.t("returnToWork.field.sharing")}
          options={[{ value: "yes", label: t.t("returnToWork.field.participantAgreed") }]}
          checked={values.participantAgreed === "yes" ? ["yes"] : []}
          error={errorFor(errors, "participantAgreed")}
        />
        <TextInput
          name="agreedWithEmployerBy"
          label={t.t("returnToWork.field.agreedBy")}
          hint={t.t("returnToWork.field.agreedByHint")}
          value={values.agreedWithEmployerBy}
          error={errorFor(errors, "agreedWithEmployerBy")}
        />
        <DateInput
          t={t}
          name="agreedOn"
          legend={t.t("returnToWork.field.agreedOn")}
          values={values}
          errors={errors}
        />
        <Radios
          name="outcome"
          legend={t.t("returnToWork.field.outcome")}
          hint={t.t("returnToWork.field.outcomeHint")}
          value={values.outcome ?? ""}
          options={[
            { value: "", label: t.t("returnToWork.outcome.none") },
            ...returnToWorkOutcomes.map((outcome) => ({
              value: outcome,
              label: t.t(`returnToWork.outcome.${outcome}`),
            })),
          ]}
          error={errorFor(errors, "outcome")}
        />
        <DateInput
          t={t}
          name="outcomeOn"
          legend={t.t("returnToWork.field.outcomeOn")}
          values={values}
          errors={errors}
        />
        <Button name="action" value="save">
          {t.t("returnToWork.plan.save")}
        </Button>
      </Form>
      <p>
        <a href={base}>{t.t("common.cancel")}</a>
      </p>
    </Layout>
  );
}
