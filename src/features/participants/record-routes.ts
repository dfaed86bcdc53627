import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasPermission } from "../../platform/access/roles";
import type { AppDeps } from "../../platform/http/feature";
import { pageContext, sendPage, translatorFor } from "../../platform/http/pages";
import { participantIdParam } from "../../platform/http/participant";
import { fieldErrors, formBody } from "../../platform/web/forms";
import { addCareTeamMember, careTeam, removeCareTeamMember, staffWhoCanJoin } from "./care-team";
import { consentHistory, recordConsent } from "./consent";
import { CareTeamPage, ConsentPage } from "./consent-views";
import { grantEmergencyAccess } from "./emergency";
import {
  careTeamMemberForm,
  consentForm,
  emergencyAccessForm,
  participantDetailsForm,
  participationForm,
} from "./forms";
import { changeParticipation, participantDetails, updateParticipantDetails } from "./record";
import {
  DetailsFormPage,
  EmergencyAccessPage,
  LookForWorkConfirmationPage,
  StopConfirmationPage,
  SummaryPage,
} from "./record-views";
import { openForPage, todayFrom } from "./request";
import { checkStageMove, type StageMoveResult, stageMovesOffered } from "./stage-moves";

type Extra = { values?: Record<string, unknown>; errors?: { field: string; message: string }[] };

