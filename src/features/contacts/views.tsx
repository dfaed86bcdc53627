import { layoutProps } from "../../platform/http/pages";
import type { RecordFrame } from "../../platform/http/record-page";
import {
  Button,
  ButtonLink,
  ErrorSummary,
  errorFor,
  type FieldError,
  FilterForm,
  Form,
  InsetText,
  Pagination,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
} from "../../platform/web/components";
import { listHref } from "../../platform/web/form-fields";
import type { MessageKey, Translator } from "../../platform/web/i18n";
import { Layout } from "../../platform/web/layout";
import { ParticipantHeader } from "../../platform/web/participant-header";
import { DateTimeFields, methodOptions, noteKindTag, partyOptions, SuccessNotice } from "./form-parts";
import {
  attendanceOutcomes,
  CONTACTS_PAGE_SIZE,
  type ContactListQuery,
  NOTE_MAX,
  type NoteKind,
  noteKinds,
} from "./schema";
import type { AddendumView, ContactView } from "./service";
import { contactHeadline } from "./service";

export const contactsBase = (participantId: string) => `/participants/${participantId}/contacts`;

/** The contacts pages' success notices, named in the address after a redirect (`?notice=saved`). */
export const contactNotices = {
  saved: "contacts.notice.saved",
  addendum: "contacts.notice.addendum",
} as const satisfies Record<string, MessageKey>;

/** The plain explanation a reader gets instead of a clinical note's text. */
function Withheld({ t, contact }: { t: Translator; contact: Pick<ContactView, "sight"> }) {
  if (contact.sight.shown) return null;
  return (
    <InsetText>
      <p>{t.t(`contacts.withheld.${contact.sight.because}`)}</p>
    </InsetText>
  );
}

const NOTE_PREVIEW = 160;
const preview = (note: string) =>
  note.length > NOTE_PREVIEW ? `${note.slice(0, NOTE_PREVIEW - 1).trimEnd()}…` : note;

export function ContactListPage(
  props: RecordFrame & {
    query: ContactListQuery;
    rows: ContactView[];
    total: number;
    mayRecord: boolean;
  },
) {
  const { t, query, rows, total, banner } = props;
  const base = contactsBase(banner.id);
  const pageCount = Math.max(1, Math.ceil(total / CONTACTS_PAGE_SIZE));
  const filtered = Boolean(query.noteKind || query.withWhom || query.method);
  return (
    <Layout {...layoutProps(props, t.t("contacts.title"), undefined, true)}>
      <SuccessNotice t={t} notice={props.notice} />
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
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

export function ContactFormPage(
  props: RecordFrame & {
    values: Record<string, unknown>;
    errors?: FieldError[];
    recordableKinds: NoteKind[];
  },
) {
  const { t, values, errors, banner, recordableKinds } = props;
  const base = contactsBase(banner.id);
  return (
    <Layout {...layoutProps(props, t.t("contacts.addTitle"), errors)} backLink={{ href: base }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
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
  props: RecordFrame & {
    contact: ContactView;
    addenda: AddendumView[];
    mayAddAddendum: boolean;
    values?: Record<string, unknown>;
    errors?: FieldError[];
  },
) {
  const { t, contact, addenda, banner, errors } = props;
  const base = contactsBase(banner.id);
  const title = t.t("contacts.detailTitle", { date: t.formatDate(contact.occurredAt, "long") });
  return (
    <Layout {...layoutProps(props, title, errors)} backLink={{ href: base, label: t.t("contacts.back") }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <SuccessNotice t={t} notice={props.notice} />
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
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
