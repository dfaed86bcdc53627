import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/seed";
import { vocationalProfile } from "../../src/features/assessments/schema";
import { contact } from "../../src/features/contacts/schema";
import { employer, job } from "../../src/features/employment/schema";
import { followAlong } from "../../src/features/monitoring/schema";
import { consentRecord, participant } from "../../src/features/participants/schema";
import { calendarDateAt } from "../../src/platform/clock";
import { staffAccount } from "../../src/platform/directory/schema";
import { demoEmail } from "../support/app";
import { createTestParticipant } from "../support/participants";
import {
  type BrowserHarness,
  expectNoSeriousAxeViolations,
  fillDate,
  signIn,
  startBrowserHarness,
} from "./support";

// Issue 5's journey: a specialist logs a face-to-face employer contact, records a vacancy, finds it
// among a job seeker's suggestions, records their application and their job start, and the person
// is in follow-along; then, for someone off sick, a return-to-work plan with a four-week phased
// return is agreed and printed for the employer with nothing the person did not agree to share.
// axe-core on every page.

let harness: BrowserHarness;
let specialist: Page;
let seeker: { id: string; organisationId: string };
let offSick: { id: string; organisationId: string };
let printWorksId = "";
let today = "";
const url = (path: string) => `${harness.baseUrl}${path}`;
const mainText = async (page: Page) => (await page.locator("main").textContent()) ?? "";

/** Submits the main form's first visible submit button (or the named one) and waits for the next page. */
async function press(page: Page, name?: string) {
  const loaded = page.waitForEvent("load");
  if (name) await page.locator("main").getByRole("button", { name, exact: true }).click();
  else await page.locator("main form[method=post] button[type=submit]:visible").last().click();
  await loaded;
  await expectNoSeriousAxeViolations(page);
}

async function visit(page: Page, path: string) {
  await page.goto(url(path));
  await expectNoSeriousAxeViolations(page);
}

