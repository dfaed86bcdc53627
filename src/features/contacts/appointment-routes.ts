import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { ParticipantRecord } from "../../platform/access/door";
import { hasPermission } from "../../platform/access/roles";
import type { AppDeps } from "../../platform/http/feature";
import { type FormState, recordFormPost } from "../../platform/http/form-post";
import { ownPagesContext, ownRecordOpener } from "../../platform/http/own-pages";
import { sendPage, translatorFor } from "../../platform/http/pages";
import { uuidParam } from "../../platform/http/params";
import { notFoundAnswer, read, recordFrame, recordRoute, write } from "../../platform/http/record-page";
import {
  AppointmentListPage,
  AppointmentPage,
  appointmentNotices,
  appointmentsBase,
  BookAppointmentPage,
} from "./appointment-views";
import {
  type AppointmentView,
  bookAppointment,
  bookableStaff,
  cancelAppointment,
  findAppointment,
  ownAppointments,
  pastAppointments,
  recordAppointmentOutcome,
  type SettleOutcome,
  upcomingAppointments,
} from "./appointments";
import { OwnAppointmentsPage } from "./own-appointment-pages";
import { recordableNoteKinds } from "./rules";
import {
  appointmentForm,
  appointmentListQuery,
  cancelForm,
  outcomeForm,
  refusingClinicalNotes,
} from "./schema";

const signedIn = { config: { access: "participant" as const } };

const frame = (record: ParticipantRecord, request: FastifyRequest, reply: FastifyReply) =>
  recordFrame(record, request, reply, appointmentNotices);

/** The appointment named in the path, if it is on this record. */
async function appointmentIn(record: ParticipantRecord, request: FastifyRequest) {
  const appointmentId = uuidParam(request, "appointmentId");
  return appointmentId ? findAppointment(record, appointmentId) : undefined;
}

/** Booking, listing and settling appointments on a participant's record. */
export function registerAppointmentRoutes(app: FastifyInstance, { door, clock, ownRecordDoor }: AppDeps) {
  const openOwnRecord = ownRecordOpener(ownRecordDoor);
  const base = "/participants/:participantId/appointments";

  app.get(
    base,
    read,
    recordRoute(door, "read", "appointments", async (record, request, reply) => {
      const { page } = appointmentListQuery.parse(request.query ?? {});
      const now = clock.now();
      return {
        page: AppointmentListPage({
          ...(await frame(record, request, reply)),
          now,
          upcoming: await upcomingAppointments(record, now),
          past: await pastAppointments(record, now, page),
          mayBook: hasPermission(request.staff!.role, "participant.write"),
        }),
      };
    }),
  );

  const bookingPage = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState<undefined>,
  ) =>
    BookAppointmentPage({
      ...(await frame(record, request, reply)),
      values: state.values,
      errors: state.errors,
      staff: await bookableStaff(record),
    });

  app.get(
    `${base}/new`,
    write,
    recordRoute(door, "read", "appointment_form", async (record, request, reply) => ({
      page: await bookingPage(record, request, reply, { values: {} }),
    })),
  );

  app.post(
    base,
    write,
    recordFormPost(door, {
      what: "appointment",
      refusedWhat: "appointment_form",
      schema: () => appointmentForm(clock.now()),
      redirectStatus: 303,
      show: bookingPage,
      save: (record, form) => bookAppointment(record, clock, form),
      saved: (record) => `${appointmentsBase(record.participantId)}?notice=booked`,
    }),
  );

  const appointmentPage = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    appointment: AppointmentView,
    state: Partial<FormState<AppointmentView>> = {},
  ) =>
    AppointmentPage({
      ...(await frame(record, request, reply)),
      now: clock.now(),
      appointment,
      mayWrite: hasPermission(request.staff!.role, "participant.write"),
      recordableKinds: recordableNoteKinds(record),
      values: state.values,
      errors: state.errors,
      conflict: state.conflict,
    });

  app.get(
    `${base}/:appointmentId`,
    read,
    recordRoute(door, "read", "appointment", async (record, request, reply) => {
      const found = await appointmentIn(record, request);
      if (!found) return notFoundAnswer;
      return { page: await appointmentPage(record, request, reply, found) };
    }),
  );

  /**
   * Settling an appointment: invalid input is answered beside its field under a read; a valid
   * form opens the record for writing and is refused (409) if someone settled it first. Redirected
   * after the commit, so a quick next request (a second missed appointment) sees this one.
   */
  const settle = <Form extends { version: number }>(
    kind: "outcome" | "cancel",
    schema: (request: FastifyRequest) => z.ZodType<Form>,
    save: (
      record: ParticipantRecord,
      appointmentId: string,
      form: Form,
      request: FastifyRequest,
    ) => Promise<SettleOutcome>,
  ) =>
    recordFormPost<Form, AppointmentView, SettleOutcome>(door, {
      what: `appointment_${kind}`,
      schema,
      redirectStatus: 303,
      before: async (record, request) =>
        (await appointmentIn(record, request)) ? undefined : notFoundAnswer,
      // After a conflict the page shows the appointment as the other person saved it.
      show: async (record, request, reply, state) =>
        appointmentPage(
          record,
          request,
          reply,
          state.conflict ?? (await appointmentIn(record, request))!,
          state,
        ),
      save: (record, form, _version, request) =>
        save(record, uuidParam(request, "appointmentId")!, form, request),
      saved: (record, _saved, request) =>
        `${appointmentsBase(record.participantId)}/${uuidParam(request, "appointmentId")}?notice=${
          kind === "outcome" ? "recorded" : "cancelled"
        }`,
    });

  app.post(
    `${base}/:appointmentId/outcome`,
    write,
    settle(
      "outcome",
      (request) => refusingClinicalNotes(outcomeForm, request.staff!.role),
      (record, appointmentId, form, request) =>
        recordAppointmentOutcome(record, clock, appointmentId, {
          ...form,
          note: form.note || translatorFor(request).t(`appointments.outcome.defaultNote.${form.outcome}`),
        }),
    ),
  );

  app.post(
    `${base}/:appointmentId/cancel`,
    write,
    settle(
      "cancel",
      () => cancelForm,
      (record, appointmentId, form) => cancelAppointment(record, clock, appointmentId, form),
    ),
  );

  app.get("/my/appointments", signedIn, async (request, reply) => {
    const now = clock.now();
    const view = await openOwnRecord(request, "read", "appointments", (record) =>
      ownAppointments(record, now),
    );
    return sendPage(reply, OwnAppointmentsPage({ ...ownPagesContext(request, reply), ...view }));
  });
}
