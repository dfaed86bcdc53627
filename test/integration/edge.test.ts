import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTICIPANT_SIGN_IN, DEMO_PASSWORD } from "../../src/demo/seed";
import { participant } from "../../src/features/participants/schema";
import { issueApiToken } from "../../src/platform/auth/api-tokens";
import { region } from "../../src/platform/directory/schema";
import { demoEmail, demoStaff, signedInAs, startTestApp, type TestApp, TestClient } from "../support/app";

// What the edge of the app refuses for every route (decisions 50-53), shown on the routes where
// the walkthrough found it. The random-input test covers every route; these say what a person sees.

let testApp: TestApp;
const publicUrl = "https://tandem.example.nhs.uk";

beforeAll(async () => {
  testApp = await startTestApp({ PUBLIC_URL: publicUrl });
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

const regionCount = async () => (await testApp.db.select({ count: count() }).from(region))[0]!.count;

async function selfReferralForm(visitor: TestClient) {
  const page = await visitor.get("/refer-yourself");
  const teamId = /<option value="([0-9a-f-]{36})"/.exec(page.body)![1]!;
  return {
    givenName: "Kim",
    familyName: "Edgecase",
    dateOfBirth: "1990-04-04",
    workSituation: "unemployed",
    phone: "07700 900555",
    agreeToContact: "yes",
    teamId,
  };
}

describe("text no person types is refused at the edge, for everyone", () => {
  it("a NUL in the public self-referral gets a 400 page saying what to do, and stores nothing", async () => {
    const visitor = new TestClient(testApp.app);
    const form = await selfReferralForm(visitor);
    const response = await visitor.post("/refer-yourself", { ...form, familyName: "Edge\u0000case" });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Sorry, something you entered cannot be used");
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(await testApp.db.select().from(participant).where(eq(participant.familyName, "Edgecase"))).toEqual(
      [],
    );
  });

  it("a NUL in either sign-in form, without signing in, gets a 400 page", async () => {
    const staff = new TestClient(testApp.app);
    await staff.get("/sign-in");
    const refused = await staff.post("/sign-in", { email: "a\u0000@example.nhs.uk", password: "x" });
    expect(refused.statusCode).toBe(400);
    const person = new TestClient(testApp.app);
    await person.get("/my/sign-in");
    const alsoRefused = await person.post("/my/sign-in", { signInName: "a\u0000b", password: "x" });
    expect(alsoRefused.statusCode).toBe(400);
    expect(alsoRefused.body).toContain("Sorry, something you entered cannot be used");
  });

  it("a multi-line note keeps its lines, but a line break in an address is refused", async () => {
    const visitor = new TestClient(testApp.app);
    expect((await visitor.get("/sign-in?next=%2F%0A")).statusCode).toBe(400);
    expect((await visitor.get("/sign-in?next=%2Fcaseload")).statusCode).toBe(200);
  });

  it("the API answers a NUL or half a surrogate pair in JSON with a problem document pointing at it", async () => {
    const specialist = await signedInAs(testApp.app, "employment_specialist");
    for (const q of ["a\u0000", "\ud800"]) {
      const response = await specialist.request("POST", "/api/v1/participants/search", { q });
      expect(response.statusCode).toBe(400);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json().errors).toEqual([
        { pointer: "/body/q", detail: "Remove control characters and malformed text." },
      ]);
    }
  });
});

describe("dates outside 1900-2200 get the field's own message", () => {
  it("on the API", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    const response = await admin.get("/api/v1/audit-events?from=0000-01-01");
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().errors)).toContain("Enter a real date");
  });

  it("in a form", async () => {
    const visitor = new TestClient(testApp.app);
    const form = await selfReferralForm(visitor);
    const response = await visitor.post("/refer-yourself", { ...form, dateOfBirth: "0000-01-01" });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("nhsuk-error-summary");
  });
});

describe("lengths", () => {
  it("a caseload search over 100 characters is shown back with the message beside the box", async () => {
    const specialist = await signedInAs(testApp.app, "employment_specialist");
    await specialist.get("/caseload");
    const response = await specialist.post("/caseload", { q: "x".repeat(101) });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Enter 100 characters or fewer");
    expect(response.body).toContain("nhsuk-error-summary");
    const team = await signedInAs(testApp.app, "team_leader");
    await team.get("/team/caseloads");
    expect((await team.post("/team/caseloads", { q: "x".repeat(101) })).statusCode).toBe(400);
  });
});

