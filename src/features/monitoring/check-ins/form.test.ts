import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moveCheckIn, parseClockTime, stepsFor } from "./form";

describe("reading a clock time as people type it", () => {
  it.each([
    ["23:30", "23:30"],
    ["2330", "23:30"],
    ["9.15", "09:15"],
    ["930", "09:30"],
    ["11:30pm", "23:30"],
    ["11:30 PM", "23:30"],
    ["12am", "00:00"],
    ["12:15pm", "12:15"],
    ["7am", "07:00"],
    ["0:05", "00:05"],
  ])("%s is %s", (typed, expected) => {
    expect(parseClockTime(typed)).toBe(expected);
  });

  it.each(["25:00", "12:60", "13pm", "0am", "lots", "", "23:3", "123456"])("%s is not a time", (typed) => {
    expect(parseClockTime(typed)).toBeUndefined();
  });

  it("gives a valid 24-hour time or nothing, for any input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (typed) => {
        const parsed = parseClockTime(typed);
        if (parsed === undefined) return;
        expect(parsed).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      }),
    );
  });

  it("reads back every time it writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (hours, minutes) => {
        const time = `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
        expect(parseClockTime(time)).toBe(time);
      }),
    );
  });
});

describe("moving through the check-in", () => {
  it("asks about work only of people in work", () => {
    expect(stepsFor(true)).toContain("work");
    expect(stepsFor(false)).not.toContain("work");
  });

  it("goes on to the next question, back, or to a question to change", () => {
    expect(moveCheckIn({ step: "sleep", go: "next", sleepHours: "7" }, false)).toEqual({
      kind: "show",
      step: "mood",
    });
    expect(moveCheckIn({ step: "mood", go: "back" }, false)).toEqual({ kind: "show", step: "sleep" });
    expect(moveCheckIn({ step: "check", go: "stress" }, false)).toEqual({ kind: "show", step: "stress" });
    expect(moveCheckIn({ step: "energy", go: "next" }, false)).toEqual({ kind: "show", step: "check" });
    expect(moveCheckIn({ step: "energy", go: "next" }, true)).toEqual({ kind: "show", step: "work" });
  });

  it("stays on a question whose answer is wrong, and sends a tampered saved answer back to its question", () => {
    expect(moveCheckIn({ step: "mood", go: "next", mood: "eleven" }, false)).toMatchObject({
      kind: "invalid",
      step: "mood",
    });
    expect(moveCheckIn({ step: "check", go: "save", sleepHours: "7", energy: "-1" }, false)).toMatchObject({
      kind: "invalid",
      step: "energy",
    });
  });

  it("saves only with at least one answer, and never with anything out of range", () => {
    expect(moveCheckIn({ step: "check", go: "save" }, false)).toEqual({ kind: "nothing_answered" });
    const answer = fc.oneof(
      fc.constant(""),
      fc.string({ maxLength: 6 }),
      fc.integer({ min: -5, max: 30 }).map(String),
    );
    fc.assert(
      fc.property(answer, answer, answer, (sleepHours, mood, stress) => {
        const move = moveCheckIn({ step: "check", go: "save", sleepHours, mood, stress }, false);
        if (move.kind !== "save") return;
        const { answers } = move;
        if (answers.sleepHours !== undefined) expect(answers.sleepHours).toBeGreaterThanOrEqual(0);
        if (answers.sleepHours !== undefined) expect(answers.sleepHours).toBeLessThanOrEqual(24);
        for (const scale of [answers.mood, answers.stress])
          if (scale !== undefined) expect(Number.isInteger(scale) && scale >= 0 && scale <= 10).toBe(true);
      }),
    );
  });
});
