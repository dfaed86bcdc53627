import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consentRecord, participant } from "../../src/features/participants/schema";
import { currentCode } from "../../src/platform/auth/mfa";
import { participantAccount, participantSession } from "../../src/platform/auth/schema";
import { demoStaff, signedInAs, type TestApp, TestClient } from "../support/app";
import { createTestParticipant } from "../support/participants";
import { acceptCode, inviteByCode, PARTICIPANT_PASSWORD, words } from "../support/portal";
import {
  attackerSecret,
  auditOf,
  emailsTo,
  freshCode,
  MAX_CODE_FAILURES,
  secretOn,
  startSecondFactorTestApp,
  wrongCode,
} from "../support/second-factor";

// Issue 11, findings 1 and 3, for participants' optional authenticator: the same rules as staff
// (test/integration/second-factor.test.ts), over HTTP.

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startSecondFactorTestApp();
}, 120_000);

afterAll(async () => {
  await testApp?.close();
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
    const done = await person.post("/my/account/authenticator", { secret, code: freshCode(testApp, secret) });
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
      removeCode: wrongCode(testApp, robinSecret),
    });
    expect(wrong.statusCode).toBe(400);
    expect(words(wrong.body)).toContain("The code from your authenticator app is not right");
    expect((await accountRow(robinAccountId)).mfaSecret).toBe(robinSecret);
    expect(await emailsTo(testApp, robinEmail)).toHaveLength(0);
  });

  it("with the password and a code it can: emailed (they agreed to email) and audited", async () => {
    const removed = await robin.post("/my/account/authenticator/remove", {
      removePassword: PARTICIPANT_PASSWORD,
      removeCode: freshCode(testApp, robinSecret),
    });
    expect(removed.headers.location).toBe("/my/account?notice=authenticator_removed");
    expect((await robin.get("/my/account")).statusCode).toBe(200);
    const after = await accountRow(robinAccountId);
    expect(after.mfaSecret).toBeNull();
    const [notice, ...others] = await emailsTo(testApp, robinEmail);
    expect(others).toHaveLength(0);
    expect(notice!.purpose).toBe("participant_account.second_factor_removed");
    expect(notice!.body).not.toContain(robinSecret);
    expect(notice!.body).not.toContain("robin.sf");
    const audited = await auditOf(testApp, "participant_portal.second_factor_removed", robinAccountId);
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
      removeCode: freshCode(testApp, secret),
    });
    expect(removed.headers.location).toBe("/my/account?notice=authenticator_removed");
    expect(await emailsTo(testApp, "morgan.second.factor@example.org")).toHaveLength(0);
    const [audited] = (await auditOf(testApp, "participant_portal.second_factor_removed", accountId)).filter(
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
        const response = await client.post("/my/sign-in/second-factor", { code: wrongCode(testApp, secret) });
        statuses.push(response.statusCode);
        last = words(response.body);
      }
      expect(statuses).toEqual([...Array(MAX_CODE_FAILURES - 1).fill(401), 429]);
      expect(last).toContain("Too many wrong codes");
      expect(last).toContain(`${testApp.config.secondFactor.lockMinutes} minutes`);
      expect(
        (await client.post("/my/sign-in/second-factor", { code: freshCode(testApp, secret) })).statusCode,
      ).toBe(429);
      expect((await client.get("/my/plan")).headers.location).toBe("/my/sign-in/second-factor");
      expect(
        await auditOf(testApp, "participant_portal.sign_in.second_factor_locked", accountId),
      ).toHaveLength(1);
    });

    it("let the right code in after the lock, and start counting again after it", async () => {
      testApp.clock.advance((testApp.config.secondFactor.lockMinutes + 1) * 60_000);
      for (let round = 0; round < 2; round++) {
        const client = await partly();
        for (let attempt = 0; attempt < MAX_CODE_FAILURES - 1; attempt++)
          expect(
            (await client.post("/my/sign-in/second-factor", { code: wrongCode(testApp, secret) })).statusCode,
          ).toBe(401);
        const right = await client.post("/my/sign-in/second-factor", { code: freshCode(testApp, secret) });
        expect(right.headers.location).toBe("/my");
      }
    });
  });
});
