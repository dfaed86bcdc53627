import { and, asc, desc, eq, gte, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { ParticipantList, ParticipantRecord } from "../../../platform/access/door";
import { onRecord } from "../../../platform/access/on-record";
import type { RecordScope } from "../../../platform/access/own-record";
import { hasPermission } from "../../../platform/access/roles";
import type { Executor } from "../../../platform/db";
import {
  organisation,
  type StaffRole,
  staffAccount,
  teamMembership,
} from "../../../platform/directory/schema";
import type { Translator } from "../../../platform/web/i18n";
import type { TimelineEntry } from "../../../platform/web/timeline";
import { careTeamMember } from "../../participants/schema";
import { queueAlertEmails } from "./notifications";
import {
  type AlertAction,
  type AlertAudience,
  type AlertEvidence,
  type AlertRule,
  participantAlert,
} from "./schema";

/** The care-team roles that make someone one of "the clinicians on the care team". */
export const clinicalCareTeamRoles = ["clinician", "care_coordinator", "general_practitioner"] as const;

/**
 * Which alerts a role is shown. Clinical alerts only reach roles that may read clinical
 * information; employment alerts reach the employment side; a team leader sees both.
 */
export function audiencesFor(role: StaffRole): AlertAudience[] {
  const clinical = hasPermission(role, "participant.read_clinical");
  if (clinical && hasPermission(role, "team.view_caseloads"))
    return ["clinical", "employment", "both", "team_leader"];
  if (clinical) return ["clinical", "both"];
  if (hasPermission(role, "participant.read")) return ["employment", "both"];
  return [];
}

/**
 * PHQ-9 item 9 above zero: an urgent clinical alert in the same transaction as the response,
 * routed to the clinicians on the care team (never only to the employment specialist). With no
 * clinician on the care team the team leader still sees it, and the alert says nobody was named.
 */
export async function raiseSafetyAlert(
  record: RecordScope,
  rule: AlertRule,
  evidence: AlertEvidence,
  now: Date,
) {
  const clinicians = await record.tx
    .select({ staffId: careTeamMember.staffId })
    .from(careTeamMember)
    .where(
      onRecord(
        record,
        careTeamMember,
        isNull(careTeamMember.removedAt),
        inArray(careTeamMember.careTeamRole, [...clinicalCareTeamRoles]),
      ),
    );
  const [row] = await record.tx
    .insert(participantAlert)
    .values({
      organisationId: record.organisationId,
      participantId: record.participantId,
      rule,
      // The same key the rule gives it (rules/rules.ts), so the sweep never raises it a second time.
      ruleKey: evidence.assessmentResponseId ? `response:${evidence.assessmentResponseId}` : "",
      severity: "urgent",
      audience: "clinical",
      evidence,
      routedTo: [...new Set(clinicians.map((clinician) => clinician.staffId))],
      raisedAt: now,
    })
    .returning();
  await queueAlertEmails(record.tx, { now: () => now }, [row!], "raised");
  return row!;
}

/**
 * Break-glass was used on this record: the team leaders of the participant's team are told at
 * once, in the same transaction as the grant, so an emergency opening is never unseen.
 */
export async function raiseEmergencyAccessNotice(
  tx: Executor,
  grant: { id: string; organisationId: string; participantId: string; teamId: string },
  now: Date,
) {
  const leaders = await tx
    .selectDistinct({ staffId: staffAccount.id })
    .from(staffAccount)
    .innerJoin(teamMembership, eq(teamMembership.staffId, staffAccount.id))
    .where(
      and(
        eq(teamMembership.teamId, grant.teamId),
        eq(staffAccount.role, "team_leader"),
        eq(staffAccount.status, "active"),
      ),
    );
  const [notice] = await tx
    .insert(participantAlert)
    .values({
      organisationId: grant.organisationId,
      participantId: grant.participantId,
      rule: "emergency_access",
      severity: "warning",
      audience: "team_leader",
      evidence: { emergencyGrantId: grant.id },
      routedTo: leaders.map((leader) => leader.staffId),
      raisedAt: now,
    })
    .returning();
  await queueAlertEmails(tx, { now: () => now }, [notice!], "raised");
}

const staffName = sql<
  string | null
>`(select ${staffAccount.fullName} from ${staffAccount} where ${staffAccount.id} = ${participantAlert.acknowledgedBy})`;
const resolverName = sql<
  string | null
>`(select ${staffAccount.fullName} from ${staffAccount} where ${staffAccount.id} = ${participantAlert.resolvedBy})`;

const alertColumns = {
  id: participantAlert.id,
  participantId: participantAlert.participantId,
  rule: participantAlert.rule,
  severity: participantAlert.severity,
  audience: participantAlert.audience,
  status: participantAlert.status,
  evidence: participantAlert.evidence,
  routedTo: participantAlert.routedTo,
  raisedAt: participantAlert.raisedAt,
  acknowledgedAt: participantAlert.acknowledgedAt,
  acknowledgedByName: staffName,
  actionNote: participantAlert.actionNote,
  actionTaken: participantAlert.actionTaken,
  ruleKey: participantAlert.ruleKey,
  explanation: participantAlert.explanation,
  escalatedAt: participantAlert.escalatedAt,
  resolvedAt: participantAlert.resolvedAt,
  resolvedByName: resolverName,
  resolutionNote: participantAlert.resolutionNote,
  version: participantAlert.version,
};

export type AlertView = Awaited<ReturnType<typeof openAlertsFor>>[number];

/** The alerts still needing attention (open or acknowledged) that this reader may see on this record. */
export function openAlertsFor(record: ParticipantRecord) {
  const audiences = audiencesFor(record.actor.role);
  if (audiences.length === 0) return Promise.resolve([]);
  return record.tx
    .select(alertColumns)
    .from(participantAlert)
    .where(
      onRecord(
        record,
        participantAlert,
        ne(participantAlert.status, "resolved"),
        inArray(participantAlert.audience, audiences),
      ),
    )
    .orderBy(asc(participantAlert.status), desc(participantAlert.raisedAt));
}

/**
 * The same alerts as `openAlertsFor`, on several records of a list at once (the Alerts page), in
 * the same order within each record.
 */
export function openAlertsOn(list: ParticipantList, participantIds: readonly string[]) {
  const audiences = audiencesFor(list.actor.role);
  if (audiences.length === 0 || participantIds.length === 0) return Promise.resolve([]);
  return list.tx
    .select(alertColumns)
    .from(participantAlert)
    .where(
      and(
        inArray(participantAlert.participantId, [...participantIds]),
        ne(participantAlert.status, "resolved"),
        inArray(participantAlert.audience, audiences),
      ),
    )
    .orderBy(asc(participantAlert.status), desc(participantAlert.raisedAt));
}

/**
 * The alerts about this person that they see on their own pages: still open or acknowledged,
 * never those meant for the team leader alone, and no staff notes, names or evidence.
 */
export function alertsAboutMe(record: RecordScope, now: Date) {
  // Dealt-with alerts stay in view for a fortnight, so the person sees how it ended.
  const recentlyResolved = new Date(now.getTime() - 14 * 86_400_000);
  return record.tx
    .select({
      id: participantAlert.id,
      rule: participantAlert.rule,
      status: participantAlert.status,
      raisedAt: participantAlert.raisedAt,
      acknowledgedAt: participantAlert.acknowledgedAt,
      resolvedAt: participantAlert.resolvedAt,
    })
    .from(participantAlert)
    .where(
      onRecord(
        record,
        participantAlert,
        or(ne(participantAlert.status, "resolved"), gte(participantAlert.resolvedAt, recentlyResolved)),
        ne(participantAlert.audience, "team_leader"),
      ),
    )
    .orderBy(desc(participantAlert.raisedAt));
}

/** One alert on this record, if this reader may see it. */
export async function findAlert(record: ParticipantRecord, alertId: string) {
  const audiences = audiencesFor(record.actor.role);
  if (audiences.length === 0) return undefined;
  const [row] = await record.tx
    .select(alertColumns)
    .from(participantAlert)
    .where(
      onRecord(
        record,
        participantAlert,
        eq(participantAlert.id, alertId),
        inArray(participantAlert.audience, audiences),
      ),
    );
  return row;
}

export type AlertChange =
  | { kind: "saved" }
  | { kind: "not_found" }
  | { kind: "stale"; current: NonNullable<Awaited<ReturnType<typeof findAlert>>> }
  | { kind: "wrong_status" };

/** Acknowledge (recording what was done) or resolve, with optimistic concurrency on `version`. */
export async function changeAlert(
  record: ParticipantRecord,
  alertId: string,
  change:
    | { to: "acknowledged"; actionTaken: AlertAction; actionNote: string; version: number }
    | { to: "resolved"; resolutionNote: string; version: number },
  now: Date,
): Promise<AlertChange> {
  const current = await findAlert(record, alertId);
  if (!current) return { kind: "not_found" };
  if (current.version !== change.version) return { kind: "stale", current };
  if (current.status === "resolved" || (change.to === "acknowledged" && current.status !== "open"))
    return { kind: "wrong_status" };
  const fields =
    change.to === "acknowledged"
      ? {
          status: "acknowledged" as const,
          acknowledgedBy: record.actor.staffId,
          acknowledgedAt: now,
          actionTaken: change.actionTaken,
          actionNote: change.actionNote,
        }
      : {
          status: "resolved" as const,
          resolvedBy: record.actor.staffId,
          resolvedAt: now,
          resolutionNote: change.resolutionNote,
        };
  const [saved] = await record.tx
    .update(participantAlert)
    .set({ ...fields, version: sql`${participantAlert.version} + 1` })
    .where(and(eq(participantAlert.id, alertId), eq(participantAlert.version, change.version)))
    .returning({ id: participantAlert.id });
  if (!saved) return { kind: "stale", current: (await findAlert(record, alertId))! };
  return { kind: "saved" };
}

/** Alerts on the participant timeline, only those this reader may see. */
export async function timelineEntries(record: ParticipantRecord, t: Translator): Promise<TimelineEntry[]> {
  const audiences = audiencesFor(record.actor.role);
  if (audiences.length === 0) return [];
  const rows = await record.tx
    .select(alertColumns)
    .from(participantAlert)
    .where(onRecord(record, participantAlert, inArray(participantAlert.audience, audiences)));
  const href = (id: string) => `/participants/${record.participantId}/alerts/${id}`;
  return rows.flatMap((row) => [
    {
      at: row.raisedAt,
      category: "alert" as const,
      title: t.t(`alerts.raised.${row.rule}`),
      href: href(row.id),
    },
    ...(row.acknowledgedAt
      ? [
          {
            at: row.acknowledgedAt,
            category: "alert" as const,
            title: t.t("alerts.timeline.acknowledged"),
            detail: row.actionNote ?? undefined,
            href: href(row.id),
          },
        ]
      : []),
    ...(row.resolvedAt
      ? [
          {
            at: row.resolvedAt,
            category: "alert" as const,
            title: t.t("alerts.timeline.resolved"),
            detail: row.resolutionNote ?? undefined,
            href: href(row.id),
          },
        ]
      : []),
  ]);
}

/** The names of the people an alert was routed to, for the alert's page. */
export async function staffNames(executor: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await executor
    .select({ fullName: staffAccount.fullName })
    .from(staffAccount)
    .where(inArray(staffAccount.id, [...ids]))
    .orderBy(asc(staffAccount.fullName));
  return rows.map((row) => row.fullName);
}

/** The participant an alert is about, for the link in a notification email; nothing else. */
export async function alertParticipant(executor: Executor, alertId: string): Promise<string | undefined> {
  const [row] = await executor
    .select({ participantId: participantAlert.participantId })
    .from(participantAlert)
    .where(eq(participantAlert.id, alertId));
  return row?.participantId;
}
