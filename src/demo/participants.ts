import {
  careTeamMember,
  consentRecord,
  type ParticipantStage,
  participant,
  type ReferralSource,
  referral,
  referralContactAttempt,
  type WorkSituation,
} from "../features/participants/schema";
import { nhsNumberCheckDigit } from "../features/participants/service";
import type { Transaction } from "../platform/db";
import type { staffAccount } from "../platform/directory/schema";

type Staff = typeof staffAccount.$inferSelect;

const givenNames = [
  "Alex",
  "Jordan",
  "Chris",
  "Taylor",
  "Morgan",
  "Jamie",
  "Robin",
  "Casey",
  "Leah",
  "Omar",
  "Zara",
  "Ewan",
];
const familyNames = [
  "Hughes",
  "Patel",
  "Nowak",
  "Campbell",
  "Begum",
  "Walsh",
  "Osei",
  "Murray",
  "Clarke",
  "Ahmed",
];
const stages: ParticipantStage[] = ["referred", "engaged", "job_seeking", "job_seeking", "in_work", "paused"];

const sources: ReferralSource[] = [
  "gp",
  "community_mental_health_team",
  "self_referral",
  "talking_therapies",
  "other_clinician",
];
const situations: WorkSituation[] = [
  "unemployed",
  "employed_off_sick",
  "never_worked",
  "unemployed",
  "in_education",
];
const hopes = [
  "To get back to my job at the warehouse, on shorter shifts at first",
  "Something outdoors, maybe gardening, where I'm not stuck behind a desk",
  "Part-time work in a café so I have a reason to get up in the morning",
  "To use my accounting qualification again",
  "I'd like to try working with animals",
  "Back to driving, but days only",
];

const day = 86_400_000;

/** A valid NHS number from a running counter, so the demo's numbers pass the Modulus 11 check. */
function demoNhsNumber(seed: number): string | null {
  for (let offset = 0; offset < 5; offset++) {
    const prefix = String(900_000_000 + seed * 7 + offset).slice(0, 9);
    const check = nhsNumberCheckDigit(prefix);
    if (check !== undefined) return `${prefix}${check}`;
  }
  return null;
}

export type DemoParticipant = {
  id: string;
  organisationId: string;
  stage: ParticipantStage;
  specialistId: string;
  clinicianId: string;
};

/**
 * Participants at every stage of the journey: open referrals waiting in the queue (some with
 * contact attempts), engaged people with consents recorded, people looking for work, in work and
 * paused at their own request.
 */
