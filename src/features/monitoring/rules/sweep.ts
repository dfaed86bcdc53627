import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { withSystemAccess } from "../../../platform/access/system";
import type { Clock } from "../../../platform/clock";
import { type Database, rowsOf } from "../../../platform/db";
import { organisation } from "../../../platform/directory/schema";
import { participant } from "../../participants/schema";
import { loadHistories, type RaisedAlert, raiseFindings } from "./evaluation";
import { evaluateRules, type RuleFinding } from "./rules";
import { monitoringLease } from "./schema";
import { currentRuleSettings } from "./service";

/** The stages the sweep watches: people in support. Referred people are not yet; closed ones no more. */
export const watchedStages = ["engaged", "job_seeking", "in_work", "paused"] as const;
export const SWEEP_BATCH_SIZE = 1000;

export type SweepResult = { participants: number; raised: RaisedAlert[] };

/**
 * Evaluates every rule for everyone in support, a batch at a time (one query per kind of record
 * per batch), raising what is new. Time-based rules (no contact) need this: nothing else happens
 * to fire them. Returns null when another node is sweeping.
 */
export async function sweepEarlyWarnings(
  db: Database,
  clock: Clock,
  batchSize = SWEEP_BATCH_SIZE,
): Promise<SweepResult | null> {
  const now = clock.now();
  if (!(await takeLease(db, "early_warning_sweep", now, LEASE_MINUTES))) return null;
  const result: SweepResult = { participants: 0, raised: [] };
  try {
    const organisations = await db.select({ id: organisation.id }).from(organisation);
    for (const { id: organisationId } of organisations) {
      const settings = await currentRuleSettings(db, organisationId);
      let after = "00000000-0000-0000-0000-000000000000";
      for (;;) {
        const batch = await db
          .select({ id: participant.id })
          .from(participant)
          .where(
            and(
              eq(participant.organisationId, organisationId),
              inArray(participant.stage, [...watchedStages]),
              gt(participant.id, after),
            ),
          )
          .orderBy(asc(participant.id))
          .limit(batchSize);
        if (batch.length === 0) break;
        after = batch.at(-1)!.id;
        const ids = batch.map((row) => row.id);
        const raised = await withSystemAccess(
          db,
          clock,
          { what: "early_warning_sweep", organisationId },
          async (tx) => {
            const histories = await loadHistories(tx, ids, now);
            const findings = new Map<string, RuleFinding[]>();
            for (const [participantId, history] of histories)
              findings.set(participantId, evaluateRules(history, settings, now));
            const organisationOf = new Map(ids.map((id) => [id, organisationId]));
            return { result: await raiseFindings(tx, organisationOf, findings, now), participantIds: ids };
          },
        );
        result.participants += ids.length;
        result.raised.push(...raised);
        if (batch.length < batchSize) break;
      }
    }
  } finally {
    await db
      .update(monitoringLease)
      .set({ leaseUntil: now, lastFinishedAt: clock.now() })
      .where(eq(monitoringLease.name, "early_warning_sweep"));
  }
  return result;
}

/** A sweep of 100,000 people takes well under this; a node that died frees the lease after it. */
const LEASE_MINUTES = 30;

/** Takes the named lease if nobody holds it: one conditional statement, safe across nodes. */
export async function takeLease(db: Database, name: string, now: Date, minutes: number): Promise<boolean> {
  const until = new Date(now.getTime() + minutes * 60_000);
  const taken = await rowsOf<{ name: string }>(
    db,
    sql`insert into monitoring_lease (name, lease_until) values (${name}, ${until.toISOString()}::timestamptz)
        on conflict (name) do update set lease_until = excluded.lease_until
        where monitoring_lease.lease_until <= ${now.toISOString()}::timestamptz
        returning name`,
  );
  return taken.length > 0;
}
