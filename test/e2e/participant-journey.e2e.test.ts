import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/seed";
import type { StaffRole } from "../../src/platform/directory/schema";
import { demoEmail } from "../support/app";
import {
  type BrowserHarness,
  expectNoSeriousAxeViolations,
  fillDate,
  signIn,
  startBrowserHarness,
} from "./support";

// The participant's journey from issue 3: a GP refers, the IPS team takes the referral on, records
// contact and consent, completes the measures and the vocational profile, and agrees a plan; a
// second person's stale edit meets the conflict page. Every page visited is checked with axe-core.

let harness: BrowserHarness;
let gp: Page;
let specialist: Page;
let leader: Page;
/** The new participant's record, e.g. /participants/<uuid>. */
let record = "";

const DAY = 24 * 60 * 60_000;
const url = (path: string) => `${harness.baseUrl}${path}`;
/** A day relative to the app's clock, as a date field sends it. */
const isoDay = (offsetDays: number) =>
  new Date(harness.testApp.clock.now().getTime() + offsetDays * DAY).toISOString().slice(0, 10);

const goal = "I want to get back to my round at Royal Mail, shorter days at first";

beforeAll(async () => {
  harness = await startBrowserHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** A fresh browser context (its own cookies) signed in as the demo person with this role, on the home page. */
async function signedIn(role: StaffRole) {
  const context = await harness.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await visit(page, "/sign-in");
  await signIn(page, harness.baseUrl, demoEmail(role), DEMO_PASSWORD);
  await page.waitForURL(url("/"));
  await expectNoSeriousAxeViolations(page);
  return page;
}

/** Opens a page by its address, expects it to load, and checks it with axe. */
async function visit(page: Page, path: string) {
  const response = await page.goto(url(path));
  expect(response?.status(), path).toBe(200);
  await expectNoSeriousAxeViolations(page);
}

/** Follows a link (or a link styled as a button) in part of the page as a user would, then checks the new page. */
async function follow(page: Page, name: string | RegExp, where = "main") {
  const options = { name, exact: typeof name === "string" };
  const area = page.locator(where);
  const loaded = page.waitForEvent("load");
  await area
    .getByRole("link", options)
    .or(area.getByRole("button", options).and(page.locator("a")))
    .first()
    .click();
  await loaded;
  await expectNoSeriousAxeViolations(page);
}

/** Presses a form's button, waits for the answer page (after any redirect), checks it; returns the POST's status. */
async function submit(page: Page, button: string, lands?: RegExp) {
  const answered = page.waitForResponse((response) => response.request().method() === "POST");
  const loaded = page.waitForEvent("load");
  await page.locator("main").getByRole("button", { name: button, exact: true }).click();
  const status = (await answered).status();
  await loaded;
  if (lands) expect(page.url()).toMatch(lands);
  await expectNoSeriousAxeViolations(page);
  return status;
}

const text = async (page: Page, selector: string) =>
  (await page.locator(selector).first().textContent()) ?? "";
const banner = (page: Page) => text(page, ".nhsuk-notification-banner");
const stage = (page: Page) => text(page, ".app-participant-banner");

/** Answers a questionnaire by each item's value, then says how it was completed and saves. */
async function answer(page: Page, values: (number | string)[], method = "with_participant") {
  for (const [index, value] of values.entries())
    await page.check(`input[name="item${index + 1}"][value="${value}"]`);
  await page.check(`input[name="completionMethod"][value="${method}"]`);
  return submit(page, "Save answers", /\/assessments\/\w+\?completed=/);
}

describe("a participant's journey from referral to an agreed plan", () => {
  it("a GP refers a patient, with clear messages for what is missing", async () => {
    gp = await signedIn("clinician");
    const loaded = gp.waitForEvent("load");
    await gp.locator(".nhsuk-header__navigation-link", { hasText: "Refer someone" }).click();
    await loaded;
    expect(gp.url()).toBe(url("/referrals/new"));
    await expectNoSeriousAxeViolations(gp);

    expect(await submit(gp, "Send referral")).toBe(400);
    const summary = await text(gp, ".nhsuk-error-summary");
    for (const message of [
      "Enter their first name",
      "Enter their last name",
      "Enter a real date of birth",
      "Choose their work situation",
      "Choose who is making the referral",
    ])
      expect(summary).toContain(message);
    expect(await gp.title()).toMatch(/^Error: /);

    // An impossible date of birth gets the NHS.UK date input's message, beside the date and in the
    // summary linked to the day, and keeps what was typed.
    await fillDate(gp, "dateOfBirth", "1988-02-31");
    expect(await submit(gp, "Send referral")).toBe(400);
    const impossible = gp.locator(".nhsuk-error-summary a", { hasText: "Date of birth must be a real date" });
    expect(await impossible.getAttribute("href")).toBe("#dateOfBirth-day");
    expect(await text(gp, "#dateOfBirth-error")).toContain("Date of birth must be a real date");
    expect(await gp.locator("#dateOfBirth-day").inputValue()).toBe("31");
    expect(await gp.locator("#dateOfBirth-month").inputValue()).toBe("2");
    expect(await gp.locator("#dateOfBirth-day").getAttribute("class")).toContain("nhsuk-input--error");
    expect(await gp.locator("#dateOfBirth-year").getAttribute("class")).not.toContain("nhsuk-input--error");
    await impossible.click();
    expect(await gp.evaluate(() => document.activeElement?.id)).toBe("dateOfBirth-day");

    await gp.fill("#givenName", "Marta");
    await gp.fill("#familyName", "Kowalczyk");
    await fillDate(gp, "dateOfBirth", "1988-06-14");
    await gp.fill("#nhsNumber", "943 476 5919");
    await gp.fill("#phone", "07700 900123");
    await gp.check('input[name="workSituation"][value="employed_off_sick"]');
    await gp.fill("#employerName", "Royal Mail");
    await fillDate(gp, "absenceStartDate", isoDay(-30));
    await gp.fill("#hopes", "Back to my round, fewer hours at first");
    expect(await gp.locator("#teamId").inputValue()).not.toBe("");
    await gp.selectOption("#source", "gp");
    expect(await gp.locator("#referrerName").inputValue()).toBe("Dr Tom Okafor");
    await gp.fill("#referrerOrganisation", "Ladywood Medical Practice");
    expect(await submit(gp, "Send referral", /\/participants\/[0-9a-f-]{36}\?notice=created$/)).toBe(302);
    record = new URL(gp.url()).pathname;
    expect(await banner(gp)).toContain("Referral sent. The team will contact the person.");
    expect(await text(gp, ".app-participant-header")).toContain("Marta Kowalczyk");
    expect(await stage(gp)).toContain("943 476 5919");
    expect(await stage(gp)).toContain("Referred");
  });

  it("the employment specialist sees it waiting, records contact, takes it on and records consent", async () => {
    // Three days pass before the team gets to it (every session lapses meanwhile).
    harness.testApp.clock.advance(3 * DAY);
    specialist = await signedIn("employment_specialist");
    await follow(specialist, "Referrals", ".nhsuk-header");
    const row = specialist.locator("table tbody tr", { hasText: "Marta Kowalczyk" });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain("3 days");
    expect(await row.textContent()).toContain("GP");

    await follow(specialist, "Marta Kowalczyk");
    expect(specialist.url()).toBe(url(`${record}/referral`));
    expect(await text(specialist, "main")).toContain("Waiting 3 days since referral");
    await specialist.selectOption("#method", "face_to_face");
    await specialist.selectOption("#outcome", "met_face_to_face");
    await specialist.fill("#note", "Met at the GP surgery; keen to get back to work");
    expect(await submit(specialist, "Record a contact attempt", /\/referral\?notice=attempt$/)).toBe(302);
    expect(await banner(specialist)).toContain("Contact attempt recorded.");
    const attempts = await text(specialist, "main table");
    expect(attempts).toContain("Face to face");
    expect(attempts).toContain("Met face to face");
    expect(attempts).toContain("Priya Shah");

    await submit(specialist, "Take on this referral", /\/referral\?notice=taken$/);
    expect(await banner(specialist)).toContain("You are now the lead employment specialist");

    // Before any consent, the scores stay with the clinical team.
    await follow(specialist, "Assessments", ".app-record-tabs");
    expect(await text(specialist, "main")).toContain("has not agreed to share assessment scores");

    await follow(specialist, "Consent", ".app-record-tabs");
    const consents: [string, string[]][] = [
      ["employment_support", []],
      ["share_health_information", ["assessment_scores"]],
      ["contact_employers", []],
    ];
    for (const [purpose, scope] of consents) {
      await specialist.selectOption("#purpose", purpose);
      await specialist.check('input[name="decision"][value="given"]');
      for (const kind of scope) await specialist.check(`input[name="scope"][value="${kind}"]`);
      await specialist.check('input[name="method"][value="verbal"]');
      expect(await submit(specialist, "Record a decision", /\/consent\?notice=consent$/)).toBe(302);
      expect(await banner(specialist)).toContain("Consent decision recorded.");
    }
    const history = specialist.locator("main table tbody tr");
    expect(await history.count()).toBe(3);
    const historyText = await text(specialist, "main table");
    for (const expected of [
      "Taking part in employment support",
      "Sharing health information with the employment specialist",
      "Questionnaire scores (PHQ-9, GAD-7)",
      "Contacting employers on their behalf",
      "Priya Shah",
    ])
      expect(historyText).toContain(expected);

    // The first meeting, on the Contacts tab.
    await follow(specialist, "Contacts and notes", ".app-record-tabs");
    await follow(specialist, "Record a contact");
    await fillDate(specialist, "date", isoDay(-1));
    await specialist.fill("#time", "10:30");
    await specialist.check('input[name="method"][value="face_to_face"]');
    await specialist.check('input[name="withWhom"][value="participant"]');
    await specialist.fill("#durationMinutes", "45");
    await specialist.check('input[name="attendance"][value="attended"]');
    await specialist.check('input[name="noteKind"][value="employment"]');
    await specialist.fill(
      "#note",
      "First meeting. Talked about the round and what a phased return could look like.",
    );
    expect(await submit(specialist, "Save contact", /\/contacts\?notice=saved$/)).toBe(302);
    expect(await banner(specialist)).toContain("The contact has been saved.");
    expect(await text(specialist, "main table")).toContain("Face-to-face meeting");
  });

  it("PHQ-9, GAD-7 and WSAS are scored and banded; the vocational profile makes the person engaged", async () => {
    // The GP, on the care team since referring, completes the PHQ-9 with the patient.
    gp = await signedIn("clinician");
    await visit(gp, `${record}/assessments`);
    await follow(gp, "Complete PHQ-9");
    expect(await answer(gp, [2, 2, 2, 1, 1, 1, 1, 1, 0, 1])).toBe(303);
    expect(await banner(gp)).toContain("PHQ-9 recorded: 11 / 27, Moderate.");

    // With consent to share questionnaire scores, the specialist completes the others.
    await visit(specialist, `${record}/assessments`);
    await follow(specialist, "Complete GAD-7");
    expect(await answer(specialist, [1, 1, 1, 1, 1, 1, 1])).toBe(303);
    expect(await banner(specialist)).toContain("GAD-7 recorded: 7 / 21, Mild.");
    await visit(specialist, `${record}/assessments`);
    await follow(specialist, "Complete WSAS");
    expect(await answer(specialist, [4, 4, 2, 2, 3])).toBe(303);
    expect(await banner(specialist)).toContain("WSAS recorded: 15 / 40, Significant functional impairment.");

    await visit(specialist, `${record}/assessments`);
    const measures = specialist.locator("main table").first();
    for (const [measure, score, band] of [
      ["PHQ-9", "11 / 27", "Moderate"],
      ["GAD-7", "7 / 21", "Mild"],
      ["WSAS", "15 / 40", "Significant functional impairment"],
    ]) {
      const rowText = await measures.locator("tbody tr", { hasText: measure }).first().textContent();
      expect(rowText).toContain(score);
      expect(rowText).toContain(band);
    }
    expect(await stage(specialist)).toContain("Referred");

    await visit(specialist, `${record}/assessments/vocational-profile`);
    await specialist.fill("#job0-employer", "Royal Mail");
    await specialist.fill("#job0-role", "Postal worker");
    await specialist.fill("#job0-from", "2015");
    await specialist.fill("#skills", "Knows every street in the round; reliable");
    await specialist.fill("#preferredJobTypes", "Postal delivery, daytime");
    await specialist.fill("#hoursPerWeek", "20");
    await specialist.check('input[name="shifts"][value="weekday_daytime"]');
    await specialist.check('input[name="barriers"][value="confidence"]');
    await specialist.check('input[name="benefitsCounselling"][value="no"]');
    await specialist.check('input[name="disclosurePreference"][value="support_from_service"]');
    expect(await submit(specialist, "Save changes", /\/assessments\?notice=profile_saved$/)).toBe(303);
    expect(await banner(specialist)).toContain("The vocational profile has been saved.");
    expect(await text(specialist, "main")).toContain("Postal delivery, daytime");
    expect(await stage(specialist)).toContain("Engaged");
  });

  it("the specialist moves her to looking for work from her record, after confirming; every tab agrees", async () => {
    await follow(specialist, "Summary", ".app-record-tabs");
    expect(await submit(specialist, "Move to looking for work")).toBe(200);
    expect(await text(specialist, "main h1")).toContain("Move Marta to looking for work?");
    expect(await submit(specialist, "Yes, they are looking for work", /\?notice=lookingForWork$/)).toBe(302);
    expect(await banner(specialist)).toContain("They are now looking for work");
    expect(await stage(specialist)).toContain("Looking for work");
    await follow(specialist, "Referral", ".app-record-tabs");
    expect(await stage(specialist)).toContain("Looking for work");
    const referralRows = await text(specialist, "main .nhsuk-summary-list");
    expect(referralRows).toContain("Looking for work");
    expect(referralRows).toContain("Taken up: the person engaged");
  });

  it("a plan in the person's words, with an early-warning sign and a contingency plan, is agreed and printed", async () => {
    await follow(specialist, "Plan", ".app-record-tabs");
    await submit(specialist, "Start the plan", /\/plan\?notice=started$/);
    expect(await banner(specialist)).toContain("The plan has been started.");

    await follow(specialist, "Add a goal");
    await specialist.fill("#goal", goal);
    await specialist.fill("#successLooksLike", "Doing two rounds a week by spring");
    await submit(specialist, "Add", /\/plan\?notice=goalAdded/);

    await follow(specialist, "Add an action");
    await specialist.fill("#description", "Ask my manager about a phased return");
    await specialist.selectOption("#ownerKind", "participant");
    await fillDate(specialist, "dueDate", isoDay(14));
    await specialist.selectOption("#goalId", { label: goal });
    await submit(specialist, "Add", /\/plan\?notice=actionAdded/);

    await follow(specialist, "Add an early-warning sign");
    await specialist.fill("#sign", "My sleep times start drifting");
    await specialist.fill("#whatIWillDo", "Keep my alarm and walk the dog before nine");
    await specialist.fill("#whatMyTeamWillDo", "Priya checks in by phone that week");
    await submit(specialist, "Add", /\/plan\?notice=signAdded/);

    await follow(specialist, "Write the contingency plan");
    await specialist.fill("#contingencyText", "If job coaching is too much for now, I keep going to groups");
    await specialist.check('input[name="alternatives"][value="outpatient_groups"]');
    await specialist.check('input[name="alternatives"][value="clubhouse"]');
    await submit(specialist, "Add", /\/plan\?notice=contingencySaved/);
    const plan = await text(specialist, "main");
    for (const expected of [goal, "Ask my manager about a phased return", "My sleep times start drifting"])
      expect(plan).toContain(expected);
    expect(plan).toContain("This plan has not been agreed yet");

    await follow(specialist, "Agree this version");
    await fillDate(specialist, "reviewDate", isoDay(90));
    await specialist.getByLabel(/^Priya Shah/).check();
    await specialist.getByLabel(/^Dr Tom Okafor/).check();
    await specialist.selectOption("#participantAgreement", "agreed_in_person");
    await submit(specialist, "Agree and keep this version", /\/plan\?notice=agreed/);
    expect(await banner(specialist)).toContain("This version of the plan has been agreed and kept.");
    expect(await text(specialist, "main")).toContain("Version 1 was agreed on");

    await follow(specialist, "Printable plan to give to the person");
    expect(specialist.url()).toBe(url(`${record}/plan/print`));
    const printed = await text(specialist, "body");
    for (const expected of [
      "Marta Kowalczyk's support plan",
      goal,
      "My sleep times start drifting",
      "Keep my alarm and walk the dog before nine",
      "Priya checks in by phone that week",
      "If job coaching is too much for now, I keep going to groups",
      "Outpatient clinic groups",
      "Clubhouse",
    ])
      expect(printed).toContain(expected);
  });

  it("the team leader's stale edit of a goal gets the conflict page with both versions", async () => {
    leader = await signedIn("team_leader");
    await visit(leader, `${record}/plan`);
    await follow(leader, /^Change/);
    const goalForm = new URL(leader.url()).pathname;
    expect(goalForm).toMatch(/\/plan\/goals\/[0-9a-f-]{36}$/);

    await visit(specialist, goalForm);
    await specialist.fill("#goal", `${goal}, starting in January`);
    expect(await submit(specialist, "Save changes", /\/plan\?notice=goalSaved/)).toBe(302);

    await leader.fill("#goal", `${goal}, with the early shift`);
    expect(await submit(leader, "Save changes")).toBe(409);
    const conflict = await text(leader, ".nhsuk-card--warning");
    expect(conflict).toContain("Someone else changed this while you were editing");
    expect(conflict).toContain(`${goal}, starting in January`);
    expect(conflict).toContain(`${goal}, with the early shift`);
    // Nothing was lost: what the leader typed is still in the form, and saving now goes through.
    expect(await leader.locator("#goal").inputValue()).toBe(`${goal}, with the early shift`);
    expect(await submit(leader, "Save changes", /\/plan\?notice=goalSaved/)).toBe(302);
    expect(await banner(leader)).toContain("The goal has been saved.");
    expect(await text(leader, "main")).toContain(`${goal}, with the early shift`);
  });

  it("the timeline shows every step; the access log, for the team leader only, lists the reads", async () => {
    await visit(specialist, record);
    await follow(specialist, "Timeline", ".app-record-tabs");
    const titles = await specialist.locator(".app-timeline__title").allTextContents();
    const timeline = titles.map((title) => title.trim()).join("\n");
    for (const expected of [
      "Referral received from a GP",
      "face to face, met face to face",
      "Priya Shah joined the care team",
      "Consent given: taking part in employment support",
      "Consent given: sharing health information with the employment specialist",
      "Consent given: contacting employers on their behalf",
      "PHQ-9 completed: Moderate",
      "GAD-7 completed: Mild",
      "WSAS completed: Significant functional impairment",
      "Vocational profile started",
      "Referral closed: the person engaged with the service",
      "Support plan started",
      "Support plan version 1 agreed",
      "Face-to-face meeting with the participant",
    ])
      expect(timeline).toContain(expected);
    expect(await specialist.locator(".app-record-tabs").textContent()).not.toContain("Access log");
    expect((await specialist.goto(url(`${record}/access-log`)))?.status()).toBe(403);
    await expectNoSeriousAxeViolations(specialist);

    await visit(leader, record);
    await follow(leader, "Access log", ".app-record-tabs");
    const log = leader.locator("main table tbody tr");
    expect(await log.count()).toBeGreaterThan(10);
    const logText = await text(leader, "main table");
    for (const who of ["Dr Tom Okafor", "Priya Shah", "Aisha Karim"]) expect(logText).toContain(who);
    expect(logText).toContain("Looked at");
    expect(logText).toContain("Changed");
    // Newest first: the leader's own look at this page heads the log.
    expect(await log.first().textContent()).toContain("Aisha Karim");
  });

  it("a second referral of the same person is flagged; the team leader compares the two and merges it into her record", async () => {
    await visit(gp, "/referrals/new");
    await gp.fill("#givenName", "Marta");
    await gp.fill("#familyName", "Kowalczyk");
    await fillDate(gp, "dateOfBirth", "1988-06-14");
    await gp.check('input[name="workSituation"][value="unemployed"]');
    await gp.selectOption("#source", "gp");
    expect(await submit(gp, "Send referral")).toBe(409);
    await gp.check('input[name="duplicateDecision"][value="new"]');
    expect(await submit(gp, "Continue", /\/participants\/[0-9a-f-]{36}\?notice=created$/)).toBe(302);
    const second = new URL(gp.url()).pathname;
    expect(second).not.toBe(record);

    await visit(leader, `${second}/referral`);
    expect(await text(leader, ".nhsuk-card--warning")).toContain("may be about someone already known");
    await follow(leader, "Compare and merge the records");
    const comparison = await text(leader, "main table");
    expect(comparison).toContain("Marta Kowalczyk");
    expect(comparison).toContain("943 476 5919");
    // Not confirmed: the error summary says so and nothing is merged.
    await leader.check('input[name="keep"][value="other"]');
    expect(await submit(leader, "Merge the records")).toBe(400);
    expect(await text(leader, ".nhsuk-error-summary")).toContain("Tick the box to confirm");
    await leader.check('input[name="keep"][value="other"]');
    await leader.check('input[name="checked"][value="yes"]');
    expect(await submit(leader, "Merge the records", new RegExp(`${record}\\?notice=merged$`))).toBe(302);
    expect(await banner(leader)).toContain("The records are merged.");
    // The second record's address now leads to hers.
    const gone = await leader.goto(url(second));
    expect(gone?.status()).toBe(410);
    await expectNoSeriousAxeViolations(leader);
    await follow(leader, "Go to the record it was merged into");
    expect(new URL(leader.url()).pathname).toBe(record);
  });

  it("on the referral form, the skip link is the first Tab stop and moves focus to the main content", async () => {
    await visit(gp, "/referrals/new");
    await gp.keyboard.press("Tab");
    expect(await gp.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Skip to main content");
    await gp.keyboard.press("Enter");
    await gp.waitForURL(/#maincontent$/);
    expect(await gp.evaluate(() => document.activeElement?.id)).toBe("maincontent");
    // The next Tab stop is inside the main content, not back in the header.
    await gp.keyboard.press("Tab");
    expect(await gp.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
  });
});
