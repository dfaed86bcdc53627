import { layoutProps, type PageContext } from "../../platform/http/pages";
import {
  Button,
  ButtonLink,
  ErrorSummary,
  errorFor,
  type FieldError,
  FilterForm,
  Form,
  InsetText,
  NotificationBanner,
  Pagination,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
} from "../../platform/web/components";
import { DateInput } from "../../platform/web/date-input";
import { listHref } from "../../platform/web/form-fields";
import type { Translator } from "../../platform/web/i18n";
import { Layout } from "../../platform/web/layout";
import {
  type ParticipantBanner,
  ParticipantHeader,
  type RecordTab,
} from "../../platform/web/participant-header";
import {
  attendanceOutcomes,
  CONTACTS_PAGE_SIZE,
  type ContactListQuery,
  contactMethods,
  contactParties,
  NOTE_MAX,
  type NoteKind,
  noteKinds,
} from "./schema";
import type { AddendumView, ContactView } from "./service";
import { contactHeadline } from "./service";

type RecordPage = PageContext & { participant: ParticipantBanner; tabs: RecordTab[] };

const contactsBase = (participantId: string) => `/participants/${participantId}/contacts`;

const noticeKeys = { saved: "contacts.notice.saved", addendum: "contacts.notice.addendum" } as const;

function Notice({ t, notice }: { t: Translator; notice?: string }) {
  const key = notice === "saved" || notice === "addendum" ? noticeKeys[notice] : undefined;
  if (!key) return null;
  return (
    <NotificationBanner title={t.t("common.successTitle")} success>
      <p class="nhsuk-notification-banner__heading">{t.t(key)}</p>
    </NotificationBanner>
  );
}

/** The plain explanation a reader gets instead of a clinical note's text. */
function Withheld({ t, contact }: { t: Translator; contact: Pick<ContactView, "sight"> }) {
  if (contact.sight.shown) return null;
  return (
    <InsetText>
      <p>{t.t(`contacts.withheld.${contact.sight.because}`)}</p>
    </InsetText>
  );
}

const noteKindTag = (t: Translator, kind: NoteKind) => (
  <Tag colour={kind === "clinical" ? "blue" : "grey"}>{t.t(`contacts.noteKind.${kind}`)}</Tag>
);

export const methodOptions = (t: Translator) =>
  contactMethods.map((value) => ({ value, label: t.t(`contacts.method.${value}`) }));
const partyOptions = (t: Translator) =>
  contactParties.map((value) => ({ value, label: t.t(`contacts.withWhom.${value}`) }));

const NOTE_PREVIEW = 160;
const preview = (note: string) =>
  note.length > NOTE_PREVIEW ? `${note.slice(0, NOTE_PREVIEW - 1).trimEnd()}…` : note;