beforeAll(async () => {
  harness = await startBrowserHarness();
  const { db, clock } = harness.testApp;
  const now = clock.now();
  today = calendarDateAt(now);
  const [me] = await db
    .select()
    .from(staffAccount)
    .where(eq(staffAccount.email, demoEmail("employment_specialist")));
  const consentToEmployerContact = (participantId: string, organisationId: string) =>
    db.insert(consentRecord).values({
      organisationId,
      participantId,
      purpose: "contact_employers",
      decision: "given",
      method: "verbal",
      recordedBy: me!.id,
      recordedAt: now,
    });
  const profile = (participantId: string, organisationId: string, values: object) =>
    db.insert(vocationalProfile).values({
      organisationId,
      participantId,
      startedAt: now,
      startedBy: me!.id,
      updatedAt: now,
      updatedBy: me!.id,
      ...values,
    });

  // A job seeker who wants daytime garden-centre work near home, about 20 hours a week.
  seeker = await createTestParticipant(harness.testApp, { stage: "job_seeking", givenName: "Nadia" });
  await db
    .update(participant)
    .set({ address: "14 Hagley Road, Birmingham B15 2TT" })
    .where(eq(participant.id, seeker.id));
  await consentToEmployerContact(seeker.id, seeker.organisationId);
  await profile(seeker.id, seeker.organisationId, {
    preferredJobTypes: "Greenhouse nursery work, plants",
    hoursPerWeek: 20,
    shifts: ["weekday_daytime"],
    travelMiles: 8,
    disclosurePreference: "support_from_service",
  });

  // Someone off sick from a print works, whose profile and record hold health details the
  // employer must never see.
  offSick = await createTestParticipant(harness.testApp, { stage: "engaged", givenName: "Owen" });
  const [printWorks] = await db
    .insert(employer)
    .values({
      organisationId: offSick.organisationId,
      name: "Northfield Print Works",
      sector: "manufacturing",
      createdBy: me!.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  printWorksId = printWorks!.id;
  const sixWeeksAgo = calendarDateAt(new Date(now.getTime() - 42 * 86_400_000));
  await db
    .update(participant)
    .set({
      workSituation: "employed_off_sick",
      employerName: "Northfield Print Works",
      absenceStartDate: sixWeeksAgo,
    })
    .where(eq(participant.id, offSick.id));
  await consentToEmployerContact(offSick.id, offSick.organisationId);
  await profile(offSick.id, offSick.organisationId, {
    disclosurePreference: "condition",
    disclosureWording: "panic attacks on crowded shop floors",
  });
  await db.insert(contact).values({
    organisationId: offSick.organisationId,
    participantId: offSick.id,
    occurredAt: now,
    method: "face_to_face",
    withWhom: "participant",
    durationMinutes: 30,
    attendance: "attended",
    noteKind: "clinical",
    note: "Started sertraline 50 mg.",
    faceToFaceEmployerContact: false,
    recordedBy: me!.id,
    recordedAt: now,
  });

  const context = await harness.browser.newContext({ bypassCSP: true });
  specialist = await context.newPage();
  await signIn(specialist, harness.baseUrl, demoEmail("employment_specialist"), DEMO_PASSWORD);
  await specialist.waitForURL(url("/"));
});

afterAll(async () => {
  await harness?.close();
});

describe("into work, and back to work", () => {
  let employerPath = "";
  let opportunityTitle = "";

  it("the specialist adds an employer and logs a face-to-face contact with them", async () => {
    await visit(specialist, "/employers/new");
    await specialist.fill("#name", "Greenway Nurseries");
    await specialist.selectOption("#sector", "agriculture_and_environment");
    await press(specialist);
    await specialist.waitForURL(/\/employers\/[0-9a-f-]{36}\?notice=saved/);
    employerPath = new URL(specialist.url()).pathname;

    await visit(specialist, `${employerPath}/contacts/new`);
    await specialist.check("#contactType-2");
    await specialist.check("#faceToFace");
    await specialist.fill("#withWhom", "Site manager");
    await specialist.fill("#outcome", "Walked the greenhouses; they take on daytime staff each spring.");
    await press(specialist);
    expect(await mainText(specialist)).toContain("Walked the greenhouses");
  });

  it("records a vacancy there", async () => {
    opportunityTitle = "Greenhouse nursery assistant";
    await visit(specialist, `${employerPath}/opportunities/new`);
    await specialist.fill("#title", opportunityTitle);
    await specialist.fill("#jobType", "greenhouse nursery plants");
    await specialist.fill("#hoursPerWeek", "20");
    await specialist.fill("#hourlyPay", "12.90");
    await specialist.check("input[name=shifts][value=weekday_daytime]");
    await specialist.fill("#location", "Edgbaston nursery");
    await specialist.fill("#postcodeDistrict", "b15");
    await press(specialist);
    await specialist.waitForURL(/\/opportunities\/[0-9a-f-]{36}/);
    const page = await mainText(specialist);
    expect(page).toContain(opportunityTitle);
    expect(page).not.toContain("would not count as a competitive job");
  });

  it("finds it first among the job seeker's suggestions, with the reasons, and records the application", async () => {
    await visit(specialist, `/participants/${seeker.id}/work/suggestions`);
    const page = await mainText(specialist);
    expect(page).toContain("never applies for a job on anyone's behalf");
    const first = specialist.locator("main ol > li.nhsuk-card").first();
    const card = (await first.textContent()) ?? "";
    expect(card).toContain(opportunityTitle);
    expect(card).toContain("Greenway Nurseries");
    expect(card).toMatch(/100 out of 100/);

    const loaded = specialist.waitForEvent("load");
    await first.getByRole("link", { name: /Record an application/ }).click();
    await loaded;
    await expectNoSeriousAxeViolations(specialist);
    expect(await specialist.inputValue("#title")).toBe(opportunityTitle);
    await specialist.check("input[name=status][value=applied]");
    await fillDate(specialist, "appliedOn", today);
    await press(specialist);
    await specialist.waitForURL(/\/work\?notice=application/);
    const work = await mainText(specialist);
    expect(work).toContain(opportunityTitle);
    expect(work).toContain("Applied");
  });

  it("records the job start from that application, and the person is in follow-along", async () => {
    await visit(specialist, `/participants/${seeker.id}/work/jobs/new`);
    const employerValue = await specialist
      .locator("#employerId option", { hasText: "Greenway Nurseries" })
      .getAttribute("value");
    await specialist.selectOption("#employerId", employerValue!);
    await specialist.fill("#title", opportunityTitle);
    await fillDate(specialist, "startedOn", today);
    await specialist.fill("#hoursPerWeek", "20");
    await specialist.fill("#hourlyPayPence", "12.90");
    await specialist.selectOption("#contractType", "permanent");
    await specialist.check("input[name=openLabourMarket][value=yes]");
    await specialist.check("input[name=timeLimitedByService][value=no]");
    const application = await specialist
      .locator("#applicationId option", { hasText: opportunityTitle })
      .getAttribute("value");
    await specialist.selectOption("#applicationId", application!);
    await press(specialist);
    await specialist.waitForURL(/notice=jobStarted/);
    expect(await mainText(specialist)).toContain("follow-along support is running");

    await visit(specialist, `/participants/${seeker.id}/follow-along`);
    const followAlongPage = await mainText(specialist);
    expect(followAlongPage).toContain("Follow-along since");
    expect(followAlongPage).toContain("First contact after starting");
    const [person] = await harness.testApp.db
      .select({ stage: participant.stage })
      .from(participant)
      .where(eq(participant.id, seeker.id));
    expect(person!.stage).toBe("in_work");
    const [support] = await harness.testApp.db
      .select()
      .from(followAlong)
      .where(eq(followAlong.participantId, seeker.id));
    expect(support).toMatchObject({ status: "active", jobStartedOn: today });
    const [recorded] = await harness.testApp.db.select().from(job).where(eq(job.participantId, seeker.id));
    expect(recorded).toMatchObject({ competitive: true, hourlyPayPence: 1290 });
  });

  it("agrees a four-week phased return with the employer and prints it without undisclosed health details", async () => {
    // The person chose what this employer may be told: that they have support, nothing more.
    await visit(specialist, `/participants/${offSick.id}/work/disclosures/new`);
    await specialist.selectOption("#employerId", printWorksId);
    await specialist.check("input[name=choice][value=support_from_service]");
    await press(specialist);
    await specialist.waitForURL(/notice=disclosure/);

    await visit(specialist, `/participants/${offSick.id}/return-to-work`);
    const loaded = specialist.waitForEvent("load");
    await specialist.locator("main a", { hasText: "Record this absence" }).click();
    await loaded;
    await expectNoSeriousAxeViolations(specialist);
    await specialist.selectOption("#employerId", printWorksId);
    await press(specialist, "Save the absence");
    expect(await mainText(specialist)).toContain("Off sick from Northfield Print Works");

    await specialist.locator("main a", { hasText: "Make a return-to-work plan" }).click();
    await specialist.waitForLoadState("load");
    await expectNoSeriousAxeViolations(specialist);
    const returnOn = calendarDateAt(new Date(harness.testApp.clock.now().getTime() + 7 * 86_400_000));
    await fillDate(specialist, "returnOn", returnOn);
    for (let week = 0; week < 4; week++) await press(specialist, "Add a week");
    const hours = ["8", "16", "24", "30"];
    for (const [index, value] of hours.entries())
      await specialist.fill(`[name="${`week-${index + 1}-hours`}"]`, value);
    await specialist.check("input[name=advice][value=phased_return]");
    await specialist.fill("#agreedWithEmployerBy", "J. Price, HR manager");
    await fillDate(specialist, "agreedOn", today);
    await specialist.check("input[name=participantAgreed]");
    await press(specialist, "Save the plan");
    const tab = await mainText(specialist);
    expect(tab).toContain("Agreed with J. Price, HR manager");

    const printLink = specialist
      .locator("main")
      .getByRole("link", { name: "Print the plan for the employer" });
    const href = await printLink.getAttribute("href");
    await visit(specialist, href!);
    const printed = (await specialist.locator("body").textContent()) ?? "";
    expect(printed).toContain("Northfield Print Works");
    for (const value of hours) expect(printed).toContain(value);
    expect(printed).toContain("supported by an employment service");
    for (const undisclosed of ["panic attacks", "sertraline", "PHQ", "Tandem", "Started"])
      expect(printed).not.toContain(undisclosed);
  });
});
