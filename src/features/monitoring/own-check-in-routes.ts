import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../platform/http/feature";
import { ownPagesContext } from "../../platform/http/own-pages";
import { sendPage, translatorFor } from "../../platform/http/pages";
import { fieldErrors, formBody } from "../../platform/web/forms";
import { measuresDue } from "../assessments/service";
import { participantStage } from "../participants/service";
import { measuresInterval } from "../plans/service";
import { type CheckInStep, carriedAnswers, moveCheckIn, stepsFor } from "./check-in-form";
import { listCheckIns, recentCheckIns, saveCheckIn } from "./check-ins";
import { OwnCheckInQuestionPage, OwnCheckInsPage } from "./own-check-in-pages";

const signedIn = { config: { access: "participant" as const } };
const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

/**
 * The person's own check-ins: the same question pages staff use, opened through the person's own
 * door. The record is the session's; no address names anyone.
 */
export function registerOwnCheckInRoutes(app: FastifyInstance, { clock, ownRecordDoor }: AppDeps) {
  app.get("/my/check-ins", signedIn, async (request, reply) => {
    const { page } = pageQuery.parse(request.query ?? {});
    const view = await ownRecordDoor.withOwnRecord(
      request.participant!,
      { purpose: "read", what: "check_ins", ipAddress: request.ip },
      async (record) => ({
        list: await listCheckIns(record, page),
        recent: await recentCheckIns(record, clock.now()),
        due: (
          await measuresDue(record, (await measuresInterval(record))?.everyWeeks ?? null, clock.now())
        ).map((definition) => ({ id: definition.id, title: definition.title })),
      }),
    );
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
    const purpose = body.step === "check" && body.go === "save" ? "write" : "read";
    const outcome = await ownRecordDoor.withOwnRecord(
      request.participant!,
      { purpose, what: "check_in", ipAddress: request.ip },
      async (record) => {
        const inWork = (await participantStage(record)) === "in_work";
        const steps = stepsFor(inWork);
        const move =
          request.method === "POST"
            ? moveCheckIn(body, inWork)
            : ({ kind: "show", step: steps[0]! } as const);
        const show = (current: CheckInStep, status = 200, errors?: ReturnType<typeof fieldErrors>) => ({
          status,
          page: OwnCheckInQuestionPage({
            ...ownPagesContext(request, reply),
            step: current,
            steps,
            answers: carriedAnswers(body),
            errors,
          }),
        });
        if (move.kind === "show") return show(move.step);
        if (move.kind === "invalid")
          return show(move.step, 400, fieldErrors(move.issues, translatorFor(request)));
        if (move.kind === "nothing_answered")
          return show("check", 400, [
            { field: "form", message: translatorFor(request).t("checkIns.nothingAnswered") },
          ]);
        await saveCheckIn(record, move.answers, { source: "participant", staffId: null }, clock.now());
        return { status: 303, page: undefined };
      },
    );
    if (outcome.status === 303) return reply.redirect("/my/check-ins?notice=saved", 303);
    return sendPage(reply, outcome.page!, outcome.status);
  };

  app.get("/my/check-ins/new", signedIn, step);
  app.post("/my/check-ins/new", signedIn, step);
}
