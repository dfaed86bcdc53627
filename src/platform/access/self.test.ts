import { describe, expect, it } from "vitest";
import { decideOwnRecordAccess, type ParticipantSelf } from "./self";

const self: ParticipantSelf = {
  accountId: "a0000000-0000-4000-8000-000000000001",
  participantId: "b0000000-0000-4000-8000-000000000001",
  organisationId: "c0000000-0000-4000-8000-000000000001",
};
const own = { participantId: self.participantId, organisationId: self.organisationId };

describe("a participant's access to their own record", () => {
  it("opens their own record to read and to write, on the basis 'self'", () => {
    expect(decideOwnRecordAccess(self, own, { purpose: "read" })).toEqual({ allowed: true, basis: "self" });
    expect(decideOwnRecordAccess(self, own, { purpose: "write" })).toEqual({ allowed: true, basis: "self" });
  });

  it("never opens anyone else's record, even in the same organisation", () => {
    const other = { ...own, participantId: "b0000000-0000-4000-8000-000000000002" };
    expect(decideOwnRecordAccess(self, other, { purpose: "read" })).toEqual({
      allowed: false,
      refusal: "not the person's own record",
    });
  });

  it("refuses if the record has moved to another organisation than the account's", () => {
    const moved = { ...own, organisationId: "c0000000-0000-4000-8000-000000000002" };
    expect(decideOwnRecordAccess(self, moved, { purpose: "read" }).allowed).toBe(false);
  });

  it("never shows clinical information: that is shared by the clinician, not the portal", () => {
    for (const kind of ["clinical_notes", "diagnosis", "medication"] as const) {
      expect(decideOwnRecordAccess(self, own, { purpose: "read", healthInformation: kind }).allowed).toBe(
        false,
      );
    }
  });
});
