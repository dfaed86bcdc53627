import type { FastifyInstance } from "fastify";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { registerEmploymentSettingsRoutes } from "./settings-routes";

function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  registerEmploymentSettingsRoutes(app, deps);
}

export const employmentFeature: Feature = {
  name: "employment",
  navigation: [
    {
      href: "/admin/employment-settings",
      label: "nav.adminEmploymentSettings",
      requires: "directory.manage",
    },
  ],
  registerRoutes,
};
