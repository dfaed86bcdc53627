import type { StaffRole } from "../directory/schema";
import { hasPermission, roleTemplates } from "./roles";

/** The signed-in member of staff, as the policy sees them. */
export type Actor = {
  staffId: string;
  role: StaffRole;
  organisationId: string;
  teamIds: readonly string[];
};

/**
 * Kinds of health information. Clinicians and team leaders see all of them; an employment
 * specialist sees a kind only while the participant's consent to share it stands (DESIGN.md).
 */
export const healthInformationKinds = [
  "assessment_scores",
  "clinical_notes",
  "diagnosis",
  "medication",
  "fit_notes",
] as const;
export type HealthInformationKind = (typeof healthInformationKinds)[number];

/** What the policy needs to know about one participant, read live on every request. */
export type ParticipantAccessFacts = {
  participantId: string;
  organisationId: string;
  teamId: string;
  careTeamStaffIds: readonly string[];
  /** An unexpired emergency ("break-glass") grant for this actor on this participant. */
  emergencyGrantActive: boolean;
  /** The referral is open (no first meeting yet): the receiving team's referral queue may work on it. */
  referralOpen: boolean;
  /** The kinds of health information the participant currently consents to share with employment staff. */
  sharedHealthInformation: readonly HealthInformationKind[];
  /**
   * The record was merged into this one: the facts above are the kept record's, so exactly the
   * people that record admits learn where it went.
   */
  mergedIntoId?: string;
};

export type ParticipantIntent = {
  purpose: "read" | "write";
  /** The request is for this kind of health information, and is refused outright without it. */
  healthInformation?: HealthInformationKind;
};

export type AccessBasis = "care_team" | "team_leader" | "referral_queue" | "emergency";

export type AccessDecision =
  | {
      allowed: true;
      basis: AccessBasis;
      /** Every kind of health information (clinical roles). */
      mayReadClinical: boolean;
      /** The kinds this person may see on this record now. */
      healthInformationVisible: readonly HealthInformationKind[];
    }
  | { allowed: false; refusal: string };

function visibleHealthInformation(
  actor: Actor,
  facts: ParticipantAccessFacts,
): readonly HealthInformationKind[] {
  if (hasPermission(actor.role, "participant.read_clinical")) return healthInformationKinds;
  if (hasPermission(actor.role, "participant.read_shared_health_information"))
    return facts.sharedHealthInformation;
  return [];
}

/** May this person read or change this participant's record? A pure function of the facts. */
export function decideParticipantAccess(
  actor: Actor,
  facts: ParticipantAccessFacts,
  intent: ParticipantIntent,
): AccessDecision {
  const template = roleTemplates[actor.role];
  const needed = intent.purpose === "read" ? "participant.read" : "participant.write";
  const mayReadClinical = hasPermission(actor.role, "participant.read_clinical");
  const healthInformationVisible = visibleHealthInformation(actor, facts);
  if (intent.healthInformation && !healthInformationVisible.includes(intent.healthInformation)) {
    return {
      allowed: false,
      refusal: hasPermission(actor.role, "participant.read_shared_health_information")
        ? "participant has not consented to share this information"
        : "role may not see clinical information",
    };
  }
  const allowed = (basis: AccessBasis): AccessDecision => ({
    allowed: true,
    basis,
    mayReadClinical,
    healthInformationVisible,
  });
  if (facts.emergencyGrantActive && hasPermission(actor.role, "participant.emergency_access")) {
    return allowed("emergency");
  }
  if (!hasPermission(actor.role, needed)) {
    return { allowed: false, refusal: `role may not ${intent.purpose} participant records` };
  }
  if (actor.organisationId !== facts.organisationId) {
    return { allowed: false, refusal: "participant belongs to another organisation" };
  }
  switch (template.participantReach) {
    case "care_team":
      if (facts.careTeamStaffIds.includes(actor.staffId)) return allowed("care_team");
      // Before anyone is assigned, the receiving team works the referral from its queue.
      if (
        facts.referralOpen &&
        actor.teamIds.includes(facts.teamId) &&
        hasPermission(actor.role, "participant.view_referrals")
      )
        return allowed("referral_queue");
      return { allowed: false, refusal: "not on the participant's care team" };
    case "team":
      return actor.teamIds.includes(facts.teamId) || facts.careTeamStaffIds.includes(actor.staffId)
        ? allowed("team_leader")
        : { allowed: false, refusal: "participant is not in a team this person leads" };
    default:
      return { allowed: false, refusal: "role has no access to participant records" };
  }
}

/**
 * Whose participants a list (caseload, referral queue, search) may show this person. Lists show
 * the same people the record-level rule above lets them open, and nobody else.
 */
export type ParticipantListReach =
  | { kind: "care_team"; staffId: string; referralTeamIds: readonly string[] }
  | { kind: "team"; staffId: string; teamIds: readonly string[] }
  /** Exact matches only, in the person's organisation, to ask for emergency access. */
  | { kind: "emergency_search"; organisationId: string }
  | { kind: "none" };

export function participantListReach(
  actor: Actor,
  purpose: "lists" | "emergency_search",
): ParticipantListReach {
  if (purpose === "emergency_search")
    return hasPermission(actor.role, "participant.emergency_access")
      ? { kind: "emergency_search", organisationId: actor.organisationId }
      : { kind: "none" };
  if (!hasPermission(actor.role, "participant.read")) return { kind: "none" };
  switch (roleTemplates[actor.role].participantReach) {
    case "care_team":
      return {
        kind: "care_team",
        staffId: actor.staffId,
        referralTeamIds: hasPermission(actor.role, "participant.view_referrals") ? actor.teamIds : [],
      };
    case "team":
      return { kind: "team", staffId: actor.staffId, teamIds: actor.teamIds };
    default:
      return { kind: "none" };
  }
}
