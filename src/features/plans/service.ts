import { and, asc, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { ParticipantRecord } from "../../platform/access/door";
import { onRecord } from "../../platform/access/on-record";
import type { RecordScope } from "../../platform/access/own-record";
import type { Clock } from "../../platform/clock";
import { inOrder, rowsOf, type Transaction, uuidArray } from "../../platform/db";
import { organisation, staffAccount, team } from "../../platform/directory/schema";
import {
  type Invalid,
  invalid,
  type NotFound,
  notFound,
  type Saved,
  type EditOutcome as SharedEditOutcome,
  type Stale,
  saved,
  stale,
} from "../../platform/outcome";
import type { Translator } from "../../platform/web/i18n";
import type { TimelineEntry } from "../../platform/web/timeline";
import { type careTeamMember, participant } from "../participants/schema";
import { careTeam } from "../participants/service";
import type { AgreementForm } from "./forms";
import { calendarDateAt, nextVersionNumber } from "./rules";
import {
  openActionStatuses,
  type PlanSnapshot,
  planAction,
  planGoal,
  planSupportReferral,
  planWarningSign,
  supportPlan,
  supportPlanVersion,
} from "./schema";

/**
 * Other features work on the actions of a person's plan: the Work tab adds CV and interview
 * preparation; the person's own pages (portal) find an action and update it.
 */
export { addAction, findAction, updateAction } from "./edits";
export { parseCalendarDate } from "./forms";

/** An edit made against the version it was based on: a stale form never overwrites. */
export type EditOutcome<Row> = SharedEditOutcome<
  Row,
  "validation.plan.ownerStaff" | "validation.plan.goalLink"
>;

export type SupportPlanRow = typeof supportPlan.$inferSelect;
export type GoalRow = typeof planGoal.$inferSelect;
export type ActionRow = typeof planAction.$inferSelect & { ownerName: string | null };
export type SupportRow = typeof planSupportReferral.$inferSelect;
export type WarningSignRow = typeof planWarningSign.$inferSelect;
export type VersionSummary = Omit<typeof supportPlanVersion.$inferSelect, "snapshot">;

export type PlanView = {
  plan: SupportPlanRow;
  goals: GoalRow[];
  actions: ActionRow[];
  supports: SupportRow[];
  warningSigns: WarningSignRow[];
  /** Newest first. */
  versions: VersionSummary[];
  lastAgreed?: PlanSnapshot;
};

export type CareTeamPerson = {
  staffId: string;
  fullName: string;
  careTeamRole: (typeof careTeamMember.$inferSelect)["careTeamRole"];
  responsibility: string;
};

/** Today's date where the service runs: due and review dates are calendar dates. */
export const today = (clock: Clock) => calendarDateAt(clock.now());

// The participant's current care team, by name: who can own an action or agree a version.
export { careTeam };

export async function findPlan(record: RecordScope) {
  const [plan] = await record.tx.select().from(supportPlan).where(onRecord(record, supportPlan));
  return plan;
}

export async function loadPlan(record: RecordScope): Promise<PlanView | undefined> {
  const plan = await findPlan(record);
  if (!plan) return undefined;
  const [goals, actions, supports, warningSigns, versions] = await inOrder([
    () =>
      record.tx
        .select()
        .from(planGoal)
        .where(onRecord(record, planGoal))
        .orderBy(asc(planGoal.createdAt), asc(planGoal.id)),
    () =>
      record.tx
        .select({ action: planAction, ownerName: staffAccount.fullName })
        .from(planAction)
        .leftJoin(staffAccount, eq(staffAccount.id, planAction.ownerStaffId))
        .where(onRecord(record, planAction))
        .orderBy(asc(planAction.dueDate), asc(planAction.createdAt)),
    () =>
      record.tx
        .select()
        .from(planSupportReferral)
        .where(onRecord(record, planSupportReferral))
        .orderBy(asc(planSupportReferral.createdAt)),
    () =>
      record.tx
        .select()
        .from(planWarningSign)
        .where(onRecord(record, planWarningSign))
        .orderBy(asc(planWarningSign.createdAt)),
    () =>
      record.tx
        .select({
          id: supportPlanVersion.id,
          organisationId: supportPlanVersion.organisationId,
          participantId: supportPlanVersion.participantId,
          planId: supportPlanVersion.planId,
          number: supportPlanVersion.number,
          reviewDate: supportPlanVersion.reviewDate,
          agreedByStaffIds: supportPlanVersion.agreedByStaffIds,
          agreedByNames: supportPlanVersion.agreedByNames,
          participantAgreement: supportPlanVersion.participantAgreement,
          participantComment: supportPlanVersion.participantComment,
          agreedAt: supportPlanVersion.agreedAt,
          recordedBy: supportPlanVersion.recordedBy,
        })
        .from(supportPlanVersion)
        .where(eq(supportPlanVersion.planId, plan.id))
        .orderBy(desc(supportPlanVersion.number)),
  ] as const);
  const latest = versions[0] ? await agreedVersion(record, versions[0].number) : undefined;
  return {
    plan,
    goals,
    actions: actions.map(({ action, ownerName }) => ({ ...action, ownerName })),
    supports,
    warningSigns,
    versions,
    lastAgreed: latest?.version.snapshot,
  };
}

/** The whole plan as it stands, in the shape kept when a version is agreed. */
export function snapshotOf(view: Omit<PlanView, "versions" | "lastAgreed">): PlanSnapshot {
  return {
    goals: view.goals.map(({ id, goal, successLooksLike, status }) => ({
      id,
      goal,
      successLooksLike,
      status,
    })),
    actions: view.actions.map(({ id, description, ownerKind, ownerName, dueDate, status, goalId }) => ({
      id,
      description,
      ownerKind,
      ownerName: ownerKind === "staff" ? ownerName : null,
      dueDate,
      status,
      goalId,
    })),
    supports: view.supports.map(({ id, kind, otherKind, status, notes }) => ({
      id,
      kind,
      otherKind,
      status,
      notes,
    })),
    warningSigns: view.warningSigns.map(
      ({
        id,
        sign,
        whatIWillDo,
        whatMyTeamWillDo,
        checkInField,
        ruleComparison,
        ruleThreshold,
        ruleRunLength,
      }) => ({
        id,
        sign,
        whatIWillDo,
        whatMyTeamWillDo,
        checkInField,
        ruleComparison,
        ruleThreshold,
        ruleRunLength,
      }),
    ),
    contingency: {
      text: view.plan.contingencyText,
      alternatives: view.plan.contingencyAlternatives,
      checkBackDate: view.plan.checkBackDate,
    },
  };
}

/** Starts the participant's one plan; a second start (two tabs, two people) finds the first. */
export async function startPlan(record: ParticipantRecord, clock: Clock): Promise<SupportPlanRow> {
  const now = clock.now();
  await record.tx
    .insert(supportPlan)
    .values({
      organisationId: record.organisationId,
      participantId: record.participantId,
      createdBy: record.actor.staffId,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: supportPlan.participantId });
  return (await findPlan(record))!;
}

/** The owner columns every row of the plan carries. */
export const owned = (record: RecordScope) => ({
  organisationId: record.organisationId,
  participantId: record.participantId,
});

/** Agreeing a version, in the one outcome family: the agreed version's number when saved. */
export type AgreeOutcome =
  | Saved<{ number: number }>
  | Stale<undefined>
  | Invalid<"validation.plan.agreedBy">
  | NotFound;

/**
 * Agrees the plan exactly as the person saw it: the form carries the plan's version, and a change
 * made by anyone since then means they must look again before it is agreed.
 */
export async function agreeVersion(
  record: ParticipantRecord,
  clock: Clock,
  form: AgreementForm,
  basedOn: number,
): Promise<AgreeOutcome> {
  const view = await loadPlan(record);
  if (!view) return notFound;
  if (view.plan.version !== basedOn) return stale(undefined);
  const team = await careTeam(record);
  const present = team.filter((member) => form.agreedBy.includes(member.staffId));
  if (present.length !== new Set(form.agreedBy).size) return invalid("agreedBy", "validation.plan.agreedBy");
  // Taking the plan's row lock with its version check makes two agreements at once queue, not clash.
  const locked = await record.tx
    .update(supportPlan)
    .set({ version: sql`${supportPlan.version} + 1`, updatedAt: clock.now() })
    .where(and(eq(supportPlan.id, view.plan.id), eq(supportPlan.version, basedOn)))
    .returning({ id: supportPlan.id });
  if (locked.length === 0) return stale(undefined);
  const number = nextVersionNumber(view.versions.map((version) => version.number));
  await record.tx.insert(supportPlanVersion).values({
    ...owned(record),
    planId: view.plan.id,
    number,
    snapshot: snapshotOf(view),
    reviewDate: form.reviewDate,
    agreedByStaffIds: present.map((member) => member.staffId),
    agreedByNames: present.map((member) => member.fullName),
    participantAgreement: form.participantAgreement,
    participantComment: form.participantComment,
    agreedAt: clock.now(),
    recordedBy: record.actor.staffId,
  });
  return saved({ number });
}

/** One agreed version with the one before it, for "what changed". */
export async function agreedVersion(record: RecordScope, number: number) {
  const rows = await record.tx
    .select()
    .from(supportPlanVersion)
    .where(onRecord(record, supportPlanVersion, inArray(supportPlanVersion.number, [number, number - 1])));
  const version = rows.find((row) => row.number === number);
  if (!version) return undefined;
  return { version, previous: rows.find((row) => row.number === number - 1)?.snapshot };
}

/** The earliest due date among a participant's open actions ('YYYY-MM-DD' or null), for lists. */
export const nextActionDueOf = (participantId: SQL) =>
  sql<string | null>`(select min(open_action.due_date)::text from ${planAction} open_action
    where open_action.participant_id = ${participantId}
      and open_action.status in (${sql.raw(openActionStatuses.map((status) => `'${status}'`).join(", "))}))`;

/**
 * The earliest open action's due date per participant, for the caseload page. It runs in the
 * caller's transaction and reads these participants' plans without the door: the caller must
 * already have opened these records through the door, or be computing caseload rows that the
 * access policy allows this person to see.
 */
export async function nextActionDue(tx: Transaction, participantIds: string[]): Promise<Map<string, string>> {
  if (participantIds.length === 0) return new Map();
  const rows = await rowsOf<{ id: string; due: string | null }>(
    tx,
    sql`select listed.id, ${nextActionDueOf(sql`listed.id`)} as due
      from unnest(${uuidArray(participantIds)}) as listed(id)`,
  );
  return new Map(rows.flatMap((row) => (row.due ? [[row.id, row.due] as const] : [])));
}

/** Plan created, each agreed version, and each action done: nothing here is health information. */
export async function timelineEntries(record: ParticipantRecord, t: Translator): Promise<TimelineEntry[]> {
  const plan = await findPlan(record);
  if (!plan) return [];
  const href = `/participants/${record.participantId}/plan`;
  const [versions, done] = await inOrder([
    () =>
      record.tx
        .select({
          number: supportPlanVersion.number,
          agreedAt: supportPlanVersion.agreedAt,
          participantAgreement: supportPlanVersion.participantAgreement,
          reviewDate: supportPlanVersion.reviewDate,
        })
        .from(supportPlanVersion)
        .where(eq(supportPlanVersion.planId, plan.id)),
    () =>
      record.tx
        .select({ description: planAction.description, completedAt: planAction.completedAt })
        .from(planAction)
        .where(
          and(
            eq(planAction.planId, plan.id),
            eq(planAction.status, "done"),
            isNotNull(planAction.completedAt),
          ),
        ),
  ] as const);
  return [
    { at: plan.createdAt, category: "plan" as const, title: t.t("plan.timeline.created"), href },
    ...versions.map((version) => ({
      at: version.agreedAt,
      category: "plan" as const,
      title: t.t("plan.timeline.agreed", { number: version.number }),
      detail: t.t(`plan.agreement.${version.participantAgreement}`),
      href: `${href}/versions/${version.number}`,
    })),
    ...done.map((action) => ({
      at: action.completedAt!,
      category: "plan" as const,
      title: t.t("plan.timeline.actionDone"),
      detail: action.description,
      href,
    })),
  ];
}

/** The participant's name for the print view's heading: the person the plan belongs to. */
export async function participantName(record: ParticipantRecord) {
  const [row] = await record.tx
    .select({ givenName: participant.givenName, familyName: participant.familyName })
    .from(participant)
    .where(eq(participant.id, record.participantId));
  return row;
}

/** The person's team, its organisation and how to reach it: printed on the plan as who to contact. */
export async function supportingTeam(record: ParticipantRecord) {
  const [row] = await record.tx
    .select({
      teamName: team.name,
      organisationName: organisation.name,
      phone: team.phone,
      email: team.email,
    })
    .from(participant)
    .innerJoin(team, eq(team.id, participant.teamId))
    .innerJoin(organisation, eq(organisation.id, participant.organisationId))
    .where(eq(participant.id, record.participantId));
  return row;
}
export { measuresInterval } from "./measures-interval";
