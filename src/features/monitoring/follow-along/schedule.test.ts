import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { followAlongSchedule, nextContactDue } from "./schedule";

describe("the follow-along rhythm (IPS V12)", () => {
  it("asks for contact within 3 days of starting, then weekly for four weeks, then monthly", () => {
    const schedule = followAlongSchedule("2026-03-02", [], "2026-03-02");
    expect(schedule[0]).toMatchObject({ kind: "first", from: "2026-03-02", to: "2026-03-05", status: "due" });
    expect(schedule.filter((window) => window.kind === "week").map((window) => window.from)).toEqual([
      "2026-03-02",
      "2026-03-09",
      "2026-03-16",
      "2026-03-23",
    ]);
    expect(schedule.find((window) => window.kind === "month")).toMatchObject({
      number: 1,
      from: "2026-03-30",
      to: "2026-04-28",
    });
    expect(nextContactDue(schedule)).toBe("2026-03-05");
  });

  it("marks windows met by a contact, and missed ones once they have passed", () => {
    const schedule = followAlongSchedule("2026-03-02", ["2026-03-04", "2026-03-18"], "2026-03-20");
    const status = Object.fromEntries(
      schedule.map((window) => [`${window.kind}${window.number}`, window.status]),
    );
    expect(status).toMatchObject({
      first1: "met",
      week1: "met",
      week2: "missed",
      week3: "met",
      week4: "upcoming",
    });
    expect(schedule.find((window) => window.kind === "first")?.metOn).toBe("2026-03-04");
  });

  it("has no end: a year and more on, there is still a next contact due", () => {
    const schedule = followAlongSchedule("2025-01-06", [], "2026-11-23");
    const months = schedule.filter((window) => window.kind === "month");
    expect(months.length).toBeGreaterThan(20);
    expect(nextContactDue(schedule)).toBeDefined();
    expect(nextContactDue(schedule)! >= "2026-11-23").toBe(true);
  });

  it("never depends on the order contacts are given in, and windows never overlap within a kind", () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((offset) => new Date(Date.UTC(2026, 0, 5) + offset * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 20 }), day, (contacts, today) => {
        const forward = followAlongSchedule("2026-01-05", contacts, today);
        const backward = followAlongSchedule("2026-01-05", [...contacts].reverse(), today);
        expect(backward).toEqual(forward);
        const months = forward.filter((window) => window.kind === "month");
        for (let index = 1; index < months.length; index += 1)
          expect(months[index]!.from > months[index - 1]!.to).toBe(true);
      }),
    );
  });
});
