import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../../platform/http/feature";
import { read, write } from "../../../platform/http/record-page";
import { consentForm } from "../record/forms";
import { canWrite, formOnPage, frameOf, type Refused, readPage, recordPath } from "../record/pages";
import { consentHistory, recordConsent } from "./service";
import { ConsentPage } from "./views";

// The Consent tab: every decision the person has made, and a new one recorded.

export function registerConsentRoutes(app: FastifyInstance, { clock, door }: AppDeps) {
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
}
