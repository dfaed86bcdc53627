import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays } from "../../../platform/clock";
import { countByWeek, faceToFaceContactDates, recentWeeks, weekStarting } from "./rules";

describe("weeks, Monday to Sunday", () => {
  it("starts a week on the Monday, across a month and a clock change", () => {
    expect(weekStarting("2026-11-23")).toBe("2026-11-23"); // a Monday
    expect(weekStarting("2026-11-29")).toBe("2026-11-23"); // the Sunday after
    expect(weekStarting("2026-11-30")).toBe("2026-11-30");
    expect(weekStarting("2026-03-29")).toBe("2026-03-23"); // the Sunday the clocks go forward
    expect(weekStarting("2026-01-01")).toBe("2025-12-29");
  });

  it("puts every date in the week starting on or before it, at most six days before", () => {
    const date = fc
      .date({
        min: new Date("2000-01-01T00:00:00Z"),
        max: new Date("2099-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((value) => value.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, (day) => {
        const start = weekStarting(day);
        expect(new Date(`${start}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(start <= day && addCalendarDays(start, 6) >= day).toBe(true);
      }),
    );
  });

  it("lists the last eight weeks oldest first, ending with this one", () => {
    const weeks = recentWeeks("2026-11-25", 8);
    expect(weeks).toHaveLength(8);
    expect(weeks.at(-1)).toEqual({ start: "2026-11-23", end: "2026-11-29" });
    expect(weeks[0]).toEqual({ start: "2026-10-05", end: "2026-10-11" });
  });
});

describe("counting face-to-face employer contacts", () => {
  const weeks = recentWeeks("2026-11-25", 2);

  it("counts logged face-to-face contacts and recorded ones no logged contact stands for, once each", () => {
    const dates = faceToFaceContactDates(
      [
        { occurredOn: "2026-11-23", faceToFace: true, participantContactId: "c1" },
        { occurredOn: "2026-11-24", faceToFace: false, participantContactId: null },
        { occurredOn: "2026-11-18", faceToFace: true, participantContactId: null },
      ],
      [
        { id: "c1", occurredOn: "2026-11-23" },
        { id: "c2", occurredOn: "2026-11-29" },
        { id: "c3", occurredOn: "2026-11-30" },
      ],
    );
    expect(countByWeek(dates, weeks)).toEqual([1, 2]);
  });

  it("never counts more than there are contacts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ faceToFace: fc.boolean(), linked: fc.boolean() })),
        fc.nat({ max: 20 }),
        (logged, unlinked) => {
          const rows = logged.map((row, index) => ({
            occurredOn: "2026-11-24",
            faceToFace: row.faceToFace,
            participantContactId: row.linked ? `linked-${index}` : null,
          }));
          const recorded = [
            ...rows.flatMap((row) =>
              row.participantContactId ? [{ id: row.participantContactId, occurredOn: "2026-11-24" }] : [],
            ),
            ...Array.from({ length: unlinked }, (_, index) => ({
              id: `own-${index}`,
              occurredOn: "2026-11-24",
            })),
          ];
          const [, thisWeek] = countByWeek(faceToFaceContactDates(rows, recorded), weeks);
          expect(thisWeek).toBe(logged.filter((row) => row.faceToFace).length + unlinked);
        },
      ),
    );
  });
});
