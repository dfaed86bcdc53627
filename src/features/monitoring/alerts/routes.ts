import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ParticipantRecord } from "../../../platform/access/door";
import { hasPermission } from "../../../platform/access/roles";
import type { Clock } from "../../../platform/clock";
import { crisisInformation } from "../../../platform/directory/crisis";
import type { AppDeps } from "../../../platform/http/feature";
import { pageContext, participantTabs, sendPage, translatorFor } from "../../../platform/http/pages";
import { participantIdParam } from "../../../platform/http/participant";
import type { FieldError } from "../../../platform/web/components";
import { fieldErrors, formBody } from "../../../platform/web/forms";
import { participantBanner } from "../../participants/service";
import { recentCheckIns, scoreHistory } from "../check-ins/service";
import { CheckInTrends } from "../check-ins/trend-views";
import { alertsForStaff } from "./inbox";
import { type AlertAction, acknowledgeForm, resolveForm } from "./schema";
import { alertParticipant, changeAlert, findAlert, staffNames } from "./service";
import { AlertPage, AlertsPage } from "./views";

const alertIdParam = (request: FastifyRequest) => {
  const parsed = z.uuid().safeParse((request.params as { alertId?: string }).alertId);
  return parsed.success ? parsed.data : undefined;
};

async function alertPage(
  clock: Clock,
  request: FastifyRequest,
  reply: FastifyReply,
  record: ParticipantRecord,
  alertId: string,
  extra: { values?: Record<string, unknown>; errors?: FieldError[]; conflict?: boolean } = {},
) {
  const alert = await findAlert(record, alertId);
  if (!alert) return undefined;
  const t = translatorFor(request);
  const fromCheckIns = (alert.evidence.checkInIds?.length ?? 0) > 0;
  const fromScores = (alert.evidence.assessmentResponseIds?.length ?? 0) > 0 && alert.rule !== "phq9_item9";
  const scoresVisible = record.healthInformationVisible.includes("assessment_scores");
  const evidence =
    fromCheckIns || fromScores
      ? CheckInTrends({
          t,
          recent: await recentCheckIns(record, clock.now()),
          phq9: scoresVisible ? await scoreHistory(record, "phq9") : null,
          gad7: scoresVisible ? await scoreHistory(record, "gad7") : null,
          highlightIds: [
            ...(alert.evidence.checkInIds ?? []),
            ...(alert.evidence.assessmentResponseIds ?? []),
          ],
          only: alert.rule === "sleep_destabilisation" ? "sleep" : undefined,
        })
      : undefined;
  return AlertPage({
    evidence,
    ...pageContext(request, reply),
    banner: await participantBanner(record, translatorFor(request)),
    tabs: participantTabs(request, record.participantId),
    alert,
    routedTo: await staffNames(record.tx, alert.routedTo),
    crisisInformation: await crisisInformation(record.tx, record.organisationId),
    mayWrite: hasPermission(record.actor.role, "participant.write"),
    ...extra,
  });
}

/** The Alerts page, an alert's page and acknowledging or resolving it. */
export function registerAlertRoutes(app: FastifyInstance, { db, door, clock }: AppDeps) {
  app.get("/alerts", { config: { access: "caseload.own" } }, async (request, reply) => {
    const groups = await alertsForStaff(door, request.staff!, request.ip);
    return sendPage(reply, AlertsPage({ ...pageContext(request, reply), groups }));
  });

  // Notification emails link here: an alert's id only, so no participant is named in the email.
  // Whose record it is comes from the alert; opening it still goes through the door.
  app.get("/alerts/:alertId", { config: { access: "participant.read" } }, async (request, reply) => {
    const alertId = alertIdParam(request);
    const participantId = alertId ? await alertParticipant(db, alertId) : undefined;
    if (!alertId || !participantId) return reply.callNotFound();
    // Through the door before anything is revealed: only someone who may see the alert is sent on.
    const visible = await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: "read", what: "alert", ipAddress: request.ip },
      async (record) => Boolean(await findAlert(record, alertId)),
    );
    if (!visible) return reply.callNotFound();
    return reply.redirect(`/participants/${participantId}/alerts/${alertId}`, 303);
  });

  app.get(
    "/participants/:participantId/alerts/:alertId",
    { config: { access: "participant.read" } },
    async (request, reply) => {
      const participantId = participantIdParam(request);
      const alertId = alertIdParam(request);
      if (!alertId) return reply.callNotFound();
      const page = await door.withParticipant(
        request.staff!,
        participantId,
        { purpose: "read", what: "alert", ipAddress: request.ip },
        (record) => alertPage(clock, request, reply, record, alertId),
      );
      return page ? sendPage(reply, page) : reply.callNotFound();
    },
  );

  for (const action of ["acknowledge", "resolve"] as const) {
    app.post(
      `/participants/:participantId/alerts/:alertId/${action}`,
      { config: { access: "participant.write" } },
      async (request, reply) => {
        const participantId = participantIdParam(request);
        const alertId = alertIdParam(request);
        if (!alertId) return reply.callNotFound();
        const body = formBody(request.body);
        const parsed = (action === "acknowledge" ? acknowledgeForm : resolveForm).safeParse(body);
        const outcome = await door.withParticipant(
          request.staff!,
          participantId,
          { purpose: parsed.success ? "write" : "read", what: "alert", ipAddress: request.ip },
          async (record) => {
            if (!parsed.success) {
              const errors = fieldErrors(parsed.error, translatorFor(request));
              return {
                status: 400,
                page: await alertPage(clock, request, reply, record, alertId, { values: body, errors }),
              };
            }
            const data = parsed.data as {
              version: number;
              actionTaken?: AlertAction;
              actionNote?: string;
              resolutionNote?: string;
            };
            const change =
              action === "acknowledge"
                ? {
                    to: "acknowledged" as const,
                    actionTaken: data.actionTaken!,
                    actionNote: data.actionNote!,
                    version: data.version,
                  }
                : { to: "resolved" as const, resolutionNote: data.resolutionNote!, version: data.version };
            const result = await changeAlert(record, alertId, change, clock.now());
            if (result.kind === "saved") return { status: 303 };
            if (result.kind === "not_found") return { status: 404 };
            return {
              status: 409,
              page: await alertPage(clock, request, reply, record, alertId, { values: body, conflict: true }),
            };
          },
        );
        if (outcome.status === 303)
          return reply.redirect(`/participants/${participantId}/alerts/${alertId}`, 303);
        if (!outcome.page) return reply.callNotFound();
        return sendPage(reply, outcome.page, outcome.status);
      },
    );
  }
}
