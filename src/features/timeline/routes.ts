import type { FastifyInstance } from "fastify";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { read, recordFrame, recordRoute } from "../../platform/http/record-page";
import { AccessLogPageView } from "./access-log-views";
import { ACCESS_LOG_PAGE_SIZE, accessLogQuery, timelineQuery } from "./schema";
import { participantAccessLog, participantTimeline } from "./service";
import { TimelinePageView } from "./views";

function registerRoutes(app: FastifyInstance, { door }: AppDeps) {
  // One opening of the record for the whole page: one audit event, one consistent view.
  app.get(
    "/participants/:participantId/timeline",
    read,
    recordRoute(door, "read", "timeline", async (record, request, reply) => {
      const query = timelineQuery.parse(request.query ?? {});
      const frame = await recordFrame(record, request, reply);
      return {
        page: TimelinePageView({
          ...frame,
          query,
          timeline: await participantTimeline(record, frame.t, query),
        }),
      };
    }),
  );

  // Team leaders only; the door's own audit event for this page is the record of reading the log.
  app.get(
    "/participants/:participantId/access-log",
    { config: { access: "team.view_caseloads" } },
    recordRoute(door, "read", "access_log", async (record, request, reply) => {
      const { before } = accessLogQuery.parse(request.query ?? {});
      const frame = await recordFrame(record, request, reply);
      const log = await participantAccessLog(record.tx, record.participantId, {
        before,
        limit: ACCESS_LOG_PAGE_SIZE,
      });
      return { page: AccessLogPageView({ ...frame, log, before }) };
    }),
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
