import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { availableChanges, stageAfter } from "./participation";
import { participantStages } from "./schema";

describe("pausing, resuming and stopping at the participant's request", () => {
  it("pauses active support and resumes where it left off", () => {
    expect(stageAfter("pause", "in_work", null)).toBe("paused");
    expect(stageAfter("resume", "paused", "in_work")).toBe("in_work");
    expect(stageAfter("resume", "paused", null)).toBe("engaged");
  });

  it("never pauses a referral or a closed record, and stops anything not already closed", () => {
    expect(stageAfter("pause", "referred", null)).toBeNull();
    expect(stageAfter("pause", "closed", null)).toBeNull();
    expect(stageAfter("stop", "referred", null)).toBe("closed");
    expect(stageAfter("stop", "closed", null)).toBeNull();
    expect(availableChanges("paused")).toEqual(["resume", "stop"]);
    expect(availableChanges("job_seeking")).toEqual(["pause", "stop"]);
    expect(availableChanges("closed")).toEqual([]);
  });

  it("a pause followed by a resume always returns to an active stage", () => {
    fc.assert(
      fc.property(fc.constantFrom(...participantStages), (stage) => {
        const paused = stageAfter("pause", stage, null);
        if (paused === null) return true;
        expect(stageAfter("resume", paused, stage)).toBe(stage);
        return true;
      }),
    );
  });
});
