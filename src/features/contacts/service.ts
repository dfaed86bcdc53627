import { asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { ParticipantRecord } from "../../platform/access/door";
import { onRecord } from "../../platform/access/on-record";
import type { Clock } from "../../platform/clock";
import { type Executor, rowsOf, uuidArray } from "../../platform/db";
import { staffAccount } from "../../platform/directory/schema";
import { type NotFound, notFound, type Saved, saved } from "../../platform/outcome";
import type { Translator } from "../../platform/web/i18n";
import type { TimelineEntry } from "../../platform/web/timeline";
import { consentGiven } from "../participants/service";
import {
  isFaceToFaceEmployerContact,
  mayRecordNote,
  type NoteReader,
  type NoteSight,
  noteSight,
} from "./rules";
import {
  type Attendance,
  CONTACTS_PAGE_SIZE,
  type ContactListQuery,
  type ContactMethod,
  type ContactParty,
  contact,
  contactAddendum,
  type NewContact,
  type NoteKind,
} from "./schema";

/**
 * UK wall-clock date and time as an instant, for other features' date-time fields; which
 * contacts with an employer are face to face, for the demo's contact history.
 */
export { isFaceToFaceEmployerContact, zonedInstant } from "./rules";

export type AddendumView = {
  id: string;
  /** Null when the reader may not see the note it corrects. */
  text: string | null;
  recordedByName: string;
  recordedAt: Date;
};

export type ContactView = {
  id: string;
  occurredAt: Date;
  method: ContactMethod;
  withWhom: ContactParty;
  durationMinutes: number;
  attendance: Attendance;
  noteKind: NoteKind;
  /** Null when the reader may not see this clinical note: they see that the contact happened. */
  note: string | null;
  sight: NoteSight;
  faceToFaceEmployerContact: boolean;
  recordedByName: string;
  recordedAt: Date;
  addendumCount: number;
};

type ContactRow = Omit<ContactView, "sight" | "addendumCount"> & { note: string };

/** What this reader may see of one contact: the text of a clinical note only with the right to see it. */
export function presentContact(reader: NoteReader, row: ContactRow, addendumCount = 0): ContactView {
  const sight = noteSight(reader, row.noteKind);
  return { ...row, note: sight.shown ? row.note : null, sight, addendumCount };
}

const contactColumns = {
  id: contact.id,
  occurredAt: contact.occurredAt,
  method: contact.method,
  withWhom: contact.withWhom,
  durationMinutes: contact.durationMinutes,
  attendance: contact.attendance,
  noteKind: contact.noteKind,
  note: contact.note,
  faceToFaceEmployerContact: contact.faceToFaceEmployerContact,
  recordedByName: staffAccount.fullName,
  recordedAt: contact.recordedAt,
};

function listConditions(record: ParticipantRecord, query: Omit<ContactListQuery, "page">): SQL | undefined {
  return onRecord(
    record,
    contact,
    query.noteKind ? eq(contact.noteKind, query.noteKind) : undefined,
    query.withWhom ? eq(contact.withWhom, query.withWhom) : undefined,
    query.method ? eq(contact.method, query.method) : undefined,
  );
}

/** One page of the record's contacts, newest first, with the filters applied. */
export async function listContacts(record: ParticipantRecord, query: ContactListQuery) {
  const where = listConditions(record, query);
  const [counted] = await record.tx.select({ total: count() }).from(contact).where(where);
  const total = counted?.total ?? 0;
  // A page past the end (an old link after filtering) shows the last page rather than nothing.
  const page = Math.min(query.page, Math.max(1, Math.ceil(total / CONTACTS_PAGE_SIZE)));
  const rows = await record.tx
    .select(contactColumns)
    .from(contact)
    .innerJoin(staffAccount, eq(staffAccount.id, contact.recordedBy))
    .where(where)
    .orderBy(desc(contact.occurredAt), desc(contact.recordedAt))
    .limit(CONTACTS_PAGE_SIZE)
    .offset((page - 1) * CONTACTS_PAGE_SIZE);
  const ids = rows.map((row) => row.id);
  const addenda = ids.length
    ? await record.tx
        .select({ contactId: contactAddendum.contactId, total: count() })
        .from(contactAddendum)
        .where(inArray(contactAddendum.contactId, ids))
        .groupBy(contactAddendum.contactId)
    : [];
  const addendumCounts = new Map(addenda.map((row) => [row.contactId, row.total]));
  return {
    rows: rows.map((row) => presentContact(record, row, addendumCounts.get(row.id) ?? 0)),
    total,
    page,
  };
}

/** One contact with its addenda in the order they were written, or undefined if not this record's. */
export async function findContact(record: ParticipantRecord, contactId: string) {
  const [row] = await record.tx
    .select(contactColumns)
    .from(contact)
    .innerJoin(staffAccount, eq(staffAccount.id, contact.recordedBy))
    .where(onRecord(record, contact, eq(contact.id, contactId)));
  if (!row) return undefined;
  const addenda = await record.tx
    .select({
      id: contactAddendum.id,
      text: contactAddendum.text,
      recordedByName: staffAccount.fullName,
      recordedAt: contactAddendum.recordedAt,
    })
    .from(contactAddendum)
    .innerJoin(staffAccount, eq(staffAccount.id, contactAddendum.recordedBy))
    .where(eq(contactAddendum.contactId, contactId))
    .orderBy(asc(contactAddendum.recordedAt), asc(contactAddendum.id));
  const view = presentContact(record, row, addenda.length);
  return {
    contact: view,
    addenda: addenda.map(
      (addendum): AddendumView => ({ ...addendum, text: view.sight.shown ? addendum.text : null }),
    ),
    mayAddAddendum: view.sight.shown && mayRecordNote(record, row.noteKind),
  };
}

export type RecordOutcome =
  | { kind: "saved"; id: string }
  | { kind: "clinical_not_allowed" }
  | { kind: "no_employer_consent" };

/**
 * Saves a contact. A clinical note is stored only by someone who may read every clinical note;
 * a contact with an employer only while the person consents to employers being contacted.
 */
export async function recordContact(
  record: ParticipantRecord,
  clock: Clock,
  form: NewContact,
): Promise<RecordOutcome> {
  if (!mayRecordNote(record, form.noteKind)) return { kind: "clinical_not_allowed" };
  if (form.withWhom === "employer" && !(await consentGiven(record, "contact_employers")))
    return { kind: "no_employer_consent" };
  const [inserted] = await record.tx
    .insert(contact)
    .values({
      ...form,
      organisationId: record.organisationId,
      participantId: record.participantId,
      faceToFaceEmployerContact: isFaceToFaceEmployerContact(form),
      recordedBy: record.actor.staffId,
      recordedAt: clock.now(),
    })
    .returning({ id: contact.id });
  return { kind: "saved", id: inserted!.id };
}

/** Added; the contact is not on this record; or this reader may not add to this kind of note. */
export type AddendumOutcome = Saved<undefined> | NotFound | { kind: "not_allowed" };

/** Notes are never edited: a correction is appended with its own author and time. */
export async function addAddendum(
  record: ParticipantRecord,
  clock: Clock,
  contactId: string,
  text: string,
): Promise<AddendumOutcome> {
  const [row] = await record.tx
    .select({ noteKind: contact.noteKind })
    .from(contact)
    .where(onRecord(record, contact, eq(contact.id, contactId)));
  if (!row) return notFound;
  if (!noteSight(record, row.noteKind).shown || !mayRecordNote(record, row.noteKind)) {
    return { kind: "not_allowed" };
  }
  await record.tx.insert(contactAddendum).values({
    organisationId: record.organisationId,
    participantId: record.participantId,
    contactId,
    text,
    recordedBy: record.actor.staffId,
    recordedAt: clock.now(),
  });
  return saved(undefined);
}

/**
 * When the last contact with the participant themselves took place, as epoch milliseconds (or
 * null), for lists: milliseconds because the two drivers hand back timestamps in different shapes.
 */
export const lastContactAtMsOf = (participantId: SQL) =>
  sql<number | null>`(select (extract(epoch from max(attended.occurred_at)) * 1000)::float8
    from ${contact} attended
    where attended.participant_id = ${participantId}
      and attended.with_whom = 'participant' and attended.attendance = 'attended')`;

/**
 * The last contact with the participant themselves that took place, for each participant, for
 * the caseload pages. It reads several records at once, so it is not behind the door: the
 * caller must already have opened each record through the door, or be building caseload rows
 * the access policy allows this reader to see. Dates only: never a note.
 */
export async function lastContactDates(
  tx: Executor,
  participantIds: readonly string[],
): Promise<Map<string, Date>> {
  if (participantIds.length === 0) return new Map();
  const rows = await rowsOf<{ id: string; at_ms: number | null }>(
    tx,
    sql`select listed.id, ${lastContactAtMsOf(sql`listed.id`)} as at_ms
      from unnest(${uuidArray(participantIds)}) as listed(id)`,
  );
  return new Map(rows.flatMap((row) => (row.at_ms === null ? [] : [[row.id, new Date(row.at_ms)] as const])));
}

const EXCERPT = 200;
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text);

