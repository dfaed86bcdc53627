import type { FastifyInstance, FastifyRequest } from "fastify";
import { crisisInformation } from "../../platform/directory/crisis";
import type { AppDeps } from "../../platform/http/feature";
import { ownPagesContext, ownRecordOpener } from "../../platform/http/own-pages";
import { sendPage, translatorFor } from "../../platform/http/pages";
import { formBody } from "../../platform/web/forms";
import { itemErrors, postedAnswers } from "./answers";
import { gad7, type MeasureDefinition, phq9 } from "./measures";
import { OwnMeasurePage, OwnSafetyPage } from "./own-views";
import { recordOwnMeasure } from "./service";

const signedIn = { config: { access: "participant" as const } };

/** Only the questionnaires that come with check-ins are offered in the person's own pages. */
const ownMeasure = (request: FastifyRequest): MeasureDefinition | undefined => {
  const id = (request.params as { instrument?: string }).instrument;
  return [phq9, gad7].find((definition) => definition.id === id);
};

export function registerOwnMeasureRoutes(app: FastifyInstance, { clock, ownRecordDoor }: AppDeps) {
  const openOwnRecord = ownRecordOpener(ownRecordDoor);
  app.get("/my/questionnaires/:instrument", signedIn, async (request, reply) => {
    const definition = ownMeasure(request);
    if (!definition) return reply.callNotFound();
    return sendPage(reply, OwnMeasurePage({ ...ownPagesContext(request, reply), definition, values: {} }));
  });

  app.post("/my/questionnaires/:instrument", signedIn, async (request, reply) => {
    const definition = ownMeasure(request);
    if (!definition) return reply.callNotFound();
    const body = formBody(request.body);
    const answers = postedAnswers(definition, body);
    const outcome = await openOwnRecord(request, "write", "assessment", async (record) => {
      const result = await recordOwnMeasure(record, definition, answers, clock.now());
      const crisis =
        result.kind === "saved" && result.row.alertId
          ? await crisisInformation(record.tx, record.organisationId)
          : undefined;
      return { result, crisis };
    });
    const { result } = outcome;
    if (result.kind === "invalid_answers") {
      const errors = itemErrors(result.problems, translatorFor(request));
      return sendPage(
        reply,
        OwnMeasurePage({ ...ownPagesContext(request, reply), definition, values: body, errors }),
        400,
      );
    }
    // Thoughts of self-harm: the person is shown where to get help now, not just thanked.
    if (result.kind === "saved" && result.row.alertId)
      return sendPage(
        reply,
        OwnSafetyPage({ ...ownPagesContext(request, reply), crisisInformation: outcome.crisis ?? null }),
      );
    return reply.redirect("/my/check-ins?notice=questionnaire", 303);
  });
}
