import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../platform/web/timeline";
import { arrangeTimeline, timelineCategories } from "./rules";

const entry = (
  at: string,
  category: TimelineEntry["category"],
  title = `${category} ${at}`,
): TimelineEntry => ({
  at: new Date(at),
  category,
  title,
});

describe("arranging the timeline", () => {
  const journey = [entry("2026-10-01T09:00:00Z", "referral"), entry("2026-10-03T09:00:00Z", "consent")];
  const contacts = [entry("2026-10-02T09:00:00Z", "contact"), entry("2026-10-04T09:00:00Z", "contact")];

  it("merges every source, newest first", () => {
    const page = arrangeTimeline([journey, contacts], [], 1);
    expect(page.entries.map((item) => item.category)).toEqual(["contact", "consent", "contact", "referral"]);
    expect(page.total).toBe(4);
  });

  it("shows only the chosen categories", () => {
    const page = arrangeTimeline([journey, contacts], ["consent", "referral"], 1);
    expect(page.entries.map((item) => item.category)).toEqual(["consent", "referral"]);
    expect(page.total).toBe(2);
  });

  it("keeps entries at the same moment in the order their sources gave them", () => {
    const same = "2026-10-05T09:00:00Z";
    const page = arrangeTimeline(
      [[entry(same, "referral", "first")], [entry(same, "contact", "second")]],
      [],
      1,
    );
    expect(page.entries.map((item) => item.title)).toEqual(["first", "second"]);
  });

  it("pages by 25 and keeps a page number past the end on the last page", () => {
    const many = Array.from({ length: 30 }, (_, index) =>
      entry(new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(), "contact"),
    );
    const first = arrangeTimeline([many], [], 1);
    const second = arrangeTimeline([many], [], 2);
    expect(first.entries).toHaveLength(25);
    expect(second.entries).toHaveLength(5);
    expect(first.pageCount).toBe(2);
    expect(arrangeTimeline([many], [], 9).page).toBe(2);
    expect(second.entries.at(-1)?.at.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("always gives entries in time order, of the chosen categories, all of them across the pages", () => {
    const arbitraryEntry = fc.record({
      at: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }),
      category: fc.constantFrom(...timelineCategories),
      title: fc.string(),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(arbitraryEntry, { maxLength: 40 }), { maxLength: 4 }),
        fc.subarray([...timelineCategories]),
        (sources, chosen) => {
          const expected = sources
            .flat()
            .filter((item) => chosen.length === 0 || chosen.includes(item.category));
          const first = arrangeTimeline(sources, chosen, 1, 10);
          const all = Array.from(
            { length: first.pageCount },
            (_, index) => arrangeTimeline(sources, chosen, index + 1, 10).entries,
          ).flat();
          expect(first.total).toBe(expected.length);
          expect(all).toHaveLength(expected.length);
          for (let index = 1; index < all.length; index++) {
            expect(all[index - 1]!.at.getTime()).toBeGreaterThanOrEqual(all[index]!.at.getTime());
          }
        },
      ),
    );
  });
});
