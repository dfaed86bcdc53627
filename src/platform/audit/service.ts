import { and, asc, desc, eq, gte, isNull, lt, or, sql } from "drizzle-orm";
import type { Clock } from "../clock";
import { type Database, type Executor, preparedRowsOf, rowsOf } from "../db";
import type { AuditAction } from "./actions";
import { type AnchorKey, sealAnchor } from "./anchor";
import { GENESIS_HASH, linkHash } from "./chain";
import { type AuditDetail, type AuditEventRow, auditEvent, auditSeal } from "./table";

export { type ChainVerdict, verifyAuditChain } from "./verify";
export type { AuditAction, AuditDetail };

export type AuditActor = { id: string; role: string };
export type AuditOutcome = "succeeded" | "failed" | "refused";

export type AuditEventInput = {
  actor: AuditActor | null;
  /** What was attempted, as `area.verb`: `sign_in`, `staff.invite`, `participant.read`. */
  action: AuditAction;
  subject?: { type: string; id: string };
  organisationId?: string | null;
  ipAddress?: string | null;
  outcome: AuditOutcome;
  reason?: string | null;
  /** Identifiers and flags only: never names, notes or anything else a participant said. */
  detail?: AuditDetail;
};

export class AuditUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The audit trail could not be written, so the action was not carried out.", { cause });
  }
}

/**
 * Appends one event. Called inside the transaction of the action it records, so that if the
 * event cannot be written the action rolls back with it: the audit fails closed.
 */
export async function recordAuditEvent(
  executor: Executor,
  clock: Clock,
  event: AuditEventInput,
): Promise<void> {
  try {
    // Prepared once per connection: nearly every request writes one of these.
    await preparedRowsOf(
      executor,
      sql`insert into ${auditEvent} (id, occurred_at, actor_id, actor_role, action, subject_type, subject_id,
          organisation_id, ip_address, outcome, reason, detail)
        values (nextval('audit_event_id_seq'), ${clock.now().toISOString()}::timestamptz,
          ${event.actor?.id ?? null}::uuid, ${event.actor?.role ?? null}::text, ${event.action}::text,
          ${event.subject?.type ?? null}::text, ${event.subject?.id ?? null}::text,
          ${event.organisationId ?? null}::uuid, ${event.ipAddress ?? null}::text, ${event.outcome}::text,
          ${event.reason ?? null}::text, ${JSON.stringify(event.detail ?? {})}::jsonb)`,
    );
  } catch (error) {
    throw new AuditUnavailableError(error);
  }
}

// One sealer at a time across every app node; writers never take this lock.
const SEALER_LOCK_KEY = 7_204_114;

/**
 * Seals events written since the last batch into the hash chain, in the order the sealer sees
 * them committed. Returns how many were sealed (0 if another node holds the sealer lock).
 */
