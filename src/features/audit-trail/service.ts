import { desc, eq, inArray, sql } from "drizzle-orm";
import { type AuditSearch, searchAuditEvents } from "../../platform/audit/service";
import { auditSeal } from "../../platform/audit/table";
import type { Executor } from "../../platform/db";
import { staffAccount } from "../../platform/directory/schema";
import type { AuditFilter } from "./schema";

const DAY_MS = 86_400_000;

/** Turns the form's filter into a search, defaulting to the last 30 days so months stay pruned. */
export function toAuditSearch(filter: AuditFilter, now: Date): AuditSearch {
  const to = filter.to ? new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS) : undefined;
  const from = filter.from ? new Date(`${filter.from}T00:00:00Z`) : new Date(now.getTime() - 30 * DAY_MS);
  const [cursorTime, cursorId] = filter.before ? filter.before.split("_") : [];
  return {
    from,
    to,
    action: filter.action,
    actorId: filter.actorId,
    subjectType: filter.subjectType,
    subjectId: filter.subjectId,
    outcome: filter.outcome,
    before: cursorTime && cursorId ? { occurredAt: new Date(cursorTime), id: Number(cursorId) } : undefined,
    limit: filter.limit + 1,
  };
}

export type AuditPage = Awaited<ReturnType<typeof auditTrailPage>>;

/**
 * Actions whose reason was written by a member of staff about a participant. Events written before
 * decision 61 still hold that text in the (unchangeable) chain; the audit trail, which admins read,
 * shows that a reason was given and where it is kept, never the words.
 */
export const REASONS_KEPT_WITH_THE_RECORD = new Set(["participant.emergency_access"]);

export function reasonShownToAdmins(event: { action: string; reason: string | null }): string | null {
  return REASONS_KEPT_WITH_THE_RECORD.has(event.action) ? null : event.reason;
}

/** One page of events with the names of the staff involved, and the cursor for the next page. */
export async function auditTrailPage(executor: Executor, filter: AuditFilter, now: Date) {
  const rows = await searchAuditEvents(executor, toAuditSearch(filter, now));
  const events = rows.slice(0, filter.limit);
  const actorIds = [
    ...new Set(events.map((event) => event.actorId).filter((id): id is string => id !== null)),
  ];
  const names = actorIds.length
    ? await executor
        .select({ id: staffAccount.id, fullName: staffAccount.fullName, email: staffAccount.email })
        .from(staffAccount)
        .where(inArray(staffAccount.id, actorIds))
    : [];
  const actors = new Map(names.map((row) => [row.id, { name: row.fullName, email: row.email }]));
  const last = events.at(-1);
  return {
    events: events.map((event) => ({
      ...event,
      reason: reasonShownToAdmins(event),
      actor: event.actorId ? actors.get(event.actorId) : undefined,
    })),
    nextCursor:
      rows.length > filter.limit && last ? `${last.occurredAt.toISOString()}_${last.id}` : undefined,
  };
}

/** The staff account an email belongs to, for filtering by person without knowing their identifier. */
export async function staffIdByEmail(executor: Executor, email: string) {
  const [row] = await executor
    .select({ id: staffAccount.id })
    .from(staffAccount)
    .where(eq(sql`lower(${staffAccount.email})`, email));
  return row?.id;
}

/** The latest seal: how far the chain reaches, for the page's status line. */
export async function chainStatus(executor: Executor) {
  const [head] = await executor.select().from(auditSeal).orderBy(desc(auditSeal.batchId)).limit(1);
  return head ? { lastSealedSeq: head.lastSeq, sealedAt: head.sealedAt } : undefined;
}

export async function staffName(executor: Executor, staffId: string) {
  const [row] = await executor
    .select({ fullName: staffAccount.fullName })
    .from(staffAccount)
    .where(eq(staffAccount.id, staffId));
  return row?.fullName;
}
