import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoPlans } from "../../src/demo/plans";
import { careTeamMember, participant } from "../../src/features/participants/schema";
import { participantAccessFactsLoader } from "../../src/features/participants/service";
import { calendarDateAt } from "../../src/features/plans/rules";
import { planGoal, planWarningSign, supportPlan, supportPlanVersion } from "../../src/features/plans/schema";
import { nextActionDue, timelineEntries } from "../../src/features/plans/service";
import { createParticipantDoor } from "../../src/platform/access/door";
import { auditEvent } from "../../src/platform/audit/table";
import { staffAccount, team } from "../../src/platform/directory/schema";
import { createTranslator } from "../../src/platform/web/i18n";
import { demoEmail, signedInAs, startTestApp, type TestApp, TestClient, typedDate } from "../support/app";
import { createTestParticipant } from "../support/participants";

let testApp: TestApp;
let specialist: TestClient;
let clinician: TestClient;
let peer: TestClient;
const ids: Record<string, string> = {};

const dayOffset = (days: number) => {
  const date = new Date(`${calendarDateAt(testApp.clock.now())}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const planUrl = () => `/participants/${ids.participant}/plan`;
const hiddenVersion = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1];
/** Rendered HTML escapes apostrophes and quotes; compare the words a person reads. */
const words = (html: string) =>
  html.replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

async function staffId(email: string) {
  const [row] = await testApp.db.select().from(staffAccount).where(eq(staffAccount.email, email));
  return row!.id;
}

beforeAll(async () => {
  testApp = await startTestApp();
  const { db } = testApp;
  ids.specialist = await staffId(demoEmail("employment_specialist"));
  ids.clinician = await staffId(demoEmail("clinician"));
  ids.peer = await staffId(demoEmail("peer_worker"));
  const teams = await db
    .select({ participantId: careTeamMember.participantId, staffId: careTeamMember.staffId })
    .from(careTeamMember)
    .where(isNull(careTeamMember.removedAt));
  const _teamOf = (id: string) => teams.filter((row) => row.participantId === id).map((row) => row.staffId);
  const _candidates = [...new Set(teams.map((row) => row.participantId))];
  // A new participant with no plan yet, whose care team holds the specialist, clinician and peer worker.
  ids.participant = (await createTestParticipant(testApp, { stage: "engaged" })).id;
  ids.withoutPeer = (
    await createTestParticipant(testApp, { stage: "job_seeking", withPeerWorker: false })
  ).id;
  // Someone on staff in the same organisation but not on this care team: the team leader.
  ids.notOnTeam = await staffId(demoEmail("team_leader"));
  specialist = await signedInAs(testApp.app, "employment_specialist");
  clinician = await signedInAs(testApp.app, "clinician");
  peer = await signedInAs(testApp.app, "peer_worker");
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("starting the plan", () => {
  it("shows an empty state that says what to do, and starts the plan on request", async () => {
    const empty = await specialist.get(planUrl());
    expect(empty.statusCode).toBe(200);
    expect(words(empty.body)).toContain("There is no support plan yet");
    expect(empty.body).toContain("Start the plan");
    const started = await specialist.post(planUrl());
    expect(started.statusCode).toBe(302);
    const page = await specialist.get(started.headers.location as string);
    expect(page.body).toContain("The plan has been started");
    expect(page.body).toContain("Add a goal");
    expect(page.body).toContain("This plan has not been agreed yet");
    // Starting twice (two tabs) keeps one plan.
    await specialist.get(planUrl());
    await specialist.post(planUrl());
    const [plans] = await testApp.db
      .select({ n: count() })
      .from(supportPlan)
      .where(eq(supportPlan.participantId, ids.participant!));
    expect(plans!.n).toBe(1);
  });
});

describe("filling in the plan", () => {
  it("refuses an empty goal with the message beside the field, and writes nothing", async () => {
    await specialist.get(`${planUrl()}/goals/new`);
    const response = await specialist.post(`${planUrl()}/goals`, { goal: "  ", status: "active" });
    expect(response.statusCode).toBe(400);
    expect(words(response.body)).toContain("Enter the goal in the person's own words");
    expect(response.body).toContain('href="#goal"');
    const [goals] = await testApp.db
      .select({ n: count() })
      .from(planGoal)
      .where(eq(planGoal.participantId, ids.participant!));
    expect(goals!.n).toBe(0);
  });

  it("adds a goal in the person's own words", async () => {
    await specialist.get(`${planUrl()}/goals/new`);
    const response = await specialist.post(`${planUrl()}/goals`, {
      goal: "I want to work in a bike shop",
      successLooksLike: "Three mornings a week",
      status: "active",
    });
    expect(response.statusCode).toBe(302);
    const page = await specialist.get(planUrl());
    expect(page.body).toContain("I want to work in a bike shop");
    expect(page.body).toContain("Three mornings a week");
  });

  it("refuses a due date that is not a date, and an owner who is not on the care team", async () => {
    await specialist.get(`${planUrl()}/actions/new`);
    const badDate = await specialist.post(`${planUrl()}/actions`, {
      description: "Update my CV",
      ownerKind: "participant",
      ...typedDate("dueDate", "2027-02-31"),
      status: "to_do",
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain("Due date must be a real date");
    expect(badDate.body).toMatch(/id="dueDate-day" name="dueDate\[day\]"[^>]*value="31"/);
    expect(badDate.body).toContain("Update my CV");
    const outsider = await specialist.post(`${planUrl()}/actions`, {
      description: "Call the job centre",
      ownerKind: "staff",
      ownerStaffId: ids.notOnTeam!,
      ...typedDate("dueDate", dayOffset(5)),
      status: "to_do",
    });
    expect(outsider.statusCode).toBe(400);
    expect(words(outsider.body)).toContain("Choose someone on the participant's care team");
  });

  it("offers the care team as owners, adds actions and marks the overdue one", async () => {
    const form = await specialist.get(`${planUrl()}/actions/new`);
    expect(form.body).toContain("Dr Tom Okafor");
    expect(form.body).toContain("Priya Shah");
    expect(
      (
        await specialist.post(`${planUrl()}/actions`, {
          description: "Review how medication affects my mornings",
          ownerKind: "staff",
          ownerStaffId: ids.clinician!,
          ...typedDate("dueDate", dayOffset(-2)),
          status: "to_do",
        })
      ).statusCode,
    ).toBe(302);
    expect(
      (
        await specialist.post(`${planUrl()}/actions`, {
          description: "Visit the bike shop on the high street",
          ownerKind: "participant",
          ...typedDate("dueDate", dayOffset(7)),
          status: "in_progress",
        })
      ).statusCode,
    ).toBe(302);
    const page = await specialist.get(planUrl());
    expect(page.body).toContain("Review how medication affects my mornings");
    expect(page.body).toContain("Dr Tom Okafor");
    expect(page.body).toContain("1 action is overdue.");
    expect(page.body.match(/>Overdue</g)?.length).toBeGreaterThanOrEqual(2);
  });

  it("adds a referral to other support, an early-warning sign and the contingency plan", async () => {
    await specialist.get(`${planUrl()}/supports/new`);
    const support = await specialist.post(`${planUrl()}/supports`, {
      kind: "fitness_programme",
      status: "referred",
      notes: "Outpatient walking group, Tuesdays",
    });
    expect(support.statusCode).toBe(302);
    const other = await specialist.post(`${planUrl()}/supports`, { kind: "other", status: "suggested" });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain("Enter what the support is");

    await specialist.get(`${planUrl()}/warning-signs/new`);
    const sign = await specialist.post(`${planUrl()}/warning-signs`, {
      sign: "My sleep times start drifting",
      whatIWillDo: "Text Priya and keep my alarm",
      whatMyTeamWillDo: "Check in within two days",
      checkInField: "sleep",
    });
    expect(sign.statusCode).toBe(302);

    const contingencyForm = await specialist.get(`${planUrl()}/contingency`);
    const version = hiddenVersion(contingencyForm.body)!;
    const pauseWithoutDate = await specialist.post(`${planUrl()}/contingency`, {
      version,
      alternatives: ["clubhouse", "pause_with_check_back"],
    });
    expect(pauseWithoutDate.statusCode).toBe(400);
    expect(pauseWithoutDate.body).toContain("Enter the date to check back when pausing");
    const saved = await specialist.post(`${planUrl()}/contingency`, {
      version,
      contingencyText: "If coaching is too much right now, I will go to the clubhouse and try a course.",
      alternatives: ["clubhouse", "courses"],
    });
    expect(saved.statusCode).toBe(302);
    const page = await specialist.get(planUrl());
    expect(page.body).toContain("Fitness or exercise programme");
    expect(page.body).toContain("My sleep times start drifting");
    expect(page.body).toContain("I will go to the clubhouse and try a course");
  });
});

describe("agreeing a version", () => {
  it("needs a future review date, then keeps the whole plan as version 1", async () => {
    const form = await specialist.get(`${planUrl()}/agree`);
    expect(form.body).toContain("My sleep times start drifting");
    const version = hiddenVersion(form.body)!;
    const past = await specialist.post(`${planUrl()}/agree`, {
      version,
      ...typedDate("reviewDate", dayOffset(0)),
      agreedBy: [ids.specialist!, ids.clinician!],
      participantAgreement: "agreed_in_person",
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain("The review date must be after today");
    const agreed = await specialist.post(`${planUrl()}/agree`, {
      version,
      ...typedDate("reviewDate", dayOffset(90)),
      agreedBy: [ids.specialist!, ids.clinician!],
      participantAgreement: "agreed_in_person",
      participantComment: "Happy with this, the walking group first",
    });
    expect(agreed.statusCode).toBe(302);
    const [kept] = await testApp.db
      .select()
      .from(supportPlanVersion)
      .where(eq(supportPlanVersion.participantId, ids.participant!));
    expect(kept!.number).toBe(1);
    expect(kept!.snapshot.warningSigns[0]!.sign).toBe("My sleep times start drifting");
    expect(kept!.agreedByNames.sort()).toEqual(["Dr Tom Okafor", "Priya Shah"]);
    const versionPage = await specialist.get(`${planUrl()}/versions/1`);
    expect(versionPage.statusCode).toBe(200);
    expect(versionPage.body).toContain("Happy with this, the walking group first");
    expect(versionPage.body).toContain("This is the first agreed version.");
    expect(versionPage.body).not.toContain(`${planUrl()}/goals/`);
    const page = await specialist.get(planUrl());
    expect(page.body).toContain("Nothing has changed since version 1 was agreed.");
  });

  it("refuses to agree a plan that changed after the form was opened, keeping what was entered", async () => {
    const form = await specialist.get(`${planUrl()}/agree`);
    const version = hiddenVersion(form.body)!;
    await clinician.get(`${planUrl()}/supports/new`);
    await clinician.post(`${planUrl()}/supports`, { kind: "peer_support_group", status: "suggested" });
    const stale = await specialist.post(`${planUrl()}/agree`, {
      version,
      ...typedDate("reviewDate", dayOffset(60)),
      agreedBy: ids.specialist!,
      participantAgreement: "agreed_by_phone",
      participantComment: "Wants to think about the peer group",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain("The plan changed while you were agreeing it");
    expect(stale.body).toContain("Wants to think about the peer group");
    expect(stale.body).toContain("Peer support group");
    const versions = await testApp.db
      .select()
      .from(supportPlanVersion)
      .where(eq(supportPlanVersion.participantId, ids.participant!));
    expect(versions).toHaveLength(1);
  });
});

describe("two people editing the same goal", () => {
  it("gives the second a conflict page with both texts, loses nothing, and lists the change since version 1", async () => {
    const page = await specialist.get(planUrl());
    const goalHref = new RegExp(`${planUrl()}/goals/([0-9a-f-]{36})`).exec(page.body)![0];
    const first = await specialist.get(goalHref);
    const second = await clinician.get(goalHref);
    const basedOn = hiddenVersion(first.body)!;
    expect(hiddenVersion(second.body)).toBe(basedOn);

    const saved = await specialist.post(goalHref, {
      version: basedOn,
      goal: "I want to work in a bike shop, fixing bikes",
      successLooksLike: "Three mornings a week",
      status: "active",
    });
    expect(saved.statusCode).toBe(302);
    const conflict = await clinician.post(goalHref, {
      version: basedOn,
      goal: "I want to work in a bike shop near home",
      successLooksLike: "Three mornings a week",
      status: "active",
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain("Someone else changed this while you were editing");
    expect(conflict.body).toContain("I want to work in a bike shop, fixing bikes");
    expect(conflict.body).toContain("I want to work in a bike shop near home");
    const [stored] = await testApp.db
      .select()
      .from(planGoal)
      .where(eq(planGoal.participantId, ids.participant!));
    expect(stored!.goal).toBe("I want to work in a bike shop, fixing bikes");

    // Saving again from the conflict page is based on the saved version, so it goes through.
    const resaved = await clinician.post(goalHref, {
      version: hiddenVersion(conflict.body)!,
      goal: "I want to work in a bike shop near home, fixing bikes",
      successLooksLike: "Three mornings a week",
      status: "active",
    });
    expect(resaved.statusCode).toBe(302);
    const after = await specialist.get(planUrl());
    expect(after.body).toContain("What has changed since version 1");
    expect(after.body).toContain("I want to work in a bike shop near home, fixing bikes");
    expect(after.body).toMatch(/Changed<\/strong> Goal/);
    expect(after.body).toMatch(/Added<\/strong> Referral to other support/);
  });
});

describe("two people editing the contingency plan", () => {
  it("shows the saved and the unsaved contingency side by side, and keeps the saved one", async () => {
    const first = await specialist.get(`${planUrl()}/contingency`);
    const second = await clinician.get(`${planUrl()}/contingency`);
    const version = hiddenVersion(first.body)!;
    expect(hiddenVersion(second.body)).toBe(version);
    const saved = await specialist.post(`${planUrl()}/contingency`, {
      version,
      contingencyText: "If coaching is too much right now, I will go to the clubhouse and try a course.",
      alternatives: ["clubhouse", "courses"],
    });
    expect(saved.statusCode).toBe(302);
    const stale = await clinician.post(`${planUrl()}/contingency`, {
      version,
      contingencyText: "Outpatient groups for a while, then back to coaching.",
      alternatives: ["outpatient_groups", "pause_with_check_back"],
      ...typedDate("checkBackDate", dayOffset(60)),
    });
    expect(stale.statusCode).toBe(409);
    const body = words(stale.body);
    expect(body).toContain("Your version");
    expect(body).toContain("I will go to the clubhouse and try a course");
    expect(body).toContain("Outpatient groups for a while, then back to coaching.");
    expect(body).toContain("Pausing job coaching, with a date to check back");
    const [plan] = await testApp.db
      .select()
      .from(supportPlan)
      .where(eq(supportPlan.participantId, ids.participant!));
    expect(plan!.contingencyAlternatives).toEqual(["clubhouse", "courses"]);
  });
});

describe("the printed plan", () => {
  it("holds the early-warning sign, the contingency plan and who to contact, with no staff email or navigation", async () => {
    const response = await specialist.get(`${planUrl()}/print`);
    expect(response.statusCode).toBe(200);
    const body = words(response.body);
    expect(body).toContain("support plan");
    expect(body).toContain("My sleep times start drifting");
    expect(body).toContain("Check in within two days");
    expect(body).toContain("I will go to the clubhouse and try a course");
    expect(body).toContain("Who to contact");
    expect(body).toContain("Dr Tom Okafor");
    // On paper too: the person's team, and where to get help at once.
    expect(body).toMatch(/My employment support team: [^<]+IPS[^<]*, [^<]+\./);
    expect(body).toContain("Where to get help now");
    expect(body).toContain("111");
    // The team's shared phone and inbox are there to reach it; no staff member's own address is.
    const [supporting] = await testApp.db
      .select({ phone: team.phone, email: team.email })
      .from(participant)
      .innerJoin(team, eq(team.id, participant.teamId))
      .where(eq(participant.id, ids.participant!));
    expect(supporting!.phone).toBeTruthy();
    expect(body).toContain(`Phone: ${supporting!.phone}`);
    expect(body.match(/[\w.+-]+@[\w-]+\.[\w.]+/g)).toEqual([supporting!.email]);
    expect(body).not.toContain("administrator can replace");
    expect(body).not.toContain("nhsuk-header__navigation");
    expect(body).not.toContain("<script");
    expect(body).not.toContain("Change");
  });
});

describe("who may see and change the plan", () => {
  it("lets a peer worker on the care team read it, and refuses one who is not on the team", async () => {
    expect((await peer.get(planUrl())).statusCode).toBe(200);
    const refused = await peer.get(`/participants/${ids.withoutPeer}/plan`);
    expect(refused.statusCode).toBe(403);
    const refusedWrite = await peer.post(`/participants/${ids.withoutPeer}/plan`);
    expect(refusedWrite.statusCode).toBe(403);
    const [plans] = await testApp.db
      .select({ n: count() })
      .from(supportPlan)
      .where(eq(supportPlan.participantId, ids.withoutPeer!));
    expect(plans!.n).toBe(0);
    const [refusal] = await testApp.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, ids.withoutPeer!), eq(auditEvent.outcome, "refused")));
    expect(refusal).toBeDefined();
  });

  it("refuses roles without participant access and a clinician from another organisation", async () => {
    const manager = await signedInAs(testApp.app, "manager");
    expect((await manager.get(planUrl())).statusCode).toBe(403);
    const outsider = new TestClient(testApp.app);
    expect((await outsider.signIn("clinician.2@black.country.demo.tandem.example")).statusCode).toBe(302);
    expect((await outsider.get(planUrl())).statusCode).toBe(403);
    expect((await outsider.request("GET", `/api/v1${planUrl()}`)).statusCode).toBe(403);
  });
});

describe("the plan API", () => {
  it("returns the current plan and its agreed versions", async () => {
    const response = await specialist.request("GET", `/api/v1${planUrl()}`);
    expect(response.statusCode).toBe(200);
    const plan = response.json();
    expect(plan.goals[0].goal).toBe("I want to work in a bike shop near home, fixing bikes");
    expect(plan.versions).toHaveLength(1);
    expect(plan.contingency.alternatives).toEqual(["clubhouse", "courses"]);
  });

  it("answers a stale change with a 409 problem document carrying the current version", async () => {
    const plan = (await specialist.request("GET", `/api/v1${planUrl()}`)).json();
    const goal = plan.goals[0];
    const url = `/api/v1${planUrl()}/goals/${goal.id}`;
    const ok = await specialist.request("PUT", url, {
      goal: "Work in a bike shop",
      status: "active",
      version: goal.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(goal.version + 1);
    const stale = await clinician.request("PUT", url, {
      goal: "Work in a garden centre",
      status: "active",
      version: goal.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers["content-type"]).toContain("application/problem+json");
    const problem = stale.json();
    expect(problem).toMatchObject({ status: 409, title: "Conflict", currentVersion: goal.version + 1 });
    expect(problem.current.goal).toBe("Work in a bike shop");
  });

  it("answers bad input with field messages and a stale contingency with its version", async () => {
    const plan = (await specialist.request("GET", `/api/v1${planUrl()}`)).json();
    const bad = await specialist.request("PUT", `/api/v1${planUrl()}/goals/${plan.goals[0].id}`, {
      goal: "",
      version: plan.goals[0].version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toContainEqual({
      pointer: "/goal",
      detail: "Enter the goal in the person's own words",
    });
    const stale = await specialist.request("PUT", `/api/v1${planUrl()}/contingency`, {
      contingencyText: "Outpatient groups instead",
      alternatives: ["outpatient_groups"],
      version: plan.plan.contingencyVersion - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(plan.plan.contingencyVersion);
  });
});

describe("what other features read from the plan", () => {
  it("gives the next open action due per participant and the plan's timeline entries", async () => {
    const due = await testApp.db.transaction((tx) => nextActionDue(tx, [ids.participant!, ids.withoutPeer!]));
    expect(due.get(ids.participant!)).toBe(dayOffset(-2));
    expect(due.has(ids.withoutPeer!)).toBe(false);

    const door = createParticipantDoor(
      testApp.db,
      testApp.clock,
      participantAccessFactsLoader(testApp.clock),
    );
    const [me] = await testApp.db.select().from(staffAccount).where(eq(staffAccount.id, ids.specialist!));
    const entries = await door.withParticipant(
      { staffId: me!.id, role: me!.role, organisationId: me!.organisationId, teamIds: [] },
      ids.participant!,
      { purpose: "read", what: "timeline" },
      (record) => timelineEntries(record, createTranslator("en-GB")),
    );
    expect(entries.map((entry) => entry.title)).toEqual(
      expect.arrayContaining(["Support plan started", "Support plan version 1 agreed"]),
    );
  });

  it("seeds demo plans for participants past referral, with an overdue action", async () => {
    const [row] = await testApp.db
      .select({ id: participant.id, organisationId: participant.organisationId })
      .from(participant)
      .where(eq(participant.id, ids.withoutPeer!));
    await testApp.db.transaction((tx) =>
      seedDemoPlans(tx, testApp.clock, [
        {
          id: row!.id,
          organisationId: row!.organisationId,
          stage: "job_seeking",
          specialistId: ids.specialist!,
          clinicianId: ids.clinician!,
        },
      ]),
    );
    const page = await specialist.get(`/participants/${ids.withoutPeer}/plan`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(">Overdue<");
    const signs = await testApp.db
      .select()
      .from(planWarningSign)
      .where(eq(planWarningSign.participantId, ids.withoutPeer!));
    expect(signs).toHaveLength(1);
  });
});

describe("every plan route", () => {
  it("answers an empty or unknown request without a server error", async () => {
    const plan = (await specialist.request("GET", `/api/v1${planUrl()}`)).json();
    const routes = testApp.app.declaredRoutes.filter((route) => route.url.includes("/plan"));
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const failures: string[] = [];
    for (const route of routes) {
      for (const itemId of [plan.goals[0].id, "00000000-0000-4000-8000-000000000000", "not-an-id"]) {
        const url = route.url
          .replace(":participantId", ids.participant!)
          .replace(":itemId", itemId)
          .replace(":number", "1");
        const response =
          route.method === "GET"
            ? await specialist.get(url)
            : url.startsWith("/api/")
              ? await specialist.request(route.method, url, {})
              : await specialist.post(url, {});
        if (response.statusCode >= 500) failures.push(`${route.method} ${url}: ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