/** Contact headline in the reader's words, shared by the list, the page and the timeline. */
export function contactHeadline(t: Translator, row: Pick<ContactView, "method" | "withWhom">): string {
  return t.t("contacts.headline", {
    method: t.t(`contacts.method.${row.method}`),
    party: t.t(`contacts.party.${row.withWhom}`),
  });
}

/** The record's contacts and addenda on the timeline; a withheld note shows only that it exists. */
export async function timelineEntries(record: ParticipantRecord, t: Translator): Promise<TimelineEntry[]> {
  const rows = await record.tx
    .select(contactColumns)
    .from(contact)
    .innerJoin(staffAccount, eq(staffAccount.id, contact.recordedBy))
    .where(onRecord(record, contact));
  const addenda = await record.tx
    .select({
      contactId: contactAddendum.contactId,
      text: contactAddendum.text,
      recordedByName: staffAccount.fullName,
      recordedAt: contactAddendum.recordedAt,
    })
    .from(contactAddendum)
    .innerJoin(staffAccount, eq(staffAccount.id, contactAddendum.recordedBy))
    .where(onRecord(record, contactAddendum));
  const base = `/participants/${record.participantId}/contacts`;
  const byId = new Map<string, ContactView>();
  const entries: TimelineEntry[] = rows.map((row) => {
    const view = presentContact(record, row);
    byId.set(view.id, view);
    const facts = [
      t.t(`contacts.noteKind.${view.noteKind}`),
      t.t(`contacts.attendance.${view.attendance}`),
      t.t("contacts.recordedByShort", { name: view.recordedByName }),
    ].join(" · ");
    return {
      at: view.occurredAt,
      category: "contact",
      title: contactHeadline(t, view),
      detail: `${facts}. ${view.note === null ? t.t("contacts.withheldShort") : excerpt(view.note)}`,
      href: `${base}/${view.id}`,
    };
  });
  for (const addendum of addenda) {
    const corrected = byId.get(addendum.contactId);
    if (!corrected) continue;
    entries.push({
      at: addendum.recordedAt,
      category: "contact",
      title: t.t("contacts.addendumTimeline", { date: t.formatDate(corrected.occurredAt, "short") }),
      detail: `${t.t("contacts.recordedByShort", { name: addendum.recordedByName })}. ${
        corrected.note === null ? t.t("contacts.withheldShort") : excerpt(addendum.text)
      }`,
      href: `${base}/${corrected.id}`,
    });
  }
  return entries;
}
