import { layoutProps } from "../../platform/http/pages";
import type { RecordFrame } from "../../platform/http/record-page";
import {
  Button,
  ButtonLink,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  InsetText,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
} from "../../platform/web/components";
import { PagedResults, SavedVersionWarning } from "../../platform/web/form-fields";
import type { MessageKey, Translator } from "../../platform/web/i18n";
import { Layout } from "../../platform/web/layout";
import { ParticipantHeader } from "../../platform/web/participant-header";
import type { CareTeamRole } from "../participants/schema";
import type { AppointmentView } from "./appointments";
import { DateTimeFields, methodOptions, SuccessNotice } from "./form-parts";
import { appointmentStage } from "./rules";
import { APPOINTMENTS_PAGE_SIZE, attendanceOutcomes, cancellations, NOTE_MAX, type NoteKind } from "./schema";

export const appointmentsBase = (participantId: string) => `/participants/${participantId}/appointments`;

/** The appointments pages' success notices, named in the address after a redirect. */
export const appointmentNotices = {
  booked: "appointments.notice.booked",
  recorded: "appointments.notice.recorded",
  cancelled: "appointments.notice.cancelled",
} as const satisfies Record<string, MessageKey>;

const statusColour = {
  scheduled: "blue",
  attended: "green",
  did_not_attend: "orange",
  cancelled_by_participant: "grey",
  cancelled_by_service: "grey",
} as const;

/** Its status, or "outcome to record" for one that has started with nothing recorded. */
export function StatusTag({ t, row, now }: { t: Translator; row: AppointmentView; now: Date }) {
  if (appointmentStage(row, now) === "outcome_to_record")
    return <Tag colour="yellow">{t.t("appointments.outcomeToRecord")}</Tag>;
  return <Tag colour={statusColour[row.status]}>{t.t(`appointments.status.${row.status}`)}</Tag>;
}

function AppointmentTable({
  t,
  rows,
  now,
  caption,
  base,
}: {
  t: Translator;
  rows: AppointmentView[];
  now: Date;
  caption: string;
  base: string;
}) {
  return (
    <Table
      caption={caption}
      columns={[
        { label: t.t("appointments.columns.when") },
        { label: t.t("appointments.columns.withWhom") },
        { label: t.t("appointments.columns.how") },
        { label: t.t("appointments.columns.where") },
        { label: t.t("appointments.columns.status") },
      ]}
      rows={rows.map((row) => [
        <a href={`${base}/${row.id}`} key={row.id}>
          {t.formatDate(row.startsAt, "dateTime")}
        </a>,
        row.withStaffName,
        t.t(`contacts.method.${row.method}`),
        row.location ?? t.t("appointments.notGiven"),
        <StatusTag t={t} row={row} now={now} key="status" />,
      ])}
    />
  );
}

export function AppointmentListPage(
  props: RecordFrame & {
    now: Date;
    upcoming: AppointmentView[];
    past: { rows: AppointmentView[]; total: number; page: number };
    mayBook: boolean;
  },
) {
  const { t, banner, upcoming, past, now } = props;
  const base = appointmentsBase(banner.id);
  const pageCount = Math.max(1, Math.ceil(past.total / APPOINTMENTS_PAGE_SIZE));
  return (
    <Layout {...layoutProps(props, t.t("appointments.title"), undefined, true)}>
      <SuccessNotice t={t} notice={props.notice} />
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      <h1>{t.t("appointments.title")}</h1>
      <p>{t.t("appointments.intro")}</p>
      {props.mayBook && <ButtonLink href={`${base}/new`}>{t.t("appointments.book")}</ButtonLink>}
      {upcoming.length === 0 && past.total === 0 ? (
        <p>{t.t("appointments.none")}</p>
      ) : (
        <>
          <h2>{t.t("appointments.upcoming")}</h2>
          {upcoming.length === 0 ? (
            <p>{t.t("appointments.noneUpcoming")}</p>
          ) : (
            <AppointmentTable
              t={t}
              rows={upcoming}
              now={now}
              base={base}
              caption={t.t("appointments.upcomingCaption")}
            />
          )}
          <h2>{t.t("appointments.past")}</h2>
          {past.total === 0 ? (
            <p>{t.t("appointments.nonePast")}</p>
          ) : (
            <>
              <AppointmentTable
                t={t}
                rows={past.rows}
                now={now}
                base={base}
                caption={t.t("appointments.pastCaption")}
              />
              <PagedResults
                t={t}
                base={base}
                query={{}}
                page={past.page}
                pageCount={pageCount}
                total={past.total}
              />
            </>
          )}
        </>
      )}
    </Layout>
  );
}

