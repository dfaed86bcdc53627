import { and, desc, eq, inArray, isNull, lt, ne, or } from "drizzle-orm";
import { onRecord } from "../../platform/access/on-record";
import type { AccessBasis } from "../../platform/access/policy";
import { auditEvent } from "../../platform/audit/table";
import type { Executor } from "../../platform/db";
import { staffAccount } from "../../platform/directory/schema";
import { emergencyAccessGrant } from "../participants/schema";

export type AccessLogEntry = {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  /** The role the person had when they opened the record. */
  actorRole: string | null;
  /** `participant.read` or `participant.write`. */
  action: string;
  /** What was looked at or changed: the door's `what` (summary, contacts, timeline …). */
  what: string | null;
  basis: AccessBasis | null;
  outcome: "succeeded" | "failed" | "refused";
  /** The reason stated (emergency access), or why the attempt was refused. */
  reason: string | null;
};

export type AccessLogPage = { entries: AccessLogEntry[]; nextCursor?: string };

const bases: readonly string[] = ["care_team", "team_leader", "emergency"] satisfies AccessBasis[];

/**
 * Who opened one participant's record, newest first, refused attempts included, paged by keyset
 * over the partitioned audit trail (the subject index makes every page cost the same).
 *
 * Staff callers must hold the record open through the door first, so reading the log is itself
 * in the log. The participant portal, later, shows each entry's role and date only.
 */
export async function participantAccessLog(
  executor: Executor,
  participantId: string,
  options: {
    before?: string;
    limit: number;
    /** Leaves out one role's entries: the participant's own visits on their "who has seen my record". */
    excludeRole?: string;
  },
): Promise<AccessLogPage> {
  const [cursorTime, cursorId] = options.before ? options.before.split("_") : [];
  const before =
    cursorTime && cursorId ? { occurredAt: new Date(cursorTime), id: Number(cursorId) } : undefined;
  const rows = await executor
    .select({
      id: auditEvent.id,
      at: auditEvent.occurredAt,
      actorId: auditEvent.actorId,
      actorName: staffAccount.fullName,
      actorRole: auditEvent.actorRole,
      action: auditEvent.action,
      outcome: auditEvent.outcome,
      reason: auditEvent.reason,
      detail: auditEvent.detail,
    })
    .from(auditEvent)
    .leftJoin(staffAccount, eq(staffAccount.id, auditEvent.actorId))
    .where(
      and(
        eq(auditEvent.subjectType, "participant"),
        eq(auditEvent.subjectId, participantId),
        options.excludeRole
          ? or(isNull(auditEvent.actorRole), ne(auditEvent.actorRole, options.excludeRole))
          : undefined,
        before
          ? or(
              lt(auditEvent.occurredAt, before.occurredAt),
              and(eq(auditEvent.occurredAt, before.occurredAt), lt(auditEvent.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
    .limit(options.limit + 1);
  const entries = rows.slice(0, options.limit).map(({ detail, ...row }): AccessLogEntry => {
    const what = typeof detail.what === "string" ? detail.what : null;
    const basis = typeof detail.basis === "string" && bases.includes(detail.basis) ? detail.basis : null;
    return { ...row, what, basis: basis as AccessBasis | null };
  });
  await fillEmergencyReasons(executor, participantId, entries);
  const last = entries.at(-1);
  return {
    entries,
    nextCursor: rows.length > options.limit && last ? `${last.at.toISOString()}_${last.id}` : undefined,
  };
}

/**
 * An emergency opening's reason is stated once, when access is granted: each such entry shows
 * the reason of the grant that was in force at the time.
 */
async function fillEmergencyReasons(executor: Executor, participantId: string, entries: AccessLogEntry[]) {
  const emergencies = entries.filter(
    (entry) =>
      (entry.basis === "emergency" || entry.action === "participant.emergency_access") &&
      !entry.reason &&
      entry.actorId,
  );
  if (emergencies.length === 0) return;
  const grants = await executor
    .select({
      staffId: emergencyAccessGrant.staffId,
      reason: emergencyAccessGrant.reason,
      grantedAt: emergencyAccessGrant.grantedAt,
      expiresAt: emergencyAccessGrant.expiresAt,
    })
    .from(emergencyAccessGrant)
    .where(
      onRecord(
        { participantId },
        emergencyAccessGrant,
        inArray(emergencyAccessGrant.staffId, [...new Set(emergencies.map((entry) => entry.actorId!))]),
      ),
    );
  for (const entry of emergencies) {
    const grant = grants.find(
      (candidate) =>
        candidate.staffId === entry.actorId &&
        candidate.grantedAt.getTime() <= entry.at.getTime() &&
        entry.at.getTime() < candidate.expiresAt.getTime(),
    );
    if (grant) entry.reason = grant.reason;
  }
}
