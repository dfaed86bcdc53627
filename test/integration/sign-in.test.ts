import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/seed";
import { auditEvent } from "../../src/platform/audit/table";
import { currentCode } from "../../src/platform/auth/mfa";
import { organisation, staffAccount } from "../../src/platform/directory/schema";
import { demoEmail, signedInAs, startTestApp, type TestApp, TestClient } from "../support/app";

let demo: TestApp;
let production: TestApp;

beforeAll(async () => {
  demo = await startTestApp({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: "12" });
  production = await startTestApp({ DEMO_MODE: "false" });
}, 180_000);

afterAll(async () => {
  await demo?.close();
  await production?.close();
});

async function enrolSecondFactor(client: TestClient, app: TestApp) {
  const page = await client.get("/sign-in/set-up-second-factor");
  const secret = /name="secret" value="([A-Z2-7]+)"/.exec(page.body)![1]!;
  const done = await client.post("/sign-in/set-up-second-factor", {
    secret,
    code: currentCode(secret, app.clock.now()),
  });
  expect(done.body).toContain("Save your recovery codes");
  return secret;
}

describe("second factor requirements", () => {
  it("outside demo mode, an admin must enrol before reaching anything", async () => {
    const admin = new TestClient(production.app);
    const response = await admin.signIn(demoEmail("admin"));
    expect(response.headers.location).toBe("/sign-in/set-up-second-factor");
    const elsewhere = await admin.get("/admin/staff");
    expect(elsewhere.headers.location).toBe("/sign-in/set-up-second-factor");
    await enrolSecondFactor(admin, production);
    expect((await admin.get("/admin/staff")).statusCode).toBe(200);
  });

  it("an organisation can require it of everyone", async () => {
    const [staff] = await demo.db
      .select()
      .from(staffAccount)
      .where(eq(staffAccount.email, demoEmail("evaluator")));
    await demo.db
      .update(organisation)
      .set({ requireMfa: true })
      .where(eq(organisation.id, staff!.organisationId));
    try {
      const evaluator = new TestClient(demo.app);
      expect((await evaluator.signIn(demoEmail("evaluator"))).headers.location).toBe(
        "/sign-in/set-up-second-factor",
      );
    } finally {
      await demo.db
        .update(organisation)
        .set({ requireMfa: false })
        .where(eq(organisation.id, staff!.organisationId));
    }
  });

  it("a code works once: a replay in the same time step is refused", async () => {
    const person = await signedInAs(demo.app, "peer_worker");
    const secret = await enrolSecondFactor(person, demo);
    await person.post("/sign-out");
    demo.clock.advance(30_000);
    await person.signIn(demoEmail("peer_worker"));
    const code = currentCode(secret, demo.clock.now());
    await person.get("/sign-in/second-factor");
    expect((await person.post("/sign-in/second-factor", { code })).headers.location).toBe("/");
    await person.post("/sign-out");
    await person.signIn(demoEmail("peer_worker"));
    await person.get("/sign-in/second-factor");
    const replay = await person.post("/sign-in/second-factor", { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.body).toContain("The code is not right");
  });
});

describe("repeated failures", () => {
  it("lock an address that tries many accounts, with the same message an unknown account gets", async () => {
    const client = new TestClient(demo.app);
    await client.get("/sign-in");
    let last = "";
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await client.post("/sign-in", {
        email: `person${attempt}@example.nhs.uk`,
        password: "guess",
      });
      last = response.body;
    }
    expect(last).toContain("Too many attempts");
    const rightPassword = await client.post("/sign-in", {
      email: demoEmail("manager"),
      password: DEMO_PASSWORD,
    });
    expect(rightPassword.statusCode).toBe(429);
    demo.clock.advance((demo.config.signIn.lockMinutes + 1) * 60_000);
    expect(
      (await client.post("/sign-in", { email: demoEmail("manager"), password: DEMO_PASSWORD })).statusCode,
    ).toBe(302);
  });

  it("are each an audit event, naming the account when there is one", async () => {
    const client = new TestClient(demo.app);
    await client.get("/sign-in");
    await client.post("/sign-in", { email: demoEmail("clinician"), password: "wrong password" });
    const [staff] = await demo.db
      .select()
      .from(staffAccount)
      .where(eq(staffAccount.email, demoEmail("clinician")));
    const failures = await demo.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.action, "sign_in"),
          eq(auditEvent.outcome, "failed"),
          eq(auditEvent.subjectId, staff!.id),
        ),
      );
    expect(failures.map((event) => event.reason)).toContain("wrong password");
    expect(JSON.stringify(failures)).not.toContain('wrong password"}');
  });
});

describe("changing a password", () => {
  it("signs the person out everywhere else but keeps this browser signed in", async () => {
    const here = await signedInAs(demo.app, "evaluator");
    const elsewhere = await signedInAs(demo.app, "evaluator");
    await here.get("/account");
    const wrong = await here.post("/account/password", {
      currentPassword: "nope",
      password: "a new long password",
      confirmPassword: "a new long password",
    });
    expect(wrong.body).toContain("Your current password is not right");
    const changed = await here.post("/account/password", {
      currentPassword: DEMO_PASSWORD,
      password: "a new long password",
      confirmPassword: "a new long password",
    });
    expect(changed.headers.location).toBe("/account?notice=password_changed");
    expect((await here.get("/account")).statusCode).toBe(200);
    expect((await elsewhere.get("/account")).statusCode).toBe(302);
    const fresh = new TestClient(demo.app);
    expect((await fresh.signIn(demoEmail("evaluator"), "a new long password")).statusCode).toBe(302);
  });
});

describe("invitations", () => {
  it("expire after seven days with a plain message", async () => {
    const admin = await signedInAs(demo.app, "admin");
    await admin.get("/admin/staff/invite");
    const [org] = await demo.db.select().from(organisation).limit(1);
    const created = await admin.post("/admin/staff", {
      fullName: "Late Starter",
      email: "late.starter@example.nhs.uk",
      role: "peer_worker",
      organisationId: org!.id,
    });
    const link = /id="invitation-link">([^<]+)</
      .exec(created.body)![1]!
      .replace(/^https?:\/\/[^/]+/, "")
      .replace(/&amp;/g, "&");
    demo.clock.advance(8 * 86_400_000);
    const expired = await new TestClient(demo.app).get(link);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain("This invitation has expired");
  });
});