export async function sealPendingEvents(
  db: Database,
  clock: Clock,
  batchSize = 2000,
  anchorKey: AnchorKey | null = null,
  onSealed?: (head: SealedHead) => void,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await rowsOf<{ acquired: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${SEALER_LOCK_KEY}) as acquired`,
    );
    if (!lock?.acquired) return 0;
    const pending = await tx
      .select()
      .from(auditEvent)
      .where(isNull(auditEvent.hash))
      .orderBy(asc(auditEvent.id))
      .limit(batchSize);
    if (pending.length === 0) return 0;
    const [head] = await tx.select().from(auditSeal).orderBy(desc(auditSeal.batchId)).limit(1);
    let previousHash = head?.lastHash ?? GENESIS_HASH;
    let chainSeq = head?.lastSeq ?? 0;
    const firstSeq = chainSeq + 1;
    const ids: number[] = [];
    const seqs: number[] = [];
    const hashes: string[] = [];
    for (const event of pending) {
      chainSeq += 1;
      previousHash = linkHash(previousHash, chainSeq, event);
      ids.push(event.id);
      seqs.push(chainSeq);
      hashes.push(previousHash);
    }
    await tx.execute(sql`
      update audit_event as event
      set chain_seq = sealed.seq, hash = sealed.hash
      from (
        select unnest(${`{${ids.join(",")}}`}::bigint[]) as id,
               unnest(${`{${seqs.join(",")}}`}::bigint[]) as seq,
               unnest(${`{${hashes.join(",")}}`}::text[]) as hash
      ) as sealed
      where event.id = sealed.id and event.hash is null`);
    const sealed = { firstSeq, lastSeq: chainSeq, lastHash: previousHash };
    const anchor = anchorKey ? sealAnchor(anchorKey.key, sealed) : null;
    await tx.insert(auditSeal).values({
      batchId: sql`nextval('audit_seal_batch_id_seq')` as unknown as number,
      ...sealed,
      sealedAt: clock.now(),
      anchor,
      anchorKeyId: anchorKey?.id ?? null,
    });
    onSealed?.({ ...sealed, anchor });
    return pending.length;
  });
}

/** Creates this month's partition and the next few; the default partition catches anything else. */
export async function ensureAuditPartitions(db: Database, clock: Clock, monthsAhead = 3): Promise<void> {
  const today = clock.now().toISOString().slice(0, 10);
  await db.execute(sql`select audit_ensure_partitions(${today}::date, ${monthsAhead})`);
}

/** What the sealer writes to the log after each batch: hashes and positions, never an event. */
export type SealedHead = { firstSeq: number; lastSeq: number; lastHash: string; anchor: string | null };

type Logger = { error(details: object, message: string): void; info(details: object, message: string): void };

/** Seals on an interval in the background; returns a function that stops it and seals once more. */
export function startAuditSealer(
  db: Database,
  clock: Clock,
  intervalMs: number,
  logger: Logger,
  anchorKey: AnchorKey | null = null,
) {
  // The head goes to the log, which lives outside the database: `audit verify --anchor-log` later
  // checks the chain still has these hashes at these places (decision 60).
  const logHead = (head: SealedHead) => logger.info({ auditSeal: head }, "audit trail sealed");
  const seal = () => sealPendingEvents(db, clock, 2000, anchorKey, logHead);
  let running: Promise<unknown> = Promise.resolve();
  let lastPartitionDay = "";
  const tick = () => {
    running = (async () => {
      const day = clock.now().toISOString().slice(0, 10);
      if (day !== lastPartitionDay) {
        await ensureAuditPartitions(db, clock);
        lastPartitionDay = day;
      }
      while ((await seal()) > 0) {
        // Keep going until caught up.
      }
    })().catch((error: unknown) => logger.error({ err: error }, "audit sealer failed; will retry"));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
    await seal().catch(() => 0);
  };
}

export type AuditSearch = {
  from?: Date;
  to?: Date;
  actorId?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  outcome?: AuditOutcome;
  /** Keyset cursor: the last row of the previous page. */
  before?: { occurredAt: Date; id: number };
  limit: number;
};

/**
 * Newest first, paged by keyset so the hundredth page costs the same as the first, and bounded
 * by date so PostgreSQL only reads the months asked for.
 */
export async function searchAuditEvents(executor: Executor, search: AuditSearch): Promise<AuditEventRow[]> {
  const conditions = [
    search.from ? gte(auditEvent.occurredAt, search.from) : undefined,
    search.to ? lt(auditEvent.occurredAt, search.to) : undefined,
    search.actorId ? eq(auditEvent.actorId, search.actorId) : undefined,
    search.action ? eq(auditEvent.action, search.action) : undefined,
    search.subjectType ? eq(auditEvent.subjectType, search.subjectType) : undefined,
    search.subjectId ? eq(auditEvent.subjectId, search.subjectId) : undefined,
    search.outcome ? eq(auditEvent.outcome, search.outcome) : undefined,
    search.before
      ? or(
          lt(auditEvent.occurredAt, search.before.occurredAt),
          and(eq(auditEvent.occurredAt, search.before.occurredAt), lt(auditEvent.id, search.before.id)),
        )
      : undefined,
  ];
  return executor
    .select()
    .from(auditEvent)
    .where(and(...conditions))
    .orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
    .limit(search.limit);
}
