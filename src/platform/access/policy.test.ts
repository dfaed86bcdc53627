import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type StaffRole, staffRoles } from "../directory/schema";
import {
  type Actor,
  decideParticipantAccess,
  healthInformationKinds,
  type ParticipantAccessFacts,
} from "./policy";
import { hasPermission, roleTemplates } from "./roles";

const organisationId = "org-1";
const facts = (overrides: Partial<ParticipantAccessFacts> = {}): ParticipantAccessFacts => ({
  participantId: "p-1",
  organisationId,
  teamId: "team-ips",
  careTeamStaffIds: ["on-care-team"],
  emergencyGrantActive: false,
  referralOpen: false,
  sharedHealthInformation: [],
  ...overrides,
});
const actor = (role: StaffRole, staffId = "on-care-team", teamIds: string[] = []): Actor => ({
  staffId,
  role,
  organisationId,
  teamIds,
});

describe("who may open a participant's record", () => {
  it("lets the care team in and keeps clinical information from those who may not see it", () => {
    expect(decideParticipantAccess(actor("employment_specialist"), facts(), { purpose: "read" })).toEqual({
      allowed: true,
      basis: "care_team",
      mayReadClinical: false,
      healthInformationVisible: [],
    });
    expect(
      decideParticipantAccess(actor("clinician"), facts(), {
        purpose: "read",
        healthInformation: "clinical_notes",
      }),
    ).toMatchObject({
      allowed: true,
      mayReadClinical: true,
      healthInformationVisible: healthInformationKinds,
    });
    expect(
      decideParticipantAccess(actor("peer_worker"), facts(), {
        purpose: "read",
        healthInformation: "clinical_notes",
      }),
    ).toEqual({
      allowed: false,
      refusal: "role may not see clinical information",
    });
  });

  it("shows an employment specialist only the health information the participant consents to share", () => {
    const consented = facts({ sharedHealthInformation: ["assessment_scores"] });
    expect(
      decideParticipantAccess(actor("employment_specialist"), consented, {
        purpose: "read",
        healthInformation: "assessment_scores",
      }),
    ).toMatchObject({ allowed: true, healthInformationVisible: ["assessment_scores"] });
    expect(
      decideParticipantAccess(actor("employment_specialist"), consented, {
        purpose: "read",
        healthInformation: "clinical_notes",
      }),
    ).toEqual({ allowed: false, refusal: "participant has not consented to share this information" });
    // A peer worker never sees clinical notes, whatever was consented.
    expect(
      decideParticipantAccess(actor("peer_worker"), facts({ sharedHealthInformation: ["clinical_notes"] }), {
        purpose: "read",
      }),
    ).toMatchObject({ allowed: true, healthInformationVisible: [] });
  });

  it("refuses a specialist who is not on the care team", () => {
    expect(
      decideParticipantAccess(actor("employment_specialist", "someone-else"), facts(), { purpose: "read" }),
    ).toEqual({
      allowed: false,
      refusal: "not on the participant's care team",
    });
  });

  it("lets the receiving team work an open referral from its queue, and only while it is open", () => {
    const specialist = actor("employment_specialist", "not-yet-assigned", ["team-ips"]);
    expect(
      decideParticipantAccess(specialist, facts({ referralOpen: true }), { purpose: "write" }),
    ).toMatchObject({ allowed: true, basis: "referral_queue" });
    expect(
      decideParticipantAccess(specialist, facts({ referralOpen: false }), { purpose: "read" }),
    ).toMatchObject({ allowed: false });
    // A peer worker in the team does not work the referral queue.
    expect(
      decideParticipantAccess(
        actor("peer_worker", "not-yet-assigned", ["team-ips"]),
        facts({ referralOpen: true }),
        {
          purpose: "read",
        },
      ),
    ).toMatchObject({ allowed: false });
  });

  it("lets a team leader into their own team's records only", () => {
    expect(
      decideParticipantAccess(actor("team_leader", "leader", ["team-ips"]), facts(), { purpose: "write" }),
    ).toMatchObject({
      allowed: true,
      basis: "team_leader",
    });
    expect(
      decideParticipantAccess(actor("team_leader", "leader", ["other-team"]), facts(), { purpose: "read" }),
    ).toMatchObject({
      allowed: false,
    });
  });

  it("never lets admins, advocates or evaluators in, even on the care team", () => {
    for (const role of ["admin", "advocate", "evaluator"] as const) {
      expect(decideParticipantAccess(actor(role), facts(), { purpose: "read" }).allowed).toBe(false);
    }
  });

  it("lets a manager in only with an emergency grant", () => {
    expect(decideParticipantAccess(actor("manager"), facts(), { purpose: "read" }).allowed).toBe(false);
    expect(
      decideParticipantAccess(actor("manager"), facts({ emergencyGrantActive: true }), { purpose: "read" }),
    ).toMatchObject({
      allowed: true,
      basis: "emergency",
    });
  });

  it("holds for any facts: another organisation, or a role without the permission, is always refused", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...staffRoles),
        fc.constantFrom<"read" | "write">("read", "write"),
        fc.boolean(),
        fc.array(fc.constantFrom("on-care-team", "a", "b"), { maxLength: 3 }),
        fc.array(fc.constantFrom("team-ips", "other-team"), { maxLength: 2 }),
        fc.option(fc.constantFrom(...healthInformationKinds), { nil: undefined }),
        fc.subarray([...healthInformationKinds]),
        (role, purpose, otherOrganisation, careTeam, teamIds, healthInformation, shared) => {
          const decision = decideParticipantAccess(
            actor(role, "on-care-team", teamIds),
            facts({
              organisationId: otherOrganisation ? "org-2" : organisationId,
              careTeamStaffIds: careTeam,
              sharedHealthInformation: shared,
            }),
            { purpose, healthInformation },
          );
          if (!decision.allowed) return true;
          return (
            !otherOrganisation &&
            hasPermission(role, purpose === "read" ? "participant.read" : "participant.write") &&
            roleTemplates[role].participantReach !== "none" &&
            (!healthInformation ||
              decision.mayReadClinical ||
              (role === "employment_specialist" && shared.includes(healthInformation)))
          );
        },
      ),
    );
  });
});
