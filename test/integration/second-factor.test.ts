import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/seed";
import { consentRecord, participant } from "../../src/features/participants/schema";
import { auditEvent } from "../../src/platform/audit/table";
import { currentCode } from "../../src/platform/auth/mfa";
import { participantAccount, participantSession, staffSession } from "../../src/platform/auth/schema";
import { staffAccount } from "../../src/platform/directory/schema";
import { outboundEmail } from "../../src/platform/mail/schema";
import { demoEmail, demoStaff, signedInAs, startTestApp, type TestApp, TestClient } from "../support/app";
import { createTestParticipant } from "../support/participants";
import { acceptCode, inviteByCode, PARTICIPANT_PASSWORD, words } from "../support/portal";

// Issue 11, findings 1 and 3, over HTTP as an attacker would try them: a password alone must
// never set, replace or remove someone's second factor, and wrong codes lock like passwords.

let testApp: TestApp;
const MAX_CODE_FAILURES = 3;

beforeAll(async () => {
  // A small limit keeps the test under the route's own limit of 20 codes a minute from one address.
  testApp = await startTestApp({ SECOND_FACTOR_MAX_FAILURES: String(MAX_CODE_FAILURES) });
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

const secretOn = (html: string) => /name="secret" value="([A-Z2-7]+)"/.exec(html)![1]!;

/** A code for the next time step: each step's code works once, so every use moves the clock on. */
function freshCode(secret: string) {
  testApp.clock.advance(30_000);
  return currentCode(secret, testApp.clock.now());
}

/** A code that is not right now (nor in the steps either side, but for a one-in-a-million chance). */
function wrongCode(secret: string) {
  const right = Number(currentCode(secret, testApp.clock.now()));
  return String((right + 500_000) % 1_000_000).padStart(6, "0");
}

const attackerSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

async function staffRow(email: string) {
  const [row] = await testApp.db.select().from(staffAccount).where(eq(staffAccount.email, email));
  return row!;
}

/** Sets up a first second factor from a fully signed-in demo session; returns the secret and recovery codes. */
async function enrolStaff(client: TestClient) {
  const page = await client.get("/sign-in/set-up-second-factor");
  expect(page.statusCode).toBe(200);
  const secret = secretOn(page.body);
  const done = await client.post("/sign-in/set-up-second-factor", { secret, code: freshCode(secret) });
  expect(done.body).toContain("Save your recovery codes");
  const codes = [...done.body.matchAll(/<li>([a-z2-9]{5}-[a-z2-9]{5})<\/li>/g)].map((match) => match[1]!);
  expect(codes).toHaveLength(10);
  return { secret, codes };
}

async function auditOf(action: string, subjectId: string) {
  return testApp.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.action, action), eq(auditEvent.subjectId, subjectId)));
}

async function emailsTo(recipient: string) {
  return testApp.db.select().from(outboundEmail).where(eq(outboundEmail.recipient, recipient));
}

