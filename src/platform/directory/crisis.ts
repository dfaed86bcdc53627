import { eq } from "drizzle-orm";
import type { Executor } from "../db";
import { organisation } from "./schema";

/**
 * The organisation's crisis information, or null when it has not written its own yet (pages then
 * show the UK defaults). Directory data: the plan's printout, the person's own pages and the
 * early-warning pages all read it from here.
 */
export async function crisisInformation(executor: Executor, organisationId: string): Promise<string | null> {
  const [row] = await executor
    .select({ text: organisation.crisisInformation })
    .from(organisation)
    .where(eq(organisation.id, organisationId));
  return row?.text?.trim() ? row.text : null;
}
