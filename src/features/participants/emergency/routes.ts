import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { isCalendarDate } from "../../../platform/calendar-date";
import type { AppDeps } from "../../../platform/http/feature";
import { checkForm } from "../../../platform/http/form-post";
import { pageContext, sendPage } from "../../../platform/http/pages";
import { participantIdParam } from "../../../platform/http/participant";
import { formBody } from "../../../platform/web/forms";
import { emergencyAccessForm } from "../record/forms";
import { recordPath } from "../record/pages";
import { isValidNhsNumber, normaliseNhsNumber } from "../referrals/nhs-number";
import { type EmergencySearch, emergencySearch, grantEmergencyAccess } from "./service";
import { EmergencyAccessPage, EmergencySearchPage } from "./views";

const searchForm = z.object({
  nhsNumber: z.string().trim().max(20).optional().catch(undefined),
  givenName: z.string().trim().max(100).optional().catch(undefined),
  familyName: z.string().trim().max(100).optional().catch(undefined),
  dateOfBirth: z.string().trim().refine(isCalendarDate).optional().catch(undefined),
});

export function registerEmergencySearchRoutes(app: FastifyInstance, { door }: AppDeps) {
  const access = { config: { access: "participant.emergency_access" as const } };

  app.get("/emergency-access", access, async (request, reply) =>
    sendPage(
      reply,
      EmergencySearchPage({ ...pageContext(request, reply), query: {}, matches: [], searched: false }),
    ),
  );

  // Posted, and answered on the same request: the search never becomes an address.
  app.post("/emergency-access", access, async (request, reply) => {
    const body = formBody(request.body);
    const query = searchForm.parse(body);
    const search: EmergencySearch = {
      ...query,
      nhsNumber:
        query.nhsNumber && isValidNhsNumber(query.nhsNumber)
          ? normaliseNhsNumber(query.nhsNumber)
          : undefined,
    };
    const searched = Boolean(
      search.nhsNumber || (search.givenName && search.familyName && search.dateOfBirth),
    );
    const matches = searched
      ? await door.withParticipantList(
          request.staff!,
          { what: "emergency_search", ipAddress: request.ip },
          (list) => emergencySearch(list, search),
        )
      : [];
    return sendPage(
      reply,
      // The date's parts as typed, so the form shows them again.
      EmergencySearchPage({
        ...pageContext(request, reply),
        query: { ...body, ...query },
        matches,
        searched: true,
      }),
    );
  });
}

/** Break-glass access to one record: the reason is asked for first, then the record opens for a while. */
export function registerEmergencyAccessRoutes(app: FastifyInstance, { db, clock, config }: AppDeps) {
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
