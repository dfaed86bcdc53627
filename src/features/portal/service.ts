import { eq } from "drizzle-orm";
import type { OwnRecord } from "../../platform/access/own-record";
import type { Clock } from "../../platform/clock";
import type { Executor } from "../../platform/db";
import { organisation } from "../../platform/directory/schema";
import { alertsAboutMe } from "../monitoring/service";
import type { ConsentPurpose } from "../participants/schema";
import {
  changeParticipation,
  consentHistory,
  currentConsents,
  participantDetails,
  recordConsent,
  stageMovesOffered,
} from "../participants/service";
import { findAction, loadPlan, today, updateAction } from "../plans/service";
import { participantAccessLog } from "../timeline/service";
import { actionsDueSoon } from "./rules";

// The participant's own pages: what they see of their record and the few things they change
// themselves. Each function takes the record they opened through their own door.

export async function homeFor(record: OwnRecord, clock: Clock) {
  const details = await participantDetails(record);
  const plan = await loadPlan(record);
  const mine = (plan?.actions ?? []).filter((action) => action.ownerKind === "participant");
  return {
    givenName: details.givenName,
    dueSoon: actionsDueSoon(mine, today(clock)),
    alerts: await alertsAboutMe(record, clock.now()),
  };
}

export async function planFor(record: OwnRecord) {
  const plan = await loadPlan(record);
  if (!plan) return undefined;
  return {
    goals: plan.goals,
    mine: plan.actions.filter((action) => action.ownerKind === "participant"),
    // Staff-owned actions show the owner's role-free description only: names stay on the staff side.
    others: plan.actions.filter((action) => action.ownerKind !== "participant"),
    supports: plan.supports,
    warningSigns: plan.warningSigns,
    contingency: {
      text: plan.plan.contingencyText,
      alternatives: plan.plan.contingencyAlternatives,
      checkBackDate: plan.plan.checkBackDate,
    },
    reviewDate: plan.versions[0]?.reviewDate ?? null,
  };
}

export type MarkDoneOutcome = "done" | "stale" | "not_yours" | "not_found";

/**
 * Marks one of the person's own actions done, with the plans feature's own edit (so the plan's
 * version moves on and the timeline shows it). Actions owned by anyone else are not theirs to close.
 */
export async function markOwnActionDone(
  record: OwnRecord,
  clock: Clock,
  actionId: string,
  basedOn: number,
): Promise<MarkDoneOutcome> {
  const action = await findAction(record, actionId);
  if (!action) return "not_found";
  if (action.ownerKind !== "participant") return "not_yours";
  if (action.status === "done") return "done";
  const outcome = await updateAction(
    record,
    clock,
    actionId,
    {
      description: action.description,
      ownerKind: action.ownerKind,
      ownerStaffId: action.ownerStaffId,
      dueDate: action.dueDate,
      goalId: action.goalId,
      status: "done",
    },
    basedOn,
  );
  return outcome.kind === "saved" ? "done" : outcome.kind === "stale" ? "stale" : "not_found";
}

export async function consentsFor(record: OwnRecord) {
  const history = await consentHistory(record);
  const details = await participantDetails(record);
  return {
    history,
    current: currentConsents(history),
    stage: details.stage,
    version: details.version,
    changes: await stageMovesOffered(record),
  };
}

/** Withdrawn from this moment: the access policy reads consent live. */
export async function withdrawOwnConsent(record: OwnRecord, clock: Clock, purpose: ConsentPurpose) {
  const current = currentConsents(await consentHistory(record))[purpose];
  if (current?.decision !== "given") return "not_given" as const;
  await recordConsent(
    record,
    clock,
    { purpose, decision: "withdrawn", scope: [], method: "portal", note: null },
    true,
  );
  return "withdrawn" as const;
}

export { changeParticipation };

/** Whether this organisation shows participants the names of staff who opened their record. */
export async function showsStaffNames(executor: Executor, organisationId: string): Promise<boolean> {
  const [row] = await executor
    .select({ show: organisation.showStaffNamesToParticipants })
    .from(organisation)
    .where(eq(organisation.id, organisationId));
  return row?.show ?? false;
}

export type RecordAccessEntry = { at: Date; role: string | null; name: string | null; changed: boolean };

/**
 * Who opened the person's record, from the audit trail: role and date, and a name only where the
 * organisation chose to show names. Their own visits and refused attempts are left out.
 */
export async function recordAccessFor(record: OwnRecord, before?: string) {
  const showNames = await showsStaffNames(record.tx, record.organisationId);
  const page = await participantAccessLog(record.tx, record.participantId, {
    before,
    limit: 50,
    excludeRole: "participant",
  });
  const entries: RecordAccessEntry[] = page.entries
    .filter((entry) => entry.outcome === "succeeded")
    .map((entry) => ({
      at: entry.at,
      role: entry.actorRole,
      name: showNames ? entry.actorName : null,
      changed: entry.action === "participant.write",
    }));
  return { entries, nextCursor: page.nextCursor, showNames };
}
