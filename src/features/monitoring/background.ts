import type { FastifyBaseLogger } from "fastify";
import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/db";
import { escalateUrgentAlerts } from "./alerts/escalation";
import { sweepEarlyWarnings } from "./rules/sweep";

export type MonitoringSchedule = {
  /** How often every participant is evaluated (time-based rules such as no contact need it). */
  sweepMinutes: number;
  /** How long an urgent alert may stay unacknowledged before the team leaders are told. */
  escalationMinutes: number;
};

/**
 * The sweep and the escalation check, on timers, on every app node: a lease and guarded updates
 * make sure only one node does each piece of work. Emails to the people alerts are routed to are
 * queued in the same transactions. Failures are logged without participant data.
 */
export function startMonitoring(
  db: Database,
  clock: Clock,
  schedule: MonitoringSchedule,
  log: FastifyBaseLogger,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = (work: () => Promise<void>, what: string) => {
    running = running.then(work).catch((error: unknown) => {
      log.error(
        { err: error instanceof Error ? { message: error.message } : {}, what },
        "monitoring run failed",
      );
    });
  };
  const sweep = () =>
    run(async () => {
      const result = await sweepEarlyWarnings(db, clock);
      if (result)
        log.info({ participants: result.participants, raised: result.raised.length }, "early-warning sweep");
    }, "sweep");
  const escalate = () =>
    run(async () => {
      const escalated = await escalateUrgentAlerts(db, clock, schedule.escalationMinutes);
      if (escalated.length > 0) log.info({ escalated: escalated.length }, "urgent alerts escalated");
    }, "escalation");
  const sweepTimer = setInterval(sweep, schedule.sweepMinutes * 60_000);
  const escalationTimer = setInterval(escalate, 60_000);
  sweepTimer.unref();
  escalationTimer.unref();
  return async () => {
    clearInterval(sweepTimer);
    clearInterval(escalationTimer);
    await running;
  };
}
