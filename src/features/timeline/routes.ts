import type { FastifyInstance } from "fastify";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { pageContext, participantTabs, sendPage, translatorFor } from "../../platform/http/pages";
import { participantIdParam } from "../../platform/http/participant";
import { participantBanner } from "../participants/service";
import { AccessLogPageView } from "./access-log-views";
import { ACCESS_LOG_PAGE_SIZE, accessLogQuery, timelineQuery } from "./schema";
import { participantAccessLog, participantTimeline } from "./service";
import { TimelinePageView } from "./views";

function registerRoutes(app: FastifyInstance, { door }: AppDeps) {
  app.get(
    "/participants/:participantId/timeline",
    { config: { access: "participant.read" } },
    async (request, reply) => {
      const query = timelineQuery.parse(request.query ?? {});
      const t = translatorFor(request);
      // One opening of the record for the whole page: one audit event, one consistent view.
      return door.withParticipant(
        request.staff!,
        participantIdParam(request),
        { purpose: "read", what: "timeline", ipAddress: request.ip },
        async (record) =>
          sendPage(
            reply,
            TimelinePageView({
              ...pageContext(request, reply),
              participant: await participantBanner(record, t),
              tabs: participantTabs(request, record.participantId),
              query,
              timeline: await participantTimeline(record, t, query),
            }),
          ),
      );
    },
  );

  // Team leaders only; the door's own audit event for this page is the record of reading the log.
  app.get(
    "/participants/:participantId/access-log",
    { config: { access: "team.view_caseloads" } },
    async (request, reply) => {
      const { before } = accessLogQuery.parse(request.query ?? {});
      const t = translatorFor(request);
      return door.withParticipant(
        request.staff!,
        participantIdParam(request),
        { purpose: "read", what: "access_log", ipAddress: request.ip },
        async (record) =>
          sendPage(
            reply,
            AccessLogPageView({
              ...pageContext(request, reply),
              participant: await participantBanner(record, t),
              tabs: participantTabs(request, record.participantId),
              log: await participantAccessLog(record.tx, record.participantId, {
                before,
                limit: ACCESS_LOG_PAGE_SIZE,
              }),
              before,
            }),
          ),
      );
    },
  );
}

export const timelineFeature: Feature = {
  name: "timeline",
  participantTabs: [
    { path: "/timeline", label: "timeline.tab", requires: "participant.read", order: 70 },
    { path: "/access-log", label: "accessLog.tab", requires: "team.view_caseloads", order: 90 },
  ],
  registerRoutes,
};
