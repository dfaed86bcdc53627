import { describe, expect, it } from "vitest";
import { daysAgo, history, rulesFired, run } from "./test-support";

describe("a job ending", () => {
  const ending = (id: string, days: number, reason: "dismissed" | "moved_to_better_job" = "dismissed") => ({
    id,
    endedAt: daysAgo(days),
    reason,
  });

  it("fires for each ending in the last 14 days, for both sides, with the reason in the explanation", () => {
    const findings = run(
      history({ stage: "in_work", stageSince: daysAgo(3), jobEndings: [ending("j1", 2), ending("j2", 14)] }),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "job_ending",
        key: "job:j1",
        audience: "both",
        evidence: expect.objectContaining({ jobEndingIds: ["j1"] }),
        explanation: { key: "monitoringRules.job_ending.staff.dismissed", params: { endedOn: "2026-11-21" } },
      }),
    ]);
  });

  it("moving to a better job counts only where the organisation chose so", () => {
    const h = history({ jobEndings: [ending("j1", 2, "moved_to_better_job")] });
    expect(run(h)).toEqual([]);
    expect(rulesFired(run(h, { jobEndingIncludesBetterJob: true }))).toEqual(["job_ending"]);
    expect(run(history({ jobEndings: [ending("j1", 2)] }), { jobEndingEnabled: false })).toEqual([]);
  });
});
