import { layoutProps, type PageContext } from "../../../platform/http/pages";
import type { RecordFrame } from "../../../platform/http/record-page";
import {
  Button,
  ButtonLink,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  Radios,
  Select,
  Table,
  Tag,
  Textarea,
  TextInput,
  WarningCallout,
} from "../../../platform/web/components";
import { DateInput } from "../../../platform/web/date-input";
import type { Translator } from "../../../platform/web/i18n/index";
import { Layout } from "../../../platform/web/layout";
import { ParticipantHeader } from "../../../platform/web/participant-header";
import type { DisclosureInForce } from "../work/disclosure";
import { WeeklyBarChart } from "./contact-chart";
import type { LogRow, WeeklyCounts } from "./contacts";
import { type EmployerRow, employerContactTypes } from "./schema";

type Person = { id: string; name: string; jobRole: string };
const dateText = (t: Translator, date: string) => t.formatDate(new Date(`${date}T12:00:00Z`), "short");

/** The fields of an employer contact, shared by the employer's page and a participant's record. */
function ContactFields({
  t,
  values,
  errors,
  people,
}: {
  t: Translator;
  values: Record<string, unknown>;
  errors?: FieldError[];
  people: Person[];
}) {
  return (
    <>
      <DateInput
        t={t}
        name="occurredOn"
        legend={t.t("employerContact.date")}
        hint={t.t("employerContact.dateHint")}
        values={values}
        errors={errors}
      />
      <Radios
        name="contactType"
        legend={t.t("employerContact.type")}
        value={values.contactType}
        error={errorFor(errors, "contactType")}
        options={employerContactTypes.map((value) => ({
          value,
          label: t.t(`employerContact.type.${value}`),
        }))}
      />
      <Radios
        name="faceToFace"
        legend={t.t("employerContact.faceToFace")}
        hint={t.t("employerContact.faceToFaceHint")}
        value={values.faceToFace}
        error={errorFor(errors, "faceToFace")}
        options={[
          { value: "yes", label: t.t("employerContact.faceToFaceYes") },
          { value: "no", label: t.t("employerContact.faceToFaceNo") },
        ]}
      />
      {people.length > 0 && (
        <Select
          name="contactPersonId"
          label={t.t("employerContact.person")}
          hint={t.t("employerContact.personHint")}
          value={values.contactPersonId}
          emptyOption={t.t("employerContact.personNone")}
          options={people.map((person) => ({
            value: person.id,
            label: person.jobRole ? `${person.name}, ${person.jobRole}` : person.name,
          }))}
          error={errorFor(errors, "contactPersonId")}
        />
      )}
      <TextInput
        name="withWhom"
        label={t.t("employerContact.withWhom")}
        value={values.withWhom}
        error={errorFor(errors, "withWhom")}
      />
      <Textarea
        name="outcome"
        label={t.t("employerContact.outcome")}
        value={values.outcome}
        rows={5}
        error={errorFor(errors, "outcome")}
      />
      <Textarea
        name="nextStep"
        label={t.t("employerContact.nextStep")}
        value={values.nextStep}
        rows={2}
        error={errorFor(errors, "nextStep")}
      />
      <DateInput
        t={t}
        name="nextStepDue"
        legend={t.t("employerContact.nextStepDue")}
        values={values}
        errors={errors}
      />
    </>
  );
}

