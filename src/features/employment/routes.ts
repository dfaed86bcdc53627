import type { FastifyInstance } from "fastify";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { registerEmployerContactRoutes } from "./employer-contact-routes";
import { registerEmployerRoutes } from "./employer-routes";
import { registerOpportunityRoutes } from "./opportunity-routes";

function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  registerEmployerRoutes(app, deps);
  registerOpportunityRoutes(app, deps);
  registerEmployerContactRoutes(app, deps);
}

export const employmentFeature: Feature = {
  name: "employment",
  navigation: [
    { href: "/employers", label: "nav.employers", requires: "employers.read" },
    { href: "/employer-contacts", label: "nav.employerContacts", requires: "employers.read" },
  ],
  registerRoutes,
};