export function BookAppointmentPage(
  props: RecordFrame & {
    values: Record<string, unknown>;
    errors?: FieldError[];
    staff: { staffId: string; fullName: string; careTeamRole: CareTeamRole }[];
  },
) {
  const { t, values, errors, banner } = props;
  const base = appointmentsBase(banner.id);
  return (
    <Layout {...layoutProps(props, t.t("appointments.bookTitle"), errors)} backLink={{ href: base }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      <h1>{t.t("appointments.bookTitle")}</h1>
      <Form action={base} csrfToken={props.csrfToken}>
        <DateTimeFields t={t} values={values} errors={errors} labels="appointments.form" />
        <TextInput
          name="durationMinutes"
          label={t.t("appointments.form.duration")}
          hint={t.t("appointments.form.durationHint")}
          value={values.durationMinutes}
          width={3}
          inputmode="numeric"
          error={errorFor(errors, "durationMinutes")}
        />
        <Radios
          name="method"
          legend={t.t("appointments.form.method")}
          value={values.method}
          error={errorFor(errors, "method")}
          options={methodOptions(t)}
        />
        <Select
          name="withStaffId"
          label={t.t("appointments.form.withStaff")}
          hint={t.t("appointments.form.withStaffHint")}
          value={values.withStaffId}
          emptyOption={t.t("appointments.form.choose")}
          error={errorFor(errors, "withStaffId")}
          options={props.staff.map((member) => ({
            value: member.staffId,
            label: `${member.fullName} (${t.t(`careTeam.role.${member.careTeamRole}`)})`,
          }))}
        />
        <TextInput
          name="location"
          label={t.t("appointments.form.location")}
          hint={t.t("appointments.form.locationHint")}
          value={values.location}
          error={errorFor(errors, "location")}
        />
        <Button>{t.t("appointments.form.submit")}</Button>
      </Form>
    </Layout>
  );
}

export function AppointmentPage(
  props: RecordFrame & {
    now: Date;
    appointment: AppointmentView;
    mayWrite: boolean;
    recordableKinds: NoteKind[];
    values?: Record<string, unknown>;
    errors?: FieldError[];
    /** The saved appointment, when the form was based on an older version. */
    conflict?: AppointmentView;
  },
) {
  const { t, appointment, banner, errors, now } = props;
  const values = props.values ?? {};
  const base = appointmentsBase(banner.id);
  const title = t.t("appointments.detailTitle", { date: t.formatDate(appointment.startsAt, "long") });
  const stage = appointmentStage(appointment, now);
  const version = <input type="hidden" name="version" value={String(appointment.version)} />;
  return (
    <Layout {...layoutProps(props, title, errors)} backLink={{ href: base, label: t.t("appointments.back") }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <SuccessNotice t={t} notice={props.notice} />
      {props.conflict && (
        <SavedVersionWarning
          t={t}
          saved={[
            {
              key: t.t("appointments.details.status"),
              value: <StatusTag t={t} row={props.conflict} now={now} />,
            },
          ]}
        />
      )}
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      <h1>{title}</h1>
      <SummaryList
        rows={[
          { key: t.t("appointments.details.when"), value: t.formatDate(appointment.startsAt, "dateTime") },
          {
            key: t.t("appointments.details.duration"),
            value: t.t("contacts.durationValue", { minutes: t.formatNumber(appointment.durationMinutes) }),
          },
          { key: t.t("appointments.columns.how"), value: t.t(`contacts.method.${appointment.method}`) },
          { key: t.t("appointments.columns.withWhom"), value: appointment.withStaffName },
          {
            key: t.t("appointments.columns.where"),
            value: appointment.location ?? t.t("appointments.notGiven"),
          },
          {
            key: t.t("appointments.details.status"),
            value: <StatusTag t={t} row={appointment} now={now} />,
          },
          ...(appointment.contactId
            ? [
                {
                  key: t.t("appointments.details.contact"),
                  value: (
                    <a href={`/participants/${banner.id}/contacts/${appointment.contactId}`}>
                      {t.t("appointments.details.openContact")}
                    </a>
                  ),
                },
              ]
            : []),
        ]}
      />
      {stage === "settled" && <p>{t.t("appointments.settledOnly")}</p>}
      {props.conflict && stage === "settled" && typeof values.note === "string" && values.note.trim() && (
        // The form is gone once someone else settled it: what was typed stays here to copy.
        <InsetText>
          <h2 class="nhsuk-heading-s">{t.t("appointments.unsavedNote")}</h2>
          <p class="app-note">{values.note}</p>
          <p class="nhsuk-body-s">{t.t("appointments.unsavedNoteHint")}</p>
        </InsetText>
      )}
      {props.mayWrite && stage === "outcome_to_record" && (
        <Form action={`${base}/${appointment.id}/outcome`} csrfToken={props.csrfToken}>
          <h2>{t.t("appointments.outcome.heading")}</h2>
          {version}
          <Radios
            name="outcome"
            legend={t.t("appointments.outcome.legend")}
            hint={t.t("appointments.outcome.hint")}
            value={values.outcome}
            error={errorFor(errors, "outcome")}
            options={attendanceOutcomes.map((value) => ({
              value,
              label: t.t(`contacts.attendance.${value}`),
            }))}
          />
          <Radios
            name="noteKind"
            legend={t.t("contacts.form.noteKind")}
            hint={t.t(
              props.recordableKinds.includes("clinical")
                ? "contacts.form.noteKindHint"
                : "contacts.form.noteKindEmploymentOnly",
            )}
            value={values.noteKind ?? "employment"}
            error={errorFor(errors, "noteKind")}
            options={props.recordableKinds.map((value) => ({
              value,
              label: t.t(`contacts.noteKind.${value}`),
            }))}
          />
          <Textarea
            name="note"
            label={t.t("appointments.outcome.note")}
            hint={t.t("appointments.outcome.noteHint", { max: t.formatNumber(NOTE_MAX) })}
            value={values.note}
            rows={6}
            error={errorFor(errors, "note")}
          />
          <Button>{t.t("appointments.outcome.submit")}</Button>
        </Form>
      )}
      {props.mayWrite && stage === "upcoming" && (
        <Form action={`${base}/${appointment.id}/cancel`} csrfToken={props.csrfToken}>
          <h2>{t.t("appointments.cancel.heading")}</h2>
          {version}
          <Radios
            name="cancelledBy"
            legend={t.t("appointments.cancel.legend")}
            hint={t.t("appointments.cancel.hint")}
            value={values.cancelledBy}
            error={errorFor(errors, "cancelledBy")}
            options={cancellations.map((value) => ({
              value,
              label: t.t(`appointments.cancel.${value}`),
            }))}
          />
          <Button variant="secondary">{t.t("appointments.cancel.submit")}</Button>
        </Form>
      )}
    </Layout>
  );
}
