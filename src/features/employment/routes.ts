import type { FastifyInstance } from "fastify";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { registerReturnToWorkRoutes } from "./return-to-work/routes";
import { registerEmploymentSettingsRoutes } from "./settings-routes";

function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  registerEmploymentSettingsRoutes(app, deps);
  registerReturnToWorkRoutes(app, deps);
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
  participantTabs: [
    { path: "/return-to-work", label: "returnToWork.tab", requires: "participant.read", order: 57 },
  ],
  registerRoutes,
};
