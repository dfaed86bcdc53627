import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/seed";
import { demoEmail } from "../support/app";
import { type BrowserHarness, expectNoSeriousAxeViolations, signIn, startBrowserHarness } from "./support";

let harness: BrowserHarness;
let context: BrowserContext;
let admin: Page;

beforeAll(async () => {
  harness = await startBrowserHarness();
  context = await harness.browser.newContext({ bypassCSP: true });
  admin = await context.newPage();
  await signIn(admin, harness.baseUrl, demoEmail("admin"), DEMO_PASSWORD);
  await admin.waitForURL(`${harness.baseUrl}/`);
});

afterAll(async () => {
  await harness?.close();
});

describe("an admin runs the directory", () => {
  it("browses regions, organisations and teams, with search and pagination", async () => {
    await admin.goto(`${harness.baseUrl}/admin/regions`);
    expect(await admin.locator("table tbody tr").count()).toBe(15);
    expect(await admin.locator("table").textContent()).toContain("Surrey Heartlands");
    await expectNoSeriousAxeViolations(admin);

    await admin.goto(`${harness.baseUrl}/admin/organisations`);
    await admin.fill("#q", "greater manchester");
    await admin.click("form.app-filter button");
    expect(await admin.locator("table tbody tr").count()).toBe(1);
    await expectNoSeriousAxeViolations(admin);

    await admin.goto(`${harness.baseUrl}/admin/teams`);
    expect(await admin.locator("table tbody tr").count()).toBe(25);
    await admin.click(".nhsuk-pagination__link--next");
    expect(admin.url()).toContain("page=2");
    expect(await admin.locator("table tbody tr").count()).toBe(20);
    await expectNoSeriousAxeViolations(admin);
  });

  it("adds a team, with clear messages for what is missing", async () => {
    await admin.goto(`${harness.baseUrl}/admin/teams/new`);
    await admin.click("main button[type=submit]");
    const summary = await admin.locator(".nhsuk-error-summary").textContent();
    expect(summary).toContain("Enter the team name");
    expect(summary).toContain("Choose the organisation");
    await expectNoSeriousAxeViolations(admin);
    await admin.fill("#name", "Frimley Talking Therapies");
    await admin.selectOption("#kind", "talking_therapies");
    await admin.selectOption("#organisationId", { label: "Frimley Work and Health Service" });
    await admin.click("main button[type=submit]");
    await admin.waitForURL(/\/admin\/teams\?notice=created/);
    expect(await admin.locator(".nhsuk-notification-banner").textContent()).toContain("Created");
  });

  it("invites a colleague, who sets a password with the one-time link and signs in", async () => {
    await admin.goto(`${harness.baseUrl}/admin/staff/invite`);
    await expectNoSeriousAxeViolations(admin);
    await admin.fill("#fullName", "Niamh Doyle");
    await admin.fill("#email", "not-an-email");
    await admin.click("main button[type=submit]");
    expect(await admin.locator("#email-error").textContent()).toContain("correct format");
    await admin.fill("#email", "niamh.doyle@example.nhs.uk");
    await admin.selectOption("#role", "employment_specialist");
    await admin.selectOption("#organisationId", { label: "Birmingham and Solihull Work and Health Service" });
    await admin.check(
      "label:has-text('Birmingham and Solihull IPS Employment Team') >> xpath=preceding-sibling::input",
    );
    await admin.click("main button[type=submit]");
    const link = (await admin.locator("#invitation-link").textContent())!.trim();
    expect(link).toContain("/accept-invitation?token=");
    await expectNoSeriousAxeViolations(admin);

    const colleagueContext = await harness.browser.newContext({ bypassCSP: true });
    const colleague = await colleagueContext.newPage();
    await colleague.goto(link.replace(/^https?:\/\/[^/]+/, harness.baseUrl));
    await expectNoSeriousAxeViolations(colleague);
    await colleague.fill("#password", "short");
    await colleague.fill("#confirmPassword", "short");
    await colleague.click("main button[type=submit]");
    expect(await colleague.locator(".nhsuk-error-summary").textContent()).toContain("at least 12 characters");
    await colleague.fill("#password", "correct horse battery staple");
    await colleague.fill("#confirmPassword", "correct horse battery staple");
    await colleague.click("main button[type=submit]");
    await colleague.waitForURL(/invitation_accepted=1/);
    await signIn(colleague, harness.baseUrl, "niamh.doyle@example.nhs.uk", "correct horse battery staple");
    await colleague.waitForURL(`${harness.baseUrl}/`);
    expect(await colleague.locator(".nhsuk-header__account").textContent()).toContain(
      "Employment specialist",
    );

    // The link works once.
    await colleague.goto(link.replace(/^https?:\/\/[^/]+/, harness.baseUrl));
    expect(await colleague.locator("h1").textContent()).toContain("already been used");
    await colleagueContext.close();
  });

  it("changes a role, and a stale second edit gets the conflict page instead of overwriting", async () => {
    await admin.goto(`${harness.baseUrl}/admin/staff?q=niamh`);
    await admin.click("table a:has-text('Niamh Doyle')");
    await expectNoSeriousAxeViolations(admin);
    const staleContext = await harness.browser.newContext({ bypassCSP: true });
    const stale = await staleContext.newPage();
    await signIn(stale, harness.baseUrl, demoEmail("admin"), DEMO_PASSWORD);
    await stale.goto(admin.url());

    await admin.selectOption("#role", "team_leader");
    await admin.click("form[action^='/admin/staff/'] button:has-text('Save changes')");
    expect(await admin.locator(".nhsuk-notification-banner").textContent()).toContain("saved");

    await stale.fill("#fullName", "Niamh A. Doyle");
    await stale.click("form[action^='/admin/staff/'] button:has-text('Save changes')");
    expect(await stale.locator(".nhsuk-card--warning").first().textContent()).toContain(
      "Someone else changed this",
    );
    expect(await stale.locator("#fullName").inputValue()).toBe("Niamh A. Doyle");
    await expectNoSeriousAxeViolations(stale);
    await staleContext.close();
  });

  it("deactivates an account, which signs the person out at once", async () => {
    const personContext = await harness.browser.newContext({ bypassCSP: true });
    const person = await personContext.newPage();
    await signIn(person, harness.baseUrl, "niamh.doyle@example.nhs.uk", "correct horse battery staple");
    await person.waitForURL(`${harness.baseUrl}/`);

    await admin.goto(`${harness.baseUrl}/admin/staff?q=niamh`);
    await admin.click("table a:has-text('Niamh')");
    await admin.click("button:has-text('Deactivate account')");
    expect(await admin.locator(".nhsuk-notification-banner").textContent()).toContain("deactivated");

    await person.goto(`${harness.baseUrl}/account`);
    expect(person.url()).toContain("/sign-in");
    await personContext.close();
  });

  it("reads the audit trail, filtered, and sees its own changes", async () => {
    await admin.goto(`${harness.baseUrl}/admin/audit?action=staff.deactivate`);
    expect(await admin.locator("table tbody tr").count()).toBe(1);
    expect(await admin.locator("table").textContent()).toContain("Ola Nordmann");
    await expectNoSeriousAxeViolations(admin);
    await admin.click("table a:has-text('Ola Nordmann')");
    expect(admin.url()).toContain("actorEmail=admin%40demo.tandem.example");
    expect(await admin.locator("table tbody tr").count()).toBeGreaterThan(3);
    await admin.goto(`${harness.baseUrl}/admin/audit?from=not-a-date`);
    expect(await admin.locator(".nhsuk-error-summary").textContent()).toContain("Enter a real date");
    await expectNoSeriousAxeViolations(admin);
  });

  it("shows friendly 404 and 403 pages", async () => {
    await admin.goto(`${harness.baseUrl}/no-such-page`);
    expect(await admin.locator("h1").textContent()).toBe("Page not found");
    await expectNoSeriousAxeViolations(admin);
    const clinicianContext = await harness.browser.newContext({ bypassCSP: true });
    const clinician = await clinicianContext.newPage();
    await signIn(clinician, harness.baseUrl, demoEmail("clinician"), DEMO_PASSWORD);
    const response = await clinician.goto(`${harness.baseUrl}/admin/staff`);
    expect(response?.status()).toBe(403);
    expect(await clinician.locator("h1").textContent()).toBe("You do not have permission to see this page");
    await expectNoSeriousAxeViolations(clinician);
    await clinicianContext.close();
  });

  it("shows the account page, accessibility statement and privacy notice", async () => {
    for (const path of ["/account", "/accessibility", "/privacy", "/admin/regions/new-does-not-exist"]) {
      await admin.goto(`${harness.baseUrl}${path}`);
      await expectNoSeriousAxeViolations(admin);
    }
  });
});
