import { layoutProps } from "../../../platform/http/pages";
import {
  Button,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  InsetText,
  Radios,
  Select,
  SummaryList,
  Textarea,
  TextInput,
  WarningCallout,
} from "../../../platform/web/components";
import { DateInput } from "../../../platform/web/date-input";
import type { Translator } from "../../../platform/web/i18n/index";
import { Layout } from "../../../platform/web/layout";
import { ParticipantHeader } from "../../../platform/web/participant-header";
import type { EmployerOption } from "../employers/options";
import { formatPence } from "../shared/money";
import type { DisclosureInForce } from "./disclosure";
import { isIpsJobStart, jobStartShortfalls } from "./job-rules";
import { contractTypes, jobEndReasons } from "./schema";
import type { ApplicationView, ConnectedEmployer, JobView } from "./service";
import {
  DisclosureNote,
  day,
  disclosureText,
  EmployerSelect,
  type RecordFrame,
  tenureText,
  WorkNotice,
  workBase,
} from "./view-parts";

const yesNo = (t: Translator) => [
  { value: "yes", label: t.t("common.yes") },
  { value: "no", label: t.t("common.no") },
];

export function JobStartFormPage(
  props: RecordFrame & {
    employers: EmployerOption[];
    applications: ApplicationView[];
    wageFloorPence: number;
    values: Record<string, unknown>;
    errors?: FieldError[];
    disclosure?: { employerName: string; disclosure: DisclosureInForce };
    disclosures?: { connected: ConnectedEmployer[]; general: DisclosureInForce };
    /** Why the stage model would refuse a start now (decision 59), said before the form is filled. */
    notYet?: string;
  },
) {
  const { t, banner, values, errors } = props;
  const base = workBase(banner.id);
  return (
    <Layout {...layoutProps(props, t.t("work.job.newTitle"), errors)} backLink={{ href: base }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      <h1>{t.t("work.job.newTitle")}</h1>
      <p>{t.t("work.job.intro")}</p>
      {props.notYet && !errors && (
        <WarningCallout heading={t.t("stage.jobStart.notYet")}>
          <p>{props.notYet}</p>
        </WarningCallout>
      )}
      {props.disclosure && <DisclosureNote t={t} {...props.disclosure} />}
      {props.disclosures && <DisclosureList t={t} {...props.disclosures} />}
      <Form action={`${base}/jobs`} csrfToken={props.csrfToken}>
        <EmployerSelect
          t={t}
          label={t.t("work.job.employer")}
          employers={props.employers}
          value={values.employerId}
          errors={errors}
        />
        <TextInput
          name="title"
          label={t.t("work.job.jobTitle")}
          value={values.title}
          error={errorFor(errors, "title")}
        />
        <DateInput
          t={t}
          name="startedOn"
          legend={t.t("work.job.startedOn")}
          hint={t.t("work.job.startedOn.hint")}
          values={values}
          errors={errors}
        />
        <TextInput
          name="hoursPerWeek"
          label={t.t("work.job.hoursPerWeek")}
          hint={t.t("work.job.hoursPerWeek.hint")}
          value={values.hoursPerWeek}
          error={errorFor(errors, "hoursPerWeek")}
          inputmode="text"
          width={4}
        />
        <TextInput
          name="hourlyPayPence"
          label={t.t("work.job.hourlyPay")}
          hint={t.t("work.job.hourlyPay.hint", { floor: formatPence(props.wageFloorPence) })}
          value={values.hourlyPayPence}
          error={errorFor(errors, "hourlyPayPence")}
          width={5}
        />
        <Select
          name="contractType"
          label={t.t("work.job.contractType")}
          value={values.contractType}
          error={errorFor(errors, "contractType")}
          emptyOption=""
          options={contractTypes.map((value) => ({ value, label: t.t(`work.job.contract.${value}`) }))}
        />
        <Radios
          name="openLabourMarket"
          legend={t.t("work.job.openLabourMarket")}
          hint={t.t("work.job.openLabourMarket.hint")}
          value={values.openLabourMarket}
          error={errorFor(errors, "openLabourMarket")}
          inline
          options={yesNo(t)}
        />
        <Radios
          name="timeLimitedByService"
          legend={t.t("work.job.timeLimited")}
          hint={t.t("work.job.timeLimited.hint")}
          value={values.timeLimitedByService}
          error={errorFor(errors, "timeLimitedByService")}
          inline
          options={yesNo(t)}
        />
        {props.applications.length > 0 && (
          <Select
            name="applicationId"
            label={t.t("work.job.application")}
            hint={t.t("work.job.application.hint")}
            value={values.applicationId}
            error={errorFor(errors, "applicationId")}
            emptyOption={t.t("work.job.noApplication")}
            options={props.applications.map((row) => ({
              value: row.id,
              label: t.t("work.job.pageTitle", { title: row.title, employer: row.employerName }),
            }))}
          />
        )}
        <Button>{t.t("work.job.save")}</Button>
      </Form>
    </Layout>
  );
}

function IpsVerdict({ t, job }: { t: Translator; job: JobView }) {
  if (isIpsJobStart(job))
    return (
      <InsetText>
        <p>{t.t("work.job.ips.yes")}</p>
      </InsetText>
    );
  return (
    <InsetText>
      <p>{t.t("work.job.ips.no")}</p>
      <ul>
        {jobStartShortfalls(job, job.wageFloorPence).map((reason) => (
          <li key={reason}>
            {t.t(`work.job.shortfall.${reason}`, { floor: formatPence(job.wageFloorPence) })}
          </li>
        ))}
      </ul>
    </InsetText>
  );
}

export function JobPage(
  props: RecordFrame & {
    job: JobView;
    disclosure: DisclosureInForce;
    today: string;
    mayWrite: boolean;
    values: Record<string, unknown>;
    errors?: FieldError[];
  },
) {
  const { t, banner, job, values, errors } = props;
  const base = workBase(banner.id);
  const title = t.t("work.job.pageTitle", { title: job.title, employer: job.employerName });
  const yes = (value: boolean) => t.t(value ? "common.yes" : "common.no");
  return (
    <Layout {...layoutProps(props, title, errors)} backLink={{ href: base }}>
      <WorkNotice t={t} notice={props.notice} />
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      <h1>{title}</h1>
      <IpsVerdict t={t} job={job} />
      <SummaryList
        rows={[
          { key: t.t("work.job.started"), value: day(t, job.startedOn) },
          ...(job.endedOn ? [{ key: t.t("work.job.ended"), value: day(t, job.endedOn) }] : []),
          { key: t.t("work.jobs.tenure"), value: tenureText(t, job.startedOn, job.endedOn ?? props.today) },
          { key: t.t("work.job.hoursPerWeek"), value: t.formatNumber(job.hoursPerWeek) },
          { key: t.t("work.job.pay"), value: formatPence(job.hourlyPayPence) },
          { key: t.t("work.job.contractType"), value: t.t(`work.job.contract.${job.contractType}`) },
          { key: t.t("work.job.openLabourMarket"), value: yes(job.openLabourMarket) },
          { key: t.t("work.job.timeLimited"), value: yes(job.timeLimitedByService) },
          { key: t.t("work.job.competitive"), value: yes(job.competitive) },
          { key: t.t("work.job.wageFloor"), value: formatPence(job.wageFloorPence) },
          ...(job.endReason
            ? [{ key: t.t("work.job.endReason"), value: t.t(`work.job.endReason.${job.endReason}`) }]
            : []),
          ...(job.endNotes ? [{ key: t.t("work.job.endNotes"), value: job.endNotes }] : []),
        ]}
      />
      <DisclosureNote t={t} employerName={job.employerName} disclosure={props.disclosure} />
      {props.mayWrite && job.endedOn === null && (
        <>
          <h2 id="end">{t.t("work.job.end.heading")}</h2>
          <p>{t.t("work.job.end.intro")}</p>
          <Form action={`${base}/jobs/${job.id}/end`} csrfToken={props.csrfToken}>
            <DateInput
              t={t}
              name="endedOn"
              legend={t.t("work.job.endedOn")}
              hint={t.t("work.application.dateHint")}
              values={values}
              errors={errors}
            />
            <Radios
              name="endReason"
              legend={t.t("work.job.endReason.legend")}
              value={values.endReason}
              error={errorFor(errors, "endReason")}
              options={jobEndReasons.map((value) => ({ value, label: t.t(`work.job.endReason.${value}`) }))}
            />
            <Textarea
              name="endNotes"
              label={t.t("work.job.endNotes.label")}
              value={values.endNotes}
              error={errorFor(errors, "endNotes")}
              rows={3}
            />
            <Button variant="secondary">{t.t("work.job.end.save")}</Button>
          </Form>
        </>
      )}
    </Layout>
  );
}

/** What each employer may be told, for a form whose employer is not chosen yet. */
function DisclosureList({
  t,
  connected,
  general,
}: {
  t: Translator;
  connected: ConnectedEmployer[];
  general: DisclosureInForce;
}) {
  return (
    <InsetText>
      <h2 class="nhsuk-heading-s">{t.t("work.disclosure.listHeading")}</h2>
      <ul class="nhsuk-list">
        {connected.map((row) => (
          <li key={row.id}>
            <strong>{row.name}</strong>: {disclosureText(t, row.disclosure)}
          </li>
        ))}
        <li>
          <strong>{t.t("work.disclosure.anyOther")}</strong>: {disclosureText(t, general)}
        </li>
      </ul>
    </InsetText>
  );
}