describe("where sign-in goes next", () => {
  for (const next of ["/\t/evil.example/x", "/\n/evil.example", "/%09/evil.example/x", "/\\evil.example"]) {
    it(`never leaves the site or fails for ${JSON.stringify(next)}`, async () => {
      const client = new TestClient(testApp.app);
      await client.get("/sign-in");
      const response = await client.post("/sign-in", {
        email: demoEmail("evaluator"),
        password: DEMO_PASSWORD,
        next,
      });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe("/");
    });
  }

  it("the participant's sign-in goes only to their own pages", async () => {
    const client = new TestClient(testApp.app);
    await client.get("/my/sign-in");
    const response = await client.post("/my/sign-in", {
      signInName: DEMO_PARTICIPANT_SIGN_IN,
      password: DEMO_PASSWORD,
      next: "/my/../admin/staff",
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/my");
  });
});

describe("writes from another site are refused however the CSRF token looks", () => {
  it("a form posted from another origin gets a 403 page and nothing changes", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    await admin.get("/admin/regions");
    const before = await regionCount();
    for (const headers of [
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "https://other.example.nhs.uk" },
    ]) {
      const response = await testApp.app.inject({
        method: "POST",
        url: "/admin/regions",
        headers: {
          cookie: admin.cookieHeader,
          "content-type": "application/x-www-form-urlencoded",
          ...headers,
        },
        payload: new URLSearchParams({ _csrf: admin.csrfToken, name: "Forged Region" }).toString(),
      });
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.body).toContain("This form was sent from another website");
    }
    expect(await regionCount()).toBe(before);
  });

  it("the API answers a cross-site write with a problem document, even with a bearer token", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    const response = await admin.request(
      "POST",
      "/api/v1/staff",
      {},
      { origin: "https://evil.example", authorization: "Bearer not-a-token" },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ status: 403, detail: expect.stringContaining("another site") });
  });

  it("allows our own origin, a same-origin fetch on another name for us, and callers that send neither", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    await admin.get("/admin/regions");
    const post = (name: string, headers: Record<string, string>) =>
      testApp.app.inject({
        method: "POST",
        url: "/admin/regions",
        headers: {
          cookie: admin.cookieHeader,
          "content-type": "application/x-www-form-urlencoded",
          ...headers,
        },
        payload: new URLSearchParams({ _csrf: admin.csrfToken, name }).toString(),
      });
    expect((await post("Origin Region One", { origin: publicUrl })).statusCode).toBe(302);
    expect(
      (await post("Origin Region Two", { origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }))
        .statusCode,
    ).toBe(302);
    expect((await post("Origin Region Three", {})).statusCode).toBe(302);
  });

  it("reading is never refused for where it came from", async () => {
    const response = await testApp.app.inject({
      method: "GET",
      url: "/sign-in",
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe("answers with personal data are never cached", () => {
  it("a participant's record over the API, with a session or a token, says no-store", async () => {
    const specialist = await signedInAs(testApp.app, "employment_specialist");
    const list = await specialist.get("/api/v1/participants");
    expect(list.statusCode).toBe(200);
    expect(list.headers["cache-control"]).toBe("no-store");
    const staff = await demoStaff(testApp, "employment_specialist");
    const token = await issueApiToken(
      testApp.db,
      testApp.clock,
      { staffId: staff.id, role: staff.role, organisationId: staff.organisationId },
      "Edge test",
      1,
      "127.0.0.1",
    );
    const byToken = await testApp.app.inject({
      method: "GET",
      url: `/api/v1/participants`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byToken.statusCode).toBe(200);
    expect(byToken.headers["cache-control"]).toBe("no-store");
  });

  it("static design-system files may still be cached", async () => {
    const response = await testApp.app.inject({ method: "GET", url: "/nhsuk/nhsuk-frontend.min.css" });
    expect(response.headers["cache-control"]).toContain("max-age");
  });
});
