import { and, desc, eq, lt, or } from "drizzle-orm";
import type { AccessBasis } from "../../platform/access/policy";
import { auditEvent } from "../../platform/audit/table";
import type { Executor } from "../../platform/db";
import { staffAccount } from "../../platform/directory/schema";

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
  options: { before?: string; limit: number },
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
  const last = entries.at(-1);
  return {
    entries,
    nextCursor: rows.length > options.limit && last ? `${last.at.toISOString()}_${last.id}` : undefined,
  };
}
