import { and, eq } from "drizzle-orm";
import { demoSignIns } from "../../src/demo/seed";
import {
  careTeamMember,
  consentRecord,
  type ParticipantStage,
  participant,
  referral,
} from "../../src/features/participants/schema";
import { staffAccount, team } from "../../src/platform/directory/schema";
import type { TestApp } from "./app";

/**
 * A new participant in the demo's first IPS team, with nothing recorded yet: the demo
 * specialist, clinician and peer worker on the care team, and an open referral if referred.
 * Tests that need a clean record use this rather than a seeded one.
 */
export async function createTestParticipant(
  testApp: TestApp,
  options: {
    stage?: ParticipantStage;
    givenName?: string;
    familyName?: string;
    withPeerWorker?: boolean;
    /**
     * Consent to take part, recorded by default past a referral as the stage model requires it
     * for job search and job starts (decision 59); `false` leaves it unrecorded.
     */
    consentToTakePart?: boolean;
  } = {},
): Promise<{ id: string; organisationId: string; teamId: string }> {
  const { db, clock } = testApp;
  const staffByRole = async (role: "employment_specialist" | "clinician" | "peer_worker") => {
    const email = demoSignIns.find((person) => person.role === role)!.email;
    const [row] = await db.select().from(staffAccount).where(eq(staffAccount.email, email));
    return row!;
  };
  const specialist = await staffByRole("employment_specialist");
  const clinician = await staffByRole("clinician");
  const peer = await staffByRole("peer_worker");
  const [ipsTeam] = await db
    .select()
    .from(team)
    .where(and(eq(team.organisationId, specialist.organisationId), eq(team.kind, "ips_team")));
  const now = clock.now();
  const stage = options.stage ?? "referred";
  const [created] = await db
    .insert(participant)
    .values({
      organisationId: specialist.organisationId,
      teamId: ipsTeam!.id,
      givenName: options.givenName ?? "Robin",
      familyName: options.familyName ?? `Testperson${Math.floor(Math.random() * 1e9)}`,
      dateOfBirth: "1985-05-05",
      workSituation: "unemployed",
      stage,
      engagedAt: stage === "referred" ? null : now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await db.insert(referral).values({
    organisationId: created!.organisationId,
    participantId: created!.id,
    teamId: ipsTeam!.id,
    source: "gp",
    receivedAt: now,
    status: stage === "referred" ? "open" : "engaged",
  });
  await db.insert(careTeamMember).values(
    [
      {
        staffId: specialist.id,
        careTeamRole: "lead_employment_specialist" as const,
        responsibility: "Job search",
      },
      { staffId: clinician.id, careTeamRole: "clinician" as const, responsibility: "Health and fit notes" },
      { staffId: peer.id, careTeamRole: "peer_worker" as const, responsibility: "Peer support" },
    ]
      .filter((member) => options.withPeerWorker !== false || member.careTeamRole !== "peer_worker")
      .map((member) => ({
        ...member,
        organisationId: created!.organisationId,
        participantId: created!.id,
        addedAt: now,
      })),
  );
  if (options.consentToTakePart ?? stage !== "referred")
    await db.insert(consentRecord).values({
      organisationId: created!.organisationId,
      participantId: created!.id,
      purpose: "employment_support",
      decision: "given",
      method: "verbal",
      recordedBy: specialist.id,
      // Before anything a test records now, so it never heads a newest-first list.
      recordedAt: new Date(now.getTime() - 86_400_000),
    });
  return { id: created!.id, organisationId: created!.organisationId, teamId: ipsTeam!.id };
}
