import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/seed";
import { checkIn, participantAlert } from "../../src/features/monitoring/schema";
import type { StaffRole } from "../../src/platform/directory/schema";
import { demoEmail } from "../support/app";
import { createTestParticipant } from "../support/participants";
import { type BrowserHarness, expectNoSeriousAxeViolations, signIn, startBrowserHarness } from "./support";

// Issue 4's journey: a participant accepts an invitation, signs in, logs a week of check-ins whose
// sleep drifts; the care team sees the alert with its evidence; the clinician acknowledges it with
// what was done and resolves it; the participant sees it dealt with. axe-core on every page.

let harness: BrowserHarness;
let person: { id: string; organisationId: string };
let code = "";
const SIGN_IN_NAME = "alex.nights";
const PASSWORD = "slow mornings and long walks";
const DAY = 24 * 60 * 60_000;
const url = (path: string) => `${harness.baseUrl}${path}`;

const textOf = async (locator: { textContent(): Promise<string | null> }) =>
  (await locator.textContent()) ?? "";

async function newPage() {
  const context = await harness.browser.newContext({ bypassCSP: true });
  return context.newPage();
}

async function staffPage(role: StaffRole) {
  const page = await newPage();
  await signIn(page, harness.baseUrl, demoEmail(role), DEMO_PASSWORD);
  await page.waitForURL(url("/"));
  return page;
}

/** Presses a button in the main content, waits for the page it leads to, checks it with axe. */
async function press(page: Page, name: string) {
  const loaded = page.waitForEvent("load");
  await page.locator("main").getByRole("button", { name, exact: true }).click();
  await loaded;
  await expectNoSeriousAxeViolations(page);
}

beforeAll(async () => {
  harness = await startBrowserHarness();
  person = await createTestParticipant(harness.testApp, { stage: "job_seeking", givenName: "Alex" });
  // A settled month before the week this journey records: about 7.5 hours, in bed by 23:15.
  const now = harness.testApp.clock.now().getTime();
  await harness.testApp.db.insert(checkIn).values(
    Array.from({ length: 28 }, (_, index) => ({
      organisationId: person.organisationId,
      participantId: person.id,
      recordedAt: new Date(now - (34 - index) * DAY),
      source: "participant" as const,
      sleepHours: index % 2 === 0 ? 7.5 : 7,
      bedtime: index % 2 === 0 ? "23:00" : "23:15",
      mood: 6,
    })),
  );
});

afterAll(async () => {
  await harness?.close();
});

