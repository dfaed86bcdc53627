import { z } from "zod";

// What the Work tab's routes share: reading ids from a request.

/** A uuid from the route's params or query, or undefined: an unknown id is simply not found. */
export const idFrom = (source: unknown, key: string) => {
  const parsed = z.uuid().safeParse((source as Record<string, unknown> | undefined)?.[key]);
  return parsed.success ? parsed.data : undefined;
};
