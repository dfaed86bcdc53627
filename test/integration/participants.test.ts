import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { careTeamMember, consentRecord, participant, referral } from "../../src/features/participants/schema";
import { participantAccessFactsLoader } from "../../src/features/participants/service";
import { auditEvent } from "../../src/platform/audit/table";
import { staffAccount } from "../../src/platform/directory/schema";
import { demoEmail, signedInAs, startTestApp, type TestApp, TestClient, typedDate } from "../support/app";

let testApp: TestApp;
let gp: TestClient;
let specialist: TestClient;
let ipsTeamId: string;

/** A referral as the JSON API takes it: dates as YYYY-MM-DD. */
const personOverApi = {
  givenName: "Nadia",
  familyName: "Kowalczyk",
  dateOfBirth: "1988-06-14",
  nhsNumber: "943 476 5919",
  phone: "07700 900123",
  preferredLanguage: "English",
  workSituation: "employed_off_sick",
  employerName: "Royal Mail",
  absenceStartDate: "2026-09-01",
  hopes: "Back to my round, fewer hours at first",
  source: "gp",
};

/** The same person as the referral form posts them: each date typed in day, month and year. */
const { dateOfBirth, absenceStartDate, ...otherFields } = personOverApi;
const person = {
  ...otherFields,
  ...typedDate("dateOfBirth", dateOfBirth),
  ...typedDate("absenceStartDate", absenceStartDate),
};

const staffId = async (email: string) =>
  (
    await testApp.db.select({ id: staffAccount.id }).from(staffAccount).where(eq(staffAccount.email, email))
  )[0]!.id;

const participantByName = async (familyName: string) =>
  testApp.db.select().from(participant).where(eq(participant.familyName, familyName));

