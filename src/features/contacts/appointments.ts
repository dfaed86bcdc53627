import { asc, count, desc, eq, gt, gte, lte } from "drizzle-orm";
import type { ParticipantRecord } from "../../platform/access/door";
import { onRecord } from "../../platform/access/on-record";
import type { RecordScope } from "../../platform/access/own-record";
import type { Clock } from "../../platform/clock";
import { staffAccount } from "../../platform/directory/schema";
import {
  type Invalid,
  invalid,
  type NotFound,
  notFound,
  type Saved,
  type Stale,
  saved,
  stale,
} from "../../platform/outcome";
import { announce } from "../../platform/record-events";
import { type CareTeamRole, careTeamMember } from "../participants/schema";
import { careTeam } from "../participants/service";
import {
  APPOINTMENTS_PAGE_SIZE,
  type AppointmentOutcome,
  type AppointmentStatus,
  appointment,
  type Cancellation,
  type ContactMethod,
  type NewAppointment,
} from "./schema";
import { recordContact } from "./service";

export type AppointmentView = {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  method: ContactMethod;
  withStaffId: string;
  withStaffName: string;
  location: string | null;
  status: AppointmentStatus;
  contactId: string | null;
  version: number;
};

const columns = {
  id: appointment.id,
  startsAt: appointment.startsAt,
  durationMinutes: appointment.durationMinutes,
  method: appointment.method,
  withStaffId: appointment.withStaffId,
  withStaffName: staffAccount.fullName,
  location: appointment.location,
  status: appointment.status,
  contactId: appointment.contactId,
  version: appointment.version,
};

const withStaff = (record: RecordScope) =>
  record.tx
    .select(columns)
    .from(appointment)
    .innerJoin(staffAccount, eq(staffAccount.id, appointment.withStaffId))
    .$dynamic();

/** Appointments still to come, soonest first, whatever their status (a cancelled one says so). */
export function upcomingAppointments(record: RecordScope, now: Date) {
  return withStaff(record)
    .where(onRecord(record, appointment, gt(appointment.startsAt, now)))
    .orderBy(asc(appointment.startsAt), asc(appointment.id));
}

/** One page of appointments that have started, newest first. */
export async function pastAppointments(record: RecordScope, now: Date, requestedPage: number) {
  const where = onRecord(record, appointment, lte(appointment.startsAt, now));
  const [counted] = await record.tx.select({ total: count() }).from(appointment).where(where);
  const total = counted?.total ?? 0;
  const page = Math.min(requestedPage, Math.max(1, Math.ceil(total / APPOINTMENTS_PAGE_SIZE)));
  const rows = await withStaff(record)
    .where(where)
    .orderBy(desc(appointment.startsAt), desc(appointment.id))
    .limit(APPOINTMENTS_PAGE_SIZE)
    .offset((page - 1) * APPOINTMENTS_PAGE_SIZE);
  return { rows, total, page };
}

export async function findAppointment(
  record: RecordScope,
  appointmentId: string,
): Promise<AppointmentView | undefined> {
  const [row] = await withStaff(record).where(
    onRecord(record, appointment, eq(appointment.id, appointmentId)),
  );
  return row;
}

/** Who an appointment can be booked with: the current care team, one entry a person. */
export async function bookableStaff(record: RecordScope) {
  const members = await careTeam(record);
  const seen = new Set<string>();
  return members.filter((member) => !seen.has(member.staffId) && seen.add(member.staffId));
}

/** Books an appointment with someone on the care team now; anyone else is refused beside "with whom". */
export async function bookAppointment(
  record: ParticipantRecord,
  clock: Clock,
  form: NewAppointment,
): Promise<Saved<{ id: string }> | Invalid<"validation.appointment.notOnCareTeam">> {
  const team = await bookableStaff(record);
  if (!team.some((member) => member.staffId === form.withStaffId))
    return invalid("withStaffId", "validation.appointment.notOnCareTeam");
  const [booked] = await record.tx
    .insert(appointment)
    .values({
      ...form,
      organisationId: record.organisationId,
      participantId: record.participantId,
      status: "scheduled",
      createdBy: record.actor.staffId,
      createdAt: clock.now(),
    })
    .returning({ id: appointment.id });
  return saved({ id: booked!.id });
}

