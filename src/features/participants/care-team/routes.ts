import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../../platform/http/feature";
import { translatorFor } from "../../../platform/http/pages";
import { participantIdParam } from "../../../platform/http/participant";
import { read, recordRoute, write } from "../../../platform/http/record-page";
import { careTeamMemberForm } from "../record/forms";
import { canWrite, formOnPage, frameOf, type Refused, readPage, recordPath } from "../record/pages";
import { addCareTeamMember, careTeam, removeCareTeamMember, staffWhoCanJoin } from "./service";
import { CareTeamPage } from "./views";

// The Care team tab: who works with the person and what for; members added and removed.

export function registerCareTeamRoutes(app: FastifyInstance, { clock, door }: AppDeps) {
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
}