beforeAll(async () => {
  testApp = await startTestApp();
  gp = await signedInAs(testApp.app, "clinician");
  specialist = await signedInAs(testApp.app, "employment_specialist");
  const form = await gp.get("/referrals/new");
  ipsTeamId = /<option value="([0-9a-f-]{36})" selected>/.exec(form.body)?.[1] ?? "";
  expect(ipsTeamId).not.toBe("");
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("a GP refers a patient", () => {
  it("refuses an NHS number that fails the Modulus 11 check, beside the field, and writes nothing", async () => {
    await gp.get("/referrals/new");
    const response = await gp.post("/referrals/new", {
      ...person,
      nhsNumber: "943 476 5918",
      teamId: ipsTeamId,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#nhsNumber"');
    expect(response.body).toContain("Enter a valid 10-digit NHS number");
    expect(await participantByName("Kowalczyk")).toHaveLength(0);
  });

  it("asks for the employer and absence date of someone employed and off sick", async () => {
    const response = await gp.post("/referrals/new", {
      ...person,
      employerName: "",
      ...typedDate("absenceStartDate", ""),
      teamId: ipsTeamId,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Enter the employer of someone employed and off sick");
    expect(response.body).toContain("Enter the date they went off sick");
  });

  it("creates the referral; the GP joins the care team and the team sees it in its queue", async () => {
    const response = await gp.post("/referrals/new", { ...person, teamId: ipsTeamId });
    expect(response.statusCode).toBe(302);
    const [created] = await participantByName("Kowalczyk");
    expect(created).toMatchObject({ stage: "referred", nhsNumber: "9434765919", employerName: "Royal Mail" });
    expect(response.headers.location).toBe(`/participants/${created!.id}?notice=created`);
    const record = await gp.get(String(response.headers.location));
    expect(record.statusCode).toBe(200);
    expect(record.body).toContain("Referral sent");
    expect(record.body).toContain("Referred them; their health care and fit notes");

    const queue = await specialist.get("/referrals");
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`/participants/${created!.id}/referral`);
    expect(queue.body).toContain("Nadia Kowalczyk");
    const [listed] = await testApp.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.action, "participant.list"),
          eq(auditEvent.actorId, await staffId(demoEmail("employment_specialist"))),
        ),
      );
    expect(String(listed?.detail && (listed.detail as Record<string, unknown>).shown)).toContain(created!.id);
  });

  it("spots a possible duplicate and lets the referrer link to it or create a new record", async () => {
    const again = { ...person, nhsNumber: "", givenName: "nadia", teamId: ipsTeamId };
    const first = await gp.post("/referrals/new", again);
    expect(first.statusCode).toBe(409);
    expect(first.body).toContain("This person may already be known to the service");
    expect(first.body).toContain("same name and date of birth");
    const [existing] = await participantByName("Kowalczyk");
    const linked = await gp.post("/referrals/new", { ...again, duplicateDecision: `link:${existing!.id}` });
    expect(linked.statusCode).toBe(302);
    expect(await participantByName("Kowalczyk")).toHaveLength(1);
    expect(
      await testApp.db.select().from(referral).where(eq(referral.participantId, existing!.id)),
    ).toHaveLength(2);
    const separate = await gp.post("/referrals/new", { ...again, duplicateDecision: "new" });
    expect(separate.statusCode).toBe(302);
    expect(await participantByName("Kowalczyk")).toHaveLength(2);
    expect((await specialist.get("/referrals")).body).toContain("Possible duplicate");
  });
});

describe("self-referral from the public form", () => {
  it("needs a way to reach the person and their agreement to be contacted", async () => {
    const visitor = new TestClient(testApp.app);
    const form = await visitor.get("/refer-yourself");
    expect(form.statusCode).toBe(200);
    const response = await visitor.post("/refer-yourself", {
      givenName: "Lee",
      familyName: "Marsh",
      ...typedDate("dateOfBirth", "1995-02-03"),
      workSituation: "unemployed",
      teamId: ipsTeamId,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Give a phone number or an email address");
    expect(response.body).toContain("Tick the box to let the service contact you");
    // The public form speaks to the person, not about them.
    const empty = await visitor.post("/refer-yourself", { teamId: ipsTeamId });
    expect(empty.body).toContain("Enter your first name");
    expect(empty.body).toContain("Choose your work situation");
    expect(empty.body).not.toContain("Enter their first name");
  });

  it("thanks a bot that fills the hidden field and stores nothing", async () => {
    const bot = new TestClient(testApp.app);
    await bot.get("/refer-yourself");
    const response = await bot.post("/refer-yourself", {
      givenName: "Spam",
      familyName: "Robot",
      ...typedDate("dateOfBirth", "1990-01-01"),
      workSituation: "unemployed",
      phone: "07700 900000",
      agreeToContact: "yes",
      teamId: ipsTeamId,
      website: "http://spam.example",
    });
    expect(response.headers.location).toBe("/refer-yourself/done");
    expect(await participantByName("Robot")).toHaveLength(0);
  });

  it("accepts a referral with a plain-language confirmation, and the team sees it", async () => {
    const visitor = new TestClient(testApp.app);
    await visitor.get("/refer-yourself");
    const response = await visitor.post("/refer-yourself", {
      givenName: "Lee",
      familyName: "Marsh",
      ...typedDate("dateOfBirth", "1995-02-03"),
      workSituation: "never_worked",
      email: "lee@example.com",
      agreeToContact: "yes",
      teamId: ipsTeamId,
    });
    expect(response.headers.location).toBe("/refer-yourself/done");
    const done = await visitor.get("/refer-yourself/done");
    expect(done.body).toContain("Thank you – we have your referral");
    expect(done.body).toContain("will not affect any benefits");
    const [marsh] = await participantByName("Marsh");
    expect(marsh?.stage).toBe("referred");
    const [received] = await testApp.db.select().from(referral).where(eq(referral.participantId, marsh!.id));
    expect(received?.source).toBe("self_referral");
    expect((await specialist.get("/referrals")).body).toContain("Lee Marsh");
  });
});

describe("working the referral", () => {
  it("lets the team's specialist record attempts, insists on three before 'not reached', and take it on", async () => {
    const [marsh] = await participantByName("Marsh");
    const tab = `/participants/${marsh!.id}/referral`;
    const page = await specialist.get(tab);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Take on this referral");
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? "1";

    const early = await specialist.post(`${tab}/close`, { status: "not_reached", version });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain("Record at least 3 contact attempts");

    const future = await specialist.post(`${tab}/attempts`, {
      ...typedDate("attemptedOn", "2199-01-01"),
      method: "phone",
      outcome: "no_answer",
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain("The date must be today or in the past");

    const today = testApp.clock.now().toISOString().slice(0, 10);
    const saved = await specialist.post(`${tab}/attempts`, {
      ...typedDate("attemptedOn", today),
      method: "email",
      outcome: "no_answer",
    });
    expect(saved.headers.location).toBe(`${tab}?notice=attempt`);

    const taken = await specialist.post(`${tab}/take-on`);
    expect(taken.statusCode).toBe(302);
    const members = await testApp.db
      .select()
      .from(careTeamMember)
      .where(eq(careTeamMember.participantId, marsh!.id));
    expect(members.map((member) => member.careTeamRole)).toEqual(["lead_employment_specialist"]);
  });

  it("ends a referral as declined by the person, never as rejected", async () => {
    const [created] = await participantByName("Marsh");
    const tab = `/participants/${created!.id}/referral`;
    const page = await specialist.get(tab);
    expect(page.body).not.toMatch(/reject|not suitable|not ready/i);
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? "1";
    const closed = await specialist.post(`${tab}/close`, { status: "declined_by_person", version });
    expect(closed.headers.location).toBe(`${tab}?notice=closed`);
    const [after] = await participantByName("Marsh");
    expect(after).toMatchObject({ stage: "closed", closedReason: "declined_by_person" });
  });

  it("refuses a peer worker the referral queue, and a specialist from another organisation the record", async () => {
    const peer = await signedInAs(testApp.app, "peer_worker");
    expect((await peer.get("/referrals")).statusCode).toBe(403);
    const outsider = new TestClient(testApp.app);
    await outsider.signIn("specialist.2a@black.country.demo.tandem.example");
    const [created] = await participantByName("Kowalczyk");
    expect((await outsider.get(`/participants/${created!.id}/referral`)).statusCode).toBe(403);
  });
});

describe("consent: granular, recorded, withdrawable at once", () => {
  it("records sharing of chosen health information, and a withdrawal takes effect on the next request", async () => {
    const [created] = await participantByName("Kowalczyk");
    const consentTab = `/participants/${created!.id}/consent`;
    // The GP is on the care team of this referral.
    const page = await gp.get(consentTab);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Not asked yet");

    const missingScope = await gp.post(consentTab, {
      purpose: "share_health_information",
      decision: "given",
      method: "verbal",
    });
    expect(missingScope.statusCode).toBe(400);
    expect(missingScope.body).toContain("Choose which health information may be shared");

    const given = await gp.post(consentTab, {
      purpose: "share_health_information",
      decision: "given",
      scope: ["assessment_scores", "fit_notes"],
      method: "written",
    });
    expect(given.headers.location).toBe(`${consentTab}?notice=consent`);
    const load = participantAccessFactsLoader(testApp.clock);
    const specialistActor = {
      staffId: await staffId(demoEmail("employment_specialist")),
      role: "employment_specialist" as const,
      organisationId: created!.organisationId,
      teamIds: [],
    };
    const before = await testApp.db.transaction((tx) => load(tx, specialistActor, created!.id));
    expect(before?.sharedHealthInformation).toEqual(["assessment_scores", "fit_notes"]);

    testApp.clock.advance(1000);
    await gp.post(consentTab, {
      purpose: "share_health_information",
      decision: "withdrawn",
      method: "verbal",
    });
    const after = await testApp.db.transaction((tx) => load(tx, specialistActor, created!.id));
    expect(after?.sharedHealthInformation).toEqual([]);
    const history = await gp.get(consentTab);
    expect(history.body).toContain("Withdrawn");
    expect(history.body).toContain("Questionnaire scores (PHQ-9, GAD-7), Fit notes");
  });

  it("withdrawing consent to take part stops employment support", async () => {
    const [, second] = await participantByName("Kowalczyk");
    const consentTab = `/participants/${second!.id}/consent`;
    await gp.get(consentTab);
    await gp.post(consentTab, { purpose: "employment_support", decision: "withdrawn", method: "verbal" });
    const [after] = await testApp.db.select().from(participant).where(eq(participant.id, second!.id));
    expect(after).toMatchObject({ stage: "closed", closedReason: "stopped_by_participant" });
    const rows = await testApp.db
      .select()
      .from(consentRecord)
      .where(eq(consentRecord.participantId, second!.id));
    expect(rows).toHaveLength(1);
  });
});

describe("the record: details, participation and the care team", () => {
  const caseloadParticipant = async (stage: "job_seeking" | "in_work") => {
    const me = await staffId(demoEmail("employment_specialist"));
    const [row] = await testApp.db
      .select({ id: participant.id, version: participant.version })
      .from(participant)
      .innerJoin(careTeamMember, eq(careTeamMember.participantId, participant.id))
      .where(and(eq(careTeamMember.staffId, me), eq(participant.stage, stage)))
      .limit(1);
    return row!;
  };

  it("keeps both versions when two people edit details at once", async () => {
    const { id } = await caseloadParticipant("job_seeking");
    const leader = await signedInAs(testApp.app, "team_leader");
    const mine = await specialist.get(`/participants/${id}/details`);
    const version = /name="version" value="(\d+)"/.exec(mine.body)![1]!;
    const form = Object.fromEntries(
      [
        ...mine.body.matchAll(
          /<input class="nhsuk-input[^"]*" id="[\w-]+" name="([\w[\]]+)" type="\w+"(?: inputmode="\w+")? value="([^"]*)"/g,
        ),
      ].map((m) => [m[1], m[2]]),
    );
    await leader.get(`/participants/${id}/details`);
    const first = await leader.post(`/participants/${id}/details`, {
      ...form,
      workSituation: "unemployed",
      hopes: "Saved by the team leader",
      version,
    });
    expect(first.statusCode).toBe(302);
    const second = await specialist.post(`/participants/${id}/details`, {
      ...form,
      workSituation: "unemployed",
      hopes: "Typed by the specialist",
      version,
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain("Someone else changed this while you were editing");
    expect(second.body).toContain("Saved by the team leader");
    expect(second.body).toContain("Typed by the specialist");
  });

  it("pauses at the participant's request in neutral words, and resumes where it was", async () => {
    const { id } = await caseloadParticipant("in_work");
    const summary = await specialist.get(`/participants/${id}`);
    const version = /name="version" value="(\d+)"/.exec(summary.body)![1]!;
    const paused = await specialist.post(`/participants/${id}/participation`, { change: "pause", version });
    expect(paused.headers.location).toBe(`/participants/${id}?notice=paused`);
    const page = await specialist.get(`/participants/${id}`);
    expect(page.body).toContain("Paused by participant");
    expect(page.body).not.toMatch(/sanction|non-complian|benefit/i);
    const stale = await specialist.post(`/participants/${id}/participation`, { change: "resume", version });
    expect(stale.headers.location).toBe(`/participants/${id}`);
    const fresh = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    await specialist.post(`/participants/${id}/participation`, { change: "resume", version: fresh });
    const [after] = await testApp.db.select().from(participant).where(eq(participant.id, id));
    expect(after?.stage).toBe("in_work");
  });

  it("asks for confirmation before stopping support, then closes the record in neutral words", async () => {
    const { id } = await caseloadParticipant("job_seeking");
    const summary = await specialist.get(`/participants/${id}`);
    const version = /name="version" value="(\d+)"/.exec(summary.body)![1]!;
    const asked = await specialist.post(`/participants/${id}/participation`, { change: "stop", version });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain("Stop employment support at the person");
    const [unchanged] = await testApp.db.select().from(participant).where(eq(participant.id, id));
    expect(unchanged?.stage).toBe("job_seeking");
    const stopped = await specialist.post(`/participants/${id}/participation`, {
      change: "stop",
      version,
      confirmed: "yes",
    });
    expect(stopped.headers.location).toBe(`/participants/${id}?notice=stopped`);
    const [after] = await testApp.db.select().from(participant).where(eq(participant.id, id));
    expect(after).toMatchObject({ stage: "closed", closedReason: "stopped_by_participant" });
  });

  it("adds a member with a written responsibility, refuses a duplicate, and removes them", async () => {
    const { id } = await caseloadParticipant("job_seeking");
    const tab = `/participants/${id}/care-team`;
    const page = await specialist.get(tab);
    expect(page.body).toContain("Job search, employer contact and in-work support");
    const leaderId = await staffId(demoEmail("team_leader"));
    const empty = await specialist.post(tab, { staffId: leaderId, careTeamRole: "care_coordinator" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Write what they are responsible for");
    const added = await specialist.post(tab, {
      staffId: leaderId,
      careTeamRole: "care_coordinator",
      responsibility: "Weekly team review",
    });
    expect(added.headers.location).toBe(`${tab}?notice=added`);
    const again = await specialist.post(tab, {
      staffId: leaderId,
      careTeamRole: "care_coordinator",
      responsibility: "Again",
    });
    expect(again.statusCode).toBe(409);
    const summary = async () =>
      (await specialist.request("GET", `/api/v1/participants/${id}`)).json() as {
        careTeam: { staffId: string; careTeamRole: string; responsibility: string }[];
      };
    expect((await summary()).careTeam).toContainEqual({
      staffId: leaderId,
      careTeamRole: "care_coordinator",
      responsibility: "Weekly team review",
    });
    const [member] = await testApp.db
      .select()
      .from(careTeamMember)
      .where(and(eq(careTeamMember.participantId, id), eq(careTeamMember.staffId, leaderId)));
    await specialist.post(`${tab}/${member!.id}/remove`);
    const [removed] = await testApp.db.select().from(careTeamMember).where(eq(careTeamMember.id, member!.id));
    expect(removed?.removedAt).not.toBeNull();
    expect((await summary()).careTeam.map((entry) => entry.staffId)).not.toContain(leaderId);
  });
});

describe("caseloads", () => {
  it("shows a specialist only their own participants, with search, stage filter and the active count", async () => {
    const page = await specialist.get("/caseload");
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/\d+ active participants/);
    const mine = await testApp.db
      .select({ id: participant.id })
      .from(participant)
      .innerJoin(careTeamMember, eq(careTeamMember.participantId, participant.id))
      .where(and(eq(careTeamMember.staffId, await staffId(demoEmail("employment_specialist")))));
    expect(page.body).toContain(`${mine.length} results`);
    const inWork = await specialist.get("/caseload?stage=in_work");
    expect(inWork.body).not.toContain("Looking for work</td>");
    // A search is posted and the list's address carries only an opaque handle, never the name.
    const posted = await specialist.post("/caseload", { q: "Zzzyzx" });
    expect(posted.statusCode).toBe(303);
    expect(String(posted.headers.location)).toMatch(/^\/caseload\?search=[0-9a-f-]{36}$/);
    const none = await specialist.get(String(posted.headers.location));
    expect(none.body).toContain("Nobody matches");
    expect(none.body).toContain('value="Zzzyzx"');
    // Someone else cannot use the handle to learn what was searched.
    const leader = await signedInAs(testApp.app, "team_leader");
    expect(
      (await leader.get(String(posted.headers.location).replace("/caseload", "/team/caseloads"))).body,
    ).not.toContain("Zzzyzx");
    const [someone] = await testApp.db.select().from(participant).where(eq(participant.id, mine[0]!.id));
    const byName = await specialist.post("/caseload", { q: someone!.familyName.slice(0, 3) });
    expect(String(byName.headers.location)).not.toContain(someone!.familyName.slice(0, 3));
    expect((await specialist.get(String(byName.headers.location))).body).toContain(
      `/participants/${someone!.id}`,
    );
  });

  it("warns when a specialist's active caseload passes the IPS limit of 20", async () => {
    const me = await staffId(demoEmail("employment_specialist"));
    const [template] = await testApp.db.select().from(participant).where(eq(participant.familyName, "Marsh"));
    const now = testApp.clock.now();
    for (let index = 0; index < 12; index++) {
      const [extra] = await testApp.db
        .insert(participant)
        .values({
          ...template!,
          id: undefined,
          familyName: `Extra${index}`,
          stage: "job_seeking",
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await testApp.db.insert(careTeamMember).values({
        organisationId: extra!.organisationId,
        participantId: extra!.id,
        staffId: me,
        careTeamRole: "lead_employment_specialist",
        responsibility: "Job search",
        addedAt: now,
      });
    }
    const page = await specialist.get("/caseload");
    expect(page.body).toContain("Caseload above the IPS limit");
    expect(page.body).toContain("Talk to your team leader about the caseload.");
    const leader = await signedInAs(testApp.app, "team_leader");
    const team = await leader.get("/team/caseloads");
    expect(team.statusCode).toBe(200);
    expect(team.body).toContain("Active caseload by employment specialist");
    expect(team.body).toContain("Priya Shah has");
    // The team leader is the one the specialist is told to talk to: their page says what they can do.
    expect(team.body).not.toContain("Talk to your team leader");
    expect(team.body).toContain("Review the caseload with Priya Shah");
  });

  it("lists the caseload over the API with search, and refuses roles without one", async () => {
    const api = await specialist.request("POST", "/api/v1/participants/search", { q: "extra", page: 1 });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ total: 12, pageSize: 25 });
    const listed = await specialist.request("GET", "/api/v1/participants?stage=job_seeking");
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.every((item: { stage: string }) => item.stage === "job_seeking")).toBe(true);
    const evaluator = await signedInAs(testApp.app, "evaluator");
    expect((await evaluator.request("GET", "/api/v1/participants")).statusCode).toBe(403);
  });
});

describe("emergency access (break-glass)", () => {
  it("refuses a manager, offers break-glass, needs a reason, then opens the record for a limited time, marked in the audit trail", async () => {
    const manager = await signedInAs(testApp.app, "manager");
    const [created] = await participantByName("Kowalczyk");
    const refused = await manager.get(`/participants/${created!.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain(`/participants/${created!.id}/emergency-access`);
    await manager.get(`/participants/${created!.id}/emergency-access`);
    const short = await manager.post(`/participants/${created!.id}/emergency-access`, { reason: "urgent" });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain("Give a reason of at least 20 characters");
    const granted = await manager.post(`/participants/${created!.id}/emergency-access`, {
      reason: "Police welfare check requested; need contact details now",
    });
    expect(granted.headers.location).toBe(`/participants/${created!.id}`);
    const opened = await manager.get(`/participants/${created!.id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain("You opened this record with emergency access");
    const events = await testApp.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, created!.id), eq(auditEvent.actorRole, "manager")));
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(["participant.emergency_access", "participant.read"]),
    );
    // The reason is participant data: kept with the grant and shown on the record's access log,
    // never in the audit trail admins read (decision 61).
    const grantEvent = events.find((event) => event.action === "participant.emergency_access");
    expect(grantEvent?.reason ?? "").not.toContain("welfare check");
    expect(grantEvent?.detail.grantId).toEqual(expect.any(String));
    const admin = await signedInAs(testApp.app, "admin");
    const trail = await admin.get(`/admin/audit?subjectId=${created!.id}`);
    expect(trail.body).toContain("participant.emergency_access");
    expect(trail.body).toContain("kept with the record and shown on its access log");
    expect(trail.body).not.toContain("welfare check");
    const trailApi = await admin.request("GET", `/api/v1/audit-events?subjectId=${created!.id}`);
    expect(trailApi.body).toContain("participant.emergency_access");
    expect(trailApi.body).not.toContain("welfare check");
    const teamLeader = await signedInAs(testApp.app, "team_leader");
    const accessLog = await teamLeader.get(`/participants/${created!.id}/access-log`);
    expect(accessLog.body).toContain("Police welfare check requested");
    // The grant has its own name wherever the trail is read, never "Other action".
    expect(accessLog.statusCode).toBe(200);
    expect(accessLog.body).toContain("Granted emergency access");
    expect(accessLog.body).not.toContain("Other action");
    const trailByAction = await admin.get("/admin/audit?action=participant.emergency_access");
    expect(trailByAction.body).toContain("Granted emergency access");
    testApp.clock.advance(61 * 60_000);
    // Signed in afresh (the idle timeout has passed too): the grant has expired.
    const later = await signedInAs(testApp.app, "manager");
    expect((await later.get(`/participants/${created!.id}`)).statusCode).toBe(403);
  });

  it("finds a record for break-glass only by an exact match", async () => {
    const manager = await signedInAs(testApp.app, "manager");
    await manager.get("/emergency-access");
    const partial = await manager.post("/emergency-access", { familyName: "Kowal" });
    expect(partial.body).not.toContain("Kowalczyk");
    const exact = await manager.post("/emergency-access", { nhsNumber: "943 476 5919" });
    expect(exact.statusCode).toBe(200);
    expect(exact.body).toContain("Kowalczyk");
  });
});

describe("the referral API", () => {
  it("creates a referral from JSON, answers a possible duplicate with 409, and explains bad input", async () => {
    const api = await signedInAs(testApp.app, "clinician");
    await api.get("/");
    const bad = await api.request("POST", "/api/v1/referrals", {
      ...personOverApi,
      nhsNumber: "123",
      teamId: ipsTeamId,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(JSON.stringify(bad.json())).toContain("valid 10-digit NHS number");
    const body = {
      ...personOverApi,
      givenName: "Ahmed",
      familyName: "Farouk",
      nhsNumber: "",
      teamId: ipsTeamId,
    };
    const created = await api.request("POST", "/api/v1/referrals", body);
    expect(created.statusCode).toBe(201);
    const duplicate = await api.request("POST", "/api/v1/referrals", body);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().detail).toContain("may be this person");
    const consents = await api.request(
      "GET",
      `/api/v1/participants/${created.json().participantId}/consents`,
    );
    expect(consents.statusCode).toBe(200);
    expect(consents.json().current.employment_support).toBeNull();
  });
});
