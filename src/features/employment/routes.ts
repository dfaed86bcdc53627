import type { FastifyInstance } from "fastify";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { registerEmployerContactRoutes } from "./employers/contact-routes";
import { registerOpportunityRoutes } from "./employers/opportunity-routes";
import { registerEmployerRoutes } from "./employers/routes";
import { registerMatchingRoutes } from "./matching/routes";
import { registerReturnToWorkRoutes } from "./return-to-work/routes";
import { registerEmploymentSettingsRoutes } from "./settings/routes";
import { registerWorkApi } from "./work/api";
import { registerJobRoutes } from "./work/job-routes";
import { registerOwnWorkRoutes } from "./work/own-work-routes";
import { registerWorkRoutes } from "./work/routes";

function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  registerWorkRoutes(app, deps);
  registerJobRoutes(app, deps);
  registerWorkApi(app, deps);
  registerEmploymentSettingsRoutes(app, deps);
  registerReturnToWorkRoutes(app, deps);
  registerMatchingRoutes(app, deps);
  registerEmployerRoutes(app, deps);
  registerOpportunityRoutes(app, deps);
  registerEmployerContactRoutes(app, deps);
  registerOwnWorkRoutes(app, deps);
}

export const employmentFeature: Feature = {
  name: "employment",
  navigation: [
    { href: "/employers", label: "nav.employers", requires: "employers.read" },
    { href: "/employer-contacts", label: "nav.employerContacts", requires: "employers.read" },
    {
      href: "/admin/employment-settings",
      label: "nav.adminEmploymentSettings",
      requires: "directory.manage",
    },
  ],
  participantTabs: [
    { path: "/work", label: "work.tab", requires: "participant.read", order: 52 },
    { path: "/return-to-work", label: "returnToWork.tab", requires: "participant.read", order: 57 },
  ],
  ownPagesNavigation: [{ href: "/my/work", label: "ownWork.nav", order: 40 }],
  registerRoutes,
};
