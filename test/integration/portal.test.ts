import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkIn, participantAlert } from "../../src/features/monitoring/schema";
import { consentRecord, participant } from "../../src/features/participants/schema";
import { planAction, planWarningSign, supportPlan } from "../../src/features/plans/schema";
import { auditEvent } from "../../src/platform/audit/table";
import { currentCode } from "../../src/platform/auth/mfa";
import { PARTICIPANT_INVITATION_DAYS } from "../../src/platform/auth/participant-invitations";
import { participantAccount } from "../../src/platform/auth/schema";
import { organisation, staffAccount } from "../../src/platform/directory/schema";
import { demoEmail, signedInAs, startTestApp, type TestApp, TestClient } from "../support/app";
import { createTestParticipant } from "../support/participants";
import { acceptCode as acceptCodeAs, inviteByCode, PARTICIPANT_PASSWORD, words } from "../support/portal";

let testApp: TestApp;
let specialist: TestClient;
const ids: Record<string, string> = {};
const PASSWORD = PARTICIPANT_PASSWORD;

const day = 86_400_000;

/** A plan with one action the person owns, one the specialist owns and an early-warning sign. */
async function givePlan(participantId: string, organisationId: string, description: string) {
  const { db, clock } = testApp;
  const now = clock.now();
  const [plan] = await db
    .insert(supportPlan)
    .values({ organisationId, participantId, createdBy: ids.specialist!, createdAt: now, updatedAt: now })
    .returning();
  const owned = { organisationId, participantId, planId: plan!.id, createdAt: now, updatedAt: now };
  const due = new Date(now.getTime() + 5 * day).toISOString().slice(0, 10);
  const [mine, theirs] = await db
    .insert(planAction)
    .values([
      { ...owned, description, ownerKind: "participant" as const, dueDate: due },
      {
        ...owned,
        description: "Call the warehouse manager about a phased return",
        ownerKind: "staff" as const,
        ownerStaffId: ids.specialist!,
        dueDate: due,
      },
    ])
    .returning();
  await db.insert(planWarningSign).values({
    ...owned,
    sign: "My sleep times start drifting",
    whatIWillDo: "Text my specialist and keep my morning walk",
    whatMyTeamWillDo: "Check in within two days",
  });
  return { mine: mine!.id, theirs: theirs!.id };
}

const acceptCode = (code: string, signInName: string) => acceptCodeAs(testApp.app, code, signInName);

async function signIn(signInName: string, password = PASSWORD) {
  const person = new TestClient(testApp.app);
  await person.get("/my/sign-in");
  const response = await person.post("/my/sign-in", { signInName, password });
  return { person, response };
}

