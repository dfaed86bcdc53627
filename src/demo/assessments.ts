import { and, eq, isNull } from "drizzle-orm";
import { assessmentResponse, vocationalProfile } from "../features/assessments/schema";
import {
  type Answers,
  gad7,
  type MeasureDefinition,
  phq9,
  scoreMeasure,
  who5,
  wsas,
} from "../features/assessments/service";
import { participantAlert } from "../features/monitoring/schema";
import { type ParticipantStage, participant } from "../features/participants/schema";
import type { Clock } from "../platform/clock";
import type { Transaction } from "../platform/db";

export type DemoParticipant = {
  id: string;
  organisationId: string;
  stage: ParticipantStage;
  clinicianId: string;
  specialistId: string;
};

const days = (count: number) => count * 86_400_000;

/** Answers that add up to `target`, spread over the scored items (item 9 kept at zero unless asked). */
function answersFor(definition: MeasureDefinition, target: number, seed: number, itemNine = 0): Answers {
  const scored = definition.items.filter((item) => item.scored && item.id !== definition.safetyItem?.itemId);
  const max = Math.max(...scored[0]!.options.map((option) => option.value));
  const values = new Map(scored.map((item) => [item.id, 0]));
  let remaining = Math.min(target - itemNine, scored.length * max);
  for (let step = 0; remaining > 0; step++) {
    const item = scored[(step + seed) % scored.length]!;
    const current = values.get(item.id)!;
    if (current < max) {
      values.set(item.id, current + 1);
      remaining--;
    }
  }
  const answers: Answers = Object.fromEntries(values);
  if (definition.safetyItem) answers[definition.safetyItem.itemId] = itemNine;
  for (const item of definition.items.filter((candidate) => !candidate.scored))
    answers[item.id] = Math.min(3, Math.floor(target / 7));
  return answers;
}

const profiles = [
  {
    workHistory: [
      { employer: "Greggs", role: "Sales assistant", from: "2016", to: "2019", whyEnded: "Moved house" },
      {
        employer: "Royal Mail",
        role: "Sorting office operative",
        from: "2019",
        to: "2023",
        whyEnded: "Became unwell and left",
      },
    ],
    education: "GCSEs including English and maths; forklift licence (lapsed)",
    skills: "Working to deadlines, stock control, customer service",
    strengths: "Reliable, good with people once settled in, likes routine",
    interests: "Football, cooking for family",
    preferredJobTypes: "Warehouse or retail stock room, daytime",
    hoursPerWeek: 20,
    shifts: ["weekday_daytime"] as const,
    travelMiles: 5,
    barriers: ["confidence", "transport"] as const,
    barrierNotes: "No car; buses every 30 minutes",
    benefitsSituation: "Receives Universal Credit; wants to understand how part-time wages change it",
    benefitsCounselling: "yes" as const,
    disclosurePreference: "support_from_service" as const,
    disclosureWording:
      "That I have support from an employment specialist and may need time off for appointments",
  },
  {
    workHistory: [
      {
        employer: "Local authority",
        role: "Admin officer",
        from: "2012",
        to: "2024",
        whyEnded: "Off sick, still employed",
      },
    ],
    education: "NVQ Level 3 Business Administration",
    skills: "Spreadsheets, minute-taking, handling enquiries",
    strengths: "Organised, careful, knows the job well",
    interests: "Walking, reading",
    preferredJobTypes: "Back to own job with adjustments",
    hoursPerWeek: 16,
    shifts: ["weekday_daytime", "early_mornings"] as const,
    travelMiles: 10,
    barriers: ["health", "caring"] as const,
    barrierNotes: "Cares for a parent two afternoons a week",
    benefitsSituation: "On sick pay from employer",
    benefitsCounselling: "not_sure" as const,
    disclosurePreference: "condition" as const,
    disclosureWording: "My manager may know I have depression and what helps on a bad day",
  },
];

/**
 * Realistic questionnaire histories and career profiles for demo participants past referral:
 * scores that mostly improve over three months, and exactly one PHQ-9 with item 9 answered above
 * zero (with its open safety alert), so the alert journey can be seen in the demo.
 */
export async function seedDemoAssessments(tx: Transaction, clock: Clock, participants: DemoParticipant[]) {
  const now = clock.now();
  let itemNineGiven = false;
  for (const [index, person] of participants.entries()) {
    if (person.stage === "referred") continue;
    const start = new Date(now.getTime() - days(84 + (index % 5) * 7));
    const profile = profiles[index % profiles.length]!;
    await tx
      .insert(vocationalProfile)
      .values({
        ...profile,
        shifts: [...profile.shifts],
        barriers: [...profile.barriers],
        organisationId: person.organisationId,
        participantId: person.id,
        startedAt: start,
        startedBy: person.specialistId,
        updatedAt: start,
        updatedBy: person.specialistId,
      })
      .onConflictDoNothing();
    await tx
      .update(participant)
      .set({ engagedAt: start })
      .where(and(eq(participant.id, person.id), isNull(participant.engagedAt)));

    const improving = index % 4 !== 3;
    const phqStart = 12 + (index % 9);
    const gadStart = 9 + (index % 8);
    const series: [MeasureDefinition, number[], string][] = [
      [
        phq9,
        improving ? [phqStart, phqStart - 3, phqStart - 7] : [phqStart - 4, phqStart - 3, phqStart],
        person.clinicianId,
      ],
      [
        gad7,
        improving ? [gadStart, gadStart - 2, gadStart - 5] : [gadStart - 2, gadStart, gadStart],
        person.clinicianId,
      ],
      [wsas, improving ? [24 - (index % 6), 14 - (index % 5)] : [18, 20], person.specialistId],
      [who5, improving ? [8 + (index % 4), 14 + (index % 5)] : [11, 10], person.specialistId],
    ];
    for (const [definition, totals, recordedBy] of series) {
      for (const [visit, total] of totals.entries()) {
        const completedAt = new Date(start.getTime() + days(visit * 35 + 1));
        const last = visit === totals.length - 1;
        const itemNine = definition.id === "phq9" && last && !itemNineGiven && !improving ? 1 : 0;
        const scored = scoreMeasure(definition, answersFor(definition, Math.max(0, total), index, itemNine));
        if (!scored.ok) throw new Error(`demo ${definition.id} answers do not score`);
        const [row] = await tx
          .insert(assessmentResponse)
          .values({
            organisationId: person.organisationId,
            participantId: person.id,
            instrument: definition.id,
            answers: scored.score.answers,
            total: scored.score.total,
            band: scored.score.band.id,
            completionMethod: visit === 1 ? "by_phone" : "with_participant",
            completedAt,
            recordedBy,
            recordedAt: completedAt,
          })
          .returning({ id: assessmentResponse.id });
        if (itemNine > 0) {
          itemNineGiven = true;
          await tx.insert(participantAlert).values({
            organisationId: person.organisationId,
            participantId: person.id,
            rule: "phq9_item9",
            severity: "urgent",
            audience: "clinical",
            evidence: { assessmentResponseId: row!.id },
            routedTo: [person.clinicianId],
            raisedAt: completedAt,
          });
        }
      }
    }
  }
}