/**
 * Settling an appointment: saved; someone settled it first (stale, with what they saved); too
 * early to record what happened, or too late to cancel (invalid, beside the form's field); or no
 * such appointment on this record.
 */
export type SettleOutcome =
  | Saved<undefined>
  | Stale<AppointmentView>
  | Invalid<"appointments.notYet" | "appointments.alreadyStarted">
  | NotFound;

/** Moves a scheduled appointment on, only from the version the reader saw. */
async function claim(
  record: ParticipantRecord,
  appointmentId: string,
  version: number,
  status: Exclude<AppointmentStatus, "scheduled">,
) {
  const [updated] = await record.tx
    .update(appointment)
    .set({ status, version: version + 1 })
    .where(
      onRecord(
        record,
        appointment,
        eq(appointment.id, appointmentId),
        eq(appointment.version, version),
        eq(appointment.status, "scheduled"),
      ),
    )
    .returning({ id: appointment.id });
  return updated !== undefined;
}

/**
 * What became of an appointment that has started: a contact with the participant at the
 * appointment's time, linked to it; then the early-warning rules run so a second missed
 * appointment raises its alert at once. `note` is what staff wrote, or the plain default.
 */
export async function recordAppointmentOutcome(
  record: ParticipantRecord,
  clock: Clock,
  appointmentId: string,
  form: AppointmentOutcome,
): Promise<SettleOutcome> {
  const now = clock.now();
  const current = await findAppointment(record, appointmentId);
  if (!current) return notFound;
  if (current.version !== form.version || current.status !== "scheduled") return stale(current);
  if (current.startsAt.getTime() > now.getTime()) return invalid("outcome", "appointments.notYet");
  if (!(await claim(record, appointmentId, form.version, form.outcome))) {
    return stale((await findAppointment(record, appointmentId))!);
  }
  const recorded = await recordContact(record, clock, {
    occurredAt: current.startsAt,
    method: current.method,
    withWhom: "participant",
    durationMinutes: current.durationMinutes,
    attendance: form.outcome,
    noteKind: form.noteKind,
    note: form.note,
  });
  // The route refuses a clinical note to a role that may not write one; this keeps it so.
  if (recorded.kind !== "saved") throw new Error("clinical note refused after the role check");
  await record.tx
    .update(appointment)
    .set({ contactId: recorded.id })
    .where(eq(appointment.id, appointmentId));
  await announce(record, "appointment_outcome_recorded", { now });
  return saved(undefined);
}

/** Calling an appointment off before it starts: nothing took place, so no contact is recorded. */
export async function cancelAppointment(
  record: ParticipantRecord,
  clock: Clock,
  appointmentId: string,
  form: { cancelledBy: Cancellation; version: number },
): Promise<SettleOutcome> {
  const current = await findAppointment(record, appointmentId);
  if (!current) return notFound;
  if (current.version !== form.version || current.status !== "scheduled") return stale(current);
  if (current.startsAt.getTime() <= clock.now().getTime())
    return invalid("cancelledBy", "appointments.alreadyStarted");
  if (!(await claim(record, appointmentId, form.version, form.cancelledBy))) {
    return stale((await findAppointment(record, appointmentId))!);
  }
  return saved(undefined);
}

export type OwnAppointment = AppointmentView & { careTeamRole: CareTeamRole | null };

/** The person's own appointments: still to come, and those in the last three months. */
export async function ownAppointments(record: RecordScope, now: Date) {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - 3);
  const roles = new Map(
    (
      await record.tx
        .select({ staffId: careTeamMember.staffId, role: careTeamMember.careTeamRole })
        .from(careTeamMember)
        .where(onRecord(record, careTeamMember))
        .orderBy(asc(careTeamMember.addedAt))
    ).map((row) => [row.staffId, row.role]),
  );
  const withRole = (row: AppointmentView): OwnAppointment => ({
    ...row,
    careTeamRole: roles.get(row.withStaffId) ?? null,
  });
  const upcoming = await upcomingAppointments(record, now);
  const past = await withStaff(record)
    .where(onRecord(record, appointment, lte(appointment.startsAt, now), gte(appointment.startsAt, since)))
    .orderBy(desc(appointment.startsAt), desc(appointment.id));
  return { upcoming: upcoming.map(withRole), past: past.map(withRole) };
}
