import { describe, expect, it } from "vitest";
import { readPlanForm } from "./forms";

const context = { today: "2026-03-20", absenceStartedOn: "2026-02-01" };
const form = (extra: Record<string, string | string[]> = {}) => ({
  returnOn: "2026-03-30",
  advice: ["phased_return"],
  weekCount: "2",
  "week-1-hours": "8",
  "week-1-notes": "Mornings",
  "week-2-hours": "16.5",
  ...extra,
});

describe("reading the return-to-work plan form", () => {
  it("reads the weeks in order, with decimal hours and notes", () => {
    const read = readPlanForm(form(), context);
    expect(read.ok && read.plan.phasedReturn).toEqual([
      { week: 1, hours: 8, notes: "Mornings" },
      { week: 2, hours: 16.5, notes: "" },
    ]);
  });

  it("drops what belongs to advice that is not ticked, so the plan only says what it takes up", () => {
    const read = readPlanForm(
      form({ advice: "amended_duties", amendedDuties: "No lifting", alteredHours: "Late starts" }),
      context,
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.plan.phasedReturn).toEqual([]);
    expect(read.plan.alteredHours).toBe("");
    expect(read.plan.amendedDuties).toBe("No lifting");
  });

  it("names each week whose hours are not 0 to 80", () => {
    const read = readPlanForm(form({ "week-1-hours": "-2", "week-2-hours": "80.5" }), context);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.weekErrors.map((error) => [error.field, error.week])).toEqual([
      ["week-1-hours", 1],
      ["week-2-hours", 2],
    ]);
  });

  it("never reads more than 12 weeks, whatever count is posted", () => {
    const weeks = Object.fromEntries(
      Array.from({ length: 20 }, (_, index) => [`week-${index + 1}-hours`, "10"]),
    );
    const read = readPlanForm(form({ weekCount: "20", ...weeks }), context);
    expect(read.ok && read.plan.phasedReturn.length).toBe(12);
  });

  it("keeps review dates sorted without repeats and refuses one that is not a date", () => {
    const read = readPlanForm(
      form({ "review-1": "2026-05-01", "review-2": "2026-04-01", "review-3": "2026-05-01" }),
      context,
    );
    expect(read.ok && read.plan.reviewDates).toEqual(["2026-04-01", "2026-05-01"]);
    const bad = readPlanForm(form({ "review-2": "2026-02-30" }), context);
    expect(!bad.ok && bad.weekErrors.map((error) => error.field)).toEqual(["review-2"]);
  });

  it("needs a date with an outcome, not before the absence began, and not in the future", () => {
    const fields = (extra: Record<string, string>) => {
      const read = readPlanForm(form(extra), context);
      return read.ok ? [] : read.issues.map((issue) => [issue.path[0], issue.message]);
    };
    expect(fields({ outcome: "returned_in_full" })).toEqual([
      ["outcomeOn", "validation.returnToWork.outcomeOn"],
    ]);
    expect(fields({ outcome: "left_job", outcomeOn: "2026-01-31" })).toEqual([
      ["outcomeOn", "validation.returnToWork.outcomeBeforeAbsence"],
    ]);
    expect(fields({ outcome: "left_job", outcomeOn: "2026-03-21" })).toEqual([
      ["outcomeOn", "validation.returnToWork.outcomeInFuture"],
    ]);
    expect(fields({ returnOn: "2026-01-15" })).toEqual([
      ["returnOn", "validation.returnToWork.returnBeforeAbsence"],
    ]);
  });
});