beforeAll(async () => {
  testApp = await startTestApp();
  const [staff] = await testApp.db
    .select()
    .from(staffAccount)
    .where(eq(staffAccount.email, demoEmail("employment_specialist")));
  ids.specialist = staff!.id;
  ids.specialistName = staff!.fullName;
  const robin = await createTestParticipant(testApp, { stage: "job_seeking", givenName: "Robin" });
  const other = await createTestParticipant(testApp, { stage: "job_seeking", givenName: "Morgan" });
  ids.robin = robin.id;
  ids.organisation = robin.organisationId;
  ids.other = other.id;
  const robinPlan = await givePlan(robin.id, robin.organisationId, "Update my CV with the volunteering");
  const otherPlan = await givePlan(other.id, other.organisationId, "Visit the library job club");
  ids.robinAction = robinPlan.mine;
  ids.robinStaffAction = robinPlan.theirs;
  ids.otherAction = otherPlan.mine;
  specialist = await signedInAs(testApp.app, "employment_specialist");
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("inviting a participant and their first sign-in", () => {
  let robin: TestClient;

  it("shows the care team that the person has no access yet", async () => {
    const tab = await specialist.get(`/participants/${ids.robin}/portal`);
    expect(tab.statusCode).toBe(200);
    expect(tab.body).toContain("No access");
  });

  it("gives a printable sheet with a short code, the address, and nothing about the person's care", async () => {
    const { page, code } = await inviteByCode(specialist, ids.robin!);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(page.body).toContain("/my/invitation");
    const [robinRow] = await testApp.db.select().from(participant).where(eq(participant.id, ids.robin!));
    expect(page.body).not.toContain(robinRow!.familyName);
    const { person, accepted } = await acceptCode(code, "robin.t");
    expect(accepted.statusCode).toBe(302);
    expect(accepted.headers.location).toBe("/my?notice=welcome");
    expect(person.hasCookie("tandem_participant_session")).toBe(true);
    robin = person;
    const home = await robin.get("/my");
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain("Hello, Robin");
    expect(home.body).toContain("Update my CV with the volunteering");
    expect((await specialist.get(`/participants/${ids.robin}/portal`)).body).toContain("Active");
  });

  it("says plainly that a used invitation has been used, and who to ask", async () => {
    const [accepted] = await testApp.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "participant_portal.invitation_accepted"));
    expect(accepted?.actorRole).toBe("participant");
    const { code } = await inviteByCode(specialist, ids.other!);
    await acceptCode(code, "morgan.m");
    const again = new TestClient(testApp.app);
    await again.get("/my/invitation");
    const response = await again.post("/my/invitation/code", { code });
    expect(response.statusCode).toBe(410);
    expect(response.body).toContain("This invitation has already been used");
    expect(words(response.body)).toContain("Ask your employment specialist or anyone on your care team");
  });

  it("signs in with the chosen name and password, and refuses a wrong password", async () => {
    const { response } = await signIn("Robin.T");
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/my");
    const wrong = await signIn("robin.t", "not the password at all");
    expect(wrong.response.statusCode).toBe(401);
    expect(wrong.response.body).toContain("The sign-in name or password is not right");
  });

  it("sends a signed-out visitor to the participant sign-in, not the staff one", async () => {
    const visitor = new TestClient(testApp.app);
    const response = await visitor.get("/my/plan");
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/my/sign-in?next=%2Fmy%2Fplan");
  });

  describe("my plan", () => {
    it("shows goals, my actions with a Mark as done button, others' actions read-only and my early-warning signs", async () => {
      const page = await robin.get("/my/plan");
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Update my CV with the volunteering");
      expect(page.body).toContain(`/my/plan/actions/${ids.robinAction}/done`);
      expect(page.body).toContain("Call the warehouse manager about a phased return");
      expect(page.body).not.toContain(`/my/plan/actions/${ids.robinStaffAction}/done`);
      expect(page.body).toContain("My sleep times start drifting");
      expect(page.body).toContain("Check in within two days");
      // Whose record it is comes from the session: the page names no participant identifier.
      expect(page.body).not.toContain(ids.robin);
    });

    it("marks my own action done, and the care team sees it on the plan", async () => {
      const page = await robin.get("/my/plan");
      const version = new RegExp(
        `/my/plan/actions/${ids.robinAction}/done"[^>]*>\\s*<input type="hidden" name="_csrf" value="[^"]+"\\s*/?>\\s*<input type="hidden" name="version" value="(\\d+)"`,
      ).exec(page.body)?.[1];
      expect(version).toBeDefined();
      const done = await robin.post(`/my/plan/actions/${ids.robinAction}/done`, { version: version! });
      expect(done.headers.location).toBe("/my/plan?notice=done");
      const [row] = await testApp.db.select().from(planAction).where(eq(planAction.id, ids.robinAction!));
      expect(row!.status).toBe("done");
      expect(row!.completedAt).not.toBeNull();
      const staffView = await specialist.get(`/participants/${ids.robin}/plan`);
      expect(staffView.body).toContain("Done");
    });

    it("cannot close an action someone else owns, nor reach another participant's action", async () => {
      for (const actionId of [ids.robinStaffAction!, ids.otherAction!]) {
        const response = await robin.post(`/my/plan/actions/${actionId}/done`, { version: "1" });
        expect(response.statusCode).toBe(404);
        const [row] = await testApp.db.select().from(planAction).where(eq(planAction.id, actionId));
        expect(row!.status).toBe("to_do");
      }
      const other = await robin.get("/my/plan");
      expect(other.body).not.toContain("Visit the library job club");
    });

    it("records each opening in the audit trail as the participant, on the basis 'self'", async () => {
      const [event] = await testApp.db
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.subjectId, ids.robin!), eq(auditEvent.actorRole, "participant")))
        .orderBy(desc(auditEvent.id))
        .limit(1);
      expect(event?.detail).toMatchObject({ basis: "self" });
    });
  });

  describe("my consents", () => {
    it("withdraws a consent at once, recorded as done on the portal by the person", async () => {
      await testApp.db.insert(consentRecord).values({
        organisationId: ids.organisation!,
        participantId: ids.robin!,
        purpose: "contact_by_sms",
        decision: "given",
        method: "verbal",
        recordedBy: ids.specialist!,
        recordedAt: new Date(testApp.clock.now().getTime() - day),
      });
      const page = await robin.get("/my/consents");
      expect(page.body).toContain("Being contacted by text message");
      expect(page.body).toContain("Withdraw my consent");
      // The first press only asks: nothing is withdrawn until the person confirms.
      const asked = await robin.post("/my/consents/withdraw", { purpose: "contact_by_sms" });
      expect(asked.statusCode).toBe(200);
      expect(words(asked.body)).toContain("Are you sure you want to withdraw this consent?");
      expect(asked.body).toContain("Being contacted by text message");
      expect(asked.body).toContain('name="confirmed" value="yes"');
      expect(asked.body).toContain('href="/my/consents"');
      const [stillGiven] = await testApp.db
        .select()
        .from(consentRecord)
        .where(and(eq(consentRecord.participantId, ids.robin!), eq(consentRecord.purpose, "contact_by_sms")))
        .orderBy(desc(consentRecord.recordedAt))
        .limit(1);
      expect(stillGiven!.decision).toBe("given");
      const withdrawn = await robin.post("/my/consents/withdraw", {
        purpose: "contact_by_sms",
        confirmed: "yes",
      });
      expect(withdrawn.headers.location).toBe("/my/consents?notice=withdrawn");
      const [latest] = await testApp.db
        .select()
        .from(consentRecord)
        .where(and(eq(consentRecord.participantId, ids.robin!), eq(consentRecord.purpose, "contact_by_sms")))
        .orderBy(desc(consentRecord.recordedAt))
        .limit(1);
      expect(latest).toMatchObject({ decision: "withdrawn", method: "portal", recordedBy: null });
      const after = await robin.get("/my/consents?notice=withdrawn");
      expect(after.body).toContain("You withdrew your consent on");
    });

    it("offers a pause in neutral words, and the stage changes at once", async () => {
      const page = await robin.get("/my/consents");
      expect(page.body).toContain("Taking part is your choice");
      const version =
        /name="change" value="pause"\s*\/?>\s*<input type="hidden" name="version" value="(\d+)"/.exec(
          page.body,
        )?.[1];
      const paused = await robin.post("/my/participation", { change: "pause", version: version! });
      expect(paused.headers.location).toBe("/my/consents?notice=paused");
      const [row] = await testApp.db.select().from(participant).where(eq(participant.id, ids.robin!));
      expect(row!.stage).toBe("paused");
    });
  });

  describe("who has seen my record", () => {
    it("shows role and date, never the staff member's name, and leaves out my own visits", async () => {
      const page = await robin.get("/my/record-access");
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Employment specialist");
      expect(page.body).not.toContain(ids.specialistName);
      expect(page.body).not.toContain("Participant");
    });

    it("shows names too once the organisation chooses to, on its admin page", async () => {
      const admin = await signedInAs(testApp.app, "admin");
      const form = await admin.get(`/admin/organisations/${ids.organisation}`);
      expect(words(form.body)).toContain('Show staff names on "who has seen my record"');
      const [org] = await testApp.db
        .select()
        .from(organisation)
        .where(eq(organisation.id, ids.organisation!));
      const saved = await admin.post(`/admin/organisations/${ids.organisation}`, {
        name: org!.name,
        kind: org!.kind,
        regionId: org!.regionId,
        crisisInformation: org!.crisisInformation ?? "",
        active: "yes",
        showStaffNamesToParticipants: "yes",
        version: String(org!.version),
      });
      expect(saved.statusCode).toBe(302);
      const page = await robin.get("/my/record-access");
      expect(page.body).toContain(ids.specialistName);
      expect(page.body).toContain("Employment specialist");
    });
  });

  describe("alerts about me", () => {
    it("are shown in plain words, without staff notes, and never those for the team leader alone", async () => {
      const raisedAt = testApp.clock.now();
      await testApp.db.insert(participantAlert).values([
        {
          organisationId: ids.organisation!,
          participantId: ids.robin!,
          rule: "phq9_item9",
          severity: "urgent",
          audience: "clinical",
          status: "acknowledged",
          evidence: {},
          raisedAt,
          acknowledgedBy: ids.specialist!,
          acknowledgedAt: raisedAt,
          actionNote: "Phoned, safety plan reviewed, GP tomorrow",
        },
        {
          organisationId: ids.organisation!,
          participantId: ids.robin!,
          rule: "emergency_access",
          severity: "warning",
          audience: "team_leader",
          evidence: {},
          raisedAt,
        },
      ]);
      const home = words((await robin.get("/my")).body);
      expect(home).toContain("Your care team has been told and will be in touch");
      expect(home).not.toContain("Phoned, safety plan reviewed");
      expect(home).not.toContain("Someone looked at your record in an emergency");
    });
  });

  describe("my account", () => {
    it("changes the password, signs out every other browser and keeps this one signed in", async () => {
      const elsewhere = (await signIn("robin.t")).person;
      expect((await elsewhere.get("/my")).statusCode).toBe(200);
      await robin.get("/my/account");
      const changed = await robin.post("/my/account/password", {
        currentPassword: PASSWORD,
        password: `${PASSWORD} changed`,
        confirmPassword: `${PASSWORD} changed`,
      });
      expect(changed.headers.location).toBe("/my/account?notice=password");
      expect((await robin.get("/my/account?notice=password")).body).toContain(
        "Your password has been changed",
      );
      expect((await elsewhere.get("/my")).headers.location).toContain("/my/sign-in");
      expect((await signIn("robin.t", `${PASSWORD} changed`)).response.headers.location).toBe("/my");
    });
  });

  describe("staff and participants never cross", () => {
    it("refuses a staff session on participant pages", async () => {
      for (const url of ["/my", "/my/plan", "/my/consents", "/my/record-access", "/my/account"]) {
        expect((await specialist.get(url)).statusCode).toBe(403);
      }
    });

    it("refuses a participant session on staff pages and on any record by its address", async () => {
      for (const url of ["/", "/caseload", `/participants/${ids.robin}`, `/participants/${ids.other}/plan`]) {
        expect((await robin.get(url)).statusCode).toBe(403);
      }
      const [refusal] = await testApp.db
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.action, "route.refused"), eq(auditEvent.actorRole, "participant")))
        .limit(1);
      expect(refusal).toBeDefined();
    });
  });

  describe("an authenticator app", () => {
    it("can be set up from the account page, and is then asked for at sign-in", async () => {
      const setup = await robin.get("/my/account/authenticator");
      const secret = /name="secret" value="([A-Z2-7]{32})"/.exec(setup.body)![1]!;
      const enrolled = await robin.post("/my/account/authenticator", {
        secret,
        code: currentCode(secret, testApp.clock.now()),
      });
      expect(enrolled.headers.location).toBe("/my/account?notice=authenticator");
      testApp.clock.advance(60_000);
      const { person, response } = await signIn("robin.t", `${PASSWORD} changed`);
      expect(response.headers.location).toBe("/my/sign-in/second-factor?next=%2Fmy");
      expect((await person.get("/my/plan")).headers.location).toBe("/my/sign-in/second-factor");
      await person.get("/my/sign-in/second-factor");
      const verified = await person.post("/my/sign-in/second-factor", {
        code: currentCode(secret, testApp.clock.now()),
      });
      expect(verified.headers.location).toBe("/my");
      expect((await person.get("/my/plan")).statusCode).toBe(200);
    });
  });

  describe("ending access at the person's request", () => {
    it("signs them out at once and refuses their password from then on", async () => {
      await specialist.get(`/participants/${ids.robin}/portal`);
      const ended = await specialist.post(`/participants/${ids.robin}/portal/withdraw`);
      expect(ended.headers.location).toBe(`/participants/${ids.robin}/portal?notice=withdrawn`);
      const next = await robin.get("/my");
      expect(next.statusCode).toBe(302);
      expect(next.headers.location).toContain("/my/sign-in");
      expect((await signIn("robin.t", `${PASSWORD} changed`)).response.statusCode).toBe(401);
      const tab = await specialist.get(`/participants/${ids.robin}/portal`);
      expect(tab.body).toContain("Withdrawn at the person");
      const [account] = await testApp.db
        .select()
        .from(participantAccount)
        .where(eq(participantAccount.participantId, ids.robin!));
      expect(account!.status).toBe("withdrawn");
    });
  });
});

