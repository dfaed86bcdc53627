import type { TimelineEntry } from "../../platform/web/timeline";

export type TimelineCategory = TimelineEntry["category"];

/** Every category a timeline entry can have, in the order the filter offers them. */
export const timelineCategories = [
  "referral",
  "consent",
  "care_team",
  "assessment",
  "plan",
  "contact",
  "alert",
  "work",
] as const satisfies readonly TimelineCategory[];

// A category added to TimelineEntry but not listed above fails to compile here, so the filter
// can never silently hide a kind of entry.
type Unlisted = Exclude<TimelineCategory, (typeof timelineCategories)[number]>;
export const everyCategoryListed: [Unlisted] extends [never] ? true : never = true;

export const TIMELINE_PAGE_SIZE = 25;

export type TimelinePage = {
  entries: TimelineEntry[];
  total: number;
  page: number;
  pageCount: number;
};

/**
 * Merges each feature's entries into one timeline: only the chosen categories (none chosen means
 * all), newest first, entries at the same moment kept in the order their sources gave them.
 */
export function arrangeTimeline(
  sources: readonly (readonly TimelineEntry[])[],
  categories: readonly TimelineCategory[],
  page: number,
  pageSize = TIMELINE_PAGE_SIZE,
): TimelinePage {
  const wanted = new Set(categories);
  const merged = sources
    .flat()
    .filter((entry) => wanted.size === 0 || wanted.has(entry.category))
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.at.getTime() - a.entry.at.getTime() || a.index - b.index)
    .map(({ entry }) => entry);
  const pageCount = Math.max(1, Math.ceil(merged.length / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  return {
    entries: merged.slice((current - 1) * pageSize, current * pageSize),
    total: merged.length,
    page: current,
    pageCount,
  };
}
