import { and, eq, gt, lt } from "drizzle-orm";
import type { Clock } from "../../../platform/clock";
import type { Executor } from "../../../platform/db";
import { participantSearch } from "../schema";

/** A search handle lasts a working day; older ones are removed when someone next searches. */
const SEARCH_HOURS = 12;

/**
 * Keeps what someone typed in a search box and returns an opaque handle for the list's address,
 * so names and NHS numbers never appear in URLs, browser history or proxy logs.
 */
export async function rememberSearch(
  db: Executor,
  clock: Clock,
  staffId: string,
  text: string,
): Promise<string> {
  const now = clock.now();
  await db
    .delete(participantSearch)
    .where(lt(participantSearch.createdAt, new Date(now.getTime() - SEARCH_HOURS * 3_600_000)));
  const [saved] = await db
    .insert(participantSearch)
    .values({ staffId, text, createdAt: now })
    .returning({ id: participantSearch.id });
  return saved!.id;
}

/** The text behind a handle, for the person who made it and only while it lasts. */
export async function recallSearch(
  db: Executor,
  clock: Clock,
  staffId: string,
  handle: string | undefined,
): Promise<string | undefined> {
  if (!handle) return undefined;
  const [found] = await db
    .select({ text: participantSearch.text })
    .from(participantSearch)
    .where(
      and(
        eq(participantSearch.id, handle),
        eq(participantSearch.staffId, staffId),
        gt(participantSearch.createdAt, new Date(clock.now().getTime() - SEARCH_HOURS * 3_600_000)),
      ),
    );
  return found?.text;
}