export async function seedParticipants(
  tx: Transaction,
  now: Date,
  regionIndex: number,
  people: {
    organisationId: string;
    ipsTeamId: string;
    specialists: Staff[];
    clinician: Staff;
    peerWorker?: Staff;
  },
): Promise<DemoParticipant[]> {
  const { organisationId, ipsTeamId, specialists, clinician, peerWorker } = people;
  const created: DemoParticipant[] = [];
  const participantCount = regionIndex === 0 ? 24 : 8;
  for (let index = 0; index < participantCount; index++) {
    const specialist = specialists[index % specialists.length]!;
    const stage = stages[index % stages.length]!;
    const referredAt = new Date(
      now.getTime() - (stage === "referred" ? (index % 9) + 1 : 30 + index * 5) * day,
    );
    const workSituation = situations[(index + regionIndex) % situations.length]!;
    const offSick = workSituation === "employed_off_sick";
    const [row] = await tx
      .insert(participant)
      .values({
        organisationId,
        teamId: ipsTeamId,
        givenName: givenNames[(index + regionIndex) % givenNames.length]!,
        familyName: familyNames[(index * 3 + regionIndex) % familyNames.length]!,
        dateOfBirth: `${1965 + ((index * 7 + regionIndex) % 38)}-${String((index % 12) + 1).padStart(2, "0")}-${String((index % 27) + 1).padStart(2, "0")}`,
        nhsNumber: index % 4 === 3 ? null : demoNhsNumber(regionIndex * 100 + index),
        phone: `07700 900${String(100 + index).slice(-3)}`,
        preferredContactMethod: index % 2 === 0 ? "phone" : "sms",
        workSituation,
        employerName: offSick ? ["Greggs", "Royal Mail", "Tesco", "The local council"][index % 4]! : null,
        absenceStartDate: offSick
          ? new Date(referredAt.getTime() - 20 * day).toISOString().slice(0, 10)
          : null,
        hopes: hopes[index % hopes.length]!,
        stage,
        stageBeforePause: stage === "paused" ? "job_seeking" : null,
        engagedAt: stage === "referred" ? null : new Date(referredAt.getTime() + 9 * day),
        createdAt: referredAt,
        updatedAt: referredAt,
      })
      .returning({ id: participant.id });
    const participantId = row!.id;
    const source = sources[index % sources.length]!;
    const [createdReferral] = await tx
      .insert(referral)
      .values({
        organisationId,
        participantId,
        teamId: ipsTeamId,
        source,
        referrerStaffId: source === "self_referral" ? null : clinician.id,
        referrerName: source === "self_referral" ? null : clinician.fullName,
        receivedAt: referredAt,
        status: stage === "referred" ? "open" : "engaged",
        closedAt: stage === "referred" ? null : new Date(referredAt.getTime() + 9 * day),
        closedBy: stage === "referred" ? null : specialist.id,
      })
      .returning({ id: referral.id });
    if (stage === "referred" && index % 2 === 0)
      await tx.insert(referralContactAttempt).values({
        organisationId,
        participantId,
        referralId: createdReferral!.id,
        attemptedOn: new Date(referredAt.getTime() + day).toISOString().slice(0, 10),
        method: "phone",
        outcome: "left_message",
        recordedBy: specialist.id,
        recordedAt: new Date(referredAt.getTime() + day),
      });

    // An open referral has only its referring clinician on the care team until a specialist takes it on.
    const members =
      stage === "referred"
        ? [
            {
              staffId: clinician.id,
              careTeamRole: "clinician" as const,
              responsibility: "Referred them; their health care and fit notes",
            },
          ]
        : [
            {
              staffId: specialist.id,
              careTeamRole: "lead_employment_specialist" as const,
              responsibility: "Job search, employer contact and in-work support",
            },
            {
              staffId: clinician.id,
              careTeamRole: "clinician" as const,
              responsibility: "Health, medication and fit notes",
            },
            ...(peerWorker && index % 3 !== 0
              ? [
                  {
                    staffId: peerWorker.id,
                    careTeamRole: "peer_worker" as const,
                    responsibility: "Peer support and the peer group",
                  },
                ]
              : []),
          ];
    await tx
      .insert(careTeamMember)
      .values(members.map((member) => ({ ...member, organisationId, participantId, addedAt: referredAt })));

    if (stage !== "referred") {
      const consentedAt = new Date(referredAt.getTime() + 9 * day);
      const consent = (
        purpose: (typeof consentRecord.$inferInsert)["purpose"],
        scope: ("assessment_scores" | "clinical_notes")[] = [],
      ) => ({
        organisationId,
        participantId,
        purpose,
        decision: "given" as const,
        scope,
        method: "written" as const,
        recordedBy: specialist.id,
        recordedAt: consentedAt,
      });
      await tx
        .insert(consentRecord)
        .values([
          consent("employment_support"),
          consent("contact_by_phone"),
          ...(index % 2 === 0 ? [consent("share_health_information", ["assessment_scores"])] : []),
          ...(stage === "job_seeking" || stage === "in_work" ? [consent("contact_employers")] : []),
        ]);
    }
    created.push({
      id: participantId,
      organisationId,
      stage,
      specialistId: specialist.id,
      clinicianId: clinician.id,
    });
  }
  return created;
}
