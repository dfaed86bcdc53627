import { layoutProps } from "../../../platform/http/pages";
import {
  Button,
  ButtonLink,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  InsetText,
  Radios,
  Table,
  Tag,
  Textarea,
  WarningCallout,
} from "../../../platform/web/components";
import type { Translator } from "../../../platform/web/i18n/index";
import { Layout } from "../../../platform/web/layout";
import { ParticipantHeader } from "../../../platform/web/participant-header";
import type { EmployerOption } from "../employers/options";
import type { DisclosureInForce } from "./disclosure";
import { isIpsJobStart } from "./job-rules";
import type { ApplicationView, ConnectedEmployer, DisclosureHistoryRow, JobView } from "./service";
import {
  DisclosureNote,
  day,
  disclosureSource,
  disclosureText,
  EmployerSelect,
  type RecordFrame,
  tenureText,
  WorkNotice,
  workBase,
} from "./view-parts";

export const disclosureChoiceOptions = (t: Translator) =>
  (["nothing", "support_from_service", "condition"] as const).map((value) => ({
    value,
    label: t.t(`work.disclosure.choice.${value}`),
  }));

export function applicationDates(t: Translator, row: ApplicationView) {
  return [
    row.appliedOn ? t.t("work.application.applied", { date: day(t, row.appliedOn) }) : "",
    row.interviewAt
      ? t.t("work.application.interviewAt", { date: t.formatDate(row.interviewAt, "dateTime") })
      : "",
    row.outcomeOn ? t.t("work.application.outcome", { date: day(t, row.outcomeOn) }) : "",
  ]
    .filter(Boolean)
    .join("; ");
}

function Consent({
  t,
  consented,
  participantId,
}: {
  t: Translator;
  consented: boolean;
  participantId: string;
}) {
  if (consented)
    return (
      <InsetText>
        <p>{t.t("work.consent.given")}</p>
      </InsetText>
    );
  return (
    <WarningCallout heading={t.t("work.consent.heading")}>
      <p>{t.t("work.consent.missing")}</p>
      <p>
        <a href={`/participants/${participantId}/consent`}>{t.t("work.consent.link")}</a>
      </p>
    </WarningCallout>
  );
}

function JobsTable({
  t,
  rows,
  today,
  past,
}: {
  t: Translator;
  rows: JobView[];
  today: string;
  past: boolean;
}) {
  const base = (row: JobView) => `${workBase(row.participantId)}/jobs/${row.id}`;
  return (
    <Table
      caption={t.t(past ? "work.jobs.pastCaption" : "work.jobs.currentCaption")}
      columns={[
        { label: t.t("work.jobs.role") },
        { label: t.t("work.jobs.started") },
        ...(past ? [{ label: t.t("work.jobs.ended") }] : []),
        { label: t.t("work.jobs.tenure") },
        { label: t.t("work.jobs.ipsStart") },
      ]}
      rows={rows.map((row) => [
        <a key="job" href={base(row)}>
          {t.t("work.job.pageTitle", { title: row.title, employer: row.employerName })}
        </a>,
        day(t, row.startedOn),
        ...(past && row.endedOn ? [day(t, row.endedOn)] : []),
        tenureText(t, row.startedOn, row.endedOn ?? today),
        isIpsJobStart(row) ? t.t("common.yes") : t.t("common.no"),
      ])}
    />
  );
}

