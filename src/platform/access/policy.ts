import type { StaffRole } from "../directory/schema";
import { hasPermission, roleTemplates } from "./roles";

/** The signed-in member of staff, as the policy sees them. */
export type Actor = {
  staffId: string;
  role: StaffRole;
  organisationId: string;
  teamIds: readonly string[];
};

/** What the policy needs to know about one participant, read live on every request. */
export type ParticipantAccessFacts = {
  participantId: string;
  organisationId: string;
  teamId: string;
  careTeamStaffIds: readonly string[];
  /** An unexpired emergency ("break-glass") grant for this actor on this participant. */
  emergencyGrantActive: boolean;
};

export type ParticipantIntent = { purpose: "read" | "write"; includesClinical?: boolean };

export type AccessBasis = "care_team" | "team_leader" | "emergency";

export type AccessDecision =
  | { allowed: true; basis: AccessBasis; mayReadClinical: boolean }
  | { allowed: false; refusal: string };

/** May this person read or change this participant's record? A pure function of the facts. */
export function decideParticipantAccess(
  actor: Actor,
  facts: ParticipantAccessFacts,
  intent: ParticipantIntent,
): AccessDecision {
  const template = roleTemplates[actor.role];
  const needed = intent.purpose === "read" ? "participant.read" : "participant.write";
  const mayReadClinical = hasPermission(actor.role, "participant.read_clinical");
  if (intent.includesClinical && !mayReadClinical) {
    return { allowed: false, refusal: "role may not see clinical information" };
  }
  if (facts.emergencyGrantActive && hasPermission(actor.role, "participant.emergency_access")) {
    return { allowed: true, basis: "emergency", mayReadClinical };
  }
  if (!hasPermission(actor.role, needed)) {
    return { allowed: false, refusal: `role may not ${intent.purpose} participant records` };
  }
  if (actor.organisationId !== facts.organisationId) {
    return { allowed: false, refusal: "participant belongs to another organisation" };
  }
  switch (template.participantReach) {
    case "care_team":
      return facts.careTeamStaffIds.includes(actor.staffId)
        ? { allowed: true, basis: "care_team", mayReadClinical }
        : { allowed: false, refusal: "not on the participant's care team" };
    case "team":
      return actor.teamIds.includes(facts.teamId) || facts.careTeamStaffIds.includes(actor.staffId)
        ? { allowed: true, basis: "team_leader", mayReadClinical }
        : { allowed: false, refusal: "participant is not in a team this person leads" };
    default:
      return { allowed: false, refusal: "role has no access to participant records" };
  }
}
