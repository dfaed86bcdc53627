import { z } from "zod";
import { timelineCategories } from "./rules";

const page = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);

/** A checkbox group arrives as nothing, one value or several; unknown values are dropped. */
export const timelineQuery = z.object({
  category: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .catch(undefined)
    .transform((value) =>
      (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter(
        (item): item is (typeof timelineCategories)[number] =>
          (timelineCategories as readonly string[]).includes(item),
      ),
    ),
  page,
});
export type TimelineQuery = z.infer<typeof timelineQuery>;

export const ACCESS_LOG_PAGE_SIZE = 50;

/** Keyset cursor for the access log: the time and id of the last entry on the previous page. */
export const accessLogQuery = z.object({
  before: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_\d+$/)
    .optional()
    .catch(undefined),
});
export type AccessLogQuery = z.infer<typeof accessLogQuery>;
