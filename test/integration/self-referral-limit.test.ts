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
