import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "../../src/platform/audit/table";
import { staffSession } from "../../src/platform/auth/schema";
import { region, staffAccount } from "../../src/platform/directory/schema";
import { demoEmail, signedInAs, startTestApp, type TestApp, TestClient } from "../support/app";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp({ BODY_LIMIT_BYTES: "4096" });
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

const regionCount = async () => (await testApp.db.select({ count: count() }).from(region))[0]!.count;

describe("bad input is refused clearly and changes nothing", () => {
  it("malformed JSON gets a 400 problem document", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    const before = await regionCount();
    const response = await admin.request("POST", "/api/v1/staff", "{not json");
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ status: 400, title: "Bad request" });
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
    expect(await regionCount()).toBe(before);
  });

  it("an oversized body gets 413 and nothing is written", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    const before = await regionCount();
    const response = await admin.post("/admin/regions", { name: "x".repeat(10_000) });
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain("That was too much to send at once");
    expect(await regionCount()).toBe(before);
  });

  it("unknown fields in an API body are named in the problem document", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    const response = await admin.request("POST", "/api/v1/staff", {
      fullName: "Test Person",
      email: "test.person@example.nhs.uk",
      role: "clinician",
      organisationId: "00000000-0000-4000-8000-000000000000",
      benefitSanctionFlag: true,
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().errors)).toContain("benefitSanctionFlag");
    const [created] = await testApp.db
      .select()
      .from(staffAccount)
      .where(eq(staffAccount.email, "test.person@example.nhs.uk"));
    expect(created).toBeUndefined();
  });

  it("API validation messages are words from the catalogue, pointing at the field", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    const response = await admin.request("POST", "/api/v1/staff", {
      fullName: "Test Person",
      email: "not an email",
      role: "clinician",
      organisationId: "00000000-0000-4000-8000-000000000000",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual({
      pointer: "/email",
      detail: "Enter an email address in the correct format, like name@example.nhs.uk",
    });
  });

  it("a form without its CSRF token is refused with a page that says so, and nothing changes", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    const before = await regionCount();
    const response = await admin.post("/admin/regions", { name: "Forged Region" }, { csrf: false });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("Your form has expired");
    expect(await regionCount()).toBe(before);
  });

  it("a cookie-authenticated API write without the CSRF header is refused", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    const response = await testApp.app.inject({
      method: "POST",
      url: "/api/v1/staff",
      headers: { cookie: admin.cookieHeader, "content-type": "application/json" },
      payload: "{}",
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toContain("CSRF");
  });

  it("an expired session is sent to sign in with an explanation, and its row is gone", async () => {
    const clinician = await signedInAs(testApp.app, "clinician");
    const [staff] = await testApp.db
      .select()
      .from(staffAccount)
      .where(eq(staffAccount.email, demoEmail("clinician")));
    expect((await clinician.get("/account")).statusCode).toBe(200);
    testApp.clock.advance((testApp.config.session.idleMinutes + 1) * 60_000);
    const response = await clinician.get("/account");
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/sign-in?next=%2Faccount&expired=1");
    const page = await clinician.get(String(response.headers.location));
    expect(page.body).toContain("You were signed out because you had not used Tandem for a while");
    const sessions = await testApp.db.select().from(staffSession).where(eq(staffSession.staffId, staff!.id));
    expect(
      sessions.filter((session) => session.lastSeenAt.getTime() < testApp.clock.now().getTime() - 60_000),
    ).toEqual([]);
  });

  it("an expired session's API call gets 401, not a page", async () => {
    const response = await testApp.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { cookie: "tandem_session=stale" },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ status: 401 });
  });

  it("never follows a sign-in 'next' to another site", async () => {
    const client = new TestClient(testApp.app);
    await client.get("/sign-in");
    const response = await client.post("/sign-in", {
      email: demoEmail("evaluator"),
      password: "tandem-demo-2026",
      next: "//evil.example/steal",
    });
    expect(response.headers.location).toBe("/");
  });
});

