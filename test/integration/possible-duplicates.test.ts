import { and, eq, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participantNotDuplicate } from "../../src/features/participants/schema";
import { auditEvent } from "../../src/platform/audit/table";
import { demoStaff, signedInAs, startTestApp, type TestApp, type TestClient } from "../support/app";
import { createTestParticipant } from "../support/participants";

// Two referrals that look like one person (same name and date of birth): staff who have checked
// record that they are two people, and neither is flagged again.

let testApp: TestApp;
let specialist: TestClient;
let first: { id: string };
let second: { id: string };

beforeAll(async () => {
  testApp = await startTestApp();
  specialist = await signedInAs(testApp.app, "employment_specialist");
  first = await createTestParticipant(testApp, { givenName: "Jordan", familyName: "Alike" });
  second = await createTestParticipant(testApp, { givenName: "Jordan", familyName: "Alike" });
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

/** The referral queue's row for one person, as the team leader sees it. */
async function queueRow(client: TestClient, participantId: string) {
  const queue = await client.get("/referrals");
  const start = queue.body.indexOf(`/participants/${participantId}`);
  expect(start).toBeGreaterThan(-1);
  return queue.body.slice(start, queue.body.indexOf("</tr>", start));
}

describe("possible duplicates", () => {
  it("flags both records, then, once staff record they are not the same person, neither, with who and when recorded and audited", async () => {
    const leader = await signedInAs(testApp.app, "team_leader");
    for (const person of [first, second]) {
      const tab = await specialist.get(`/participants/${person.id}/referral`);
      expect(tab.body).toContain("may be about someone already known to the service");
      expect(tab.body).toContain("Not the same person");
      expect(await queueRow(leader, person.id)).toContain("Possible duplicate");
    }

    const recorded = await specialist.post(`/participants/${first.id}/referral/not-duplicate`);
    expect(recorded.statusCode).toBe(302);
    expect(recorded.headers.location).toBe(`/participants/${first.id}/referral?notice=notDuplicate`);
    const after = await specialist.get(String(recorded.headers.location));
    expect(after.body).toContain("Recorded: not the same person.");

    for (const person of [first, second]) {
      const tab = await specialist.get(`/participants/${person.id}/referral`);
      expect(tab.body).not.toContain("may be about someone already known to the service");
      expect(await queueRow(leader, person.id)).not.toContain("Possible duplicate");
    }

    const me = await demoStaff(testApp, "employment_specialist");
    const pairs = await testApp.db
      .select()
      .from(participantNotDuplicate)
      .where(
        or(
          eq(participantNotDuplicate.participantId, first.id),
          eq(participantNotDuplicate.otherParticipantId, first.id),
        ),
      );
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ recordedBy: me.id });
    expect([pairs[0]!.participantId, pairs[0]!.otherParticipantId].sort()).toEqual(
      [first.id, second.id].sort(),
    );
    const audited = await testApp.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, first.id), eq(auditEvent.action, "participant.write")));
    expect(audited.some((event) => event.detail.what === "not_a_duplicate" && event.actorId === me.id)).toBe(
      true,
    );

    // Recording it again changes nothing and fails nothing.
    expect((await specialist.post(`/participants/${second.id}/referral/not-duplicate`)).statusCode).toBe(302);
  });

  it("refuses a role that cannot change the record, and records nothing", async () => {
    const third = await createTestParticipant(testApp, { givenName: "Sam", familyName: "Twin" });
    const fourth = await createTestParticipant(testApp, { givenName: "Sam", familyName: "Twin" });
    const evaluator = await signedInAs(testApp.app, "evaluator");
    const refused = await evaluator.post(`/participants/${third.id}/referral/not-duplicate`);
    expect(refused.statusCode).toBe(403);
    const pairs = await testApp.db
      .select()
      .from(participantNotDuplicate)
      .where(
        or(
          eq(participantNotDuplicate.participantId, fourth.id),
          eq(participantNotDuplicate.otherParticipantId, fourth.id),
        ),
      );
    expect(pairs).toHaveLength(0);
  });
});