describe("invitations that can no longer be used", () => {
  // This app has no mail server. With one, the care team is told the email was sent
  // (secrets-at-rest.test.ts, which also follows the emailed link).
  it("by email with no mail server: the care team is told plainly that nothing was sent", async () => {
    const person = await createTestParticipant(testApp, { stage: "engaged" });
    await specialist.get(`/participants/${person.id}/portal`);
    const sent = await specialist.post(`/participants/${person.id}/portal/invitation`, {
      method: "email",
      email: "someone@example.com",
    });
    expect(sent.headers.location).toBe(`/participants/${person.id}/portal?notice=held`);
    const tab = await specialist.get(sent.headers.location as string);
    expect(tab.body).not.toContain("An email with the invitation link has been sent");
    expect(words(tab.body)).toContain("No mail server is set up, so this invitation cannot be emailed");
    expect(tab.body).toContain("Invited, not set up yet");
  });

  it("refuses to email an invitation to an address another person already signs in with, beside the field", async () => {
    const first = await createTestParticipant(testApp, { stage: "engaged" });
    const { code } = await inviteByCode(specialist, first.id);
    await acceptCode(code, "Sam.Taken@example.com");
    const second = await createTestParticipant(testApp, { stage: "engaged" });
    await specialist.get(`/participants/${second.id}/portal`);
    const refused = await specialist.post(`/participants/${second.id}/portal/invitation`, {
      method: "email",
      email: "sam.taken@example.com",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("nhsuk-error-summary");
    expect(words(refused.body)).toContain(
      "This email address already signs in to another person's own pages",
    );
    expect(refused.body).toContain('value="sam.taken@example.com"');
    // Nothing was half-written: the second person still has no invitation.
    expect((await specialist.get(`/participants/${second.id}/portal`)).body).toContain("No access");
  });

  it("a newer invitation replaces an older one, and an old code then says it has expired", async () => {
    const person = await createTestParticipant(testApp, { stage: "engaged" });
    const first = await inviteByCode(specialist, person.id);
    await inviteByCode(specialist, person.id);
    const visitor = new TestClient(testApp.app);
    await visitor.get("/my/invitation");
    const response = await visitor.post("/my/invitation/code", { code: first.code });
    expect(response.statusCode).toBe(410);
    expect(response.body).toContain("This invitation has expired");
  });

  it(`a code stops working after ${PARTICIPANT_INVITATION_DAYS} days`, async () => {
    const person = await createTestParticipant(testApp, { stage: "engaged" });
    const { code } = await inviteByCode(specialist, person.id);
    testApp.clock.advance(PARTICIPANT_INVITATION_DAYS * day + 1000);
    const visitor = new TestClient(testApp.app);
    await visitor.get("/my/invitation");
    const response = await visitor.post("/my/invitation/code", { code });
    expect(response.statusCode).toBe(410);
    expect(response.body).toContain("This invitation has expired");
  });

  it("an unknown link says it is not recognised", async () => {
    const response = await new TestClient(testApp.app).get("/my/invitation?token=not-a-real-token");
    expect(response.statusCode).toBe(410);
    expect(response.body).toContain("We do not recognise this invitation");
  });
});

describe("checking in from my own pages", () => {
  it("asks one question a page, saves the person's own answers, and shows them to the care team", async () => {
    // Earlier tests move the clock on by days: sign in afresh.
    specialist = await signedInAs(testApp.app, "employment_specialist");
    const sam = await createTestParticipant(testApp, { stage: "in_work", givenName: "Sam" });
    const { code } = await inviteByCode(specialist, sam.id);
    const { person } = await acceptCode(code, "sam.checks.in");
    const home = await person.get("/my");
    expect(home.body).toContain('href="/my/check-ins"');
    const list = await person.get("/my/check-ins");
    expect(list.body).toContain("You have not checked in yet.");
    const first = await person.get("/my/check-ins/new");
    expect(first.body).toContain("How did you sleep last night?");
    // In work: five questions, the last about work.
    expect(first.body).toContain("Question 1 of 5");
    const answers = {
      sleepHours: "6",
      bedtime: "23:45",
      mood: "7",
      stress: "3",
      energy: "6",
      hoursWorked: "24",
    };
    let carried: Record<string, string> = {};
    for (const [step, fields] of [
      ["sleep", ["sleepHours", "bedtime"]],
      ["mood", ["mood"]],
      ["stress", ["stress"]],
      ["energy", ["energy"]],
      ["work", ["hoursWorked"]],
    ] as const) {
      const given = Object.fromEntries(fields.map((field) => [field, answers[field]]));
      const page = await person.post("/my/check-ins/new", { ...carried, ...given, step, go: "next" });
      expect(page.statusCode).toBe(200);
      carried = { ...carried, ...given };
    }
    const saved = await person.post("/my/check-ins/new", { ...carried, step: "check", go: "save" });
    expect(saved.statusCode).toBe(303);
    const mine = await person.get(String(saved.headers.location));
    expect(words(mine.body)).toContain("Your check-in is saved and your care team can see it.");
    expect(mine.body).toContain("24 h");
    const [row] = await testApp.db.select().from(checkIn).where(eq(checkIn.participantId, sam.id));
    expect(row).toMatchObject({
      source: "participant",
      recordedBy: null,
      hoursWorked: 24,
      bedtime: "23:45:00",
    });
    const staffView = await specialist.get(`/participants/${sam.id}/check-ins`);
    expect(staffView.body).toContain("By the person");
    // Staff never reach the person's pages, and the person never reaches staff pages.
    expect((await specialist.get("/my/check-ins")).statusCode).not.toBe(200);
    expect((await person.get(`/participants/${sam.id}/check-ins`)).statusCode).not.toBe(200);
  });
});

describe("questionnaires with check-ins, as often as the plan says", () => {
  it("offers PHQ-9 and GAD-7 when due, stores the person's answers, and shows crisis help after question 9", async () => {
    specialist = await signedInAs(testApp.app, "employment_specialist");
    const jo = await createTestParticipant(testApp, { stage: "job_seeking", givenName: "Jo" });
    await givePlan(jo.id, jo.organisationId, "Go to the job club on Tuesday");
    // The team sets how often, on the plan; a stale form meets the conflict.
    const planUrl = `/participants/${jo.id}/plan/questionnaires`;
    await specialist.get(planUrl);
    const bad = await specialist.post(planUrl, { measuresEveryWeeks: "3", version: "1" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Choose how often the questionnaires come with check-ins");
    const set = await specialist.post(planUrl, { measuresEveryWeeks: "4", version: "1" });
    expect(set.statusCode).toBe(302);
    const stale = await specialist.post(planUrl, { measuresEveryWeeks: "2", version: "1" });
    expect(stale.statusCode).toBe(409);
    expect((await specialist.get(`/participants/${jo.id}/plan`)).body).toContain("Every 4 weeks");

    const { code } = await inviteByCode(specialist, jo.id);
    const { person } = await acceptCode(code, "jo.questionnaires");
    const mine = await person.get("/my/check-ins");
    expect(mine.body).toContain("Questionnaires due");
    expect(mine.body).toContain('href="/my/questionnaires/phq9"');
    expect(mine.body).toContain('href="/my/questionnaires/gad7"');
    // WSAS is not offered in the person's own pages.
    expect((await person.get("/my/questionnaires/wsas")).statusCode).toBe(404);

    const form = await person.get("/my/questionnaires/gad7");
    expect(form.statusCode).toBe(200);
    const missing = await person.post("/my/questionnaires/gad7", { item1: "1" });
    expect(missing.statusCode).toBe(400);
    const gad = Object.fromEntries(Array.from({ length: 7 }, (_, index) => [`item${index + 1}`, "1"]));
    const sent = await person.post("/my/questionnaires/gad7", gad);
    expect(sent.statusCode).toBe(303);
    const after = await person.get(String(sent.headers.location));
    expect(words(after.body)).toContain("Your answers have gone to your care team.");
    expect(after.body).not.toContain('href="/my/questionnaires/gad7"');

    const phq = {
      ...Object.fromEntries(
        Array.from({ length: 9 }, (_, index) => [`item${index + 1}`, index === 8 ? "1" : "0"]),
      ),
      item10: "1",
    };
    const safety = await person.post("/my/questionnaires/phq9", phq);
    expect(safety.statusCode).toBe(200);
    expect(words(safety.body)).toContain("Your care team has been told");
    expect(safety.body).toContain("If you need help now");
    const [alert] = await testApp.db
      .select()
      .from(participantAlert)
      .where(and(eq(participantAlert.participantId, jo.id), eq(participantAlert.rule, "phq9_item9")));
    expect(alert).toMatchObject({ severity: "urgent", audience: "clinical", status: "open" });
    // Exactly one alert for the one answer, even though the rules looked again afterwards.
    const item9 = await testApp.db
      .select()
      .from(participantAlert)
      .where(and(eq(participantAlert.participantId, jo.id), eq(participantAlert.rule, "phq9_item9")));
    expect(item9).toHaveLength(1);
  });
});
