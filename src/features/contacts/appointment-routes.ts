import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ParticipantRecord } from "../../platform/access/door";
import { hasPermission } from "../../platform/access/roles";
import type { AppDeps } from "../../platform/http/feature";
import { ownPagesContext, ownRecordOpener } from "../../platform/http/own-pages";
import { sendPage, translatorFor } from "../../platform/http/pages";
import { participantIdParam } from "../../platform/http/participant";
import { type FieldError, fieldErrors, formBody } from "../../platform/web/forms";
import {
  AppointmentListPage,
  AppointmentPage,
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
  upcomingAppointments,
} from "./appointments";
import { OwnAppointmentsPage } from "./own-appointment-pages";
import { notFound, notice, read, recordPage, write } from "./request";
import { recordableNoteKinds } from "./rules";
import { appointmentForm, appointmentListQuery, cancelForm, outcomeForm } from "./schema";

const signedIn = { config: { access: "participant" as const } };

const appointmentIdParam = (request: FastifyRequest) => {
  const parsed = z.uuid().safeParse((request.params as { appointmentId?: unknown }).appointmentId);
  return parsed.success ? parsed.data : undefined;
};

/** Booking, listing and settling appointments on a participant's record. */
export function registerAppointmentRoutes(app: FastifyInstance, { door, clock, ownRecordDoor }: AppDeps) {
  const openOwnRecord = ownRecordOpener(ownRecordDoor);
  const open = <Result>(
    request: FastifyRequest,
    purpose: "read" | "write",
    what: string,
    work: (record: ParticipantRecord) => Promise<Result>,
  ) =>
    door.withParticipant(
      request.staff!,
      participantIdParam(request),
      { purpose, what, ipAddress: request.ip },
      work,
    );

  app.get("/participants/:participantId/appointments", read, async (request, reply) => {
    const { page } = appointmentListQuery.parse(request.query ?? {});
    return open(request, "read", "appointments", async (record) => {
      const now = clock.now();
      return sendPage(
        reply,
        AppointmentListPage({
          ...(await recordPage(request, reply, record)),
          now,
          upcoming: await upcomingAppointments(record, now),
          past: await pastAppointments(record, now, page),
          mayBook: hasPermission(request.staff!.role, "participant.write"),
          notice: notice(request),
        }),
      );
    });
  });

  const bookingPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    record: ParticipantRecord,
    values: Record<string, unknown>,
    errors?: FieldError[],
  ) =>
    sendPage(
      reply,
      BookAppointmentPage({
        ...(await recordPage(request, reply, record)),
        values,
        errors,
        staff: await bookableStaff(record),
      }),
      errors ? 400 : 200,
    );

  app.get("/participants/:participantId/appointments/new", write, async (request, reply) =>
    open(request, "read", "appointment_form", (record) => bookingPage(request, reply, record, {})),
  );

  app.post("/participants/:participantId/appointments", write, async (request, reply) => {
    const body = formBody(request.body);
    const t = translatorFor(request);
    const parsed = appointmentForm(clock.now()).safeParse(body);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error, t, body);
      return open(request, "read", "appointment_form", (record) =>
        bookingPage(request, reply, record, body, errors),
      );
    }
    // "booked" goes back out of the transaction, and the redirect follows its commit, so the next
    // page sees what was saved. (A reply is never handed back unsent: it is awaitable until sent.)
    const shown = await open(request, "write", "appointment", async (record) => {
      const outcome = await bookAppointment(record, clock, parsed.data);
      if (outcome.kind === "not_on_care_team") {
        await bookingPage(request, reply, record, body, [
          { field: "withStaffId", message: t.t("validation.appointment.notOnCareTeam") },
        ]);
        return "shown" as const;
      }
      return "booked" as const;
    });
    if (shown === "shown") return reply;
    return reply.redirect(`${appointmentsBase(participantIdParam(request))}?notice=booked`, 303);
  });

  const showAppointment = async (
    request: FastifyRequest,
    reply: FastifyReply,
    record: ParticipantRecord,
    appointment: AppointmentView,
    extra: { values?: Record<string, unknown>; errors?: FieldError[]; conflict?: AppointmentView } = {},
    status = 200,
  ) =>
    sendPage(
      reply,
      AppointmentPage({
        ...(await recordPage(request, reply, record)),
        now: clock.now(),
        appointment,
        mayWrite: hasPermission(request.staff!.role, "participant.write"),
        recordableKinds: recordableNoteKinds(record),
        notice: notice(request),
        ...extra,
      }),
      status,
    );

  app.get("/participants/:participantId/appointments/:appointmentId", read, async (request, reply) => {
    const appointmentId = appointmentIdParam(request);
    return open(request, "read", "appointment", async (record) => {
      const found = appointmentId ? await findAppointment(record, appointmentId) : undefined;
      if (!found) return notFound(reply);
      return showAppointment(request, reply, record, found);
    });
  });

  /**
   * Settling an appointment: invalid input is answered beside its field under a read; a valid
   * form opens the record for writing and is refused (409) if someone settled it first.
   */
  const settle = <Form extends { version: number }>(
    kind: "outcome" | "cancel",
    parse: (body: Record<string, unknown>) => z.ZodSafeParseResult<Form>,
    extraCheck: (request: FastifyRequest, form: Form) => FieldError[] | undefined,
    save: (
      record: ParticipantRecord,
      appointmentId: string,
      form: Form,
      request: FastifyRequest,
    ) => ReturnType<typeof cancelAppointment>,
  ) =>
    async function handler(request: FastifyRequest, reply: FastifyReply) {
      const appointmentId = appointmentIdParam(request);
      const body = formBody(request.body);
      const t = translatorFor(request);
      const parsed = parse(body);
      const errors = parsed.success ? extraCheck(request, parsed.data) : fieldErrors(parsed.error, t, body);
      const shown = await open(request, errors ? "read" : "write", `appointment_${kind}`, async (record) => {
        const found = appointmentId ? await findAppointment(record, appointmentId) : undefined;
        if (!found || !appointmentId) return notFound(reply);
        if (errors || !parsed.success)
          return showAppointment(request, reply, record, found, { values: body, errors }, 400);
        const outcome = await save(record, appointmentId, parsed.data, request);
        if (outcome.kind === "not_found") return notFound(reply);
        if (outcome.kind === "stale") {
          return showAppointment(
            request,
            reply,
            record,
            outcome.saved,
            { values: body, conflict: outcome.saved },
            409,
          );
        }
        if (outcome.kind === "not_yet" || outcome.kind === "already_started") {
          const message = t.t(
            outcome.kind === "not_yet" ? "appointments.notYet" : "appointments.alreadyStarted",
          );
          const field = kind === "outcome" ? "outcome" : "cancelledBy";
          return showAppointment(
            request,
            reply,
            record,
            found,
            { values: body, errors: [{ field, message }] },
            400,
          );
        }
        // Never the unsent reply: it is awaitable until sent, so the transaction would wait forever.
        return "saved" as const;
      });
      // Redirected after the commit: a quick next request (a second missed appointment) sees this one.
      if (shown !== "saved") return shown;
      const done = kind === "outcome" ? "recorded" : "cancelled";
      return reply.redirect(
        `${appointmentsBase(participantIdParam(request))}/${appointmentId}?notice=${done}`,
        303,
      );
    };

  app.post(
    "/participants/:participantId/appointments/:appointmentId/outcome",
    write,
    settle(
      "outcome",
      (body) => outcomeForm.safeParse(body),
      // Decided before the record is opened for writing, so a refused clinical note writes nothing.
      (request, form) =>
        form.noteKind === "clinical" && !hasPermission(request.staff!.role, "participant.read_clinical")
          ? [
              {
                field: "noteKind",
                message: translatorFor(request).t("validation.contact.clinicalNotAllowed"),
              },
            ]
          : undefined,
      (record, appointmentId, form, request) =>
        recordAppointmentOutcome(record, clock, appointmentId, {
          ...form,
          note: form.note || translatorFor(request).t(`appointments.outcome.defaultNote.${form.outcome}`),
        }),
    ),
  );

  app.post(
    "/participants/:participantId/appointments/:appointmentId/cancel",
    write,
    settle(
      "cancel",
      (body) => cancelForm.safeParse(body),
      () => undefined,
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
