import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ParticipantRecord } from "../../platform/access/door";
import { hasPermission } from "../../platform/access/roles";
import type { AppDeps } from "../../platform/http/feature";
import { pageContext, participantTabs, sendPage, translatorFor } from "../../platform/http/pages";
import { participantIdParam } from "../../platform/http/participant";
import { fieldErrors, formBody } from "../../platform/web/forms";
import { participantBanner, participantStage } from "../participants/service";
import { type CheckInStep, carriedAnswers, moveCheckIn, stepsFor } from "./check-in-form";
import { CheckInListPage, StaffCheckInPage } from "./check-in-pages";
import { listCheckIns, recentCheckIns, saveCheckIn, scoreHistory } from "./check-ins";

const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

const notice = (request: FastifyRequest) => (request.query as { notice?: string } | undefined)?.notice;

/** Staff see and record check-ins on the record; the person's own pages share the question pages. */
export function registerCheckInRoutes(app: FastifyInstance, { door, clock }: AppDeps) {
  const frame = async (request: FastifyRequest, reply: FastifyReply, record: ParticipantRecord) => ({
    ...pageContext(request, reply),
    participant: await participantBanner(record, translatorFor(request)),
    tabs: participantTabs(request, record.participantId),
  });

  app.get(
    "/participants/:participantId/check-ins",
    { config: { access: "participant.read" } },
    async (request, reply) => {
      const { page } = pageQuery.parse(request.query ?? {});
      const view = await door.withParticipant(
        request.staff!,
        participantIdParam(request),
        { purpose: "read", what: "check_ins", ipAddress: request.ip },
        async (record) => {
          const scoresVisible = record.healthInformationVisible.includes("assessment_scores");
          return {
            ...(await frame(request, reply, record)),
            list: await listCheckIns(record, page),
            recent: await recentCheckIns(record, clock.now()),
            phq9: scoresVisible ? await scoreHistory(record, "phq9") : null,
            gad7: scoresVisible ? await scoreHistory(record, "gad7") : null,
            mayRecord: hasPermission(record.actor.role, "participant.write"),
            notice: notice(request),
          };
        },
      );
      return sendPage(reply, CheckInListPage(view));
    },
  );

  const showStep = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const body = request.method === "POST" ? formBody(request.body) : {};
    // Only the last page saves; the question pages before it only read the record.
    const purpose = body.step === "check" && body.go === "save" ? "write" : "read";
    const outcome = await door.withParticipant(
      request.staff!,
      participantIdParam(request),
      { purpose, what: "check_in", ipAddress: request.ip },
      async (record) => {
        const base = await frame(request, reply, record);
        const inWork = (await participantStage(record)) === "in_work";
        const steps = stepsFor(inWork);
        const move =
          request.method === "POST"
            ? moveCheckIn(body, inWork)
            : ({ kind: "show", step: steps[0]! } as const);
        const page = (step: CheckInStep, status = 200, errors?: ReturnType<typeof fieldErrors>) => ({
          status,
          raised: 0,
          page: StaffCheckInPage({ ...base, step, steps, answers: carriedAnswers(body), errors }),
        });
        if (move.kind === "show") return page(move.step);
        if (move.kind === "invalid")
          return page(move.step, 400, fieldErrors(move.issues, translatorFor(request)));
        if (move.kind === "nothing_answered")
          return page("check", 400, [
            { field: "form", message: translatorFor(request).t("checkIns.nothingAnswered") },
          ]);
        const saved = await saveCheckIn(
          record,
          move.answers,
          { source: "staff", staffId: record.actor.staffId },
          clock.now(),
        );
        return { status: 303, raised: saved.raised.length, page: undefined };
      },
    );
    if (outcome.status === 303)
      return reply.redirect(
        `/participants/${participantIdParam(request)}/check-ins?notice=${outcome.raised ? "alert" : "saved"}`,
        303,
      );
    return sendPage(reply, outcome.page!, outcome.status);
  };

  app.get(
    "/participants/:participantId/check-ins/new",
    { config: { access: "participant.write" } },
    showStep,
  );
  app.post(
    "/participants/:participantId/check-ins/new",
    { config: { access: "participant.write" } },
    showStep,
  );
}