describe("security headers", () => {
  it("sends a strict CSP without unsafe-inline, frame denial and no-sniff", async () => {
    const response = await testApp.app.inject({ method: "GET", url: "/sign-in" });
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["strict-transport-security"]).toBeUndefined();
    expect(response.body).not.toMatch(/<script>|<script type="module">[^<]/);
    expect(response.body).not.toMatch(/ style="/);
  });

  it("marks the session cookie httpOnly and SameSite", async () => {
    const client = new TestClient(testApp.app);
    await client.get("/sign-in");
    const response = await client.post("/sign-in", {
      email: demoEmail("manager"),
      password: "tandem-demo-2026",
    });
    const cookie = response.cookies.find((item) => item.name === "tandem_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  });
});

describe("operations and the API description", () => {
  it("reports alive and ready", async () => {
    expect((await testApp.app.inject({ method: "GET", url: "/healthz" })).json()).toEqual({
      status: "alive",
    });
    expect((await testApp.app.inject({ method: "GET", url: "/readyz" })).json()).toEqual({
      status: "ready",
      database: "up",
    });
  });

  it("serves an OpenAPI document generated from the same schemas that validate requests", async () => {
    const response = await testApp.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    const document = response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/me",
        "/api/v1/staff",
        "/api/v1/audit-events",
        "/api/v1/participants/{participantId}",
      ]),
    );
    expect(Object.keys(document.paths).every((path) => path.startsWith("/api/v1/"))).toBe(true);
    const invite = document.paths["/api/v1/staff"].post.requestBody.content["application/json"].schema;
    expect(invite.required).toEqual(expect.arrayContaining(["fullName", "email", "role", "organisationId"]));
    expect(invite.additionalProperties).toBe(false);
  });

  it("accepts an API token as a bearer, and stops accepting it once revoked", async () => {
    const specialist = await signedInAs(testApp.app, "employment_specialist");
    await specialist.get("/account");
    const created = await specialist.post("/account/api-tokens", { name: "Report script", validDays: "30" });
    const token = /id="api-token">([^<]+)</.exec(created.body)?.[1];
    expect(token).toMatch(/^tdm_/);
    const me = await testApp.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json()).toMatchObject({
      email: demoEmail("employment_specialist"),
      role: "employment_specialist",
    });
    const forbidden = await testApp.app.inject({
      method: "GET",
      url: "/api/v1/staff",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(forbidden.statusCode).toBe(403);
    const accountPage = await specialist.get("/account");
    const tokenId = /\/account\/api-tokens\/([0-9a-f-]+)\/revoke/.exec(accountPage.body)?.[1];
    await specialist.post(`/account/api-tokens/${tokenId}/revoke`);
    const after = await testApp.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
  });
});

describe("the audit fails closed", () => {
  it("refuses an admin change when its audit event cannot be written, and the change is not made", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    await admin.get("/admin/regions");
    const before = await regionCount();
    // Take the audit table away for the length of one request, as a full disk or a revoked grant would.
    await testApp.db.execute(sql.raw("alter table audit_event rename to audit_event_away"));
    try {
      const response = await admin.post("/admin/regions", { name: "Unaudited Region" });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain("Sorry, the service is unavailable");
    } finally {
      await testApp.db.execute(sql.raw("alter table audit_event_away rename to audit_event"));
    }
    expect(await regionCount()).toBe(before);
    const events = await testApp.db.select().from(auditEvent).where(eq(auditEvent.action, "region.create"));
    expect(events).toEqual([]);
  });
});

describe("when the database fails", () => {
  it("shows the friendly error page and a problem document, never a stack trace", async () => {
    const broken = await startTestApp();
    try {
      await broken.db.execute(sql.raw("alter table staff_session rename to staff_session_away"));
      const page = await broken.app.inject({
        method: "GET",
        url: "/",
        headers: { cookie: "tandem_session=anything" },
      });
      expect(page.statusCode).toBe(500);
      expect(page.body).toContain("Sorry, there is a problem with the service");
      expect(page.body).not.toMatch(/staff_session|at .*\.ts/);
      const api = await broken.app.inject({
        method: "GET",
        url: "/api/v1/me",
        headers: { cookie: "tandem_session=anything" },
      });
      expect(api.statusCode).toBe(500);
      expect(api.json()).toEqual({
        type: "about:blank",
        title: "Internal server error",
        status: 500,
        detail: "Something went wrong on our side. Nothing was changed.",
      });
      await broken.db.execute(sql.raw("alter table staff_session_away rename to staff_session"));
    } finally {
      await broken.close();
    }
  });
});
