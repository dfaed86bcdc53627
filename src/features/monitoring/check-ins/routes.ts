import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ParticipantRecord } from "../../../platform/access/door";
import { hasPermission } from "../../../platform/access/roles";
import type { AppDeps } from "../../../platform/http/feature";
import { pageContext, participantTabs, sendPage, translatorFor } from "../../../platform/http/pages";
import { participantIdParam } from "../../../platform/http/participant";
import { formBody } from "../../../platform/web/forms";
import { participantBanner } from "../../participants/service";
import { checkInPurpose, checkInStep } from "./flow";
import { listCheckIns, recentCheckIns, scoreHistory } from "./service";
import { CheckInListPage, StaffCheckInPage } from "./views";

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
    const outcome = await door.withParticipant(
      request.staff!,
      participantIdParam(request),
      { purpose: checkInPurpose(body), what: "check_in", ipAddress: request.ip },
      async (record) => {
        const next = await checkInStep(
          record,
          { body, submitted: request.method === "POST" },
          { source: "staff", staffId: record.actor.staffId },
          translatorFor(request),
          clock.now(),
        );
        if (next.kind === "saved") return next;
        const { status, ...state } = next.state;
        return {
          kind: "page" as const,
          status,
          page: StaffCheckInPage({ ...(await frame(request, reply, record)), ...state }),
        };
      },
    );
    if (outcome.kind === "saved")
      return reply.redirect(
        `/participants/${participantIdParam(request)}/check-ins?notice=${outcome.raised ? "alert" : "saved"}`,
        303,
      );
    return sendPage(reply, outcome.page, outcome.status);
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
