import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/seed";
import { currentCode } from "../../src/platform/auth/mfa";
import { staffSession } from "../../src/platform/auth/schema";
import { staffAccount } from "../../src/platform/directory/schema";
import { demoEmail, signedInAs, type TestApp, TestClient } from "../support/app";
import { words } from "../support/portal";
import {
  attackerSecret,
  auditOf,
  emailsTo,
  enrolStaff,
  freshCode,
  MAX_CODE_FAILURES,
  secretOn,
  startSecondFactorTestApp,
  wrongCode,
} from "../support/second-factor";

// Issue 11, findings 1 and 3, for staff, over HTTP as an attacker would try them: a password alone
// must never set or replace someone's second factor, and wrong codes lock like passwords.
// test/integration/participant-second-factor.test.ts does the same for participants.

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startSecondFactorTestApp();
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

async function staffRow(email: string) {
  const [row] = await testApp.db.select().from(staffAccount).where(eq(staffAccount.email, email));
  return row!;
}

describe("staff: a password alone cannot set or replace the second factor", () => {
  const email = demoEmail("employment_specialist");
  let victim: TestClient;
  let secret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    victim = await signedInAs(testApp.app, "employment_specialist");
    ({ secret, codes: recoveryCodes } = await enrolStaff(testApp, victim));
  });

  it("the reported exploit fails: a session waiting for the code cannot enrol the attacker's authenticator", async () => {
    const before = await staffRow(email);
    const attacker = new TestClient(testApp.app);
    const signIn = await attacker.signIn(email);
    expect(signIn.headers.location).toBe("/sign-in/second-factor?next=%2F");
    expect((await attacker.get("/sign-in/set-up-second-factor")).headers.location).toBe(
      "/sign-in/second-factor",
    );
    const exploit = await attacker.post("/sign-in/set-up-second-factor", {
      secret: attackerSecret,
      code: currentCode(attackerSecret, testApp.clock.now()),
    });
    expect(exploit.statusCode).toBe(403);
    expect(exploit.body).not.toContain("Save your recovery codes");
    expect(words(exploit.body)).toContain("Your account already has a second factor");
    const after = await staffRow(email);
    expect(after.mfaSecret).toBe(before.mfaSecret);
    expect(after.mfaSecret).not.toBe(attackerSecret);
    expect(after.mfaEnrolledAt).toEqual(before.mfaEnrolledAt);
    // The attacker's session is still only part-way: nothing else opens, and it is not marked done.
    expect((await attacker.get("/")).headers.location).toBe("/sign-in/second-factor");
    const sessions = await testApp.db.select().from(staffSession).where(eq(staffSession.staffId, before.id));
    expect(sessions.filter((session) => !session.mfaSatisfied)).toHaveLength(1);
    const refusals = await auditOf(testApp, "account.second_factor_enrolled", before.id);
    expect(refusals.some((event) => event.outcome === "refused")).toBe(true);
    // The victim's own authenticator still works.
    const code = await attacker.post("/sign-in/second-factor", { code: freshCode(testApp, secret) });
    expect(code.headers.location).toBe("/");
  });

  it("a fully signed-in session cannot replace the factor through the sign-in set-up page", async () => {
    const before = await staffRow(email);
    expect((await victim.get("/sign-in/set-up-second-factor")).headers.location).toBe(
      "/account/second-factor",
    );
    const replaced = await victim.post("/sign-in/set-up-second-factor", {
      secret: attackerSecret,
      code: currentCode(attackerSecret, testApp.clock.now()),
    });
    expect(replaced.statusCode).toBe(403);
    expect((await staffRow(email)).mfaSecret).toBe(before.mfaSecret);
  });

  it("nor on the account page without the password and a current code", async () => {
    const before = await staffRow(email);
    const page = await victim.get("/account/second-factor");
    expect(page.statusCode).toBe(200);
    const newSecret = secretOn(page.body);
    const newCode = () => currentCode(newSecret, testApp.clock.now());
    const attempts: Record<string, string>[] = [
      { secret: newSecret, code: newCode() },
      { secret: newSecret, code: newCode(), currentPassword: DEMO_PASSWORD },
      {
        secret: newSecret,
        code: newCode(),
        currentPassword: "not the password",
        currentCode: freshCode(testApp, secret),
      },
      {
        secret: newSecret,
        code: newCode(),
        currentPassword: DEMO_PASSWORD,
        currentCode: wrongCode(testApp, secret),
      },
    ];
    const statuses = [];
    for (const form of attempts)
      statuses.push((await victim.post("/account/second-factor", form)).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400]);
    const after = await staffRow(email);
    expect(after.mfaSecret).toBe(before.mfaSecret);
    expect(await emailsTo(testApp, email)).toHaveLength(0);
    // Recovery codes are a second factor too: new ones need the same proof.
    await victim.get("/account");
    const codes = await victim.post("/account/recovery-codes", {});
    expect(codes.statusCode).toBe(400);
    expect(codes.body).not.toContain("Save your recovery codes");
    // Those wrong attempts count towards the lock: clear them by giving the right proof below.
  });

  it("with the password and a current code it can, signs out everywhere else, emails the person and is audited", async () => {
    const elsewhere = await signedInAs(testApp.app, "employment_specialist");
    await elsewhere.post("/sign-in/second-factor", { code: freshCode(testApp, secret) });
    expect((await elsewhere.get("/account")).statusCode).toBe(200);
    const page = await victim.get("/account/second-factor");
    const newSecret = secretOn(page.body);
    testApp.clock.advance(30_000);
    const done = await victim.post("/account/second-factor", {
      secret: newSecret,
      code: currentCode(newSecret, testApp.clock.now()),
      currentPassword: DEMO_PASSWORD,
      currentCode: recoveryCodes[0]!,
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain("Save your recovery codes");
    const after = await staffRow(email);
    expect(after.mfaSecret).toBe(newSecret);
    // This browser carries on; the other was signed out.
    expect((await victim.get("/account")).statusCode).toBe(200);
    expect((await elsewhere.get("/account")).headers.location).toMatch(/^\/sign-in/);
    const [notice, ...others] = await emailsTo(testApp, email);
    expect(others).toHaveLength(0);
    expect(notice!.purpose).toBe("account.second_factor_replaced");
    expect(notice!.body).toContain("was replaced");
    for (const secretThing of [newSecret, secret, ...recoveryCodes])
      expect(notice!.body).not.toContain(secretThing);
    expect(notice!.body).not.toMatch(/https?:\/\//);
    const audited = await auditOf(testApp, "account.second_factor_replaced", after.id);
    expect(audited.map((event) => event.outcome)).toEqual(["succeeded"]);
    secret = newSecret;
  });

  it("new recovery codes need the password and a current code, and the person is told", async () => {
    await victim.get("/account");
    const wrong = await victim.post("/account/recovery-codes", {
      recoveryPassword: DEMO_PASSWORD,
      recoveryCode: wrongCode(testApp, secret),
    });
    expect(wrong.statusCode).toBe(400);
    expect(words(wrong.body)).toContain("recovery code is not right");
    const right = await victim.post("/account/recovery-codes", {
      recoveryPassword: DEMO_PASSWORD,
      recoveryCode: freshCode(testApp, secret),
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain("Save your recovery codes");
    const purposes = (await emailsTo(testApp, email)).map((row) => row.purpose).sort();
    expect(purposes).toEqual(["account.recovery_codes_replaced", "account.second_factor_replaced"]);
  });
});

describe("staff: wrong second-factor codes lock the account's codes", () => {
  const email = demoEmail("team_leader");
  let secret: string;

  beforeAll(async () => {
    const person = await signedInAs(testApp.app, "team_leader");
    ({ secret } = await enrolStaff(testApp, person));
  });

  async function partlySignedIn() {
    const client = new TestClient(testApp.app);
    expect((await client.signIn(email)).headers.location).toContain("/sign-in/second-factor");
    await client.get("/sign-in/second-factor");
    return client;
  }

  it(`refuses even the right code after ${MAX_CODE_FAILURES} wrong ones, says for how long, and audits it`, async () => {
    const client = await partlySignedIn();
    const statuses = [];
    let last = "";
    for (let attempt = 0; attempt < MAX_CODE_FAILURES; attempt++) {
      const response = await client.post("/sign-in/second-factor", { code: wrongCode(testApp, secret) });
      statuses.push(response.statusCode);
      last = words(response.body);
    }
    expect(statuses).toEqual([...Array(MAX_CODE_FAILURES - 1).fill(401), 429]);
    expect(last).toContain("Too many wrong codes");
    expect(last).toContain(`${testApp.config.secondFactor.lockMinutes} minutes`);
    const right = await client.post("/sign-in/second-factor", { code: freshCode(testApp, secret) });
    expect(right.statusCode).toBe(429);
    expect((await client.get("/")).headers.location).toBe("/sign-in/second-factor");
    // The page says so before any code is typed, too.
    expect(words((await client.get("/sign-in/second-factor")).body)).toContain("Too many wrong codes");
    const staff = await staffRow(email);
    expect(await auditOf(testApp, "sign_in.second_factor_locked", staff.id)).toHaveLength(1);
    // A fresh sign-in with the password does not reset the lock.
    const again = await partlySignedIn();
    expect(
      (await again.post("/sign-in/second-factor", { code: freshCode(testApp, secret) })).statusCode,
    ).toBe(429);
  });

  it("lets the right code in once the lock has passed", async () => {
    testApp.clock.advance((testApp.config.secondFactor.lockMinutes + 1) * 60_000);
    const client = await partlySignedIn();
    const right = await client.post("/sign-in/second-factor", { code: freshCode(testApp, secret) });
    expect(right.headers.location).toBe("/");
  });

  it("starts the count again after a right code", async () => {
    for (let round = 0; round < 2; round++) {
      const client = await partlySignedIn();
      for (let attempt = 0; attempt < MAX_CODE_FAILURES - 1; attempt++)
        expect(
          (await client.post("/sign-in/second-factor", { code: wrongCode(testApp, secret) })).statusCode,
        ).toBe(401);
      expect(
        (await client.post("/sign-in/second-factor", { code: freshCode(testApp, secret) })).headers.location,
      ).toBe("/");
    }
  });
});

describe("staff: an administrator's reset of the second factor", () => {
  it("signs the person out everywhere, emails them with no code or link in it, and is audited", async () => {
    const email = demoEmail("clinician");
    const person = await signedInAs(testApp.app, "clinician");
    await enrolStaff(testApp, person);
    const staff = await staffRow(email);
    const admin = await signedInAs(testApp.app, "admin");
    await admin.get(`/admin/staff/${staff.id}`);
    const reset = await admin.post(`/admin/staff/${staff.id}/reset-second-factor`);
    expect(reset.statusCode).toBe(302);
    expect((await staffRow(email)).mfaEnrolledAt).toBeNull();
    expect(await testApp.db.select().from(staffSession).where(eq(staffSession.staffId, staff.id))).toEqual(
      [],
    );
    const notices = (await emailsTo(testApp, email)).filter(
      (message) => message.purpose === "account.second_factor_reset_by_administrator",
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain("An administrator removed the authenticator app");
    expect(notices[0]!.body).not.toMatch(/https?:|\b\d{6}\b/);
    expect(await auditOf(testApp, "staff.reset_second_factor", staff.id)).toHaveLength(1);
  });
});
