import { and, eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * Rows of `table` that belong to this record, with any further conditions: the one way a service
 * keeps a query on the participant the door opened, instead of writing the condition by hand
 * (and one day forgetting it). Works for any handle with the record's id: a record the door
 * opened, a scope given to a rule, a target in a background job.
 */
export function onRecord(
  record: { readonly participantId: string },
  table: { participantId: AnyPgColumn },
  ...conditions: (SQL | undefined)[]
): SQL {
  const own = eq(table.participantId, record.participantId);
  return conditions.length === 0 ? own : (and(own, ...conditions) as SQL);
}
