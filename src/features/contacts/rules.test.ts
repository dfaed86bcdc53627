import { describe, expect, it } from "vitest";
import { healthInformationKinds } from "../../platform/access/policy";
import {
  isFaceToFaceEmployerContact,
  mayRecordNote,
  type NoteReader,
  noteSight,
  recordableNoteKinds,
  zonedInstant,
} from "./rules";
import { presentContact } from "./service";

const clinician: NoteReader = {
  mayReadClinical: true,
  healthInformationVisible: healthInformationKinds,
  actor: { role: "clinician" },
};
const specialist = (shared: NoteReader["healthInformationVisible"]): NoteReader => ({
  mayReadClinical: false,
  healthInformationVisible: shared,
  actor: { role: "employment_specialist" },
});
const peerWorker: NoteReader = {
  mayReadClinical: false,
  healthInformationVisible: [],
  actor: { role: "peer_worker" },
};

describe("what a reader may see of a note", () => {
  it("shows employment notes to everyone on the record", () => {
    for (const reader of [clinician, specialist([]), peerWorker]) {
      expect(noteSight(reader, "employment")).toEqual({ shown: true });
    }
  });

  it("shows a clinical note to a clinician", () => {
    expect(noteSight(clinician, "clinical")).toEqual({ shown: true });
  });

  it("holds a clinical note back from a specialist without consent, saying why", () => {
    expect(noteSight(specialist([]), "clinical")).toEqual({ shown: false, because: "no_consent" });
    expect(noteSight(specialist(["assessment_scores", "fit_notes"]), "clinical")).toEqual({
      shown: false,
      because: "no_consent",
    });
  });

  it("shows a clinical note to a specialist while clinical notes are shared", () => {
    expect(noteSight(specialist(["clinical_notes"]), "clinical")).toEqual({ shown: true });
  });

  it("never shows a clinical note to a peer worker, whatever is shared", () => {
    expect(noteSight(peerWorker, "clinical")).toEqual({ shown: false, because: "role" });
  });

  it("strips the text, not the contact, when a note is held back", () => {
    const row = {
      id: "c1",
      occurredAt: new Date("2026-11-20T10:00:00Z"),
      method: "phone" as const,
      withWhom: "clinical_team" as const,
      durationMinutes: 20,
      attendance: "attended" as const,
      noteKind: "clinical" as const,
      note: "Medication reviewed",
      faceToFaceEmployerContact: false,
      recordedByName: "Dr Tom Okafor",
      recordedAt: new Date("2026-11-20T11:00:00Z"),
    };
    const seen = presentContact(peerWorker, row);
    expect(seen.note).toBeNull();
    expect(seen.occurredAt).toEqual(row.occurredAt);
    expect(seen.method).toBe("phone");
    expect(seen.recordedByName).toBe("Dr Tom Okafor");
    expect(presentContact(clinician, row).note).toBe("Medication reviewed");
  });
});

describe("who may record which note", () => {
  it("lets only clinical readers record clinical notes", () => {
    expect(mayRecordNote(clinician, "clinical")).toBe(true);
    expect(mayRecordNote(specialist(["clinical_notes"]), "clinical")).toBe(false);
    expect(mayRecordNote(peerWorker, "clinical")).toBe(false);
    expect(mayRecordNote(peerWorker, "employment")).toBe(true);
    expect(recordableNoteKinds(specialist(["clinical_notes"]))).toEqual(["employment"]);
    expect(recordableNoteKinds(clinician)).toEqual(["employment", "clinical"]);
  });
});

describe("face-to-face employer contacts (IPS)", () => {
  const base = {
    withWhom: "employer",
    method: "face_to_face",
    attendance: "attended",
    noteKind: "employment" as const,
  };
  it("counts an employer met in person that took place", () => {
    expect(isFaceToFaceEmployerContact(base)).toBe(true);
  });
  it("does not count a phone call, a cancelled visit or a contact with someone else", () => {
    expect(isFaceToFaceEmployerContact({ ...base, method: "phone" })).toBe(false);
    expect(isFaceToFaceEmployerContact({ ...base, attendance: "cancelled_by_service" })).toBe(false);
    expect(isFaceToFaceEmployerContact({ ...base, withWhom: "participant" })).toBe(false);
  });
});

describe("UK wall-clock time to an instant", () => {
  it("reads winter times as GMT and summer times as BST", () => {
    expect(zonedInstant("2026-01-15", "09:30").toISOString()).toBe("2026-01-15T09:30:00.000Z");
    expect(zonedInstant("2026-07-15", "09:30").toISOString()).toBe("2026-07-15T08:30:00.000Z");
  });
  it("reads the repeated autumn hour as the first one, and moves a skipped spring time forward", () => {
    expect(zonedInstant("2026-10-25", "01:30").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(zonedInstant("2026-03-29", "01:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });
});
