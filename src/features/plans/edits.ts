import { eq, sql } from "drizzle-orm";
import { onRecord } from "../../platform/access/on-record";
import type { RecordScope } from "../../platform/access/own-record";
import type { Clock } from "../../platform/clock";
import { staffAccount } from "../../platform/directory/schema";
import type { ActionForm, ContingencyForm, GoalForm, SupportForm, WarningSignForm } from "./forms";
import { planAction, planGoal, planSupportReferral, planWarningSign, supportPlan } from "./schema";
import { type ActionRow, careTeam, type EditOutcome, findPlan, owned, type SupportPlanRow } from "./service";

// Changes to the plan's parts. Each edit carries the version it was based on; each change of any
// part also moves the plan's own version on, so an agreement is always of the plan as seen.

/** Every change to any part of the plan moves the plan's own version on. */
async function touchPlan(record: RecordScope, clock: Clock, planId: string) {
  await record.tx
    .update(supportPlan)
    .set({ version: sql`${supportPlan.version} + 1`, updatedAt: clock.now() })
    .where(eq(supportPlan.id, planId));
}

// Goals, supports and warning signs share the same add and edit steps.
type SimpleItem = typeof planGoal | typeof planSupportReferral | typeof planWarningSign;

async function addSimple(
  record: RecordScope,
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
  record: RecordScope,
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
    .where(onRecord(record, table, eq(table.id, id), eq(table.version, basedOn)))
    .returning({ id: table.id });
  const row = await find();
  if (!row) return { kind: "not_found" };
  if (updated.length === 0) return { kind: "stale", current: row };
  await touchPlan(record, clock, row.planId);
  return { kind: "saved", row };
}

const findIn =
  <Table extends SimpleItem>(table: Table) =>
  async (record: RecordScope, id: string) => {
    const [row] = await record.tx
      .select()
      .from(table as SimpleItem)
      .where(onRecord(record, table, eq(table.id, id)));
    return row as Table["$inferSelect"] | undefined;
  };

export const findGoal = findIn(planGoal);
export const findSupport = findIn(planSupportReferral);
export const findWarningSign = findIn(planWarningSign);

export async function findAction(record: RecordScope, id: string): Promise<ActionRow | undefined> {
  const [row] = await record.tx
    .select({ action: planAction, ownerName: staffAccount.fullName })
    .from(planAction)
    .leftJoin(staffAccount, eq(staffAccount.id, planAction.ownerStaffId))
    .where(onRecord(record, planAction, eq(planAction.id, id)));
  return row ? { ...row.action, ownerName: row.ownerName } : undefined;
}

export const addGoal = (record: RecordScope, clock: Clock, form: GoalForm) =>
  addSimple(record, clock, planGoal, form);
export const addSupport = (record: RecordScope, clock: Clock, form: SupportForm) =>
  addSimple(record, clock, planSupportReferral, form);
export const addWarningSign = (record: RecordScope, clock: Clock, form: WarningSignForm) =>
  addSimple(record, clock, planWarningSign, form);

export const updateGoal = (record: RecordScope, clock: Clock, id: string, form: GoalForm, basedOn: number) =>
  updateVersioned(record, clock, planGoal, id, basedOn, form, () => findGoal(record, id));
export const updateSupport = (
  record: RecordScope,
  clock: Clock,
  id: string,
  form: SupportForm,
  basedOn: number,
) => updateVersioned(record, clock, planSupportReferral, id, basedOn, form, () => findSupport(record, id));
export const updateWarningSign = (
  record: RecordScope,
  clock: Clock,
  id: string,
  form: WarningSignForm,
  basedOn: number,
) => updateVersioned(record, clock, planWarningSign, id, basedOn, form, () => findWarningSign(record, id));

/** The owner must be on the care team now (or already own it); the goal must be this plan's. */
async function checkAction(
  record: RecordScope,
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
  record: RecordScope,
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
  record: RecordScope,
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
  record: RecordScope,
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
    .where(onRecord(record, supportPlan, eq(supportPlan.contingencyVersion, basedOn)))
    .returning();
  if (updated[0]) return { kind: "saved", row: updated[0] };
  const current = await findPlan(record);
  return current ? { kind: "stale", current } : { kind: "not_found" };
}