export function EmployerContactFormPage(
  props: PageContext & {
    employer: EmployerRow;
    people: Person[];
    values: Record<string, unknown>;
    errors?: FieldError[];
  },
) {
  const { t, employer: found, errors } = props;
  const title = t.t("employerContact.logTitle", { employer: found.name });
  return (
    <Layout {...layoutProps(props, title, errors)} backLink={{ href: `/employers/${found.id}` }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{title}</h1>
      <Form action={`/employers/${found.id}/contacts`} csrfToken={props.csrfToken}>
        <ContactFields t={t} values={props.values} errors={errors} people={props.people} />
        <Button>{t.t("employerContact.submit")}</Button>
      </Form>
    </Layout>
  );
}

/** What the person agreed an employer may be told, in plain words, where the specialist cannot miss it. */
function DisclosureCallout({
  t,
  employerName,
  disclosure,
}: {
  t: Translator;
  employerName: string;
  disclosure: DisclosureInForce;
}) {
  return (
    <WarningCallout heading={t.t("employerContact.disclosure.heading", { employer: employerName })}>
      <p>
        <strong>{t.t(`employerContact.disclosure.choice.${disclosure.choice}`)}</strong>
        {disclosure.choice === "condition" && <> “{disclosure.wording}”</>}
      </p>
      <p>{t.t(`employerContact.disclosure.source.${disclosure.source}`)}</p>
    </WarningCallout>
  );
}

export function ParticipantEmployerContactPage(
  props: RecordFrame & {
    employers: { id: string; name: string }[];
    /** The employer chosen, its people and what it may be told; absent until one is chosen. */
    chosen?: { employer: EmployerRow; people: Person[]; disclosure: DisclosureInForce };
    values: Record<string, unknown>;
    errors?: FieldError[];
  },
) {
  const { t, banner, chosen, errors } = props;
  const base = `/participants/${banner.id}/work/employer-contacts`;
  const title = t.t("employerContact.participant.title");
  return (
    <Layout {...layoutProps(props, title, errors)} backLink={{ href: `/participants/${banner.id}/work` }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      <h1>{title}</h1>
      {props.employers.length === 0 ? (
        <>
          <p>{t.t("employerContact.participant.noEmployers")}</p>
          <ButtonLink href="/employers/new">{t.t("employers.add")}</ButtonLink>
        </>
      ) : (
        // Choosing the employer first shows what it may be told before anything else is typed.
        <form action={`${base}/new`} method="get" novalidate>
          <Select
            name="employer"
            label={t.t("employerContact.participant.employer")}
            value={chosen?.employer.id ?? props.values.employerId}
            emptyOption={t.t("employerContact.participant.chooseEmployer")}
            options={props.employers.map((option) => ({ value: option.id, label: option.name }))}
            error={errorFor(errors, "employerId")}
          />
          <Button variant="secondary">{t.t("employerContact.participant.showDisclosure")}</Button>
        </form>
      )}
      {chosen && (
        <>
          <DisclosureCallout t={t} employerName={chosen.employer.name} disclosure={chosen.disclosure} />
          <Form action={base} csrfToken={props.csrfToken}>
            <input type="hidden" name="employerId" value={chosen.employer.id} />
            <ContactFields t={t} values={props.values} errors={errors} people={chosen.people} />
            <TextInput
              name="durationMinutes"
              label={t.t("employerContact.participant.duration")}
              value={props.values.durationMinutes}
              width={3}
              inputmode="numeric"
              error={errorFor(errors, "durationMinutes")}
            />
            <Button>{t.t("employerContact.submit")}</Button>
          </Form>
        </>
      )}
    </Layout>
  );
}

/** No consent to contact employers: said plainly, and nothing is written. */
export function NoConsentPage(props: RecordFrame) {
  const { t, banner } = props;
  const title = t.t("employerContact.participant.refusedTitle");
  return (
    <Layout {...layoutProps(props, title)} backLink={{ href: `/participants/${banner.id}/work` }}>
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      <h1>{title}</h1>
      <WarningCallout heading={t.t("common.importantTitle")}>
        <p>{t.t("employerContact.participant.refused")}</p>
      </WarningCallout>
      <p>
        <a href={`/participants/${banner.id}/work`}>{t.t("employerContact.participant.backToWork")}</a>
      </p>
    </Layout>
  );
}

function LogTable({
  t,
  rows,
  caption,
  due,
}: {
  t: Translator;
  rows: LogRow[];
  caption: string;
  due?: boolean;
}) {
  return (
    <Table
      caption={caption}
      columns={[
        { label: t.t(due ? "employerContact.columns.due" : "employerContact.columns.date") },
        { label: t.t("employerContact.columns.employer") },
        { label: t.t(due ? "employerContact.columns.nextStep" : "employerContact.columns.kind") },
        { label: t.t(due ? "employerContact.columns.date" : "employerContact.columns.outcome") },
      ]}
      rows={rows.map((row) => {
        // About a participant: nobody is named here; their record is behind the door.
        const about = row.participantId ? (
          <a href={`/participants/${row.participantId}/work`}>{t.t("employers.history.onBehalf")}</a>
        ) : null;
        return due
          ? [
              dateText(t, row.nextStepDue!),
              <a href={`/employers/${row.employerId}`}>{row.employerName}</a>,
              about ?? row.nextStep,
              dateText(t, row.occurredOn),
            ]
          : [
              dateText(t, row.occurredOn),
              <a href={`/employers/${row.employerId}`}>{row.employerName}</a>,
              <>
                {t.t(`employerContact.type.${row.contactType}`)}{" "}
                {row.faceToFace && <Tag colour="green">{t.t("employerContact.faceToFaceTag")}</Tag>}
              </>,
              about ?? <span class="app-note">{row.outcome}</span>,
            ];
      })}
    />
  );
}

export function SpecialistContactsPage(
  props: PageContext & {
    weekly: WeeklyCounts;
    target: number;
    team: { name: string; count: number }[] | null;
    log: { recent: LogRow[]; due: LogRow[] };
  },
) {
  const { t, weekly, target } = props;
  const thisWeek = weekly.weeks.at(-1)!;
  const count = weekly.counts.at(-1) ?? 0;
  const title = t.t("employerContacts.title");
  return (
    <Layout {...layoutProps(props, title, undefined, true)}>
      <h1>{title}</h1>
      <div class="nhsuk-card">
        <div class="nhsuk-card__content">
          <h2 class="nhsuk-card__heading">{t.t("employerContacts.thisWeek", { count })}</h2>
          <p class="nhsuk-body-s">
            {t.t("employerContacts.weekRange", {
              start: dateText(t, thisWeek.start),
              end: dateText(t, thisWeek.end),
            })}
          </p>
          <p>{t.t("employerContacts.target", { target })}</p>
          <p class="nhsuk-body-s">{t.t("employerContacts.targetNote")}</p>
        </div>
      </div>
      <p>{t.t("employerContacts.howToLog")}</p>
      <h2>{t.t("employerContacts.weeksTitle")}</h2>
      <figure class="app-chart">
        <WeeklyBarChart t={t} weeks={weekly.weeks} counts={weekly.counts} target={target} />
      </figure>
      <Table
        caption={t.t("employerContacts.weeksCaption")}
        columns={[
          { label: t.t("employerContacts.weekOf") },
          { label: t.t("employerContacts.count"), numeric: true },
        ]}
        rows={weekly.weeks.map((week, index) => [
          dateText(t, week.start),
          t.formatNumber(weekly.counts[index]!),
        ])}
      />
      {props.team && (
        <>
          <h2>{t.t("employerContacts.teamTitle")}</h2>
          <Table
            caption={t.t("employerContacts.teamCaption")}
            columns={[
              { label: t.t("employerContacts.teamMember") },
              { label: t.t("employerContacts.count"), numeric: true },
            ]}
            rows={props.team.map((member) => [member.name, t.formatNumber(member.count)])}
          />
        </>
      )}
      <h2>{t.t("employerContacts.dueTitle")}</h2>
      {props.log.due.length === 0 ? (
        <p>{t.t("employerContacts.dueNone")}</p>
      ) : (
        <LogTable t={t} rows={props.log.due} caption={t.t("employerContacts.dueCaption")} due />
      )}
      <h2>{t.t("employerContacts.logTitle")}</h2>
      {props.log.recent.length === 0 ? (
        <p>{t.t("employerContacts.logNone")}</p>
      ) : (
        <LogTable t={t} rows={props.log.recent} caption={t.t("employerContacts.logCaption")} />
      )}
    </Layout>
  );
}
