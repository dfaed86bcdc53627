import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTICIPANT_SIGN_IN, DEMO_PASSWORD } from "../../src/demo/seed";
import { knownDevice, signInThrottle } from "../../src/platform/auth/schema";
import { accountKey, MAX_CONSECUTIVE_FAILURES } from "../../src/platform/auth/throttle";
import { demoEmail, startTestApp, type TestApp, TestClient } from "../support/app";

// Decision 62: anyone can type five wrong passwords for someone else's email. That must slow the
// guesser down without locking the person out of the browser they always use.

let demo: TestApp;

beforeAll(async () => {
  demo = await startTestApp();
}, 180_000);

afterAll(async () => {
  await demo?.close();
});

async function guess(email: string, times: number) {
  const attacker = new TestClient(demo.app);
  await attacker.get("/sign-in");
  let last = await attacker.post("/sign-in", { email, password: "not the password" });
  for (let attempt = 1; attempt < times; attempt++)
    last = await attacker.post("/sign-in", { email, password: "not the password" });
  return { attacker, last };
}

describe("a lock that guessing causes", () => {
  it("stops the guesser and any new browser, but not the person's own browser that signed in before", async () => {
    const email = demoEmail("clinician");
    const own = new TestClient(demo.app);
    expect((await own.signIn(email)).statusCode).toBe(302);
    expect(own.hasCookie("tandem_device")).toBe(true);
    await own.post("/sign-out");

    const { attacker, last } = await guess(email, demo.config.signIn.maxFailures);
    expect(last.statusCode).toBe(429);
    expect(last.body).toContain("Too many attempts. Wait 15 minutes");
    // The guesser who then finds the password is still refused, and so is any other new browser.
    expect((await attacker.post("/sign-in", { email, password: DEMO_PASSWORD })).statusCode).toBe(429);
    expect((await new TestClient(demo.app).signIn(email)).statusCode).toBe(429);

    // The person's own browser signs in as usual, and the lock is gone for everyone after that.
    const again = await own.signIn(email);
    expect(again.statusCode).toBe(302);
    expect((await new TestClient(demo.app).signIn(email)).statusCode).toBe(302);
  });

  it("treats a device cookie from another account, or an invented one, as an unknown browser", async () => {
    const email = demoEmail("peer_worker");
    const other = new TestClient(demo.app);
    await other.signIn(demoEmail("employment_specialist"));
    await guess(email, demo.config.signIn.maxFailures);
    expect((await other.signIn(email)).statusCode).toBe(429);
    const invented = new TestClient(demo.app);
    await invented.get("/sign-in", { cookie: "tandem_device=made-up" });
    expect(
      (
        await demo.app.inject({
          method: "POST",
          url: "/sign-in",
          headers: {
            cookie: `${invented.cookieHeader}; tandem_device=made-up`,
            "content-type": "application/x-www-form-urlencoded",
          },
          payload: new URLSearchParams({
            _csrf: invented.csrfToken,
            email,
            password: DEMO_PASSWORD,
          }).toString(),
        })
      ).statusCode,
    ).toBe(429);
  });

  it("forgets a known browser that gets the password wrong too often, which is then throttled like any other", async () => {
    const email = demoEmail("team_leader");
    const own = new TestClient(demo.app);
    await own.signIn(email);
    await own.post("/sign-out");
    for (let attempt = 0; attempt < demo.config.signIn.maxFailures; attempt++) {
      const wrong = await own.signIn(email, "a wrong password");
      expect(wrong.statusCode).toBe(401);
    }
    const devices = await demo.db
      .select()
      .from(knownDevice)
      .where(eq(knownDevice.accountKey, accountKey(email)));
    expect(devices).toEqual([]);
    await guess(email, demo.config.signIn.maxFailures);
    expect((await own.signIn(email)).statusCode).toBe(429);
  });

  it(`after ${MAX_CONSECUTIVE_FAILURES} failures in a row, new browsers wait a day; lock windows passing do not reset the count`, async () => {
    const email = demoEmail("evaluator");
    const own = new TestClient(demo.app);
    await own.signIn(email);
    await own.post("/sign-out");
    // As if 99 had failed over many lock windows (each window's own count starts again).
    await demo.db.insert(signInThrottle).values({
      key: `streak:${accountKey(email)}`,
      failures: MAX_CONSECUTIVE_FAILURES - 1,
      firstFailureAt: demo.clock.now(),
      lockedUntil: null,
    });
    const { last } = await guess(email, 1);
    expect(last.statusCode).toBe(429);
    expect(last.body).toContain("Wait 1440 minutes");
    demo.clock.advance((demo.config.signIn.lockMinutes + 1) * 60_000);
    expect((await new TestClient(demo.app).signIn(email)).statusCode).toBe(429);
    expect((await own.signIn(email)).statusCode).toBe(302);
    expect((await new TestClient(demo.app).signIn(email)).statusCode).toBe(302);
  });
});

describe("the person's own pages", () => {
  it("remember their browser the same way, with a cookie only their sign-in form receives", async () => {
    const own = new TestClient(demo.app);
    await own.get("/my/sign-in");
    const signedIn = await own.post("/my/sign-in", {
      signInName: DEMO_PARTICIPANT_SIGN_IN,
      password: DEMO_PASSWORD,
    });
    expect(signedIn.statusCode).toBe(302);
    const cookie = signedIn.cookies.find((candidate) => candidate.name === "tandem_my_device");
    expect(cookie).toMatchObject({ path: "/my/sign-in", httpOnly: true, sameSite: "Strict" });
    await own.post("/my/sign-out");

    const attacker = new TestClient(demo.app);
    await attacker.get("/my/sign-in");
    for (let attempt = 0; attempt < demo.config.signIn.maxFailures; attempt++)
      await attacker.post("/my/sign-in", {
        signInName: DEMO_PARTICIPANT_SIGN_IN,
        password: "nope nope nope",
      });
    expect(
      (await attacker.post("/my/sign-in", { signInName: DEMO_PARTICIPANT_SIGN_IN, password: DEMO_PASSWORD }))
        .statusCode,
    ).toBe(429);
    await own.get("/my/sign-in");
    expect(
      (await own.post("/my/sign-in", { signInName: DEMO_PARTICIPANT_SIGN_IN, password: DEMO_PASSWORD }))
        .statusCode,
    ).toBe(302);
  });
});
