import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sessionFreshness } from "./sessions";

const policy = { idleMinutes: 30, maxHours: 12 };
const minute = 60_000;
const start = Date.UTC(2026, 10, 23, 9, 0, 0);

describe("a session's freshness", () => {
  it("ends a session idle for longer than the idle limit", () => {
    const session = { createdAtMs: start, lastSeenAtMs: start };
    expect(sessionFreshness(policy, start + 30 * minute, session)).toBe("touch");
    expect(sessionFreshness(policy, start + 30 * minute + 1, session)).toBe("expired");
  });

  it("ends a session older than the maximum age however busy it has been", () => {
    const now = start + 12 * 60 * minute + 1;
    expect(sessionFreshness(policy, now, { createdAtMs: start, lastSeenAtMs: now - 1_000 })).toBe("expired");
  });

  it("records activity at most once a minute", () => {
    const session = { createdAtMs: start, lastSeenAtMs: start };
    expect(sessionFreshness(policy, start + 59_000, session)).toBe("fresh");
    expect(sessionFreshness(policy, start + minute + 1, session)).toBe("touch");
  });

  it("never keeps a session past either limit", () => {
    fc.assert(
      fc.property(fc.nat(24 * 60 * minute), fc.nat(24 * 60 * minute), (age, idle) => {
        const now = start + age;
        const verdict = sessionFreshness(policy, now, {
          createdAtMs: start,
          lastSeenAtMs: now - Math.min(idle, age),
        });
        const tooOld = age > policy.maxHours * 60 * minute;
        const tooIdle = Math.min(idle, age) > policy.idleMinutes * minute;
        expect(verdict === "expired").toBe(tooOld || tooIdle);
      }),
    );
  });
});