export function ContactListPage(
  props: RecordPage & {
    query: ContactListQuery;
    rows: ContactView[];
    total: number;
    mayRecord: boolean;
    notice?: string;
  },
) {
  const { t, query, rows, total, participant } = props;
  const base = contactsBase(participant.id);
  const pageCount = Math.max(1, Math.ceil(total / CONTACTS_PAGE_SIZE));
  const filtered = Boolean(query.noteKind || query.withWhom || query.method);
  return (
    <Layout {...layoutProps(props, t.t("contacts.title"), undefined, true)}>
      <Notice t={t} notice={props.notice} />
      <ParticipantHeader t={t} participant={participant} tabs={props.tabs} />
      <h1>{t.t("contacts.title")}</h1>
      <p>{t.t("contacts.intro")}</p>
      {props.mayRecord && <ButtonLink href={`${base}/new`}>{t.t("contacts.add")}</ButtonLink>}
      <FilterForm action={base} submitLabel={t.t("contacts.apply")} clearLabel={t.t("common.clearFilters")}>
        <h2 class="nhsuk-heading-s">{t.t("contacts.filters")}</h2>
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-one-third">
            <Select
              name="noteKind"
              label={t.t("contacts.form.noteKind")}
              value={query.noteKind}
              emptyOption={t.t("contacts.anyNoteKind")}
              options={noteKinds.map((value) => ({ value, label: t.t(`contacts.noteKind.${value}`) }))}
            />
          </div>
          <div class="nhsuk-grid-column-one-third">
            <Select
              name="withWhom"
              label={t.t("contacts.form.withWhom")}
              value={query.withWhom}
              emptyOption={t.t("contacts.anyone")}
              options={partyOptions(t)}
            />
          </div>
          <div class="nhsuk-grid-column-one-third">
            <Select
              name="method"
              label={t.t("contacts.form.method")}
              value={query.method}
              emptyOption={t.t("contacts.anyMethod")}
              options={methodOptions(t)}
            />
          </div>
        </div>
      </FilterForm>
      {rows.length === 0 ? (
        <p>{t.t(filtered ? "contacts.noneMatch" : "contacts.none")}</p>
      ) : (
        <Table
          caption={t.t("contacts.caption")}
          columns={[
            { label: t.t("contacts.columns.when") },
            { label: t.t("contacts.columns.contact") },
            { label: t.t("contacts.columns.duration"), numeric: true },
            { label: t.t("contacts.columns.attendance") },
            { label: t.t("contacts.columns.note") },
            { label: t.t("contacts.columns.recordedBy") },
          ]}
          rows={rows.map((row) => [
            t.formatDate(row.occurredAt, "dateTime"),
            <>
              <a href={`${base}/${row.id}`}>{contactHeadline(t, row)}</a>
              <br />
              {noteKindTag(t, row.noteKind)}
              {row.faceToFaceEmployerContact && (
                <>
                  {" "}
                  <Tag colour="green">{t.t("contacts.employerFaceToFace")}</Tag>
                </>
              )}
            </>,
            t.t("contacts.durationValue", { minutes: t.formatNumber(row.durationMinutes) }),
            t.t(`contacts.attendance.${row.attendance}`),
            row.note === null ? (
              <span class="nhsuk-body-s">{t.t("contacts.withheldShort")}</span>
            ) : (
              <>
                <span class="app-note">{preview(row.note)}</span>
                {row.addendumCount > 0 && (
                  <span class="nhsuk-body-s"> ({t.plural("contacts.addendumCount", row.addendumCount)})</span>
                )}
              </>
            ),
            row.recordedByName,
          ])}
        />
      )}
      <p class="nhsuk-body-s">{t.plural("common.resultCount", total)}</p>
      <Pagination
        page={query.page}
        pageCount={pageCount}
        hrefFor={(target) => listHref(base, query, { page: target })}
        labels={{
          previous: t.t("common.previous"),
          next: t.t("common.next"),
          position: t.t("common.pageOf", { page: query.page, count: pageCount }),
          navigation: t.t("common.pagination"),
        }}
      />
    </Layout>
  );
}

/** A UK date and time side by side, as the contact and appointment forms both ask for them. */
export function DateTimeFields({
  t,
  values,
  errors,
  labels,
}: {
  t: Translator;
  values: Record<string, unknown>;
  errors?: FieldError[];
  labels: "contacts.form" | "appointments.form";
}) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-one-half">
        <DateInput
          t={t}
          name="date"
          legend={t.t(`${labels}.date`)}
          hint={t.t(`${labels}.dateHint`)}
          values={values}
          errors={errors}
        />
      </div>
      <div class="nhsuk-grid-column-one-half">
        <TextInput
          name="time"
          label={t.t(`${labels}.time`)}
          hint={t.t(`${labels}.timeHint`)}
          value={values.time}
          width={5}
          inputmode="numeric"
          error={errorFor(errors, "time")}
        />
      </div>
    </div>
  );
}

