import type { FastifyInstance, FastifyRequest } from "fastify";
import { hasPermission } from "../../../platform/access/roles";
import type { AppDeps } from "../../../platform/http/feature";
import { checkForm } from "../../../platform/http/form-post";
import { pageContext, sendPage, translatorFor } from "../../../platform/http/pages";
import { participantIdParam } from "../../../platform/http/participant";
import { read, recordRoute, write } from "../../../platform/http/record-page";
import { addCareTeamMember, careTeam, removeCareTeamMember, staffWhoCanJoin } from "../care-team/service";
import { consentHistory, recordConsent } from "../consent/service";
import { CareTeamPage, ConsentPage } from "../consent/views";
import { grantEmergencyAccess } from "../emergency/service";
import { EmergencyAccessPage } from "../emergency/views";
import {
  careTeamMemberForm,
  consentForm,
  emergencyAccessForm,
  participantDetailsForm,
  participationForm,
  todayFrom,
} from "./forms";
import { type ChangeAnswer, changeThenAnswer, formOnPage, frameOf, type Refused, readPage } from "./pages";
import { changeParticipation, participantDetails, updateParticipantDetails } from "./service";
import { checkStageMove, type StageMoveResult, stageMovesOffered } from "./stage-moves";
import { DetailsFormPage, LookForWorkConfirmationPage, StopConfirmationPage, SummaryPage } from "./views";

