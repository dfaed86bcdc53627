import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { auditEvent } from "../../src/platform/audit/table";
import { currentCode } from "../../src/platform/auth/mfa";
import { outboundEmail } from "../../src/platform/mail/schema";
import { startTestApp, type TestApp, type TestClient } from "./app";

// Helpers for the second-factor tests (issue 11, findings 1 and 3), staff and participant.

/** A small code limit keeps each test under the code routes' own limit of 20 a minute from one address. */
export const MAX_CODE_FAILURES = 3;

export const startSecondFactorTestApp = () =>
  startTestApp({ SECOND_FACTOR_MAX_FAILURES: String(MAX_CODE_FAILURES) });

/** An authenticator secret of the attacker's choosing. */
export const attackerSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export const secretOn = (html: string) => /name="secret" value="([A-Z2-7]+)"/.exec(html)![1]!;

/** A code for the next time step: each step's code works once, so every use moves the clock on. */
export function freshCode(testApp: TestApp, secret: string) {
  testApp.clock.advance(30_000);
  return currentCode(secret, testApp.clock.now());
}

/** A code that is not right now (nor in the steps either side, but for a one-in-a-million chance). */
export function wrongCode(testApp: TestApp, secret: string) {
  const right = Number(currentCode(secret, testApp.clock.now()));
  return String((right + 500_000) % 1_000_000).padStart(6, "0");
}

/** Sets up a first second factor from a fully signed-in staff session; returns the secret and recovery codes. */
export async function enrolStaff(testApp: TestApp, client: TestClient) {
  const page = await client.get("/sign-in/set-up-second-factor");
  expect(page.statusCode).toBe(200);
  const secret = secretOn(page.body);
  const done = await client.post("/sign-in/set-up-second-factor", {
    secret,
    code: freshCode(testApp, secret),
  });
  expect(done.body).toContain("Save your recovery codes");
  const codes = [...done.body.matchAll(/<li>([a-z2-9]{5}-[a-z2-9]{5})<\/li>/g)].map((match) => match[1]!);
  expect(codes).toHaveLength(10);
  return { secret, codes };
}

export async function auditOf(testApp: TestApp, action: string, subjectId: string) {
  return testApp.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.action, action), eq(auditEvent.subjectId, subjectId)));
}

export async function emailsTo(testApp: TestApp, recipient: string) {
  return testApp.db.select().from(outboundEmail).where(eq(outboundEmail.recipient, recipient));
}
