import { and, asc, desc, eq, inArray, isNotNull, isNull, min, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { ParticipantRecord } from "../../platform/access/door";
import type { Clock } from "../../platform/clock";
import type { Transaction } from "../../platform/db";
import { staffAccount } from "../../platform/directory/schema";
import type { Translator } from "../../platform/web/i18n";
import type { TimelineEntry } from "../../platform/web/timeline";
import { careTeamMember, participant } from "../participants/schema";
import { calendarDateAt, nextVersionNumber } from "./rules";
import {
  type ActionForm,
  type AgreementForm,
  type ContingencyForm,
  type GoalForm,
  openActionStatuses,
  type PlanSnapshot,
  planAction,
  planGoal,
  planSupportReferral,
  planWarningSign,
  type SupportForm,
  supportPlan,
  supportPlanVersion,
  type WarningSignForm,
} from "./schema";

export { seedDemoPlans } from "./seed";

/** An edit made against the version it was based on: a stale form never overwrites. */
export type EditOutcome<Row> =
  | { kind: "saved"; row: Row }
  | { kind: "stale"; current: Row }
  | { kind: "invalid"; field: string; message: "validation.plan.ownerStaff" | "validation.plan.goalLink" }
  | { kind: "not_found" };

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

/** The participant's current care team, by name: who can own an action or agree a version. */
export function careTeam(record: ParticipantRecord): Promise<CareTeamPerson[]> {
  return record.tx
    .select({
      staffId: careTeamMember.staffId,
      fullName: staffAccount.fullName,
      careTeamRole: careTeamMember.careTeamRole,
      responsibility: careTeamMember.responsibility,
    })
    .from(careTeamMember)
    .innerJoin(staffAccount, eq(staffAccount.id, careTeamMember.staffId))
    .where(and(eq(careTeamMember.participantId, record.participantId), isNull(careTeamMember.removedAt)))
    .orderBy(asc(careTeamMember.addedAt), asc(staffAccount.fullName));
}

async function findPlan(record: ParticipantRecord) {
  const [plan] = await record.tx
    .select()
    .from(supportPlan)
    .where(eq(supportPlan.participantId, record.participantId));
  return plan;
}

export async function loadPlan(record: ParticipantRecord): Promise<PlanView | undefined> {
  const plan = await findPlan(record);
  if (!plan) return undefined;
  const mine = (table: { participantId: AnyPgColumn }) => eq(table.participantId, record.participantId);
  const [goals, actions, supports, warningSigns, versions] = await Promise.all([
    record.tx
      .select()
      .from(planGoal)
      .where(mine(planGoal))
      .orderBy(asc(planGoal.createdAt), asc(planGoal.id)),
    record.tx
      .select({ action: planAction, ownerName: staffAccount.fullName })
      .from(planAction)
      .leftJoin(staffAccount, eq(staffAccount.id, planAction.ownerStaffId))
      .where(mine(planAction))
      .orderBy(asc(planAction.dueDate), asc(planAction.createdAt)),
    record.tx
      .select()
      .from(planSupportReferral)
      .where(mine(planSupportReferral))
      .orderBy(asc(planSupportReferral.createdAt)),
    record.tx
      .select()
      .from(planWarningSign)
      .where(mine(planWarningSign))
      .orderBy(asc(planWarningSign.createdAt)),
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
  ]);
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
    warningSigns: view.warningSigns.map(({ id, sign, whatIWillDo, whatMyTeamWillDo, checkInField }) => ({
      id,
      sign,
      whatIWillDo,
      whatMyTeamWillDo,
      checkInField,
    })),
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

/** Every change to any part of the plan moves the plan's own version on. */
async function touchPlan(record: ParticipantRecord, clock: Clock, planId: string) {
  await record.tx
    .update(supportPlan)
    .set({ version: sql`${supportPlan.version} + 1`, updatedAt: clock.now() })
    .where(eq(supportPlan.id, planId));
}

const owned = (record: ParticipantRecord) => ({
  organisationId: record.organisationId,
  participantId: record.participantId,
});

// Goals, supports and warning signs share the same add and edit steps.
type SimpleItem = typeof planGoal | typeof planSupportReferral | typeof planWarningSign;

async function addSimple(
  record: ParticipantRecord,
  clock: Clock,
  table: SimpleItem,
  values: GoalForm | SupportForm | WarningSignForm,
): Promise<{ kind: "saved" } | { kind: "no_plan" }> {
  const plan = await findPlan(record);
  if (!plan) return { kind: "no_plan" };
  const now = clock.now();
  await record.tx
    .insert(table)
    .values({ ...owned(record), planId: plan.id, ...values, createdAt: now, updatedAt: now } as never);
  await touchPlan(record, clock, plan.id);
  return { kind: "saved" };
}

async function updateVersioned<Row extends { planId: string }>(
  record: ParticipantRecord,
  clock: Clock,
  table: SimpleItem | typeof planAction,
  id: string,
  basedOn: number,
  values: Record<string, unknown>,
  find: () => Promise<Row | undefined>,
): Promise<EditOutcome<Row>> {
  const updated = await record.tx
    .update(table)
    .set({ ...values, updatedAt: clock.now(), version: sql`${table.version} + 1` } as never)
    .where(and(eq(table.id, id), eq(table.participantId, record.participantId), eq(table.version, basedOn)))
    .returning({ id: table.id });
  const row = await find();
  if (!row) return { kind: "not_found" };
  if (updated.length === 0) return { kind: "stale", current: row };
  await touchPlan(record, clock, row.planId);
  return { kind: "saved", row };
}

const findIn =
  <Table extends SimpleItem>(table: Table) =>
  async (record: ParticipantRecord, id: string) => {
    const [row] = await record.tx
      .select()
      .from(table as SimpleItem)
      .where(and(eq(table.id, id), eq(table.participantId, record.participantId)));
    return row as Table["$inferSelect"] | undefined;
  };

export const findGoal = findIn(planGoal);
export const findSupport = findIn(planSupportReferral);
export const findWarningSign = findIn(planWarningSign);

export async function findAction(record: ParticipantRecord, id: string): Promise<ActionRow | undefined> {
  const [row] = await record.tx
    .select({ action: planAction, ownerName: staffAccount.fullName })
    .from(planAction)
    .leftJoin(staffAccount, eq(staffAccount.id, planAction.ownerStaffId))
    .where(and(eq(planAction.id, id), eq(planAction.participantId, record.participantId)));
  return row ? { ...row.action, ownerName: row.ownerName } : undefined;
}

export const addGoal = (record: ParticipantRecord, clock: Clock, form: GoalForm) =>
  addSimple(record, clock, planGoal, form);
export const addSupport = (record: ParticipantRecord, clock: Clock, form: SupportForm) =>
  addSimple(record, clock, planSupportReferral, form);
export const addWarningSign = (record: ParticipantRecord, clock: Clock, form: WarningSignForm) =>
  addSimple(record, clock, planWarningSign, form);

export const updateGoal = (
  record: ParticipantRecord,
  clock: Clock,
  id: string,
  form: GoalForm,
  basedOn: number,
) => updateVersioned(record, clock, planGoal, id, basedOn, form, () => findGoal(record, id));
export const updateSupport = (
  record: ParticipantRecord,
  clock: Clock,
  id: string,
  form: SupportForm,
  basedOn: number,
) => updateVersioned(record, clock, planSupportReferral, id, basedOn, form, () => findSupport(record, id));
export const updateWarningSign = (
  record: ParticipantRecord,
  clock: Clock,
  id: string,
  form: WarningSignForm,
  basedOn: number,
) => updateVersioned(record, clock, planWarningSign, id, basedOn, form, () => findWarningSign(record, id));

/** The owner must be on the care team now (or already own it); the goal must be this plan's. */
async function checkAction(
  record: ParticipantRecord,
  planId: string,
  form: ActionForm,
  existing?: ActionRow,
): Promise<EditOutcome<never> | undefined> {
  if (form.ownerStaffId && form.ownerStaffId !== existing?.ownerStaffId) {
    const team = await careTeam(record);
    if (!team.some((member) => member.staffId === form.ownerStaffId))
      return { kind: "invalid", field: "ownerStaffId", message: "validation.plan.ownerStaff" };
  }
  if (form.goalId) {
    const goal = await findGoal(record, form.goalId);
    if (!goal || goal.planId !== planId)
      return { kind: "invalid", field: "goalId", message: "validation.plan.goalLink" };
  }
  return undefined;
}

/** Done actions remember when they were done, for the timeline. */
const completion = (clock: Clock, form: ActionForm, existing?: ActionRow) => ({
  completedAt:
    form.status === "done" ? (existing?.status === "done" ? existing.completedAt : clock.now()) : null,
});

export async function addAction(
  record: ParticipantRecord,
  clock: Clock,
  form: ActionForm,
): Promise<{ kind: "saved" } | { kind: "no_plan" } | EditOutcome<never>> {
  const plan = await findPlan(record);
  if (!plan) return { kind: "no_plan" };
  const invalid = await checkAction(record, plan.id, form);
  if (invalid) return invalid;
  const now = clock.now();
  await record.tx.insert(planAction).values({
    ...owned(record),
    planId: plan.id,
    ...form,
    ...completion(clock, form),
    createdAt: now,
    updatedAt: now,
  });
  await touchPlan(record, clock, plan.id);
  return { kind: "saved" };
}

export async function updateAction(
  record: ParticipantRecord,
  clock: Clock,
  id: string,
  form: ActionForm,
  basedOn: number,
): Promise<EditOutcome<ActionRow>> {
  const existing = await findAction(record, id);
  if (!existing) return { kind: "not_found" };
  const invalid = await checkAction(record, existing.planId, form, existing);
  if (invalid) return invalid;
  return updateVersioned(
    record,
    clock,
    planAction,
    id,
    basedOn,
    { ...form, ...completion(clock, form, existing) },
    () => findAction(record, id),
  );
}

export async function saveContingency(
  record: ParticipantRecord,
  clock: Clock,
  form: ContingencyForm,
  basedOn: number,
): Promise<EditOutcome<SupportPlanRow>> {
  const updated = await record.tx
    .update(supportPlan)
    .set({
      contingencyText: form.contingencyText,
      contingencyAlternatives: form.alternatives,
      checkBackDate: form.checkBackDate,
      contingencyVersion: sql`${supportPlan.contingencyVersion} + 1`,
      version: sql`${supportPlan.version} + 1`,
      updatedAt: clock.now(),
    })
    .where(
      and(eq(supportPlan.participantId, record.participantId), eq(supportPlan.contingencyVersion, basedOn)),
    )
    .returning();
  if (updated[0]) return { kind: "saved", row: updated[0] };
  const current = await findPlan(record);
  return current ? { kind: "stale", current } : { kind: "not_found" };
}

export type AgreeOutcome =
  | { kind: "saved"; number: number }
  | { kind: "stale" }
  | { kind: "invalid"; field: "agreedBy"; message: "validation.plan.agreedBy" }
  | { kind: "not_found" };

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
  if (!view) return { kind: "not_found" };
  if (view.plan.version !== basedOn) return { kind: "stale" };
  const team = await careTeam(record);
  const present = team.filter((member) => form.agreedBy.includes(member.staffId));
  if (present.length !== new Set(form.agreedBy).size)
    return { kind: "invalid", field: "agreedBy", message: "validation.plan.agreedBy" };
  // Taking the plan's row lock with its version check makes two agreements at once queue, not clash.
  const locked = await record.tx
    .update(supportPlan)
    .set({ version: sql`${supportPlan.version} + 1`, updatedAt: clock.now() })
    .where(and(eq(supportPlan.id, view.plan.id), eq(supportPlan.version, basedOn)))
    .returning({ id: supportPlan.id });
  if (locked.length === 0) return { kind: "stale" };
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
  return { kind: "saved", number };
}

/** One agreed version with the one before it, for "what changed". */
export async function agreedVersion(record: ParticipantRecord, number: number) {
  const rows = await record.tx
    .select()
    .from(supportPlanVersion)
    .where(
      and(
        eq(supportPlanVersion.participantId, record.participantId),
        inArray(supportPlanVersion.number, [number, number - 1]),
      ),
    );
  const version = rows.find((row) => row.number === number);
  if (!version) return undefined;
  return { version, previous: rows.find((row) => row.number === number - 1)?.snapshot };
}

/**
 * The earliest open action's due date per participant, for the caseload page. It runs in the
 * caller's transaction and reads these participants' plans without the door: the caller must
 * already have opened these records through the door, or be computing caseload rows that the
 * access policy allows this person to see.
 */
export async function nextActionDue(tx: Transaction, participantIds: string[]): Promise<Map<string, string>> {
  if (participantIds.length === 0) return new Map();
  const rows = await tx
    .select({ participantId: planAction.participantId, due: min(planAction.dueDate) })
    .from(planAction)
    .where(
      and(
        inArray(planAction.participantId, participantIds),
        inArray(planAction.status, [...openActionStatuses]),
      ),
    )
    .groupBy(planAction.participantId);
  return new Map(rows.filter((row) => row.due).map((row) => [row.participantId, row.due!]));
}

/** Plan created, each agreed version, and each action done: nothing here is health information. */
export async function timelineEntries(record: ParticipantRecord, t: Translator): Promise<TimelineEntry[]> {
  const plan = await findPlan(record);
  if (!plan) return [];
  const href = `/participants/${record.participantId}/plan`;
  const [versions, done] = await Promise.all([
    record.tx
      .select({
        number: supportPlanVersion.number,
        agreedAt: supportPlanVersion.agreedAt,
        participantAgreement: supportPlanVersion.participantAgreement,
        reviewDate: supportPlanVersion.reviewDate,
      })
      .from(supportPlanVersion)
      .where(eq(supportPlanVersion.planId, plan.id)),
    record.tx
      .select({ description: planAction.description, completedAt: planAction.completedAt })
      .from(planAction)
      .where(
        and(eq(planAction.planId, plan.id), eq(planAction.status, "done"), isNotNull(planAction.completedAt)),
      ),
  ]);
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
