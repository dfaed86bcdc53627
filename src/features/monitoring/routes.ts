import type { FastifyInstance } from "fastify";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { openAlertCount } from "./alerts/inbox";
import { configureAlertEmails } from "./alerts/notifications";
import { registerAlertRoutes } from "./alerts/routes";
import { openAlertsFor } from "./alerts/service";
import { registerOwnCheckInRoutes } from "./check-ins/own-routes";
import { registerCheckInRoutes } from "./check-ins/routes";
import { registerFollowAlongRoutes } from "./follow-along/routes";
import { monitoringCaseloadColumns, monitoringReactions } from "./reactions";
import { registerRuleSettingsRoutes } from "./rules/routes";

// Monitoring: check-ins, the early-warning rules and their settings, the alerts they raise, and
// follow-along once someone is in work. Each part is a sub-folder with its own routes.

function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  configureAlertEmails(deps.config.publicUrl);
  registerCheckInRoutes(app, deps);
  registerFollowAlongRoutes(app, deps);
  registerOwnCheckInRoutes(app, deps);
  registerRuleSettingsRoutes(app, deps);
  registerAlertRoutes(app, deps);
}

export const monitoringFeature: Feature = {
  name: "monitoring",
  ownPagesNavigation: [{ href: "/my/check-ins", label: "ownCheckIns.nav", order: 20 }],
  participantTabs: [
    { path: "/check-ins", label: "checkIns.tab", requires: "participant.read", order: 45 },
    { path: "/follow-along", label: "followAlong.tab", requires: "participant.read", order: 55 },
  ],
  navigation: [
    { href: "/alerts", label: "nav.alerts", requires: "caseload.own", count: openAlertCount },
    { href: "/admin/monitoring-rules", label: "nav.adminMonitoringRules", requires: "directory.manage" },
  ],
  recordEvents: monitoringReactions,
  caseloadColumns: monitoringCaseloadColumns,
  recordAlerts: openAlertsFor,
  registerRoutes,
};
