import { describe, expect, it } from "vitest";
import type { ParticipantHistory } from "./rules";
import { contact, daysAgo, history, rulesFired, run } from "./test-support";

describe("no contact while job-seeking or in work", () => {
  const h = (stage: ParticipantHistory["stage"], lastContactDaysAgo: number) =>
    history({
      stage,
      stageSince: daysAgo(200),
      contacts: [
        contact("old", daysAgo(lastContactDaysAgo + 10)),
        contact("last", daysAgo(lastContactDaysAgo)),
        contact("dna", daysAgo(1), "did_not_attend"),
      ],
    });

  it("fires at 21 days without an attended contact, not at 20; a missed appointment is not contact", () => {
    const [finding] = run(h("job_seeking", 21));
    expect(finding).toMatchObject({
      rule: "no_contact",
      audience: "employment",
      evidence: { contactIds: ["last"] },
      explanation: { key: "monitoringRules.no_contact.staff", params: { days: 21, thresholdDays: 21 } },
    });
    expect(run(h("in_work", 20))).toEqual([]);
  });

  it("only while job-seeking or in work", () => {
    expect(run(h("engaged", 40))).toEqual([]);
    expect(run(h("paused", 40))).toEqual([]);
  });

  it("counts from the start of the stage when there has been no contact since", () => {
    const [finding] = run(history({ stage: "in_work", stageSince: daysAgo(30) }));
    expect(finding?.explanation).toMatchObject({
      key: "monitoringRules.no_contact.staff.never",
      params: { days: 30 },
    });
    expect(run(history({ stage: "in_work", stageSince: null }))).toEqual([]);
  });

  it("moves with the clock and follows the organisation's setting", () => {
    const quiet = h("in_work", 10);
    expect(run(quiet)).toEqual([]);
    expect(rulesFired(run(quiet, {}, daysAgo(-11)))).toEqual(["no_contact"]);
    expect(rulesFired(run(quiet, { noContactDays: 10 }))).toEqual(["no_contact"]);
    expect(run(quiet, { noContactDays: 10, noContactEnabled: false })).toEqual([]);
  });
});

describe("missed appointments", () => {
  const dnas = (...days: number[]) =>
    history({ contacts: days.map((day, index) => contact(`d${index}`, daysAgo(day), "did_not_attend")) });

  it("two 'did not attend' within 28 days fires, employment audience, with both as evidence", () => {
    expect(run(dnas(3, 27))).toEqual([
      expect.objectContaining({
        rule: "missed_appointments",
        audience: "employment",
        evidence: expect.objectContaining({ contactIds: ["d1", "d0"] }),
        explanation: {
          key: "monitoringRules.missed_appointments.staff",
          params: { count: 2, windowDays: 28 },
        },
      }),
    ]);
  });

  it("one, or two with one exactly 28 days ago (outside the window), does not", () => {
    expect(run(dnas(3))).toEqual([]);
    expect(run(dnas(3, 28))).toEqual([]);
    expect(rulesFired(run(dnas(3, 28), { missedAppointmentsWindowDays: 29 }))).toEqual([
      "missed_appointments",
    ]);
    expect(run(dnas(1, 2), { missedAppointmentsCount: 3 })).toEqual([]);
    expect(run(dnas(1, 2), { missedAppointmentsEnabled: false })).toEqual([]);
  });

  it("cancellations are not missed appointments", () => {
    const h = history({
      contacts: [
        contact("a", daysAgo(1), "cancelled_by_participant"),
        contact("b", daysAgo(2), "cancelled_by_service"),
      ],
    });
    expect(run(h)).toEqual([]);
  });
});