export function registerRecordRoutes(app: FastifyInstance, { db, clock, door, config }: AppDeps) {
  const today = todayFrom(clock);
  const read = { config: { access: "participant.read" as const } };
  const write = { config: { access: "participant.write" as const } };
  const canWrite = (request: FastifyRequest) => hasPermission(request.staff!.role, "participant.write");

  const showSummary = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors?: { field: string; message: string }[],
    status = 200,
  ) => {
    const content = await openForPage(door, request, "summary", async (record) => ({
      details: await participantDetails(record),
      careTeam: await careTeam(record),
      moves: await stageMovesOffered(record),
    }));
    return sendPage(
      reply,
      SummaryPage({
        ...pageContext(request, reply),
        ...content.frame,
        ...content,
        canWrite: canWrite(request),
        errors,
      }),
      status,
    );
  };

  app.get("/participants/:participantId", read, (request, reply) => showSummary(request, reply));

  const showDetailsForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Extra & { conflict?: boolean },
    status = 200,
  ) => {
    const content = await openForPage(door, request, "details", async (record) => ({
      details: await participantDetails(record),
    }));
    return sendPage(
      reply,
      DetailsFormPage({
        ...pageContext(request, reply),
        ...content.frame,
        details: content.details,
        values: extra.values ?? content.details,
        errors: extra.errors,
        conflict: extra.conflict ? content.details : undefined,
      }),
      status,
    );
  };

  app.get("/participants/:participantId/details", write, (request, reply) =>
    showDetailsForm(request, reply, {}),
  );

  app.post("/participants/:participantId/details", write, async (request, reply) => {
    const participantId = participantIdParam(request);
    const body = formBody(request.body);
    const parsed = participantDetailsForm(today).safeParse(body);
    if (!parsed.success)
      return showDetailsForm(
        request,
        reply,
        { values: body, errors: fieldErrors(parsed.error, translatorFor(request), body) },
        400,
      );
    const outcome = await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: "write", what: "details", ipAddress: request.ip },
      (record) => updateParticipantDetails(record, clock, parsed.data),
    );
    if (outcome.kind === "stale")
      return showDetailsForm(request, reply, { values: body, conflict: true }, 409);
    return reply.redirect(`/participants/${participantId}?notice=details`);
  });

  // Moves on the record go through the stage model (decision 59): a refusal says why beside the
  // buttons, 403 when this person may not make the move, 409 when it does not apply from here.
  app.post("/participants/:participantId/participation", write, async (request, reply) => {
    const participantId = participantIdParam(request);
    const t = translatorFor(request);
    const body = formBody(request.body);
    const parsed = participationForm.safeParse(body);
    if (!parsed.success) return reply.redirect(`/participants/${participantId}`);
    const { change, version } = parsed.data;
    // A stale form (someone changed the record since) goes back to the record as it is now.
    const refused = (outcome: Exclude<StageMoveResult, { ok: true }>) =>
      outcome.refusal === "stale"
        ? reply.redirect(`/participants/${participantId}`)
        : showSummary(
            request,
            reply,
            [{ field: "change", message: t.t(outcome.reason) }],
            outcome.refusal === "who" ? 403 : 409,
          );
    // Stopping ends the support, and a move to job search puts the person on the active caseload:
    // the person at the keyboard confirms either, after the model has said it may be made.
    if ((change === "stop" || change === "look_for_work") && body.confirmed !== "yes") {
      const { frame, check } = await openForPage(door, request, "participation", async (record) => ({
        check: await checkStageMove(record, change),
      }));
      if (!check.ok) return refused(check);
      const Page = change === "stop" ? StopConfirmationPage : LookForWorkConfirmationPage;
      return sendPage(reply, Page({ ...pageContext(request, reply), ...frame, version }));
    }
    const outcome = await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: "write", what: "participation", ipAddress: request.ip },
      (record) => changeParticipation(record, clock, change, version),
    );
    if (!outcome.ok) return refused(outcome);
    const notice = { look_for_work: "lookingForWork", pause: "paused", resume: "resumed", stop: "stopped" }[
      change
    ];
    return reply.redirect(`/participants/${participantId}?notice=${notice}`);
  });

  const showConsent = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Extra = {},
    status = 200,
  ) => {
    const content = await openForPage(door, request, "consent", async (record) => ({
      history: await consentHistory(record),
    }));
    return sendPage(
      reply,
      ConsentPage({
        ...pageContext(request, reply),
        ...content.frame,
        history: content.history,
        canWrite: canWrite(request),
        values: extra.values ?? {},
        errors: extra.errors,
      }),
      status,
    );
  };

  app.get("/participants/:participantId/consent", read, (request, reply) => showConsent(request, reply));

  app.post("/participants/:participantId/consent", write, async (request, reply) => {
    const participantId = participantIdParam(request);
    const body = formBody(request.body);
    const parsed = consentForm.safeParse(body);
    if (!parsed.success)
      return showConsent(
        request,
        reply,
        { values: body, errors: fieldErrors(parsed.error, translatorFor(request)) },
        400,
      );
    await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: "write", what: "consent", ipAddress: request.ip },
      (record) => recordConsent(record, clock, parsed.data),
    );
    return reply.redirect(`/participants/${participantId}/consent?notice=consent`);
  });

  const showCareTeam = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Extra = {},
    status = 200,
  ) => {
    const content = await openForPage(door, request, "care_team", async (record) => ({
      members: await careTeam(record),
      candidates: await staffWhoCanJoin(record.tx, record.organisationId),
    }));
    return sendPage(
      reply,
      CareTeamPage({
        ...pageContext(request, reply),
        ...content.frame,
        members: content.members,
        candidates: content.candidates,
        canWrite: canWrite(request),
        values: extra.values ?? {},
        errors: extra.errors,
      }),
      status,
    );
  };

  app.get("/participants/:participantId/care-team", read, (request, reply) => showCareTeam(request, reply));

  app.post("/participants/:participantId/care-team", write, async (request, reply) => {
    const participantId = participantIdParam(request);
    const t = translatorFor(request);
    const body = formBody(request.body);
    const parsed = careTeamMemberForm.safeParse(body);
    if (!parsed.success)
      return showCareTeam(request, reply, { values: body, errors: fieldErrors(parsed.error, t) }, 400);
    const outcome = await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: "write", what: "care_team", ipAddress: request.ip },
      (record) => addCareTeamMember(record, clock, parsed.data),
    );
    if (outcome !== "added") {
      const message =
        outcome === "already" ? t.t("validation.careTeam.already") : t.t("validation.careTeam.notAvailable");
      return showCareTeam(request, reply, { values: body, errors: [{ field: "staffId", message }] }, 409);
    }
    return reply.redirect(`/participants/${participantId}/care-team?notice=added`);
  });

  app.post("/participants/:participantId/care-team/:memberId/remove", write, async (request, reply) => {
    const participantId = participantIdParam(request);
    const memberId = (request.params as { memberId?: string }).memberId ?? "";
    if (!/^[0-9a-f-]{36}$/.test(memberId)) return reply.redirect(`/participants/${participantId}/care-team`);
    await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: "write", what: "care_team", ipAddress: request.ip },
      (record) => removeCareTeamMember(record, clock, memberId),
    );
    return reply.redirect(`/participants/${participantId}/care-team?notice=removed`);
  });

  const emergency = { config: { access: "participant.emergency_access" as const } };
  app.get("/participants/:participantId/emergency-access", emergency, async (request, reply) =>
    sendPage(
      reply,
      EmergencyAccessPage({
        ...pageContext(request, reply),
        participantId: participantIdParam(request),
        minutes: config.emergencyAccessMinutes,
        values: {},
      }),
    ),
  );

  app.post("/participants/:participantId/emergency-access", emergency, async (request, reply) => {
    const participantId = participantIdParam(request);
    const body = formBody(request.body);
    const parsed = emergencyAccessForm.safeParse(body);
    if (!parsed.success)
      return sendPage(
        reply,
        EmergencyAccessPage({
          ...pageContext(request, reply),
          participantId,
          minutes: config.emergencyAccessMinutes,
          values: body,
          errors: fieldErrors(parsed.error, translatorFor(request)),
        }),
        400,
      );
    const outcome = await grantEmergencyAccess(
      db,
      clock,
      request.staff!,
      participantId,
      parsed.data.reason,
      request.ip,
      config.emergencyAccessMinutes,
    );
    if (outcome.kind === "not_found") return reply.callNotFound();
    return reply.redirect(`/participants/${participantId}`);
  });
}