export function WorkPage(
  props: RecordFrame & {
    consented: boolean;
    employers: ConnectedEmployer[];
    applications: ApplicationView[];
    jobs: JobView[];
    history: DisclosureHistoryRow[];
    mayWrite: boolean;
    today: string;
  },
) {
  const { t, banner, mayWrite } = props;
  const base = workBase(banner.id);
  const current = props.jobs.filter((row) => row.endedOn === null);
  const past = props.jobs.filter((row) => row.endedOn !== null);
  return (
    <Layout {...layoutProps(props, t.t("work.title"), undefined, true)}>
      <WorkNotice t={t} notice={props.notice} />
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      <h1>{t.t("work.title")}</h1>
      <p>{t.t("work.intro")}</p>
      <Consent t={t} consented={props.consented} participantId={banner.id} />
      <h2>{t.t("work.links.heading")}</h2>
      <ul class="nhsuk-list">
        {mayWrite && props.consented && (
          <li>
            <a href={`${base}/employer-contacts/new`}>{t.t("work.links.employerContact")}</a>
          </li>
        )}
        <li>
          <a href={`${base}/suggestions`}>{t.t("work.links.suggestions")}</a>
        </li>
        <li>
          <a href={`/participants/${banner.id}/return-to-work`}>{t.t("work.links.returnToWork")}</a>
        </li>
      </ul>

      <h2>{t.t("work.jobs.heading")}</h2>
      {mayWrite && <ButtonLink href={`${base}/jobs/new`}>{t.t("work.jobs.add")}</ButtonLink>}
      <h3>{t.t("work.jobs.current")}</h3>
      {current.length === 0 ? (
        <p>{t.t("work.jobs.noneCurrent")}</p>
      ) : (
        <JobsTable t={t} rows={current} today={props.today} past={false} />
      )}
      <h3>{t.t("work.jobs.past")}</h3>
      {past.length === 0 ? (
        <p>{t.t("work.jobs.nonePast")}</p>
      ) : (
        <JobsTable t={t} rows={past} today={props.today} past />
      )}

      <h2>{t.t("work.applications.heading")}</h2>
      {mayWrite && (
        <ButtonLink href={`${base}/applications/new`} variant="secondary">
          {t.t("work.applications.add")}
        </ButtonLink>
      )}
      {props.applications.length === 0 ? (
        <p>{t.t("work.applications.none")}</p>
      ) : (
        <Table
          caption={t.t("work.applications.caption")}
          columns={[
            { label: t.t("work.applications.role") },
            { label: t.t("work.applications.status") },
            { label: t.t("work.applications.dates") },
          ]}
          rows={props.applications.map((row) => [
            mayWrite ? (
              <a key="edit" href={`${base}/applications/${row.id}`}>
                {t.t("work.job.pageTitle", { title: row.title, employer: row.employerName })}
              </a>
            ) : (
              t.t("work.job.pageTitle", { title: row.title, employer: row.employerName })
            ),
            <Tag key="status" colour={row.status === "offer" ? "green" : "grey"}>
              {t.t(`work.application.status.${row.status}`)}
            </Tag>,
            applicationDates(t, row),
          ])}
        />
      )}

      <h2>{t.t("work.employers.heading")}</h2>
      {mayWrite && (
        <ButtonLink href={`${base}/disclosures/new`} variant="secondary">
          {t.t("work.disclosure.record")}
        </ButtonLink>
      )}
      {props.employers.length === 0 ? (
        <p>{t.t("work.employers.none")}</p>
      ) : (
        <Table
          caption={t.t("work.employers.caption")}
          columns={[
            { label: t.t("work.employers.employer") },
            { label: t.t("work.employers.choice") },
            { label: t.t("work.employers.source") },
          ]}
          rows={props.employers.map((row) => [
            row.name,
            disclosureText(t, row.disclosure),
            disclosureSource(t, row.disclosure),
          ])}
        />
      )}
      <h3>{t.t("work.disclosure.history")}</h3>
      {props.history.length === 0 ? (
        <p>{t.t("work.disclosure.historyNone")}</p>
      ) : (
        <Table
          caption={t.t("work.disclosure.history")}
          columns={[
            { label: t.t("work.disclosure.when") },
            { label: t.t("work.employers.employer") },
            { label: t.t("work.employers.choice") },
            { label: t.t("work.disclosure.recordedBy") },
          ]}
          rows={props.history.map((row) => [
            t.formatDate(row.recordedAt, "dateTime"),
            row.employerName,
            disclosureText(t, row),
            // No member of staff: the person made the choice themselves, on their own pages.
            row.recordedByName ?? t.t("work.disclosure.byPerson"),
          ])}
        />
      )}
    </Layout>
  );
}

export function DisclosureFormPage(
  props: RecordFrame & {
    employers: EmployerOption[];
    values: Record<string, unknown>;
    errors?: FieldError[];
    inForce?: { employerName: string; disclosure: DisclosureInForce };
  },
) {
  const { t, banner, values, errors } = props;
  const base = workBase(banner.id);
  return (
    <Layout {...layoutProps(props, t.t("work.disclosure.title"), errors)} backLink={{ href: base }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      <h1>{t.t("work.disclosure.title")}</h1>
      <p>{t.t("work.disclosure.intro")}</p>
      {props.employers.length === 0 ? (
        <>
          <p>{t.t("work.disclosure.noEmployers")}</p>
          <p>
            <a href="/employers/new">{t.t("work.disclosure.addEmployer")}</a>
          </p>
        </>
      ) : (
        <>
          {props.inForce && <DisclosureNote t={t} {...props.inForce} />}
          <Form action={`${base}/disclosures`} csrfToken={props.csrfToken}>
            <EmployerSelect
              t={t}
              label={t.t("work.disclosure.employer")}
              employers={props.employers}
              value={values.employerId}
              errors={errors}
            />
            <Radios
              name="choice"
              legend={t.t("work.disclosure.choiceLegend")}
              value={values.choice}
              error={errorFor(errors, "choice")}
              options={disclosureChoiceOptions(t)}
            />
            <Textarea
              name="wording"
              label={t.t("work.disclosure.wording")}
              hint={t.t("work.disclosure.wording.hint")}
              value={values.wording}
              error={errorFor(errors, "wording")}
              rows={3}
            />
            <Button>{t.t("work.disclosure.save")}</Button>
          </Form>
        </>
      )}
    </Layout>
  );
}
