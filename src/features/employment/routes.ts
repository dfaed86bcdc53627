import type { FastifyInstance } from "fastify";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { registerJobRoutes } from "./job-routes";
import { registerWorkApi } from "./work-api";
import { registerWorkRoutes } from "./work-routes";

function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  registerWorkRoutes(app, deps);
  registerJobRoutes(app, deps);
  registerWorkApi(app, deps);
}

export const employmentFeature: Feature = {
  name: "employment",
  participantTabs: [{ path: "/work", label: "work.tab", requires: "participant.read", order: 52 }],
  registerRoutes,
};
