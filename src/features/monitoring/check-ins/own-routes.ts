import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../../platform/http/feature";
import { ownPagesContext, ownRecordOpener } from "../../../platform/http/own-pages";
import { sendPage, translatorFor } from "../../../platform/http/pages";
import { formBody } from "../../../platform/web/forms";
import { measuresDue } from "../../assessments/service";
import { measuresInterval } from "../../plans/service";
import { checkInPurpose, checkInStep } from "./flow";
import { OwnCheckInQuestionPage, OwnCheckInsPage } from "./own-views";
import { listCheckIns, recentCheckIns } from "./service";

const signedIn = { config: { access: "participant" as const } };
const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

/**
 * The person's own check-ins: the same question pages staff use, opened through the person's own
 * door. The record is the session's; no address names anyone.
 */
export function registerOwnCheckInRoutes(app: FastifyInstance, { clock, ownRecordDoor }: AppDeps) {
  const openOwnRecord = ownRecordOpener(ownRecordDoor);
  app.get("/my/check-ins", signedIn, async (request, reply) => {
    const { page } = pageQuery.parse(request.query ?? {});
    const view = await openOwnRecord(request, "read", "check_ins", async (record) => ({
      list: await listCheckIns(record, page),
      recent: await recentCheckIns(record, clock.now()),
      due: (await measuresDue(record, (await measuresInterval(record))?.everyWeeks ?? null, clock.now())).map(
        (definition) => ({ id: definition.id, title: definition.title }),
      ),
    }));
    const notice = (request.query as { notice?: string } | undefined)?.notice;
    return sendPage(
      reply,
      OwnCheckInsPage({
        ...ownPagesContext(request, reply),
        ...view,
        notice: notice === "saved" || notice === "questionnaire" ? notice : undefined,
      }),
    );
  });

  const step = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const body = request.method === "POST" ? formBody(request.body) : {};
    const outcome = await openOwnRecord(request, checkInPurpose(body), "check_in", (record) =>
      checkInStep(
        record,
        { body, submitted: request.method === "POST" },
        { source: "participant", staffId: null },
        translatorFor(request),
        clock.now(),
      ),
    );
    if (outcome.kind === "saved") return reply.redirect("/my/check-ins?notice=saved", 303);
    const { status, ...state } = outcome.state;
    return sendPage(reply, OwnCheckInQuestionPage({ ...ownPagesContext(request, reply), ...state }), status);
  };

  app.get("/my/check-ins/new", signedIn, step);
  app.post("/my/check-ins/new", signedIn, step);
}
