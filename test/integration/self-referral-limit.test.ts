import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { participant } from "../../src/features/participants/schema";
import { startTestApp, type TestApp, TestClient } from "../support/app";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp({ SELF_REFERRALS_PER_HOUR: "2" });
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

it("limits self-referrals from one address, with a plain refusal, and stores nothing over the limit", async () => {
  const visitor = new TestClient(testApp.app);
  const form = await visitor.get("/refer-yourself");
  const teamId = /<option value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
  const referral = (familyName: string) => ({
    givenName: "Kim",
    familyName,
    dateOfBirth: "1990-04-04",
    workSituation: "unemployed",
    phone: "07700 900555",
    agreeToContact: "yes",
    teamId,
  });
  expect((await visitor.post("/refer-yourself", referral("Firstly"))).statusCode).toBe(302);
  expect((await visitor.post("/refer-yourself", referral("Secondly"))).statusCode).toBe(302);
  const refused = await visitor.post("/refer-yourself", referral("Thirdly"));
  expect(refused.statusCode).toBe(429);
  expect(refused.body).toContain("Too many requests");
  expect(
    await testApp.db.select().from(participant).where(eq(participant.familyName, "Thirdly")),
  ).toHaveLength(0);
});

it("counts only accepted self-referrals, and words the refusal for a member of the public", async () => {
  // The first test's referrals are from this address too: start a fresh hour.
  testApp.clock.advance(61 * 60 * 1000);
  const visitor = new TestClient(testApp.app);
  const form = await visitor.get("/refer-yourself");
  const teamId = /<option value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
  const referral = (familyName: string) => ({
    givenName: "Alex",
    familyName,
    dateOfBirth: "1988-02-02",
    workSituation: "unemployed",
    phone: "07700 900556",
    agreeToContact: "yes",
    teamId,
  });
  // Five forms that fail validation (the contact box left unticked) do not use up the allowance.
  for (let attempt = 0; attempt < 5; attempt++) {
    const { agreeToContact: _left, ...unticked } = referral("Mistyped");
    expect((await visitor.post("/refer-yourself", unticked)).statusCode).toBe(400);
  }
  expect((await visitor.post("/refer-yourself", referral("Onewell"))).statusCode).toBe(302);
  expect((await visitor.post("/refer-yourself", referral("Twowell"))).statusCode).toBe(302);
  const refused = await visitor.post("/refer-yourself", referral("Threewell"));
  expect(refused.statusCode).toBe(429);
  expect(refused.body).toContain("try again later");
  expect(refused.body).toContain("phone");
  expect(refused.body.toLowerCase()).not.toContain("sign in");
  expect(
    await testApp.db.select().from(participant).where(eq(participant.familyName, "Threewell")),
  ).toHaveLength(0);
  // An hour on, the same address is welcome again.
  testApp.clock.advance(61 * 60 * 1000);
  expect((await visitor.post("/refer-yourself", referral("Threewell"))).statusCode).toBe(302);
});
