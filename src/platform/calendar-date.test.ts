import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarDate, calendarInstant, isCalendarDate } from "./calendar-date";

describe("a date a person could mean", () => {
  it("accepts real dates from 1900 to 2200", () => {
    for (const text of ["1900-01-01", "1984-03-27", "2024-02-29", "2200-12-31"])
      expect(isCalendarDate(text)).toBe(true);
  });

  it("refuses impossible days and years outside the range", () => {
    for (const text of [
      "0000-01-01",
      "0001-01-01",
      "1899-12-31",
      "2201-01-01",
      "9999-12-31",
      "2026-02-30",
      "2025-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-1-1",
      "+275760-09-13",
      "20266-01-01",
      "",
    ])
      expect(isCalendarDate(text), text).toBe(false);
  });

  it("gives the field's own message for every fault, in a form or the API", () => {
    const schema = calendarDate("validation.some.date");
    for (const text of ["0000-01-01", "2026-02-30", "soon"]) {
      const result = schema.safeParse(text);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual(["validation.some.date"]);
    }
    expect(schema.parse("2026-05-01")).toBe("2026-05-01");
  });

  it("refuses an API instant whose year is out of range", () => {
    expect(calendarInstant().safeParse("0000-01-01T00:00:00Z").success).toBe(false);
    expect(calendarInstant().safeParse("2026-05-01T09:30:00+01:00").success).toBe(true);
  });

  it("agrees with the calendar for every day in range", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1900, 0, 1)),
          max: new Date(Date.UTC(2200, 11, 31)),
          noInvalidDate: true,
        }),
        (date) => isCalendarDate(date.toISOString().slice(0, 10)),
      ),
      { seed: 11 },
    );
  });
});
