import type { FastifyInstance } from "fastify";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { registerParticipantsApi } from "./api";
import { registerCareTeamRoutes } from "./care-team/routes";
import { registerCaseloadRoutes } from "./caseload/routes";
import { registerConsentRoutes } from "./consent/routes";
import { registerMergeRoutes } from "./duplicates/routes";
import { registerEmergencyAccessRoutes, registerEmergencySearchRoutes } from "./emergency/routes";
import { registerRecordRoutes } from "./record/routes";
import { registerReferralRoutes } from "./referrals/routes";
import { participantBanner } from "./service";

// Participants: referrals, the record and its tabs (consent, care team), emergency access, the
// caseload and possible duplicates. Each part is a sub-folder with its own routes.

function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  registerReferralRoutes(app, deps);
  registerRecordRoutes(app, deps);
  registerConsentRoutes(app, deps);
  registerCareTeamRoutes(app, deps);
  registerEmergencyAccessRoutes(app, deps);
  registerMergeRoutes(app, deps);
  registerCaseloadRoutes(app, deps);
  registerEmergencySearchRoutes(app, deps);
  registerParticipantsApi(app, deps);
}

export const participantsFeature: Feature = {
  name: "participants",
  navigation: [
    { href: "/caseload", label: "nav.caseload", requires: "caseload.own" },
    { href: "/team/caseloads", label: "nav.teamCaseloads", requires: "team.view_caseloads" },
    { href: "/referrals", label: "nav.referrals", requires: "participant.view_referrals" },
    { href: "/referrals/new", label: "nav.refer", requires: "participant.refer" },
    { href: "/emergency-access", label: "nav.emergencyAccess", requires: "participant.emergency_access" },
  ],
  recordBanner: participantBanner,
  participantTabs: [
    { path: "", label: "record.summary", requires: "participant.read", order: 0 },
    { path: "/referral", label: "referral.tab", requires: "participant.read", order: 10 },
    { path: "/consent", label: "consent.tab", requires: "participant.read", order: 20 },
    { path: "/care-team", label: "careTeam.tab", requires: "participant.read", order: 30 },
  ],
  registerRoutes,
};
