import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../../platform/access/door";
import { hasPermission } from "../../../platform/access/roles";
import { calendarDateAt } from "../../../platform/clock";
import type { AppDeps } from "../../../platform/http/feature";
import { pageContext, participantTabs, sendPage, translatorFor } from "../../../platform/http/pages";
import { participantIdParam } from "../../../platform/http/participant";
import type { FieldError } from "../../../platform/web/components";
import { fieldErrors, formBody } from "../../../platform/web/forms";
import { participantBanner } from "../../participants/service";
import { followAlongEndForm } from "./schema";
import { endFollowAlong, followAlongView } from "./service";
import { FollowAlongPage } from "./views";

const notices = ["ended"] as const;

/**
 * The follow-along tab: the schedule while it runs and ending it by choice. It starts with a job
 * start recorded on the Work tab (employment), which calls startFollowAlong.
 */
export function registerFollowAlongRoutes(app: FastifyInstance, { door, clock }: AppDeps) {
  const url = (participantId: string) => `/participants/${participantId}/follow-along`;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    record: ParticipantRecord,
    extra: { values?: Record<string, unknown>; errors?: FieldError[]; form?: "end" } = {},
  ) => {
    const notice = (request.query as { notice?: string } | undefined)?.notice;
    return FollowAlongPage({
      ...pageContext(request, reply),
      participant: await participantBanner(record, translatorFor(request)),
      tabs: participantTabs(request, record.participantId),
      ...(await followAlongView(record, clock.now())),
      mayWrite: hasPermission(record.actor.role, "participant.write"),
      notice: notices.find((known) => known === notice),
      today: calendarDateAt(clock.now()),
      ...extra,
    });
  };

  app.get(
    "/participants/:participantId/follow-along",
    { config: { access: "participant.read" } },
    async (request, reply) => {
      const view = await door.withParticipant(
        request.staff!,
        participantIdParam(request),
        { purpose: "read", what: "follow_along", ipAddress: request.ip },
        (record) => page(request, reply, record),
      );
      return sendPage(reply, view);
    },
  );

  app.post(
    "/participants/:participantId/follow-along/end",
    { config: { access: "participant.write" } },
    async (request, reply) => {
      const body = formBody(request.body);
      const parsed = followAlongEndForm.safeParse(body);
      const outcome = await door.withParticipant(
        request.staff!,
        participantIdParam(request),
        { purpose: parsed.success ? "write" : "read", what: "follow_along", ipAddress: request.ip },
        async (record) => {
          if (!parsed.success) {
            const errors = fieldErrors(parsed.error, translatorFor(request));
            return {
              status: 400,
              view: await page(request, reply, record, { values: body, errors, form: "end" }),
            };
          }
          const ended = await endFollowAlong(
            record,
            { reason: parsed.data.reason, endedBy: record.actor.staffId },
            clock.now(),
          );
          return { status: 303, notice: ended ? "ended" : undefined };
        },
      );
      if (outcome.status === 303)
        return reply.redirect(
          `${url(participantIdParam(request))}${outcome.notice ? `?notice=${outcome.notice}` : ""}`,
          303,
        );
      return sendPage(reply, outcome.view!, outcome.status);
    },
  );
}
