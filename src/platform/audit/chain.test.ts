import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, GENESIS_HASH, linkHash } from "./chain";

const event = {
  id: 7,
  occurredAt: new Date("2026-05-01T10:00:00.000Z"),
  actorId: "00000000-0000-4000-8000-000000000001",
  actorRole: "admin",
  action: "staff.invite",
  subjectType: "staff",
  subjectId: "s-1",
  organisationId: null,
  ipAddress: "127.0.0.1",
  outcome: "succeeded" as const,
  reason: null,
  detail: { role: "clinician", teams: 2 },
};

describe("canonical JSON", () => {
  it("does not depend on the order keys were written in", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        return canonicalJson(value) === canonicalJson(reversed);
      }),
    );
  });
});

describe("a chain link", () => {
  it("changes when any field of the event, its position or the previous link changes", () => {
    const original = linkHash(GENESIS_HASH, 1, event);
    expect(linkHash(GENESIS_HASH, 1, { ...event })).toBe(original);
    expect(linkHash(GENESIS_HASH, 2, event)).not.toBe(original);
    expect(linkHash("f".repeat(64), 1, event)).not.toBe(original);
    for (const [field, altered] of Object.entries({
      id: 8,
      occurredAt: new Date("2026-05-01T10:00:00.001Z"),
      actorRole: "manager",
      action: "staff.update",
      subjectId: "s-2",
      ipAddress: "10.0.0.1",
      outcome: "refused",
      reason: "edited",
      detail: { role: "admin", teams: 2 },
    })) {
      expect({ field, hash: linkHash(GENESIS_HASH, 1, { ...event, [field]: altered }) }).not.toEqual({
        field,
        hash: original,
      });
    }
  });
});