describe("staff: a password alone cannot set or replace the second factor", () => {
  const email = demoEmail("employment_specialist");
  let victim: TestClient;
  let secret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    victim = await signedInAs(testApp.app, "employment_specialist");
    ({ secret, codes: recoveryCodes } = await enrolStaff(victim));
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
    const refusals = await auditOf("account.second_factor_enrolled", before.id);
    expect(refusals.some((event) => event.outcome === "refused")).toBe(true);
    // The victim's own authenticator still works.
    const code = await attacker.post("/sign-in/second-factor", { code: freshCode(secret) });
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
        currentCode: freshCode(secret),
      },
      { secret: newSecret, code: newCode(), currentPassword: DEMO_PASSWORD, currentCode: wrongCode(secret) },
    ];
    const statuses = [];
    for (const form of attempts)
      statuses.push((await victim.post("/account/second-factor", form)).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400]);
    const after = await staffRow(email);
    expect(after.mfaSecret).toBe(before.mfaSecret);
    expect(await emailsTo(email)).toHaveLength(0);
    // Recovery codes are a second factor too: new ones need the same proof.
    await victim.get("/account");
    const codes = await victim.post("/account/recovery-codes", {});
    expect(codes.statusCode).toBe(400);
    expect(codes.body).not.toContain("Save your recovery codes");
    // Those wrong attempts count towards the lock: clear them by giving the right proof below.
  });

  it("with the password and a current code it can, signs out everywhere else, emails the person and is audited", async () => {
    const elsewhere = await signedInAs(testApp.app, "employment_specialist");
    await elsewhere.post("/sign-in/second-factor", { code: freshCode(secret) });
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
    const [notice, ...others] = await emailsTo(email);
    expect(others).toHaveLength(0);
    expect(notice!.purpose).toBe("account.second_factor_replaced");
    expect(notice!.body).toContain("was replaced");
    for (const secretThing of [newSecret, secret, ...recoveryCodes])
      expect(notice!.body).not.toContain(secretThing);
    expect(notice!.body).not.toMatch(/https?:\/\//);
    const audited = await auditOf("account.second_factor_replaced", after.id);
    expect(audited.map((event) => event.outcome)).toEqual(["succeeded"]);
    secret = newSecret;
  });

  it("new recovery codes need the password and a current code, and the person is told", async () => {
    await victim.get("/account");
    const wrong = await victim.post("/account/recovery-codes", {
      recoveryPassword: DEMO_PASSWORD,
      recoveryCode: wrongCode(secret),
    });
    expect(wrong.statusCode).toBe(400);
    expect(words(wrong.body)).toContain("recovery code is not right");
    const right = await victim.post("/account/recovery-codes", {
      recoveryPassword: DEMO_PASSWORD,
      recoveryCode: freshCode(secret),
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain("Save your recovery codes");
    const purposes = (await emailsTo(email)).map((row) => row.purpose).sort();
    expect(purposes).toEqual(["account.recovery_codes_replaced", "account.second_factor_replaced"]);
  });
});

describe("staff: wrong second-factor codes lock the account's codes", () => {
  const email = demoEmail("team_leader");
  let secret: string;

  beforeAll(async () => {
    const person = await signedInAs(testApp.app, "team_leader");
    ({ secret } = await enrolStaff(person));
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
      const response = await client.post("/sign-in/second-factor", { code: wrongCode(secret) });
      statuses.push(response.statusCode);
      last = words(response.body);
    }
    expect(statuses).toEqual([...Array(MAX_CODE_FAILURES - 1).fill(401), 429]);
    expect(last).toContain("Too many wrong codes");
    expect(last).toContain(`${testApp.config.secondFactor.lockMinutes} minutes`);
    const right = await client.post("/sign-in/second-factor", { code: freshCode(secret) });
    expect(right.statusCode).toBe(429);
    expect((await client.get("/")).headers.location).toBe("/sign-in/second-factor");
    // The page says so before any code is typed, too.
    expect(words((await client.get("/sign-in/second-factor")).body)).toContain("Too many wrong codes");
    const staff = await staffRow(email);
    expect(await auditOf("sign_in.second_factor_locked", staff.id)).toHaveLength(1);
    // A fresh sign-in with the password does not reset the lock.
    const again = await partlySignedIn();
    expect((await again.post("/sign-in/second-factor", { code: freshCode(secret) })).statusCode).toBe(429);
  });

  it("lets the right code in once the lock has passed", async () => {
    testApp.clock.advance((testApp.config.secondFactor.lockMinutes + 1) * 60_000);
    const client = await partlySignedIn();
    const right = await client.post("/sign-in/second-factor", { code: freshCode(secret) });
    expect(right.headers.location).toBe("/");
  });

  it("starts the count again after a right code", async () => {
    for (let round = 0; round < 2; round++) {
      const client = await partlySignedIn();
      for (let attempt = 0; attempt < MAX_CODE_FAILURES - 1; attempt++)
        expect((await client.post("/sign-in/second-factor", { code: wrongCode(secret) })).statusCode).toBe(
          401,
        );
      expect(
        (await client.post("/sign-in/second-factor", { code: freshCode(secret) })).headers.location,
      ).toBe("/");
    }
  });
});

