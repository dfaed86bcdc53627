import type { StaffRole } from "../directory/schema";

/**
 * What a person may do, named as the capability. Routes declare the one they need; the access
 * matrix test is generated from the role templates below, not kept by hand.
 */
export const permissions = [
  "account.manage_own",
  "directory.manage",
  "audit.browse",
  "participant.read",
  "participant.read_clinical",
  "participant.read_shared_health_information",
  "participant.write",
  "participant.emergency_access",
  "participant.refer",
  "participant.view_referrals",
  /** Merging two records of one person (decision 63): the team leader, who sees the whole team. */
  "participant.merge",
  "caseload.own",
  "team.view_caseloads",
  "employers.read",
  "employers.manage",
  "aggregates.organisation",
  "aggregates.suppressed",
  "wellbeing.speak_up_cases",
] as const;
export type Permission = (typeof permissions)[number];

/** Whose participant records a role reaches at all (before consent and clinical rules). */
export type ParticipantReach = "care_team" | "team" | "emergency_only" | "none";

export type RoleTemplate = {
  role: StaffRole;
  permissions: readonly Permission[];
  participantReach: ParticipantReach;
  /** A second factor is always required for this role outside demo mode. */
  requiresMfa: boolean;
};

// The IPS team's roles (DESIGN.md). An admin assigns one to each staff account.
export const roleTemplates: Record<StaffRole, RoleTemplate> = {
  employment_specialist: {
    role: "employment_specialist",
    permissions: [
      "account.manage_own",
      "participant.read",
      "participant.read_shared_health_information",
      "participant.write",
      "participant.refer",
      "participant.view_referrals",
      "caseload.own",
      "employers.read",
      "employers.manage",
    ],
    participantReach: "care_team",
    requiresMfa: false,
  },
  clinician: {
    role: "clinician",
    permissions: [
      "account.manage_own",
      "participant.read",
      "participant.read_clinical",
      "participant.write",
      "participant.emergency_access",
      "participant.refer",
      "caseload.own",
    ],
    participantReach: "care_team",
    requiresMfa: false,
  },
  peer_worker: {
    role: "peer_worker",
    permissions: ["account.manage_own", "participant.read", "participant.write", "caseload.own"],
    participantReach: "care_team",
    requiresMfa: false,
  },
  team_leader: {
    role: "team_leader",
    permissions: [
      "account.manage_own",
      "participant.read",
      "participant.read_clinical",
      "participant.write",
      "participant.refer",
      "participant.view_referrals",
      "participant.merge",
      "caseload.own",
      "team.view_caseloads",
      "aggregates.organisation",
      "employers.read",
      "employers.manage",
    ],
    participantReach: "team",
    requiresMfa: false,
  },
  manager: {
    role: "manager",
    // participant.read lets the routes admit a manager; the policy lets them in only with an
    // emergency grant, which they ask for with a stated reason.
    permissions: [
      "account.manage_own",
      "participant.read",
      "participant.emergency_access",
      "aggregates.organisation",
    ],
    participantReach: "emergency_only",
    requiresMfa: false,
  },
  advocate: {
    role: "advocate",
    permissions: ["account.manage_own", "wellbeing.speak_up_cases"],
    participantReach: "none",
    requiresMfa: false,
  },
  evaluator: {
    role: "evaluator",
    permissions: ["account.manage_own", "aggregates.suppressed"],
    participantReach: "none",
    requiresMfa: false,
  },
  admin: {
    role: "admin",
    permissions: ["account.manage_own", "directory.manage", "audit.browse"],
    participantReach: "none",
    requiresMfa: true,
  },
};

export function hasPermission(role: StaffRole, permission: Permission): boolean {
  return roleTemplates[role].permissions.includes(permission);
}