export function registerRecordRoutes(app: FastifyInstance, { db, clock, door, config }: AppDeps) {
  const today = todayFrom(clock);
  const canWrite = (request: FastifyRequest) => hasPermission(request.staff!.role, "participant.write");
  const recordPath = (participantId: string) => `/participants/${participantId}`;

  const summaryPage = readPage<Refused>(door, "summary", async (record, request, reply, { errors }) =>
    SummaryPage({
      ...(await frameOf(record, request, reply)),
      details: await participantDetails(record),
      careTeam: await careTeam(record),
      moves: await stageMovesOffered(record),
      canWrite: canWrite(request),
      errors,
    }),
  );

  app.get("/participants/:participantId", read, summaryPage());

  const detailsPage = readPage<Refused & { conflict?: boolean }>(
    door,
    "details",
    async (record, request, reply, state) => {
      const details = await participantDetails(record);
      return DetailsFormPage({
        ...(await frameOf(record, request, reply)),
        details,
        values: state.values ?? details,
        errors: state.errors,
        conflict: state.conflict ? details : undefined,
      });
    },
  );

  app.get("/participants/:participantId/details", write, detailsPage());

  app.post(
    "/participants/:participantId/details",
    write,
    formOnPage(door, {
      what: "details",
      schema: participantDetailsForm(today),
      page: detailsPage,
      save: async (record, form) => {
        const outcome = await updateParticipantDetails(record, clock, form);
        if (outcome.kind === "stale") return { again: { conflict: true }, status: 409 };
        return { redirect: `${recordPath(record.participantId)}?notice=details` };
      },
    }),
  );

  // Moves on the record go through the stage model (decision 59): a refusal says why beside the
  // buttons, 403 when this person may not make the move, 409 when it does not apply from here.
  app.post("/participants/:participantId/participation", write, async (request, reply) => {
    const checked = checkForm(participationForm, request);
    if (!checked.ok) return reply.redirect(recordPath(participantIdParam(request)));
    const { change, version } = checked.form;
    // A stale form (someone changed the record since) goes back to the record as it is now.
    const refused = (
      participantId: string,
      outcome: Exclude<StageMoveResult, { ok: true }>,
    ): ChangeAnswer<Refused> =>
      outcome.refusal === "stale"
        ? { redirect: recordPath(participantId) }
        : {
            again: { errors: [{ field: "change", message: translatorFor(request).t(outcome.reason) }] },
            status: outcome.refusal === "who" ? 403 : 409,
          };
    // Stopping ends the support, and a move to job search puts the person on the active caseload:
    // the person at the keyboard confirms either, after the model has said it may be made.
    if ((change === "stop" || change === "look_for_work") && checked.body.confirmed !== "yes")
      return changeThenAnswer(
        door,
        request,
        reply,
        { purpose: "read", what: "participation", page: summaryPage },
        async (record) => {
          const check = await checkStageMove(record, change);
          if (!check.ok) return refused(record.participantId, check);
          const Page = change === "stop" ? StopConfirmationPage : LookForWorkConfirmationPage;
          return { page: Page({ ...(await frameOf(record, request, reply)), version }) };
        },
      );
    return changeThenAnswer(
      door,
      request,
      reply,
      { purpose: "write", what: "participation", page: summaryPage },
      async (record) => {
        const outcome = await changeParticipation(record, clock, change, version);
        if (!outcome.ok) return refused(record.participantId, outcome);
        const notice = {
          look_for_work: "lookingForWork",
          pause: "paused",
          resume: "resumed",
          stop: "stopped",
        }[change];
        return { redirect: `${recordPath(record.participantId)}?notice=${notice}` };
      },
    );
  });

  const consentPage = readPage<Refused>(door, "consent", async (record, request, reply, state) =>
    ConsentPage({
      ...(await frameOf(record, request, reply)),
      history: await consentHistory(record),
      canWrite: canWrite(request),
      values: state.values ?? {},
      errors: state.errors,
    }),
  );

  app.get("/participants/:participantId/consent", read, consentPage());

  app.post(
    "/participants/:participantId/consent",
    write,
    formOnPage(door, {
      what: "consent",
      schema: consentForm,
      page: consentPage,
      save: async (record, form) => {
        await recordConsent(record, clock, form);
        return { redirect: `${recordPath(record.participantId)}/consent?notice=consent` };
      },
    }),
  );

  const careTeamPage = readPage<Refused>(door, "care_team", async (record, request, reply, state) =>
    CareTeamPage({
      ...(await frameOf(record, request, reply)),
      members: await careTeam(record),
      candidates: await staffWhoCanJoin(record.tx, record.organisationId),
      canWrite: canWrite(request),
      values: state.values ?? {},
      errors: state.errors,
    }),
  );

  app.get("/participants/:participantId/care-team", read, careTeamPage());

  app.post(
    "/participants/:participantId/care-team",
    write,
    formOnPage(door, {
      what: "care_team",
      schema: careTeamMemberForm,
      page: careTeamPage,
      save: async (record, form, request) => {
        const outcome = await addCareTeamMember(record, clock, form);
        if (outcome === "added")
          return { redirect: `${recordPath(record.participantId)}/care-team?notice=added` };
        const t = translatorFor(request);
        const message =
          outcome === "already"
            ? t.t("validation.careTeam.already")
            : t.t("validation.careTeam.notAvailable");
        return { again: { errors: [{ field: "staffId", message }] }, status: 409 };
      },
    }),
  );

  app.post("/participants/:participantId/care-team/:memberId/remove", write, async (request, reply) => {
    const memberId = (request.params as { memberId?: string }).memberId ?? "";
    if (!/^[0-9a-f-]{36}$/.test(memberId))
      return reply.redirect(`${recordPath(participantIdParam(request))}/care-team`);
    return recordRoute(door, "write", "care_team", async (record) => {
      await removeCareTeamMember(record, clock, memberId);
      return { redirect: `${recordPath(record.participantId)}/care-team?notice=removed` };
    })(request, reply);
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
    const checked = checkForm(emergencyAccessForm, request);
    if (!checked.ok)
      return sendPage(
        reply,
        EmergencyAccessPage({
          ...pageContext(request, reply),
          participantId,
          minutes: config.emergencyAccessMinutes,
          values: checked.body,
          errors: checked.errors,
        }),
        400,
      );
    const outcome = await grantEmergencyAccess(
      db,
      clock,
      request.staff!,
      participantId,
      checked.form.reason,
      request.ip,
      config.emergencyAccessMinutes,
    );
    if (outcome.kind === "not_found") return reply.callNotFound();
    return reply.redirect(recordPath(participantId));
  });
}
