import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  employer,
  employerDisclosure,
  returnToWorkPlan,
  sicknessAbsence,
} from "../../src/features/employment/schema";
import { consentRecord, participant } from "../../src/features/participants/schema";
import { addCalendarDays, calendarDateAt } from "../../src/platform/clock";
import { organisation } from "../../src/platform/directory/schema";
import {
  demoStaff,
  shownDate,
  signedInAs,
  startTestApp,
  type TestApp,
  type TestClient,
  typedDate,
} from "../support/app";
import { createTestParticipant } from "../support/participants";

let testApp: TestApp;
let specialist: TestClient;
let participantId: string;
let organisationId: string;
let organisationName: string;
let specialistId: string;
let greggs: string;
let royalMail: string;
let today: string;

const ABSENCE_NOTES = "Low mood since the bereavement; sertraline started by the GP";
const CONDITION_WORDING = "I live with anxiety and may need a short break now and then";

const base = () => `/participants/${participantId}/return-to-work`;
const words = (html: string) =>
  html
    .replaceAll("&#39;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
/** The error message rendered beside a field (its id is the field's name plus "-error"). */
const messageBeside = (html: string, field: string) =>
  new RegExp(`id="${field}-error"[^>]*>.*?</span>\\s*([^<]+)</span>`)
    .exec(html)?.[1]
    ?.trim()
    .replaceAll("&#39;", "'");

async function makeEmployer(name: string) {
  const now = testApp.clock.now();
  const [row] = await testApp.db
    .insert(employer)
    .values({
      organisationId,
      name,
      sector: "retail",
      createdBy: specialistId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!.id;
}

async function consentToContactEmployers(decision: "given" | "withdrawn") {
  testApp.clock.advance(60_000);
  await testApp.db.insert(consentRecord).values({
    organisationId,
    participantId,
    purpose: "contact_employers",
    decision,
    scope: [],
    method: "verbal",
    recordedAt: testApp.clock.now(),
  });
}

async function discloseTo(
  employerId: string,
  choice: "nothing" | "support_from_service" | "condition",
  wording = "",
) {
  testApp.clock.advance(60_000);
  await testApp.db.insert(employerDisclosure).values({
    organisationId,
    participantId,
    employerId,
    choice,
    wording,
    recordedAt: testApp.clock.now(),
  });
}

const absenceRow = async () =>
  (
    await testApp.db.select().from(sicknessAbsence).where(eq(sicknessAbsence.participantId, participantId))
  )[0]!;
const planRow = async () =>
  (
    await testApp.db.select().from(returnToWorkPlan).where(eq(returnToWorkPlan.participantId, participantId))
  )[0];

/** The four-week phased return the tests agree, as the form posts it. */
const fourWeeks = (extra: Record<string, string | string[]> = {}) => ({
  ...typedDate("returnOn", addCalendarDays(today, 7)),
  advice: ["phased_return", "altered_hours"],
  weekCount: "4",
  "week-1-hours": "8",
  "week-1-notes": "Two half days",
  "week-2-hours": "16",
  "week-3-hours": "24",
  "week-4-hours": "30",
  alteredHours: "Start at 10am for the first month",
  amendedDuties: "",
  workplaceAdaptations: "",
  ...typedDate("review-1", addCalendarDays(today, 21)),
  ...typedDate("review-2", addCalendarDays(today, 35)),
  participantAgreed: "yes",
  agreedWithEmployerBy: "Sam Green, store manager",
  ...typedDate("agreedOn", today),
  outcome: "",
  ...typedDate("outcomeOn", ""),
  action: "save",
  ...extra,
});

beforeAll(async () => {
  testApp = await startTestApp();
  today = calendarDateAt(testApp.clock.now());
  const created = await createTestParticipant(testApp, {
    stage: "engaged",
    givenName: "Robin",
    familyName: "Ashdown",
  });
  participantId = created.id;
  organisationId = created.organisationId;
  await testApp.db
    .update(participant)
    .set({
      workSituation: "employed_off_sick",
      employerName: "greggs ",
      absenceStartDate: addCalendarDays(today, -20),
    })
    .where(eq(participant.id, participantId));
  const staff = await demoStaff(testApp, "employment_specialist");
  specialistId = staff.id;
  const [org] = await testApp.db.select().from(organisation).where(eq(organisation.id, organisationId));
  organisationName = org!.name;
  greggs = await makeEmployer("Greggs");
  royalMail = await makeEmployer("Royal Mail");
  specialist = await signedInAs(testApp.app, "employment_specialist");
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("sickness absence", () => {
  it("offers to start the first absence from the referral, with the employer matched by name", async () => {
    const tab = await specialist.get(base());
    expect(tab.statusCode).toBe(200);
    const text = words(tab.body);
    expect(text).toContain("The referral says they are off sick from greggs , since");
    expect(text).toContain("No sickness absence has been recorded.");
    const form = await specialist.get(`${base()}/absences/new?from=referral`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(new RegExp(`<option value="${greggs}" selected`));
    expect(shownDate(form.body, "startedOn")).toBe(addCalendarDays(today, -20));
    expect(form.body).not.toContain("is not in the list of employers yet");
  });

  it("says when the referral's employer is not one of ours yet, with a way to add it", async () => {
    await testApp.db
      .update(participant)
      .set({ employerName: "Corner Café" })
      .where(eq(participant.id, participantId));
    const form = await specialist.get(`${base()}/absences/new?from=referral`);
    expect(words(form.body)).toContain("Corner Café is not in the list of employers yet.");
    expect(form.body).toContain('href="/employers/new"');
    expect(form.body).not.toMatch(/<option value="[0-9a-f-]{36}" selected/);
    await testApp.db
      .update(participant)
      .set({ employerName: "Greggs" })
      .where(eq(participant.id, participantId));
  });

  it("refuses bad input with a message beside each field", async () => {
    await specialist.get(`${base()}/absences/new`);
    const bad = await specialist.post(`${base()}/absences`, {
      employerId: "",
      ...typedDate("startedOn", addCalendarDays(today, 3)),
      ...typedDate("endedOn", "2026-02-30"),
    });
    expect(bad.statusCode).toBe(400);
    expect(messageBeside(bad.body, "employerId")).toBe("Choose the employer they are off sick from");
    expect(messageBeside(bad.body, "startedOn")).toBe("The first day off sick must be today or in the past");
    expect(messageBeside(bad.body, "endedOn")).toBe("End date must be a real date");
    const backwards = await specialist.post(`${base()}/absences`, {
      employerId: greggs,
      ...typedDate("startedOn", addCalendarDays(today, -5)),
      ...typedDate("endedOn", addCalendarDays(today, -6)),
    });
    expect(messageBeside(backwards.body, "endedOn")).toBe(
      "The first day back must be after the first day off sick",
    );
    // An employer that is not this organisation's is not a choice, whatever is posted.
    const foreign = await specialist.post(`${base()}/absences`, {
      employerId: "00000000-0000-4000-8000-000000000000",
      ...typedDate("startedOn", addCalendarDays(today, -5)),
    });
    expect(messageBeside(foreign.body, "employerId")).toBe("Choose the employer they are off sick from");
    expect(
      await testApp.db.select().from(sicknessAbsence).where(eq(sicknessAbsence.participantId, participantId)),
    ).toEqual([]);
  });

  it("records an open absence and counts the days off to today", async () => {
    await specialist.get(`${base()}/absences/new`);
    const saved = await specialist.post(`${base()}/absences`, {
      employerId: greggs,
      ...typedDate("startedOn", addCalendarDays(today, -20)),
      ...typedDate("endedOn", ""),
      notes: ABSENCE_NOTES,
    });
    expect(saved.statusCode).toBe(303);
    const tab = await specialist.get(saved.headers.location as string);
    const text = words(tab.body);
    expect(text).toContain("The sickness absence has been saved.");
    expect(text).toContain("Off sick from Greggs");
    expect(text).toContain("Still off");
    expect(text).toContain("21 days");
    expect(text).not.toContain("The referral says");
  });

  it("a change based on an old version is refused with 409 and the saved version shown", async () => {
    const absence = await absenceRow();
    const url = `${base()}/absences/${absence.id}`;
    await specialist.get(url);
    const first = await specialist.post(url, {
      version: "1",
      employerId: greggs,
      ...typedDate("startedOn", addCalendarDays(today, -21)),
      notes: ABSENCE_NOTES,
    });
    expect(first.statusCode).toBe(303);
    const stale = await specialist.post(url, {
      version: "1",
      employerId: royalMail,
      ...typedDate("startedOn", addCalendarDays(today, -20)),
    });
    expect(stale.statusCode).toBe(409);
    const text = words(stale.body);
    expect(text).toContain("Someone else changed this while you were editing");
    expect(stale.body).toMatch(new RegExp(`<option value="${royalMail}" selected`));
    expect((await absenceRow()).employerId).toBe(greggs);
    expect((await absenceRow()).startedOn).toBe(addCalendarDays(today, -21));
  });
});

describe("a return-to-work plan", () => {
  const planUrl = async () => `${base()}/absences/${(await absenceRow()).id}/plan`;

  it("adds week rows without JavaScript, keeping what was typed and saving nothing", async () => {
    const url = await planUrl();
    const form = await specialist.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("No weeks yet.");
    const one = await specialist.post(url, {
      ...typedDate("returnOn", addCalendarDays(today, 7)),
      weekCount: "0",
      action: "addWeek",
    });
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('name="week-1-hours"');
    expect(shownDate(one.body, "returnOn")).toBe(addCalendarDays(today, 7));
    expect(one.body).toMatch(/name="advice"[^>]*value="phased_return"[^>]*checked/);
    const two = await specialist.post(url, { weekCount: "1", "week-1-hours": "8", action: "addWeek" });
    expect(two.body).toContain('name="week-2-hours"');
    expect(two.body).toMatch(/name="week-1-hours"[^>]*value="8"/);
    const back = await specialist.post(url, { weekCount: "2", "week-1-hours": "8", action: "removeWeek" });
    expect(back.body).not.toContain('name="week-2-hours"');
    const full = await specialist.post(url, { weekCount: "12", action: "addWeek" });
    expect(full.body).toContain('name="week-12-hours"');
    expect(full.body).not.toContain('name="week-13-hours"');
    expect(full.body).not.toContain('value="addWeek"');
    expect(await planRow()).toBeUndefined();
  });

  it("checks the weeks, the parts ticked and the outcome, with messages beside the fields", async () => {
    const url = await planUrl();
    await specialist.get(url);
    const bad = await specialist.post(
      url,
      fourWeeks({
        "week-2-hours": "81",
        "week-3-hours": "lots",
        advice: ["phased_return", "altered_hours", "amended_duties"],
        outcome: "returned_in_full",
        agreedWithEmployerBy: "",
        ...typedDate("agreedOn", ""),
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(messageBeside(bad.body, "week-2-hours")).toBe(
      "Enter the hours for week 2 as a number from 0 to 80",
    );
    expect(messageBeside(bad.body, "week-3-hours")).toBe(
      "Enter the hours for week 3 as a number from 0 to 80",
    );
    expect(messageBeside(bad.body, "amendedDuties")).toBe("Say what the amended duties are, or untick them");
    expect(messageBeside(bad.body, "outcomeOn")).toBe("Enter the date of the outcome as a real date");
    expect(bad.body).toContain('href="#week-2-hours"');
    const noWeeks = await specialist.post(
      url,
      fourWeeks({ weekCount: "0", agreedWithEmployerBy: "", ...typedDate("agreedOn", "") }),
    );
    expect(messageBeside(noWeeks.body, "weekCount")).toBe(
      "Add at least one week to the phased return, or untick it",
    );
    expect(await planRow()).toBeUndefined();
  });

  it("cannot be agreed with the employer without consent to contact employers, and says why", async () => {
    const url = await planUrl();
    const form = await specialist.get(url);
    expect(words(form.body)).toContain("has not given consent for the service to contact employers");
    const refused = await specialist.post(url, fourWeeks());
    expect(refused.statusCode).toBe(400);
    expect(words(messageBeside(refused.body, "agreedWithEmployerBy") ?? "")).toContain(
      "The person has not given consent for the service to contact employers, so the plan cannot be agreed with their employer or printed for them.",
    );
    expect(await planRow()).toBeUndefined();
    // Drafted with the person, not yet agreed with the employer, it can be saved.
    const draft = await specialist.post(
      url,
      fourWeeks({ agreedWithEmployerBy: "", ...typedDate("agreedOn", ""), participantAgreed: "" }),
    );
    expect(draft.statusCode).toBe(303);
    const plan = await planRow();
    expect(plan?.phasedReturn.map((week) => week.hours)).toEqual([8, 16, 24, 30]);
    const print = await specialist.get(`${base()}/plans/${plan!.id}/print`);
    expect(print.statusCode).toBe(403);
    expect(words(print.body)).toContain("has not given consent for the service to contact employers");
    expect(print.body).not.toContain("Sam Green");
    // The tab says why, and offers no print link.
    const tab = await specialist.get(base());
    expect(words(tab.body)).toContain("has not given consent for the service to contact employers");
    expect(tab.body).not.toContain(`/plans/${plan!.id}/print`);
  });

  it("once they consent, needs their agreement to share it, then is agreed with the employer", async () => {
    await consentToContactEmployers("given");
    const url = await planUrl();
    await specialist.get(url);
    const notAgreed = await specialist.post(url, fourWeeks({ version: "1", participantAgreed: "" }));
    expect(notAgreed.statusCode).toBe(400);
    expect(words(messageBeside(notAgreed.body, "participantAgreed") ?? "")).toContain(
      "The person has not agreed to this plan being shared with their employer",
    );
    const plan = await planRow();
    const print = await specialist.get(`${base()}/plans/${plan!.id}/print`);
    expect(print.statusCode).toBe(403);
    expect(words(print.body)).toContain(
      "The person has not agreed to this plan being shared with their employer",
    );

    const agreed = await specialist.post(url, fourWeeks({ version: "1" }));
    expect(agreed.statusCode).toBe(303);
    const tab = words((await specialist.get(`${base()}?notice=plan`)).body);
    expect(tab).toContain("The return-to-work plan has been saved.");
    expect(tab).toContain("Agreed with Sam Green, store manager on");
    expect(tab).toContain("A phased return, Altered hours");
    expect(tab).toContain("Start at 10am for the first month");
    expect((await specialist.get(base())).body).toContain(`/plans/${(await planRow())!.id}/print`);
    expect((await planRow())!.reviewDates).toEqual([addCalendarDays(today, 21), addCalendarDays(today, 35)]);
  });

  it("a change based on an old version is refused with 409, the saved plan beside the typed one", async () => {
    const url = await planUrl();
    await specialist.get(url);
    const first = await specialist.post(url, fourWeeks({ version: "2", "week-4-hours": "32" }));
    expect(first.statusCode).toBe(303);
    const stale = await specialist.post(url, fourWeeks({ version: "2", "week-4-hours": "20" }));
    expect(stale.statusCode).toBe(409);
    expect(words(stale.body)).toContain("Someone else changed this while you were editing");
    expect(stale.body).toMatch(/<td[^>]*>\s*32\s*<\/td>/);
    expect(stale.body).toMatch(/name="week-4-hours"[^>]*value="20"/);
    expect((await planRow())!.phasedReturn[3]!.hours).toBe(32);
  });
});

describe("the plan printed for the employer", () => {
  const printUrl = async () => `${base()}/plans/${(await planRow())!.id}/print`;
  const neverOnPrint = (html: string) => {
    for (const secret of [
      ABSENCE_NOTES,
      "sertraline",
      "bereavement",
      "PHQ",
      "GAD",
      "Tandem",
      organisationName,
    ])
      expect(html, secret).not.toContain(secret);
    expect(html).not.toContain("nhsuk-header");
    expect(html).not.toContain("app-record-tabs");
  };

  it("with no disclosure choice, names the person, the employer and the arrangements, and nothing else", async () => {
    const page = await specialist.get(await printUrl());
    expect(page.statusCode).toBe(200);
    const text = words(page.body);
    expect(text).toContain("Return-to-work plan");
    expect(text).toContain("Robin Ashdown");
    expect(text).toContain("Greggs");
    expect(text).toMatch(/Week Hours Note 1 8 Two half days 2 16 3 24 4 32/);
    expect(text).toContain("Start at 10am for the first month");
    expect(text).toContain("Agreed with Sam Green, store manager on");
    neverOnPrint(page.body);
    for (const word of ["service", "support", "health", "anxiety", "mental"])
      expect(text.toLowerCase(), word).not.toContain(word);
  });

  it("with 'support from the service', says only that an employment service supports them", async () => {
    await discloseTo(royalMail, "condition", "Something only Royal Mail may be told");
    await discloseTo(greggs, "support_from_service");
    const page = await specialist.get(await printUrl());
    const text = words(page.body);
    expect(text).toContain("Robin Ashdown is supported by an employment service while returning to work.");
    expect(text).not.toContain("Royal Mail");
    expect(text.toLowerCase()).not.toContain("health");
    expect(text).not.toContain("anxiety");
    neverOnPrint(page.body);
  });

  it("with 'condition', adds the words they agreed and no more", async () => {
    await discloseTo(greggs, "condition", CONDITION_WORDING);
    const page = await specialist.get(await printUrl());
    const text = words(page.body);
    expect(text).toContain("Robin Ashdown is supported by an employment service while returning to work.");
    expect(text).toContain(
      `Robin Ashdown has agreed to share this about their health: “${CONDITION_WORDING}”`,
    );
    expect(text).not.toContain("Something only Royal Mail may be told");
    neverOnPrint(page.body);
  });

  it("follows the absence to a corrected employer, with that employer's disclosure choice", async () => {
    const absence = await absenceRow();
    const url = `${base()}/absences/${absence.id}`;
    await specialist.get(url);
    const moved = await specialist.post(url, {
      version: String(absence.version),
      employerId: royalMail,
      ...typedDate("startedOn", absence.startedOn),
      notes: absence.notes,
    });
    expect(moved.statusCode).toBe(303);
    expect((await planRow())!.employerId).toBe(royalMail);
    const text = words((await specialist.get(await printUrl())).body);
    expect(text).toContain("Royal Mail");
    expect(text).toContain("Something only Royal Mail may be told");
    expect(text).not.toContain(CONDITION_WORDING);
    await specialist.get(url);
    const back = await specialist.post(url, {
      version: String(absence.version + 1),
      employerId: greggs,
      ...typedDate("startedOn", absence.startedOn),
      notes: absence.notes,
    });
    expect(back.statusCode).toBe(303);
    expect((await planRow())!.employerId).toBe(greggs);
  });

  it("is refused again once consent to contact employers is withdrawn", async () => {
    await consentToContactEmployers("withdrawn");
    const page = await specialist.get(await printUrl());
    expect(page.statusCode).toBe(403);
    expect(page.body).not.toContain(CONDITION_WORDING);
    await consentToContactEmployers("given");
  });
});

describe("the outcome", () => {
  it("returned in full ends the absence on that date, and the days off stop there", async () => {
    const absence = await absenceRow();
    const url = `${base()}/absences/${absence.id}/plan`;
    await specialist.get(url);
    const saved = await specialist.post(
      url,
      fourWeeks({
        version: "3",
        "week-4-hours": "32",
        outcome: "returned_in_full",
        ...typedDate("outcomeOn", addCalendarDays(today, -1)),
      }),
    );
    expect(saved.statusCode).toBe(303);
    expect((await absenceRow()).endedOn).toBe(addCalendarDays(today, -1));
    const text = words((await specialist.get(base())).body);
    expect(text).toContain("Returned in full on");
    // From 21 days ago up to yesterday, the first day back.
    expect(text).toContain("20 days");
    expect(text).not.toContain("Still off");
  });

  it("absences and plans are on the timeline", async () => {
    const page = await specialist.get(`/participants/${participantId}/timeline?category=work`);
    const text = words(page.body);
    expect(text).toContain("Off sick from work");
    expect(text).toContain("Return-to-work plan made");
    expect(text).toContain("Return-to-work plan agreed with the employer");
    expect(text).toContain("Return to work: Returned in full");
    expect(text).not.toContain(ABSENCE_NOTES);
  });

  it("another participant's absence is not found through this record", async () => {
    const other = await createTestParticipant(testApp, { stage: "engaged" });
    const absence = await absenceRow();
    const page = await specialist.get(`/participants/${other.id}/return-to-work/absences/${absence.id}/plan`);
    expect(page.statusCode).toBe(404);
    const plan = await planRow();
    const print = await specialist.get(`/participants/${other.id}/return-to-work/plans/${plan!.id}/print`);
    expect(print.statusCode).toBe(404);
    const rows = await testApp.db
      .select()
      .from(sicknessAbsence)
      .where(and(eq(sicknessAbsence.participantId, other.id)));
    expect(rows).toEqual([]);
  });
});
