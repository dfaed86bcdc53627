import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actionForm, agreementForm, contingencyForm, goalForm, parseCalendarDate } from "./forms";
import {
  calendarDateAt,
  earliestOpenDue,
  emptySnapshot,
  isOverdue,
  nextVersionNumber,
  planChanges,
} from "./rules";
import type { PlanSnapshot } from "./schema";

describe("overdue actions", () => {
  const today = "2026-11-23";
  it("marks an open action due before today, not one due today or later", () => {
    expect(isOverdue({ status: "to_do", dueDate: "2026-11-22" }, today)).toBe(true);
    expect(isOverdue({ status: "in_progress", dueDate: "2026-01-01" }, today)).toBe(true);
    expect(isOverdue({ status: "to_do", dueDate: today }, today)).toBe(false);
    expect(isOverdue({ status: "to_do", dueDate: "2026-11-24" }, today)).toBe(false);
  });

  it("never marks a done or no-longer-needed action overdue", () => {
    expect(isOverdue({ status: "done", dueDate: "2020-01-01" }, today)).toBe(false);
    expect(isOverdue({ status: "no_longer_needed", dueDate: "2020-01-01" }, today)).toBe(false);
  });

  it("takes today from the UK calendar, so late evening in summer is already tomorrow", () => {
    expect(calendarDateAt(new Date("2026-07-01T23:30:00Z"))).toBe("2026-07-02");
    expect(calendarDateAt(new Date("2026-12-01T23:30:00Z"))).toBe("2026-12-01");
  });

  it("finds the earliest open due date, ignoring finished actions", () => {
    expect(
      earliestOpenDue([
        { status: "done", dueDate: "2026-01-01" },
        { status: "to_do", dueDate: "2026-05-01" },
        { status: "in_progress", dueDate: "2026-03-01" },
      ]),
    ).toBe("2026-03-01");
    expect(earliestOpenDue([{ status: "done", dueDate: "2026-01-01" }])).toBeUndefined();
  });
});

describe("version numbering", () => {
  it("starts at 1 and follows the highest number, never reusing one", () => {
    expect(nextVersionNumber([])).toBe(1);
    expect(nextVersionNumber([1, 2])).toBe(3);
    expect(nextVersionNumber([3, 1])).toBe(4);
  });

  it("is always greater than every existing number", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000 })), (numbers) => {
        const next = nextVersionNumber(numbers);
        return numbers.every((number) => next > number) && next >= 1;
      }),
    );
  });
});

const snapshot = (overrides: Partial<PlanSnapshot> = {}): PlanSnapshot => ({
  ...emptySnapshot,
  goals: [{ id: "g1", goal: "Work in a shop", successLooksLike: null, status: "active" }],
  actions: [
    {
      id: "a1",
      description: "Visit two employers",
      ownerKind: "participant",
      ownerName: null,
      dueDate: "2026-12-01",
      status: "to_do",
      goalId: "g1",
    },
  ],
  ...overrides,
});

describe("what changed between versions", () => {
  it("reports nothing when nothing changed", () => {
    expect(planChanges(snapshot(), snapshot())).toEqual([]);
  });

  it("names added, changed and removed items in their own words, with the fields that changed", () => {
    const before = snapshot();
    const after = snapshot({
      goals: [
        { id: "g1", goal: "Work in a shop", successLooksLike: "Two days a week", status: "active" },
        { id: "g2", goal: "Swim again", successLooksLike: null, status: "active" },
      ],
      actions: [],
      warningSigns: [
        {
          id: "w1",
          sign: "My sleep drifts",
          whatIWillDo: "Text",
          whatMyTeamWillDo: "Call",
          checkInField: "sleep",
        },
      ],
    });
    expect(planChanges(before, after)).toEqual([
      { section: "goals", change: "changed", label: "Work in a shop", fields: ["successLooksLike"] },
      { section: "goals", change: "added", label: "Swim again", fields: [] },
      { section: "actions", change: "removed", label: "Visit two employers", fields: [] },
      { section: "warningSigns", change: "added", label: "My sleep drifts", fields: [] },
    ]);
  });

  it("sees a contingency change but not a reordering of the same alternatives", () => {
    const before = snapshot({
      contingency: { text: "Clubhouse first", alternatives: ["clubhouse", "courses"], checkBackDate: null },
    });
    const reordered = snapshot({
      contingency: { text: "Clubhouse first", alternatives: ["courses", "clubhouse"], checkBackDate: null },
    });
    expect(planChanges(before, reordered)).toEqual([]);
    const paused = snapshot({
      contingency: {
        text: "Clubhouse first",
        alternatives: ["clubhouse", "pause_with_check_back"],
        checkBackDate: "2027-03-01",
      },
    });
    expect(planChanges(before, paused)).toEqual([
      { section: "contingency", change: "changed", label: "", fields: ["alternatives", "checkBackDate"] },
    ]);
  });

  it("a plan compared with itself never changes (any goals)", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 5 }), (texts) => {
        const goals = texts.map((goal, index) => ({
          id: `g${index}`,
          goal,
          successLooksLike: null,
          status: "active" as const,
        }));
        return planChanges(snapshot({ goals }), snapshot({ goals })).length === 0;
      }),
    );
  });
});

describe("plan forms", () => {
  it("reads dates written either way and refuses ones that do not exist", () => {
    expect(parseCalendarDate("2026-12-15")).toBe("2026-12-15");
    expect(parseCalendarDate("15/12/2026")).toBe("2026-12-15");
    expect(parseCalendarDate("31/02/2026")).toBeUndefined();
    expect(parseCalendarDate("next Tuesday")).toBeUndefined();
  });

  it("asks for the goal in the person's words when it is empty", () => {
    const result = goalForm.safeParse({ goal: "   " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["goal"], message: "validation.plan.goal" });
  });

  it("refuses a due date that is not a date, and a care-team owner with nobody named", () => {
    const result = actionForm.safeParse({ description: "Call", ownerKind: "staff", dueDate: "soon" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
    expect(messages).toContain("dueDate:validation.plan.dueDate");
  });

  it("drops a named owner when the owner is not a member of staff", () => {
    const result = actionForm.parse({
      description: "Ask about a phased return",
      ownerKind: "employer",
      ownerStaffId: "3f1c1f7e-0000-4000-8000-000000000001",
      dueDate: "2026-12-01",
    });
    expect(result.ownerStaffId).toBeNull();
  });

  it("needs a check-back date when pausing, and something written or chosen", () => {
    expect(contingencyForm.safeParse({}).success).toBe(false);
    const pause = contingencyForm.safeParse({ alternatives: "pause_with_check_back" });
    expect(pause.error?.issues[0]).toMatchObject({ path: ["checkBackDate"] });
    expect(
      contingencyForm.parse({ alternatives: ["pause_with_check_back"], checkBackDate: "2027-01-10" })
        .checkBackDate,
    ).toBe("2027-01-10");
  });

  it("needs a review date after today and a comment when the person wants changes", () => {
    const form = agreementForm("2026-11-23");
    const base = {
      agreedBy: "3f1c1f7e-0000-4000-8000-000000000001",
      participantAgreement: "agreed_in_person",
    };
    expect(form.safeParse({ ...base, reviewDate: "2026-11-23" }).error?.issues[0]?.message).toBe(
      "validation.plan.reviewDateFuture",
    );
    expect(form.safeParse({ ...base, reviewDate: "2027-02-01" }).success).toBe(true);
    expect(
      form.safeParse({ ...base, reviewDate: "2027-02-01", participantAgreement: "wants_changes" }).error
        ?.issues[0]?.path,
    ).toEqual(["participantComment"]);
  });
});