describe("noticing early: check-ins, an alert, and what was done", () => {
  it("the specialist prints an invitation code for the person", async () => {
    const specialist = await staffPage("employment_specialist");
    await specialist.goto(url(`/participants/${person.id}/portal`));
    await expectNoSeriousAxeViolations(specialist);
    await specialist.getByLabel("Printed code").check();
    await press(specialist, "Create invitation");
    code = ((await specialist.locator("main .app-monospace").first().textContent()) ?? "").trim();
    expect(code).not.toBe("");
    await specialist.context().close();
  });

  it("the person accepts it and sets up their own sign-in", async () => {
    const page = await newPage();
    await page.goto(url("/my/invitation"));
    await expectNoSeriousAxeViolations(page);
    await page.locator("#code").fill(code);
    await press(page, "Continue");
    await page.locator("#signInName").fill(SIGN_IN_NAME);
    await page.locator("#password").fill(PASSWORD);
    await page.locator("#confirmPassword").fill(PASSWORD);
    await press(page, "Create account");
    expect(page.url()).toContain("/my");
    expect(await textOf(page.locator("header"))).toContain("My check-ins");
    await page.context().close();
  });

  it("logs a week of check-ins whose sleep drifts, by keyboard", async () => {
    const nights = [
      { hours: "6", bedtime: "00:30" },
      { hours: "5", bedtime: "01:30" },
      { hours: "4.5", bedtime: "02:00" },
      { hours: "5", bedtime: "01:45" },
      { hours: "4", bedtime: "02:30" },
    ];
    for (const night of nights) {
      harness.testApp.clock.advance(DAY);
      const page = await newPage();
      await page.goto(url("/my/sign-in"));
      await page.locator("#signInName").fill(SIGN_IN_NAME);
      await page.locator("#password").fill(PASSWORD);
      await press(page, "Sign in");
      await page.goto(url("/my/check-ins/new"));
      await expectNoSeriousAxeViolations(page);
      await page.locator("#sleepHours").fill(night.hours);
      await page.locator("#bedtime").fill(night.bedtime);
      // Enter in a field goes on to the next question, as a keyboard user would expect.
      let loaded = page.waitForEvent("load");
      await page.locator("#bedtime").press("Enter");
      await loaded;
      expect(await textOf(page.locator("h1"))).toContain("How has your mood been today?");
      await expectNoSeriousAxeViolations(page);
      await page.locator("#mood").focus();
      await page.keyboard.press("Space");
      for (const question of ["How stressed", "How much energy", "Check your answers"]) {
        loaded = page.waitForEvent("load");
        await page.locator("main").getByRole("button", { name: "Continue", exact: true }).press("Enter");
        await loaded;
        expect(await textOf(page.locator("h1"))).toContain(question);
      }
      await expectNoSeriousAxeViolations(page);
      await press(page, "Save check-in");
      expect(await textOf(page.locator("main"))).toContain("Your check-in is saved");
      await page.context().close();
    }
    const [alert] = await harness.testApp.db
      .select()
      .from(participantAlert)
      .where(eq(participantAlert.participantId, person.id));
    expect(alert?.rule).toBe("sleep_destabilisation");
  });

  it("the clinician sees the alert with its evidence, acknowledges it with what was done, and resolves it", async () => {
    const clinician = await staffPage("clinician");
    await clinician.goto(url("/alerts"));
    await expectNoSeriousAxeViolations(clinician);
    const loaded = clinician.waitForEvent("load");
    // Alex's alert among the team's (the demo service has its own).
    const alexs = clinician.locator(`main a[href^="/participants/${person.id}/alerts/"]`);
    expect(await alexs.textContent()).toContain("Sleep pattern changing");
    await alexs.click();
    await loaded;
    await expectNoSeriousAxeViolations(clinician);
    const main = clinician.locator("main");
    expect(await textOf(main)).toContain("What the rule found");
    expect(await main.locator("figure svg[role=img]").first().isVisible()).toBe(true);
    // The evidence's figures are in a table for screen readers, the drifting nights marked.
    expect(await textOf(main.locator("figure table").first())).toContain("4.5");
    await clinician.getByLabel("Contact made with the person").check();
    await clinician
      .locator("#actionNote")
      .fill("Phoned Alex: night shifts on the new rota; agreed to raise it with the manager.");
    await press(clinician, "Acknowledge alert");
    expect(await textOf(main)).toContain("Contact made with the person");
    await clinician.locator("#resolutionNote").fill("Rota changed to days from next week.");
    await press(clinician, "Resolve alert");
    expect(await textOf(main)).toContain("Resolved");
    await clinician.context().close();
  });

  it("the person sees in plain words that it was dealt with", async () => {
    const page = await newPage();
    await page.goto(url("/my/sign-in"));
    await page.locator("#signInName").fill(SIGN_IN_NAME);
    await page.locator("#password").fill(PASSWORD);
    await press(page, "Sign in");
    await page.goto(url("/my"));
    await expectNoSeriousAxeViolations(page);
    const main = page.locator("main");
    expect(await textOf(main)).toContain("Your team dealt with this on");
    expect(await textOf(main)).not.toContain("night shifts");
    // Their work page, reached from their navigation, says plainly that nothing is recorded yet.
    const loaded = page.waitForEvent("load");
    await page.getByRole("link", { name: "My work" }).first().click();
    await loaded;
    await expectNoSeriousAxeViolations(page);
    expect(await textOf(page.locator("main"))).toContain("No job is recorded at the moment.");
    await page.context().close();
  });
});
