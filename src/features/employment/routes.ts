import type { FastifyInstance } from "fastify";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { registerMatchingRoutes } from "./matching-routes";

function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  registerMatchingRoutes(app, deps);
}

export const employmentFeature: Feature = {
  name: "employment",
  registerRoutes,
};
