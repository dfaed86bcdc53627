import type { ParticipantStage } from "../features/participants/schema";
import {
  type ActionOwnerKind,
  type ActionStatus,
  type ContingencyAlternative,
  planAction,
  planGoal,
  planSupportReferral,
  planWarningSign,
  type SupportKind,
  supportPlan,
} from "../features/plans/schema";
import type { Clock } from "../platform/clock";
import { addCalendarDays, calendarDateAt } from "../platform/clock";
import type { Transaction } from "../platform/db";

export type DemoParticipant = {
  id: string;
  organisationId: string;
  stage: ParticipantStage;
  specialistId: string;
  clinicianId: string;
};

// Plans written the way people say things, after seeds 001 and 003: work as part of a wider
// rehabilitation plan, exercise that supports coping, sleep as the first warning sign.
const storylines = [
  {
    goal: "I want to get back to working in a shop, maybe 16 hours a week to start with",
    success: "I am working two or three days a week and still sleeping well",
    support: "fitness_programme" as SupportKind,
    supportNotes: "Wants the outpatient clinic's walking group on Tuesday mornings",
    sign: "My sleep times start drifting later and later",
    iWill: "Text my employment specialist and keep my morning alarm",
    teamWill: "Check in within two days and look again at my hours with me",
    field: "sleep" as const,
    contingency:
      "If job coaching is not right for now, I would like to try the clubhouse and a short computer course, and we will talk again in three months.",
    alternatives: ["clubhouse", "courses"] as ContingencyAlternative[],
  },
  {
    goal: "Find a job outdoors where I am not stuck at a desk all day",
    success: "Doing something physical that pays the bills",
    support: "career_coaching" as SupportKind,
    supportNotes: "Help with a CV that explains the gap since 2021, and interview practice",
    sign: "I stop answering my phone and cancel plans",
    iWill: "Tell my sister and go to the peer group even if I do not feel like it",
    teamWill: "Try another way to reach me, and not close my case",
    field: "contact" as const,
    contingency:
      "If working feels like too much, I can go back to the outpatient group and pause job search, with a check-back date agreed.",
    alternatives: ["outpatient_groups", "pause_with_check_back"] as ContingencyAlternative[],
  },
  {
    goal: "Go back to my old job at the warehouse with some changes so I can cope",
    success: "Back on shift with a phased return and a quiet place for breaks",
    support: "employer_liaison" as SupportKind,
    supportNotes: "Agreed the specialist may talk to my manager about a phased return",
    sign: "I feel on edge all the time and snap at people",
    iWill: "Use the breathing exercise and take my break outside",
    teamWill: "Talk with me about slowing the return down, and ask my clinician to see me sooner",
    field: "stress" as const,
    contingency:
      "If going back does not work out this time, I want to join the peer support group and look at a course in forklift driving.",
    alternatives: ["peer_support", "courses"] as ContingencyAlternative[],
  },
];

/**
 * Gives demo participants past the referral stage a realistic plan: goals in their own words,
 * actions with due dates (some already overdue), a referral to another support, an early-warning
 * sign and a contingency plan. Runs inside the demo seed's transaction.
 */
export async function seedDemoPlans(tx: Transaction, clock: Clock, participants: DemoParticipant[]) {
  const now = clock.now();
  const today = calendarDateAt(now);
  for (const [index, person] of participants.entries()) {
    if (person.stage === "referred") continue;
    const story = storylines[index % storylines.length]!;
    const owned = { organisationId: person.organisationId, participantId: person.id };
    const stamps = { createdAt: now, updatedAt: now };
    const [plan] = await tx
      .insert(supportPlan)
      .values({
        ...owned,
        createdBy: person.specialistId,
        contingencyText: story.contingency,
        contingencyAlternatives: story.alternatives,
        checkBackDate: story.alternatives.includes("pause_with_check_back")
          ? addCalendarDays(today, 90)
          : null,
        ...stamps,
      })
      .returning({ id: supportPlan.id });
    const planId = plan!.id;
    const [goal] = await tx
      .insert(planGoal)
      .values({ ...owned, planId, goal: story.goal, successLooksLike: story.success, ...stamps })
      .returning({ id: planGoal.id });
    const actions: {
      description: string;
      ownerKind: ActionOwnerKind;
      ownerStaffId: string | null;
      dueDate: string;
      status: ActionStatus;
    }[] = [
      {
        description: "Write down three kinds of work I would enjoy",
        ownerKind: "participant",
        ownerStaffId: null,
        dueDate: addCalendarDays(today, -7),
        status: "done",
      },
      {
        description: "Visit two local employers that match what I want",
        ownerKind: "staff",
        ownerStaffId: person.specialistId,
        // Every other plan has an action that has slipped, so the overdue marking is visible.
        dueDate: addCalendarDays(today, index % 2 === 0 ? -3 : 10),
        status: "to_do",
      },
      {
        description: "Review how my medication affects my mornings",
        ownerKind: "staff",
        ownerStaffId: person.clinicianId,
        dueDate: addCalendarDays(today, 14),
        status: "in_progress",
      },
    ];
    await tx.insert(planAction).values(
      actions.map((action) => ({
        ...owned,
        planId,
        goalId: goal!.id,
        ...action,
        completedAt: action.status === "done" ? now : null,
        ...stamps,
      })),
    );
    await tx.insert(planSupportReferral).values({
      ...owned,
      planId,
      kind: story.support,
      status: index % 2 === 0 ? "referred" : "suggested",
      notes: story.supportNotes,
      ...stamps,
    });
    await tx.insert(planWarningSign).values({
      ...owned,
      planId,
      sign: story.sign,
      whatIWillDo: story.iWill,
      whatMyTeamWillDo: story.teamWill,
      checkInField: story.field,
      ...stamps,
    });
  }
}
