import { count, desc, eq, type SQL } from "drizzle-orm";
import type { Executor } from "../db";
import { type OutboundEmailStatus, outboundEmail } from "./schema";

export const OUTBOX_PAGE_SIZE = 25;

/** The outbox for admins, newest first. Bodies are left out of the list; one is read on its own page. */
export async function listOutbox(executor: Executor, query: { status?: OutboundEmailStatus; page: number }) {
  const where: SQL | undefined = query.status ? eq(outboundEmail.status, query.status) : undefined;
  const rows = await executor
    .select({
      id: outboundEmail.id,
      recipient: outboundEmail.recipient,
      subject: outboundEmail.subject,
      purpose: outboundEmail.purpose,
      status: outboundEmail.status,
      attempts: outboundEmail.attempts,
      lastError: outboundEmail.lastError,
      createdAt: outboundEmail.createdAt,
      sentAt: outboundEmail.sentAt,
    })
    .from(outboundEmail)
    .where(where)
    .orderBy(desc(outboundEmail.createdAt), desc(outboundEmail.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((query.page - 1) * OUTBOX_PAGE_SIZE);
  const [total] = await executor.select({ count: count() }).from(outboundEmail).where(where);
  return { rows, total: total?.count ?? 0 };
}

export async function findOutboundEmail(executor: Executor, id: string) {
  const [row] = await executor.select().from(outboundEmail).where(eq(outboundEmail.id, id));
  return row;
}
