import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../../platform/http/feature";
import { checkForm } from "../../../platform/http/form-post";
import { translatorFor } from "../../../platform/http/pages";
import { participantIdParam } from "../../../platform/http/participant";
import { read, write } from "../../../platform/http/record-page";
import { careTeam } from "../care-team/service";
import { participantDetailsForm, participationForm, todayFrom } from "./forms";
import {
  type ChangeAnswer,
  canWrite,
  changeThenAnswer,
  formOnPage,
  frameOf,
  type Refused,
  readPage,
  recordPath,
} from "./pages";
import { changeParticipation, participantDetails, updateParticipantDetails } from "./service";
import { checkStageMove, type StageMoveResult, stageMovesOffered } from "./stage-moves";
import { DetailsFormPage, LookForWorkConfirmationPage, StopConfirmationPage, SummaryPage } from "./views";

// The record's summary, the person's details and the moves made on the record (pause, resume,
// stop, looking for work).

export function registerRecordRoutes(app: FastifyInstance, { clock, door }: AppDeps) {
  const today = todayFrom(clock);

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
}
