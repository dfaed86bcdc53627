import type { FastifyInstance } from "fastify";
import type { AppDeps, Feature } from "../../platform/http/feature";

function registerRoutes(_app: FastifyInstance, _deps: AppDeps) {}

export const employmentFeature: Feature = {
  name: "employment",
  registerRoutes,
};
