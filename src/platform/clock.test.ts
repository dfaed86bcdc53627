import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, calendarDateAt, calendarDaysBetween } from "./clock";

describe("calendar dates", () => {
  it("moves across a month, a year and a leap day", () => {
    expect(addCalendarDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(calendarDaysBetween("2028-02-01", "2028-03-01")).toBe(29);
  });

  it("counts a UK clock-change week as seven days either way", () => {
    // Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
    expect(addCalendarDays("2026-03-26", 7)).toBe("2026-04-02");
    expect(calendarDaysBetween("2026-03-26", "2026-04-02")).toBe(7);
    expect(addCalendarDays("2026-10-22", 7)).toBe("2026-10-29");
    expect(calendarDaysBetween("2026-10-29", "2026-10-22")).toBe(-7);
    // Half past eleven UTC on the Sunday is already Monday in London once the clocks have gone
    // forward; the arithmetic then works on that London date.
    const monday = calendarDateAt(new Date("2026-03-29T23:30:00Z"));
    expect(monday).toBe("2026-03-30");
    expect(calendarDaysBetween("2026-03-28", monday)).toBe(2);
  });

  it("counts back the days it added", () => {
    // Any date this century, as a whole number of days after 1 January 2000.
    const date = fc
      .integer({ min: 0, max: 36_524 })
      .map((days) => new Date(Date.UTC(2000, 0, 1 + days)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (from, days) => {
        expect(calendarDaysBetween(from, addCalendarDays(from, days))).toBe(days);
      }),
    );
  });
});
