import { layoutProps } from "../../../platform/http/pages";
import {
  Button,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  Radios,
  Textarea,
  TextInput,
  WarningCallout,
} from "../../../platform/web/components";
import { DateInput } from "../../../platform/web/date-input";
import { SavedVersionWarning } from "../../../platform/web/form-fields";
import { Layout } from "../../../platform/web/layout";
import { ParticipantHeader } from "../../../platform/web/participant-header";
import type { EmployerOption } from "../employers/options";
import type { DisclosureInForce } from "./disclosure";
import { applicationStatuses } from "./schema";
import type { ApplicationView } from "./service";
import { DisclosureNote, EmployerSelect, type RecordFrame, WorkNotice, workBase } from "./view-parts";
import { applicationDates } from "./views";

export type PreparationState = {
  values: Record<string, unknown>;
  errors?: FieldError[];
  /** Why the action could not be added, beyond a field's message. */
  refusal?: "no_plan";
};

export function ApplicationFormPage(
  props: RecordFrame & {
    employers: EmployerOption[];
    values: Record<string, unknown>;
    errors?: FieldError[];
    /** Editing: the application as saved; on a 409, the version saved by someone else. */
    application?: ApplicationView;
    stale?: ApplicationView;
    disclosure?: { employerName: string; disclosure: DisclosureInForce };
    preparation?: PreparationState;
  },
) {
  const { t, banner, values, errors, application } = props;
  const base = workBase(banner.id);
  const title = application
    ? t.t("work.application.editTitle", { title: application.title })
    : t.t("work.application.newTitle");
  const action = application ? `${base}/applications/${application.id}` : `${base}/applications`;
  const allErrors = [...(errors ?? []), ...(props.preparation?.errors ?? [])];
  return (
    <Layout {...layoutProps(props, title, allErrors)} backLink={{ href: base }}>
      <WorkNotice t={t} notice={props.notice} />
      <ErrorSummary errors={allErrors} title={t.t("error.summaryTitle")} />
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      <h1>{title}</h1>
      <p>{t.t("work.application.intro")}</p>
      {props.stale && (
        <SavedVersionWarning
          t={t}
          saved={[
            { key: t.t("work.application.employer"), value: props.stale.employerName },
            { key: t.t("work.application.jobTitle"), value: props.stale.title },
            {
              key: t.t("work.application.status"),
              value: t.t(`work.application.status.${props.stale.status}`),
            },
            { key: t.t("work.applications.dates"), value: applicationDates(t, props.stale) },
            { key: t.t("work.application.notes"), value: props.stale.notes },
          ]}
        />
      )}
      {props.disclosure && <DisclosureNote t={t} {...props.disclosure} />}
      <Form action={action} csrfToken={props.csrfToken}>
        {application && (
          <input type="hidden" name="version" value={String(values.version ?? application.version)} />
        )}
        {values.opportunityId ? (
          <input type="hidden" name="opportunityId" value={String(values.opportunityId)} />
        ) : null}
        <EmployerSelect
          t={t}
          label={t.t("work.application.employer")}
          employers={props.employers}
          value={values.employerId}
          errors={errors}
        />
        <TextInput
          name="title"
          label={t.t("work.application.jobTitle")}
          value={values.title}
          error={errorFor(errors, "title")}
        />
        <Radios
          name="status"
          legend={t.t("work.application.status")}
          value={values.status ?? "preparing"}
          error={errorFor(errors, "status")}
          options={applicationStatuses.map((value) => ({
            value,
            label: t.t(`work.application.status.${value}`),
          }))}
        />
        <DateInput
          t={t}
          name="appliedOn"
          legend={t.t("work.application.appliedOn")}
          hint={t.t("work.application.dateHint")}
          values={values}
          errors={errors}
        />
        <DateInput
          t={t}
          name="interviewDate"
          legend={t.t("work.application.interviewDate")}
          hint={t.t("work.application.dateHint")}
          values={values}
          errors={errors}
        />
        <TextInput
          name="interviewTime"
          label={t.t("work.application.interviewTime")}
          hint={t.t("work.application.interviewTime.hint")}
          value={values.interviewTime}
          error={errorFor(errors, "interviewTime")}
          width={5}
        />
        <DateInput
          t={t}
          name="outcomeOn"
          legend={t.t("work.application.outcomeOn")}
          hint={`${t.t("work.application.outcomeOn.hint")} ${t.t("work.application.dateHint")}`}
          values={values}
          errors={errors}
        />
        <Textarea
          name="notes"
          label={t.t("work.application.notes")}
          value={values.notes}
          error={errorFor(errors, "notes")}
          rows={3}
        />
        <Button>{t.t("work.application.save")}</Button>
      </Form>
      {application && props.preparation && (
        <Preparation {...props} application={application} preparation={props.preparation} />
      )}
    </Layout>
  );
}

function Preparation(props: RecordFrame & { application: ApplicationView; preparation: PreparationState }) {
  const { t, banner, preparation } = props;
  const errors = preparation.errors;
  return (
    <>
      <h2 id="preparation">{t.t("work.application.prep.heading")}</h2>
      <p>{t.t("work.application.prep.intro")}</p>
      {preparation.refusal === "no_plan" && (
        <WarningCallout heading={t.t("work.application.prep.heading")}>
          <p>{t.t("work.application.prep.noPlan")}</p>
          <p>
            <a href={`/participants/${banner.id}/plan`}>{t.t("work.application.prep.startPlan")}</a>
          </p>
        </WarningCallout>
      )}
      <Form
        action={`${workBase(banner.id)}/applications/${props.application.id}/plan-actions`}
        csrfToken={props.csrfToken}
      >
        <Radios
          name="owner"
          legend={t.t("work.application.prep.owner")}
          value={preparation.values.owner ?? "participant"}
          error={errorFor(errors, "owner")}
          inline
          options={(["participant", "staff"] as const).map((value) => ({
            value,
            label: t.t(`work.application.prep.owner.${value}`),
          }))}
        />
        <DateInput
          t={t}
          name="dueDate"
          legend={t.t("work.application.prep.due")}
          hint={t.t("work.application.dateHint")}
          values={preparation.values}
          errors={errors}
        />
        <div class="nhsuk-button-group">
          <Button variant="secondary" name="kind" value="cv">
            {t.t("work.application.prep.cv")}
          </Button>
          <Button variant="secondary" name="kind" value="interview">
            {t.t("work.application.prep.interview")}
          </Button>
        </div>
      </Form>
    </>
  );
}
