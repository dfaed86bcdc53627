import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../../platform/http/feature";
import { checkForm } from "../../../platform/http/form-post";
import { pageContext, sendPage } from "../../../platform/http/pages";
import { penceAsPounds } from "../shared/money";
import { employmentSettingsForm, employmentSettingsHistory, saveEmploymentSettings } from "./history";
import { employmentSettingsInForce } from "./service";
import { EmploymentSettingsPage } from "./views";

// The organisation's employment settings (the wage floor for a competitive job and the weekly
// employer-contact target), for its administrators, versioned like the early-warning rules.

const access = { config: { access: "directory.manage" as const } };
const url = "/admin/employment-settings";

export function registerEmploymentSettingsRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const showPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<Parameters<typeof EmploymentSettingsPage>[0]> = {},
    status = 200,
  ) => {
    const organisationId = request.staff!.organisationId;
    const [inForce, history] = await Promise.all([
      employmentSettingsInForce(db, organisationId),
      employmentSettingsHistory(db, organisationId),
    ]);
    return sendPage(
      reply,
      EmploymentSettingsPage({
        ...pageContext(request, reply),
        inForce,
        history,
        values: {
          wageFloor: penceAsPounds(inForce.settings.wageFloorPence),
          weeklyEmployerContactTarget: inForce.settings.weeklyEmployerContactTarget,
        },
        ...extra,
      }),
      status,
    );
  };

  app.get(url, access, async (request, reply) => {
    const saved = Number((request.query as { saved?: string }).saved);
    return showPage(request, reply, Number.isInteger(saved) && saved > 0 ? { savedVersion: saved } : {});
  });

  app.post(url, access, async (request, reply) => {
    const checked = checkForm(employmentSettingsForm, request);
    const body = checked.body;
    if (!checked.ok) return showPage(request, reply, { values: body, errors: checked.errors }, 400);
    const { version, reason, wageFloor, weeklyEmployerContactTarget } = checked.form;
    const outcome = await saveEmploymentSettings(
      db,
      clock,
      { actor: request.staff!, ipAddress: request.ip },
      request.staff!.organisationId,
      { settings: { wageFloorPence: wageFloor, weeklyEmployerContactTarget }, version, reason },
    );
    if (outcome.kind === "stale")
      return showPage(request, reply, { values: body, conflict: outcome.current }, 409);
    return reply.redirect(`${url}?saved=${outcome.row.version}`, 303);
  });
}
