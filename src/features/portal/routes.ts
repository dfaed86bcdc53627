import type { FastifyInstance } from "fastify";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { registerPortalAccountRoutes } from "./account-routes";
import { registerPortalAuthRoutes } from "./auth-routes";
import { portalNavigation } from "./navigation";
import { registerPortalPageRoutes } from "./page-routes";
import { registerPortalStaffRoutes } from "./staff-routes";

function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  registerPortalAuthRoutes(app, deps);
  registerPortalAccountRoutes(app, deps);
  registerPortalPageRoutes(app, deps);
  registerPortalStaffRoutes(app, deps);
}

/**
 * The participant's own pages under /my (their plan, consents, who opened their record, their
 * account), and the care team's "Own pages" tab that invites them and can end their access.
 */
export const portalFeature: Feature = {
  name: "portal",
  participantTabs: [{ path: "/portal", label: "portalAccess.tab", requires: "participant.read", order: 35 }],
  ownPagesNavigation: portalNavigation,
  registerRoutes,
};
