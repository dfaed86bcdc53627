import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contact } from "../../src/features/contacts/schema";
import { careTeamMember, participant } from "../../src/features/participants/schema";
import { auditEvent } from "../../src/platform/audit/table";
import { type StaffRole, staffAccount, staffRoles } from "../../src/platform/directory/schema";
import { allows } from "../../src/platform/http/guard";
import {
  demoDirectoryIds,
  demoEmail,
  signedInAs,
  signedInDemoParticipant,
  startTestApp,
  type TestApp,
  TestClient,
} from "../support/app";

/**
 * Every role, and an anonymous visitor, against every route the app declares. The expectation
 * for each cell comes from the role templates (the same ones the app enforces), so adding a
 * route or changing a template changes the matrix without anyone editing this file.
 */
let testApp: TestApp;
type Caller = StaffRole | "anonymous" | "participant";
const clients = new Map<Caller, TestClient>();
const ids: Record<string, string> = {};

beforeAll(async () => {
  testApp = await startTestApp();
  const { db } = testApp;
  const anonymous = new TestClient(testApp.app);
  await anonymous.get("/sign-in");
  clients.set("anonymous", anonymous);
  for (const role of staffRoles) clients.set(role, await signedInAs(testApp.app, role));
  // The demo participant, signed in to their own pages.
  clients.set("participant", await signedInDemoParticipant(testApp.app));

  const directory = await demoDirectoryIds(testApp);
  // A participant whose care team includes the demo specialist, clinician and peer worker.
  const [peer] = await db
    .select()
    .from(staffAccount)
    .where(eq(staffAccount.email, demoEmail("peer_worker")));
  const [shared] = await db
    .select({ id: participant.id })
    .from(participant)
    .innerJoin(careTeamMember, eq(careTeamMember.participantId, participant.id))
    .where(and(eq(careTeamMember.staffId, peer!.id)))
    .limit(1);
  // One of that participant's contacts, if the demo seed gave them any (it does past referral).
  const [someContact] = await db
    .select({ id: contact.id })
    .from(contact)
    .where(eq(contact.participantId, shared!.id))
    .limit(1);
  Object.assign(ids, {
    contact: someContact?.id ?? "00000000-0000-4000-8000-000000000000",
    ...directory,
    participant: shared!.id,
  });
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

/** Fills path parameters with real records so an allowed request reaches its handler. */
function concreteUrl(url: string): string {
  return url
    .replace("/admin/regions/:id", `/admin/regions/${ids.region}`)
    .replace("/admin/organisations/:id", `/admin/organisations/${ids.organisation}`)
    .replace("/admin/teams/:id", `/admin/teams/${ids.team}`)
    .replace("/admin/staff/:id/:action", `/admin/staff/${ids.staff}/reissue-invitation`)
    .replace("/admin/staff/:id", `/admin/staff/${ids.staff}`)
    .replace(
      "/account/api-tokens/:tokenId/revoke",
      "/account/api-tokens/00000000-0000-4000-8000-000000000000/revoke",
    )
    .replace(":itemId", "00000000-0000-4000-8000-000000000000")
    .replace("/plan/versions/:number", "/plan/versions/1")
    .replace(":instrument", "phq9")
    .replace(":alertId", "00000000-0000-4000-8000-000000000000")
    .replace(":absenceId", "00000000-0000-4000-8000-000000000000")
    .replace(":planId", "00000000-0000-4000-8000-000000000000")
    .replace(":actionId", "00000000-0000-4000-8000-000000000000")
    .replace(":applicationId", "00000000-0000-4000-8000-000000000000")
    .replace(":jobId", "00000000-0000-4000-8000-000000000000")
    .replace(":employerId", "00000000-0000-4000-8000-000000000000")
    .replace(":personId", "00000000-0000-4000-8000-000000000000")
    .replace(":opportunityId", "00000000-0000-4000-8000-000000000000")
    .replace(":participantId", ids.participant!)
    .replace(":contactId", ids.contact!);
}

// Routes that change who is signed in are exercised in their own tests, not in the matrix.
const excluded = new Set([
  "POST /sign-out",
  "POST /sign-in",
  "POST /account/password",
  "POST /my/sign-out",
  "POST /my/sign-in",
  "POST /my/account/password",
]);

describe("access matrix: every role against every route", () => {
  it("covers a meaningful set of routes", () => {
    const urls = testApp.app.declaredRoutes.map((route) => route.url);
    expect(urls).toEqual(expect.arrayContaining(["/admin/staff", "/admin/audit", "/api/v1/me", "/account"]));
  });

  it("names no participant in any address of the participant's own pages", () => {
    const own = testApp.app.declaredRoutes.filter((route) => route.url.startsWith("/my"));
    expect(own.length).toBeGreaterThan(5);
    expect(own.filter((route) => route.url.includes(":participantId"))).toEqual([]);
  });

  // The participant goes before the staff roles, whose care-team members may end portal access.
  for (const who of ["anonymous", "participant", ...staffRoles] as const) {
    it(`${who}: is allowed exactly what the role templates grant`, async () => {
      const client = clients.get(who)!;
      const routes = testApp.app.declaredRoutes.filter(
        (route) => !excluded.has(`${route.method} ${route.url}`),
      );
      const mismatches: string[] = [];
      for (const route of routes) {
        const url = concreteUrl(route.url);
        const expected = allows(route.access, {
          staff: who === "anonymous" || who === "participant" ? null : ({ role: who } as never),
          participant: who === "participant" ? ({ secondFactorPending: false } as never) : null,
          secondFactorPending: false,
        });
        const api = url.startsWith("/api/");
        const response =
          route.method === "GET"
            ? await client.get(url)
            : api
              ? await client.request(route.method, url, {})
              : await client.post(url, {});
        const location = String(response.headers.location ?? "");
        const refusedForSignIn = api
          ? response.statusCode === 401
          : response.statusCode === 302 &&
            (location.startsWith("/sign-in") || location.startsWith("/my/sign-in"));
        const forbidden = response.statusCode === 403;
        const outcome = refusedForSignIn ? "sign_in" : forbidden ? "forbidden" : "allowed";
        // The participant door may still refuse a role the route admits: that is checked below.
        const doorRefusal = route.url.includes(":participantId") && expected === "allowed" && forbidden;
        if (outcome !== expected && !doorRefusal) {
          mismatches.push(
            `${route.method} ${route.url}: expected ${expected}, got ${response.statusCode} ${location}`,
          );
        }
      }
      expect(mismatches).toEqual([]);
    }, 120_000);
  }
});

describe("the participant door: record-level access", () => {
  it("lets the care team read, refuses everyone else, and audits both", async () => {
    const url = `/api/v1/participants/${ids.participant}`;
    const expectations: Record<StaffRole, number> = {
      employment_specialist: 200,
      clinician: 200,
      peer_worker: 200,
      team_leader: 200,
      manager: 403,
      advocate: 403,
      evaluator: 403,
      admin: 403,
    };
    const statuses: Record<string, number> = {};
    for (const role of staffRoles) statuses[role] = (await clients.get(role)!.get(url)).statusCode;
    expect(statuses).toEqual(expectations);
    const events = await testApp.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, ids.participant!), eq(auditEvent.action, "participant.read")));
    const outcomes = events
      .map((event: typeof auditEvent.$inferSelect) => `${event.actorRole}:${event.outcome}`)
      .sort();
    expect(outcomes).toEqual(
      expect.arrayContaining([
        "clinician:succeeded",
        "employment_specialist:succeeded",
        "peer_worker:succeeded",
      ]),
    );
  });

  it("refuses a clinician from another organisation, and the refusal is in the audit trail", async () => {
    const outsider = new TestClient(testApp.app);
    expect((await outsider.signIn("clinician.2@black.country.demo.tandem.example")).statusCode).toBe(302);
    const response = await outsider.get(`/api/v1/participants/${ids.participant}`);
    expect(response.statusCode).toBe(403);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const [refusal] = await testApp.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.subjectId, ids.participant!),
          eq(auditEvent.outcome, "refused"),
          eq(auditEvent.actorRole, "clinician"),
        ),
      );
    expect(refusal?.reason).toBe("participant belongs to another organisation");
  });
});
