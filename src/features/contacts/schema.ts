import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { z } from "zod";
import { hasPermission } from "../../platform/access/roles";
import { calendarDate, calendarInstant } from "../../platform/calendar-date";
import { organisation, type StaffRole, staffAccount } from "../../platform/directory/schema";
import { participant, participantOwned } from "../participants/schema";
import { zonedInstant } from "./rules";

export const contactMethods = ["face_to_face", "phone", "video", "message"] as const;
export type ContactMethod = (typeof contactMethods)[number];

/** Family or carer only ever at the participant's request: the form says so. */
export const contactParties = ["participant", "employer", "clinical_team", "family_or_carer"] as const;
export type ContactParty = (typeof contactParties)[number];

// Kept apart from "cancelled" so missed-appointment rules can tell a no-show from a cancellation.
export const attendanceOutcomes = [
  "attended",
  "did_not_attend",
  "cancelled_by_participant",
  "cancelled_by_service",
] as const;
export type Attendance = (typeof attendanceOutcomes)[number];

export const noteKinds = ["employment", "clinical"] as const;
export type NoteKind = (typeof noteKinds)[number];

export const NOTE_MAX = 5000;
export const DURATION_MAX = 600;
export const CONTACTS_PAGE_SIZE = 25;

/**
 * One contact and its note. Never updated after it is saved (a health record): corrections are
 * addenda, so there is no version column.
 */
export const contact = pgTable(
  "contact",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participant.id),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    method: text("method", { enum: contactMethods }).notNull(),
    withWhom: text("with_whom", { enum: contactParties }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    attendance: text("attendance", { enum: attendanceOutcomes }).notNull(),
    noteKind: text("note_kind", { enum: noteKinds }).notNull(),
    note: text("note").notNull(),
    /** A face-to-face employer contact on the participant's behalf that took place: what IPS counts. */
    faceToFaceEmployerContact: boolean("face_to_face_employer_contact").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staffAccount.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("contact_participant_idx").on(table.participantId, table.occurredAt),
    index("contact_employer_idx")
      .on(table.recordedBy, table.occurredAt)
      .where(sql`${table.faceToFaceEmployerContact}`),
  ],
);

/** A correction or addition to a saved note, with its own author and time. */
export const contactAddendum = pgTable(
  "contact_addendum",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participant.id),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contact.id),
    text: text("text").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staffAccount.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("contact_addendum_contact_idx").on(table.contactId, table.recordedAt),
    index("contact_addendum_participant_idx").on(table.participantId),
  ],
);

const noteText = (required: "validation.contact.note" | "validation.contact.addendum") =>
  z.string({ message: required }).trim().min(1, required).max(NOTE_MAX, "validation.tooLong");

// An empty box asks for the duration rather than calling it out of range.
const durationOf = (required: "validation.contact.duration" | "validation.appointment.duration") =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce
      .number({ message: required })
      .int("validation.contact.durationWhole")
      .min(1, "validation.contact.durationRange")
      .max(DURATION_MAX, "validation.contact.durationRange"),
  );

/**
 * A date and a time typed as UK wall-clock time (contacts, appointments), the instant they mean,
 * and whether both are readable — so a "future"/"past" check is reported together with every
 * other mistake rather than after they are fixed.
 */
function wallClock(messages: { date: string; time: string }) {
  const time = z
    .string({ message: messages.time })
    .trim()
    .regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, messages.time);
  const date = calendarDate(messages.date);
  const instant = (form: { date: string; time: string }) => {
    const [hours, minutes] = form.time.trim().split(/[:.]/);
    return zonedInstant(form.date, `${hours!.padStart(2, "0")}:${minutes}`);
  };
  const readable = (payload: { value: unknown }) => {
    const value = payload.value as { date?: unknown; time?: unknown };
    return date.safeParse(value?.date).success && time.safeParse(value?.time).success;
  };
  return { date, time, instant, readable };
}

const choices = {
  method: z.enum(contactMethods, { message: "validation.contact.method" }),
  withWhom: z.enum(contactParties, { message: "validation.contact.withWhom" }),
  attendance: z.enum(attendanceOutcomes, { message: "validation.contact.attendance" }),
  noteKind: z.enum(noteKinds, { message: "validation.contact.noteKind" }),
};

/** What a recorded contact holds once the form or the API has been read. */
export type NewContact = {
  occurredAt: Date;
  method: ContactMethod;
  withWhom: ContactParty;
  durationMinutes: number;
  attendance: Attendance;
  noteKind: NoteKind;
  note: string;
};

/**
 * The add-contact form. The date and time are typed as the reader's local (UK) time; a contact
 * cannot be in the future, so the schema is built with the clock's "now".
 */
export function contactForm(now: Date) {
  const { date, time, instant, readable } = wallClock({
    date: "validation.contact.date",
    time: "validation.contact.time",
  });
  return (
    z
      .object({
        date,
        time,
        ...choices,
        durationMinutes: durationOf("validation.contact.duration"),
        note: noteText("validation.contact.note"),
      })
      // Checked whenever the date and time are readable, so a future date is reported together
      // with every other mistake rather than after they are fixed.
      .refine((form) => instant(form).getTime() <= now.getTime(), {
        path: ["date"],
        message: "validation.contact.future",
        when: readable,
      })
      .transform(
        ({ date: _date, time: _time, ...rest }): NewContact => ({
          ...rest,
          occurredAt: instant({ date: _date, time: _time }),
        }),
      )
  );
}