export function ContactFormPage(
  props: RecordPage & {
    values: Record<string, unknown>;
    errors?: FieldError[];
    recordableKinds: NoteKind[];
  },
) {
  const { t, values, errors, participant, recordableKinds } = props;
  const base = contactsBase(participant.id);
  return (
    <Layout {...layoutProps(props, t.t("contacts.addTitle"), errors)} backLink={{ href: base }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <ParticipantHeader t={t} participant={participant} tabs={props.tabs} />
      <h1>{t.t("contacts.addTitle")}</h1>
      <Form action={base} csrfToken={props.csrfToken}>
        <DateTimeFields t={t} values={values} errors={errors} labels="contacts.form" />
        <Radios
          name="method"
          legend={t.t("contacts.form.method")}
          value={values.method}
          error={errorFor(errors, "method")}
          options={methodOptions(t)}
        />
        <Radios
          name="withWhom"
          legend={t.t("contacts.form.withWhom")}
          hint={t.t("contacts.form.withWhomHint")}
          value={values.withWhom}
          error={errorFor(errors, "withWhom")}
          options={partyOptions(t).map((option) =>
            option.value === "employer"
              ? { ...option, hint: t.t("contacts.employerFaceToFaceHint") }
              : option,
          )}
        />
        <TextInput
          name="durationMinutes"
          label={t.t("contacts.form.duration")}
          hint={t.t("contacts.form.durationHint")}
          value={values.durationMinutes}
          width={3}
          inputmode="numeric"
          error={errorFor(errors, "durationMinutes")}
        />
        <Radios
          name="attendance"
          legend={t.t("contacts.form.attendance")}
          hint={t.t("contacts.form.attendanceHint")}
          value={values.attendance}
          error={errorFor(errors, "attendance")}
          options={attendanceOutcomes.map((value) => ({ value, label: t.t(`contacts.attendance.${value}`) }))}
        />
        <Radios
          name="noteKind"
          legend={t.t("contacts.form.noteKind")}
          hint={t.t(
            recordableKinds.includes("clinical")
              ? "contacts.form.noteKindHint"
              : "contacts.form.noteKindEmploymentOnly",
          )}
          value={values.noteKind ?? (recordableKinds.length === 1 ? recordableKinds[0] : undefined)}
          error={errorFor(errors, "noteKind")}
          options={recordableKinds.map((value) => ({ value, label: t.t(`contacts.noteKind.${value}`) }))}
        />
        <Textarea
          name="note"
          label={t.t("contacts.form.note")}
          hint={t.t("contacts.form.noteHint", { max: t.formatNumber(NOTE_MAX) })}
          value={values.note}
          rows={8}
          error={errorFor(errors, "note")}
        />
        <Button>{t.t("contacts.form.submit")}</Button>
      </Form>
    </Layout>
  );
}

export function ContactPage(
  props: RecordPage & {
    contact: ContactView;
    addenda: AddendumView[];
    mayAddAddendum: boolean;
    values?: Record<string, unknown>;
    errors?: FieldError[];
    notice?: string;
  },
) {
  const { t, contact, addenda, participant, errors } = props;
  const base = contactsBase(participant.id);
  const title = t.t("contacts.detailTitle", { date: t.formatDate(contact.occurredAt, "long") });
  return (
    <Layout {...layoutProps(props, title, errors)} backLink={{ href: base, label: t.t("contacts.back") }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <Notice t={t} notice={props.notice} />
      <ParticipantHeader t={t} participant={participant} tabs={props.tabs} />
      <h1>{title}</h1>
      <SummaryList
        rows={[
          { key: t.t("contacts.details.when"), value: t.formatDate(contact.occurredAt, "dateTime") },
          {
            key: t.t("contacts.details.how"),
            value: (
              <>
                {t.t(`contacts.method.${contact.method}`)}
                {contact.faceToFaceEmployerContact && (
                  <>
                    {" "}
                    <Tag colour="green">{t.t("contacts.employerFaceToFace")}</Tag>
                  </>
                )}
              </>
            ),
          },
          { key: t.t("contacts.details.withWhom"), value: t.t(`contacts.withWhom.${contact.withWhom}`) },
          {
            key: t.t("contacts.details.duration"),
            value: t.t("contacts.durationValue", { minutes: t.formatNumber(contact.durationMinutes) }),
          },
          {
            key: t.t("contacts.details.attendance"),
            value: t.t(`contacts.attendance.${contact.attendance}`),
          },
          { key: t.t("contacts.details.noteKind"), value: noteKindTag(t, contact.noteKind) },
          {
            key: t.t("contacts.details.recorded"),
            value: t.t("contacts.recordedBy", {
              name: contact.recordedByName,
              date: t.formatDate(contact.recordedAt, "dateTime"),
            }),
          },
        ]}
      />
      <h2>{t.t("contacts.noteHeading")}</h2>
      {contact.note === null ? <Withheld t={t} contact={contact} /> : <p class="app-note">{contact.note}</p>}
      {contact.note !== null && (
        <>
          <h2>{t.t("contacts.addenda")}</h2>
          {addenda.length === 0 ? (
            <p>{t.t("contacts.noAddenda")}</p>
          ) : (
            addenda.map((addendum) => (
              <div class="app-addendum" key={addendum.id}>
                <p class="nhsuk-body-s">
                  {t.t("contacts.recordedBy", {
                    name: addendum.recordedByName,
                    date: t.formatDate(addendum.recordedAt, "dateTime"),
                  })}
                </p>
                <p class="app-note">{addendum.text}</p>
              </div>
            ))
          )}
          {props.mayAddAddendum ? (
            <Form action={`${base}/${contact.id}/addenda`} csrfToken={props.csrfToken}>
              <Textarea
                name="text"
                label={t.t("contacts.addendum.label")}
                hint={t.t("contacts.addendum.hint")}
                value={props.values?.text}
                rows={4}
                error={errorFor(errors, "text")}
              />
              <Button variant="secondary">{t.t("contacts.addendum.submit")}</Button>
            </Form>
          ) : (
            <p class="nhsuk-body-s">{t.t("contacts.addendum.notAllowed")}</p>
          )}
        </>
      )}
    </Layout>
  );
}