describe("participants: the same rules for their authenticator", () => {
  let specialist: TestClient;
  let robin: TestClient;
  let robinSecret: string;
  let robinAccountId: string;
  const robinEmail = "robin.second.factor@example.org";

  async function enrolParticipant(person: TestClient) {
    const page = await person.get("/my/account/authenticator");
    expect(page.statusCode).toBe(200);
    const secret = secretOn(page.body);
    const done = await person.post("/my/account/authenticator", { secret, code: freshCode(secret) });
    expect(done.headers.location).toBe("/my/account?notice=authenticator");
    return secret;
  }

  async function newParticipant(signInName: string, options: { email?: string; emailConsent: boolean }) {
    const created = await createTestParticipant(testApp, { stage: "job_seeking" });
    const specialistRow = await demoStaff(testApp, "employment_specialist");
    if (options.email)
      await testApp.db
        .update(participant)
        .set({ email: options.email })
        .where(eq(participant.id, created.id));
    await testApp.db.insert(consentRecord).values({
      organisationId: created.organisationId,
      participantId: created.id,
      purpose: "contact_by_email",
      decision: options.emailConsent ? "given" : "declined",
      method: "verbal",
      recordedBy: specialistRow.id,
      recordedAt: testApp.clock.now(),
    });
    const { code } = await inviteByCode(specialist, created.id);
    const { person } = await acceptCode(testApp.app, code, signInName);
    const [account] = await testApp.db
      .select()
      .from(participantAccount)
      .where(eq(participantAccount.participantId, created.id));
    return { person, accountId: account!.id };
  }

  async function participantSignIn(signInName: string) {
    const client = new TestClient(testApp.app);
    await client.get("/my/sign-in");
    const response = await client.post("/my/sign-in", { signInName, password: PARTICIPANT_PASSWORD });
    return { client, response };
  }

  const accountRow = async (id: string) =>
    (await testApp.db.select().from(participantAccount).where(eq(participantAccount.id, id)))[0]!;

  beforeAll(async () => {
    specialist = await signedInAs(testApp.app, "employment_specialist");
    // The specialist replaced their factor above; sign in with it so the care-team pages open.
    const row = await staffRow(demoEmail("employment_specialist"));
    if (row.mfaSecret) await specialist.post("/sign-in/second-factor", { code: freshCode(row.mfaSecret) });
    ({ person: robin, accountId: robinAccountId } = await newParticipant("robin.sf", {
      email: robinEmail,
      emailConsent: true,
    }));
    robinSecret = await enrolParticipant(robin);
  });

  it("a session waiting for the code cannot set up the attacker's authenticator", async () => {
    const before = await accountRow(robinAccountId);
    const { client: attacker, response } = await participantSignIn("robin.sf");
    expect(response.headers.location).toBe("/my/sign-in/second-factor?next=%2Fmy");
    const page = await attacker.get("/my/account/authenticator");
    expect(page.headers.location).toBe("/my/sign-in/second-factor");
    const exploit = await attacker.post("/my/account/authenticator", {
      secret: attackerSecret,
      code: currentCode(attackerSecret, testApp.clock.now()),
    });
    expect(exploit.statusCode).toBe(302);
    expect(exploit.headers.location).toBe("/my/sign-in/second-factor");
    const after = await accountRow(robinAccountId);
    expect(after.mfaSecret).toBe(before.mfaSecret);
    expect((await attacker.get("/my/plan")).headers.location).toBe("/my/sign-in/second-factor");
    const sessions = await testApp.db
      .select()
      .from(participantSession)
      .where(eq(participantSession.accountId, robinAccountId));
    expect(sessions.filter((session) => session.mfaSatisfied)).toHaveLength(1);
  });

  it("a fully signed-in session cannot overwrite the authenticator with a new one", async () => {
    const before = await accountRow(robinAccountId);
    expect((await robin.get("/my/account/authenticator")).headers.location).toBe("/my/account");
    const overwrite = await robin.post("/my/account/authenticator", {
      secret: attackerSecret,
      code: currentCode(attackerSecret, testApp.clock.now()),
    });
    expect(overwrite.statusCode).toBe(403);
    expect((await accountRow(robinAccountId)).mfaSecret).toBe(before.mfaSecret);
  });

  it("nor remove it with the password alone, or with a wrong code", async () => {
    await robin.get("/my/account");
    const passwordOnly = await robin.post("/my/account/authenticator/remove", {
      removePassword: PARTICIPANT_PASSWORD,
    });
    expect(passwordOnly.statusCode).toBe(400);
    const wrong = await robin.post("/my/account/authenticator/remove", {
      removePassword: PARTICIPANT_PASSWORD,
      removeCode: wrongCode(robinSecret),
    });
    expect(wrong.statusCode).toBe(400);
    expect(words(wrong.body)).toContain("The code from your authenticator app is not right");
    expect((await accountRow(robinAccountId)).mfaSecret).toBe(robinSecret);
    expect(await emailsTo(robinEmail)).toHaveLength(0);
  });

  it("with the password and a code it can: emailed (they agreed to email) and audited", async () => {
    const removed = await robin.post("/my/account/authenticator/remove", {
      removePassword: PARTICIPANT_PASSWORD,
      removeCode: freshCode(robinSecret),
    });
    expect(removed.headers.location).toBe("/my/account?notice=authenticator_removed");
    expect((await robin.get("/my/account")).statusCode).toBe(200);
    const after = await accountRow(robinAccountId);
    expect(after.mfaSecret).toBeNull();
    const [notice, ...others] = await emailsTo(robinEmail);
    expect(others).toHaveLength(0);
    expect(notice!.purpose).toBe("participant_account.second_factor_removed");
    expect(notice!.body).not.toContain(robinSecret);
    expect(notice!.body).not.toContain("robin.sf");
    const audited = await auditOf("participant_portal.second_factor_removed", robinAccountId);
    expect(audited.filter((event) => event.outcome === "succeeded")).toHaveLength(1);
  });

  it("without consent to email, nothing is emailed, and the removal is still audited", async () => {
    const { person, accountId } = await newParticipant("morgan.sf", {
      email: "morgan.second.factor@example.org",
      emailConsent: false,
    });
    const secret = await enrolParticipant(person);
    await person.get("/my/account");
    const removed = await person.post("/my/account/authenticator/remove", {
      removePassword: PARTICIPANT_PASSWORD,
      removeCode: freshCode(secret),
    });
    expect(removed.headers.location).toBe("/my/account?notice=authenticator_removed");
    expect(await emailsTo("morgan.second.factor@example.org")).toHaveLength(0);
    const [audited] = (await auditOf("participant_portal.second_factor_removed", accountId)).filter(
      (event) => event.outcome === "succeeded",
    );
    expect(audited?.reason).toContain("no email address or consent");
  });

  describe("wrong codes at sign-in", () => {
    let secret: string;
    let accountId: string;

    beforeAll(async () => {
      const created = await newParticipant("sam.sf", { emailConsent: false });
      accountId = created.accountId;
      secret = await enrolParticipant(created.person);
    });

    async function partly() {
      const { client, response } = await participantSignIn("sam.sf");
      expect(response.headers.location).toContain("/my/sign-in/second-factor");
      await client.get("/my/sign-in/second-factor");
      return client;
    }

    it(`refuse even the right code after ${MAX_CODE_FAILURES}, say for how long, and are audited`, async () => {
      const client = await partly();
      const statuses = [];
      let last = "";
      for (let attempt = 0; attempt < MAX_CODE_FAILURES; attempt++) {
        const response = await client.post("/my/sign-in/second-factor", { code: wrongCode(secret) });
        statuses.push(response.statusCode);
        last = words(response.body);
      }
      expect(statuses).toEqual([...Array(MAX_CODE_FAILURES - 1).fill(401), 429]);
      expect(last).toContain("Too many wrong codes");
      expect(last).toContain(`${testApp.config.secondFactor.lockMinutes} minutes`);
      expect((await client.post("/my/sign-in/second-factor", { code: freshCode(secret) })).statusCode).toBe(
        429,
      );
      expect((await client.get("/my/plan")).headers.location).toBe("/my/sign-in/second-factor");
      expect(await auditOf("participant_portal.sign_in.second_factor_locked", accountId)).toHaveLength(1);
    });

    it("let the right code in after the lock, and start counting again after it", async () => {
      testApp.clock.advance((testApp.config.secondFactor.lockMinutes + 1) * 60_000);
      for (let round = 0; round < 2; round++) {
        const client = await partly();
        for (let attempt = 0; attempt < MAX_CODE_FAILURES - 1; attempt++)
          expect(
            (await client.post("/my/sign-in/second-factor", { code: wrongCode(secret) })).statusCode,
          ).toBe(401);
        const right = await client.post("/my/sign-in/second-factor", { code: freshCode(secret) });
        expect(right.headers.location).toBe("/my");
      }
    });
  });
});