/** The same contact over JSON: one ISO 8601 instant instead of a date and a time. */
export function contactApiBody(clock: { now(): Date }) {
  return z.strictObject({
    occurredAt: calendarInstant("validation.contact.occurredAt").refine(
      (value) => Date.parse(value) <= clock.now().getTime(),
      "validation.contact.future",
    ),
    ...choices,
    durationMinutes: z
      .number({ message: "validation.contact.duration" })
      .int("validation.contact.durationWhole")
      .min(1, "validation.contact.durationRange")
      .max(DURATION_MAX, "validation.contact.durationRange"),
    note: noteText("validation.contact.note"),
  });
}

export const addendumForm = z.object({ text: noteText("validation.contact.addendum") });

/**
 * A form with a kind of note, as `role` may post it: only clinicians and team leaders may write
 * clinical notes, so for anyone else, once everything else is right, a clinical note is refused
 * beside "kind of note". It is decided before the record is opened for writing, so a refused
 * clinical note writes nothing.
 */
export function refusingClinicalNotes<Form extends { noteKind: NoteKind }>(
  schema: z.ZodType<Form>,
  role: StaffRole,
): z.ZodType<Form> {
  if (hasPermission(role, "participant.read_clinical")) return schema;
  return schema.refine((form) => form.noteKind !== "clinical", {
    path: ["noteKind"],
    message: "validation.contact.clinicalNotAllowed",
    when: (payload) => payload.issues.length === 0,
  });
}

const optionalChoice = <Values extends readonly [string, ...string[]]>(values: Values) =>
  z.enum(values).optional().catch(undefined);

/** The list's filters: a bad value in the address is ignored rather than refused. */
export const contactListQuery = z.object({
  noteKind: optionalChoice(noteKinds),
  withWhom: optionalChoice(contactParties),
  method: optionalChoice(contactMethods),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type ContactListQuery = z.infer<typeof contactListQuery>;

// ---- Appointments: contacts that are planned, and what became of them. ----

/** "scheduled" until its outcome is recorded or it is called off; the rest match attendance. */
export const appointmentStatuses = ["scheduled", ...attendanceOutcomes] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const cancellations = ["cancelled_by_participant", "cancelled_by_service"] as const;
export type Cancellation = (typeof cancellations)[number];

export const LOCATION_MAX = 120;
export const APPOINTMENTS_PAGE_SIZE = 20;

/**
 * A booked appointment with a member of the care team. Its outcome is recorded as a contact
 * (linked by contact_id), so the missed-appointment rule keeps reading contacts alone.
 */
export const appointment = pgTable(
  "appointment",
  {
    ...participantOwned(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    method: text("method", { enum: contactMethods }).notNull(),
    withStaffId: uuid("with_staff_id")
      .notNull()
      .references(() => staffAccount.id),
    /** Where, in a few words ("Jobcentre café, Hill Street"): never anything clinical. */
    location: text("location"),
    status: text("status", { enum: appointmentStatuses }).notNull().default("scheduled"),
    contactId: uuid("contact_id").references(() => contact.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => staffAccount.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [index("appointment_participant_idx").on(table.participantId, table.startsAt)],
);

const appointmentTime = wallClock({
  date: "validation.appointment.date",
  time: "validation.appointment.time",
});

/** What booking an appointment holds once the form has been read. */
export type NewAppointment = {
  startsAt: Date;
  durationMinutes: number;
  method: ContactMethod;
  withStaffId: string;
  location: string | null;
};

/** The booking form: UK date and time, which must be later than "now" from the clock. */
export function appointmentForm(now: Date) {
  return z
    .object({
      date: appointmentTime.date,
      time: appointmentTime.time,
      durationMinutes: durationOf("validation.appointment.duration"),
      method: z.enum(contactMethods, { message: "validation.appointment.method" }),
      withStaffId: z.uuid({ message: "validation.appointment.withStaff" }),
      location: z
        .string()
        .trim()
        .max(LOCATION_MAX, "validation.appointment.locationLength")
        .optional()
        .transform((value) => (value ? value : null)),
    })
    .refine((form) => appointmentTime.instant(form).getTime() > now.getTime(), {
      path: ["date"],
      message: "validation.appointment.past",
      when: appointmentTime.readable,
    })
    .transform(
      ({ date, time, ...rest }): NewAppointment => ({
        ...rest,
        startsAt: appointmentTime.instant({ date, time }),
      }),
    );
}

const version = z.coerce.number({ message: "validation.appointment.version" }).int().min(1);

/** What became of an appointment that has started: always recorded as a contact. */
export const outcomeForm = z
  .object({
    outcome: z.enum(attendanceOutcomes, { message: "validation.appointment.outcome" }),
    noteKind: z.enum(noteKinds, { message: "validation.contact.noteKind" }),
    note: z.string().trim().max(NOTE_MAX, "validation.tooLong").optional().default(""),
    version,
  })
  .refine((form) => form.outcome !== "attended" || form.note.length > 0, {
    path: ["note"],
    message: "validation.appointment.noteWhenAttended",
  });
export type AppointmentOutcome = z.infer<typeof outcomeForm>;

/** Calling off an appointment before it starts: no contact took place, so none is recorded. */
export const cancelForm = z.object({
  cancelledBy: z.enum(cancellations, { message: "validation.appointment.cancelledBy" }),
  version,
});

export const appointmentListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
