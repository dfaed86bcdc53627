import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  movedTables,
  onePerPersonTables,
  specialTables,
} from "../../src/features/participants/duplicates/merge";
import { participant, participantNotDuplicate } from "../../src/features/participants/schema";
import { auditEvent } from "../../src/platform/audit/table";
import { rowsOf } from "../../src/platform/db";
import { team } from "../../src/platform/directory/schema";
import {
  demoStaff,
  signedInAs,
  signedInDemoParticipant,
  startTestApp,
  type TestApp,
  type TestClient,
} from "../support/app";
import { createTestParticipant } from "../support/participants";

// Merging a record flagged as a possible duplicate into the record kept for the same person
// (decision 63): everything moves, nothing is lost or doubled, the merged record's address leads
// to the kept one, and every refusal leaves both records exactly as they were.

let testApp: TestApp;
let leader: TestClient;

const everyTable = [
  ...movedTables,
  ...onePerPersonTables.map((one) => one.table),
  "care_team_member",
  "participant_not_duplicate",
] as const;

/** How many rows of each kind point at this record (the judged pairs on either side). */
async function rowsOfRecord(participantId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of everyTable) {
    const column = table === "participant_not_duplicate" ? "participant_id or other_participant_id" : null;
    const [row] = await rowsOf<{ n: number }>(
      testApp.db,
      column
        ? sql`select count(*)::int as n from participant_not_duplicate
            where participant_id = ${participantId} or other_participant_id = ${participantId}`
        : sql`select count(*)::int as n from ${sql.identifier(table)} where participant_id = ${participantId}`,
    );
    counts[table] = Number(row!.n);
  }
  return counts;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/** A new referral that the duplicate rule flags against `person`: the same name and date of birth. */
async function referralLike(person: { id: string }) {
  const [row] = await testApp.db.select().from(participant).where(eq(participant.id, person.id));
  const created = await createTestParticipant(testApp, {
    givenName: row!.givenName,
    familyName: row!.familyName,
  });
  await testApp.db
    .update(participant)
    .set({ dateOfBirth: row!.dateOfBirth })
    .where(eq(participant.id, created.id));
  return created;
}

async function mergedInto(participantId: string) {
  const [row] = await testApp.db.select().from(participant).where(eq(participant.id, participantId));
  return row!.mergedIntoId;
}

const merge = (client: TestClient, participantId: string, fields: Record<string, string>) =>
  client.post(`/participants/${participantId}/merge`, fields);

beforeAll(async () => {
  testApp = await startTestApp();
  leader = await signedInAs(testApp.app, "team_leader");
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("merging possible duplicates", () => {
  it("names every table with a participant column, so a new one cannot be left behind by a merge", async () => {
    const columns = await rowsOf<{ table_name: string }>(
      testApp.db,
      sql`select distinct table_name from information_schema.columns
        where table_schema = 'public' and column_name like '%participant_id'`,
    );
    const known = new Set<string>([
      ...movedTables,
      ...onePerPersonTables.map((one) => one.table),
      ...specialTables,
    ]);
    expect(columns.map((row) => row.table_name).filter((table) => !known.has(table))).toEqual([]);
    expect(columns.length).toBe(known.size);
  });

  it("moves every row of the demo person's full record into a new referral of the same person, the person's own sign-in following, and sends the old address on", async () => {
    // The demo person with their own account and the most history, all of it in one team.
    const [account] = await rowsOf<{ participant_id: string }>(
      testApp.db,
      sql`select participant_id from participant_account limit 1`,
    );
    const rich = { id: account!.participant_id };
    const kept = await referralLike(rich);
    const [richRow] = await testApp.db.select().from(participant).where(eq(participant.id, rich.id));
    await testApp.db.update(participant).set({ teamId: richRow!.teamId }).where(eq(participant.id, kept.id));
    const before = { rich: await rowsOfRecord(rich.id), kept: await rowsOfRecord(kept.id) };
    expect(total(before.rich)).toBeGreaterThan(30);
    expect(Object.values(before.rich).filter((n) => n > 0).length).toBeGreaterThan(10);

    // The referral tab offers the comparison; it shows both records and what each holds.
    const tab = await leader.get(`/participants/${kept.id}/referral`);
    expect(tab.body).toContain(`/participants/${kept.id}/merge`);
    const page = await leader.get(`/participants/${kept.id}/merge`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Merge possible duplicate records");
    expect(page.body).toContain("Keep the other record");
    expect(page.body).toContain(`value="${rich.id}"`);
    expect(page.body).toMatch(/\d+ contact notes/);

    const merged = await merge(leader, kept.id, { other: rich.id, keep: "this", checked: "yes" });
    expect(merged.statusCode).toBe(302);
    expect(merged.headers.location).toBe(`/participants/${kept.id}?notice=merged`);
    expect((await leader.get(String(merged.headers.location))).body).toContain("The records are merged.");

    const after = { rich: await rowsOfRecord(rich.id), kept: await rowsOfRecord(kept.id) };
    expect(total(after.rich)).toBe(0);
    for (const table of everyTable)
      expect({ table, rows: after.kept[table] }).toEqual({
        table,
        rows: before.kept[table]! + before.rich[table]!,
      });
    // The care team: each member once, the duplicate places ended.
    const activeMembers = await rowsOf<{ staff_id: string }>(
      testApp.db,
      sql`select staff_id from care_team_member where participant_id = ${kept.id} and removed_at is null`,
    );
    expect(new Set(activeMembers.map((row) => row.staff_id)).size).toBe(activeMembers.length);
    expect(await mergedInto(rich.id)).toBe(kept.id);

    // The old address says where the record went; the API says the same as a problem document.
    const old = await leader.get(`/participants/${rich.id}`);
    expect(old.statusCode).toBe(410);
    expect(old.body).toContain("This record was merged");
    expect(old.body).toContain(`href="/participants/${kept.id}"`);
    const api = await leader.get(`/api/v1/participants/${rich.id}`, { accept: "application/json" });
    expect(api.statusCode).toBe(410);
    expect(api.headers["content-type"]).toContain("application/problem+json");
    // Nobody's list shows it twice; the kept record is no longer flagged.
    const caseload = await leader.get("/team/caseloads");
    expect(caseload.body).not.toContain(`/participants/${rich.id}"`);
    expect((await leader.get(`/participants/${kept.id}/referral`)).body).not.toContain(
      `/participants/${kept.id}/merge`,
    );
    // The person signs in as before and reaches their record, now the kept one.
    const person = await signedInDemoParticipant(testApp.app);
    expect((await person.get("/my")).statusCode).toBe(200);

    // Audited on both records, naming both and what moved (table names only).
    const events = await testApp.db
      .select()
      .from(auditEvent)
      .where(sql`${auditEvent.detail}->>'what' = 'merge'`);
    expect(events.map((event) => event.subjectId).sort()).toEqual([kept.id, rich.id].sort());
    for (const event of events) {
      expect(event.outcome).toBe("succeeded");
      expect(event.detail).toMatchObject({ keptRecord: kept.id, mergedRecord: rich.id });
      expect(String(event.detail.moved)).toContain("contact:");
    }
  });

  it("keeps the other record when asked, and carries judged pairs over to it", async () => {
    const older = await createTestParticipant(testApp, {
      stage: "engaged",
      givenName: "Ash",
      familyName: "Twice",
    });
    const newer = await referralLike(older);
    const stranger = await createTestParticipant(testApp, { givenName: "Ash", familyName: "Twice" });
    // Staff judged the stranger to be someone else than the newer record (and only it).
    expect((await leader.post(`/participants/${stranger.id}/referral/not-duplicate`)).statusCode).toBe(302);
    const pairsOfStranger = await testApp.db
      .select()
      .from(participantNotDuplicate)
      .where(
        sql`${participantNotDuplicate.participantId} = ${stranger.id} or ${participantNotDuplicate.otherParticipantId} = ${stranger.id}`,
      );
    expect(pairsOfStranger).toHaveLength(2);
    await testApp.db
      .delete(participantNotDuplicate)
      .where(
        sql`(${participantNotDuplicate.participantId} = ${older.id} or ${participantNotDuplicate.otherParticipantId} = ${older.id})`,
      );
    const attempt = await leader.post(`/participants/${newer.id}/referral/attempts`, {
      ...{ method: "phone", outcome: "no_answer" },
      "attemptedOn[day]": "1",
      "attemptedOn[month]": "1",
      "attemptedOn[year]": "2026",
    });
    expect(attempt.statusCode).toBe(302);
    const before = await rowsOfRecord(older.id);

    const merged = await merge(leader, newer.id, { other: older.id, keep: "other", checked: "yes" });
    expect(merged.headers.location).toBe(`/participants/${older.id}?notice=merged`);
    const after = await rowsOfRecord(older.id);
    expect(after.referral_contact_attempt).toBe(before.referral_contact_attempt! + 1);
    expect(after.referral).toBe(before.referral! + 1);
    expect(await mergedInto(newer.id)).toBe(older.id);
    // The stranger, judged different from the merged record, is now judged different from the kept one.
    const [pair] = await rowsOf<{ n: number }>(
      testApp.db,
      sql`select count(*)::int as n from participant_not_duplicate
        where least(participant_id, other_participant_id) = least(${older.id}::uuid, ${stranger.id}::uuid)
          and greatest(participant_id, other_participant_id) = greatest(${older.id}::uuid, ${stranger.id}::uuid)`,
    );
    expect(pair!.n).toBe(1);
    // A merged record cannot be merged again, nor merged into.
    const again = await merge(leader, older.id, { other: newer.id, keep: "this", checked: "yes" });
    expect(again.statusCode).toBe(410);
  });

  it("refuses, changing nothing, when both records have a vocational profile of their own", async () => {
    const one = await createTestParticipant(testApp, {
      stage: "engaged",
      givenName: "Bo",
      familyName: "Planned",
    });
    const two = await referralLike(one);
    // Each has begun a vocational profile (set up here as stored: the profile pages have their own tests).
    const staffId = (await demoStaff(testApp, "employment_specialist")).id;
    for (const person of [one, two])
      await testApp.db.execute(
        sql`insert into vocational_profile (organisation_id, participant_id, started_at, started_by, updated_at, updated_by)
          values (${person.organisationId}, ${person.id}, now(), ${staffId}, now(), ${staffId})`,
      );
    const before = [await rowsOfRecord(one.id), await rowsOfRecord(two.id)];
    const refused = await merge(leader, two.id, { other: one.id, keep: "other", checked: "yes" });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("Both records have a vocational profile");
    expect(refused.body).toContain("nhsuk-error-summary");
    expect([await rowsOfRecord(one.id), await rowsOfRecord(two.id)]).toEqual(before);
    expect(await mergedInto(two.id)).toBeNull();
  });

  it("refuses a pair the duplicate rule does not flag, a record of another organisation, a role that may not merge, and a form not filled in", async () => {
    const one = await createTestParticipant(testApp, { givenName: "Cam", familyName: "Single" });
    const unrelated = await createTestParticipant(testApp, { givenName: "Dee", familyName: "Other" });
    const two = await referralLike(one);
    const snapshot = async () => [
      await rowsOfRecord(one.id),
      await rowsOfRecord(two.id),
      await rowsOfRecord(unrelated.id),
    ];
    const before = await snapshot();

    const notFlagged = await merge(leader, unrelated.id, { other: one.id, keep: "other", checked: "yes" });
    expect(notFlagged.statusCode).toBe(409);
    expect(notFlagged.body).toContain("no longer flagged as possible duplicates");

    const [elsewhere] = await rowsOf<{ id: string }>(
      testApp.db,
      sql`select p.id from participant p join ${team} t on t.id = p.team_id
        where p.organisation_id <> ${one.organisationId} limit 1`,
    );
    const otherOrganisation = await merge(leader, one.id, {
      other: elsewhere!.id,
      keep: "this",
      checked: "yes",
    });
    expect(otherOrganisation.statusCode).toBe(403);

    const specialist = await signedInAs(testApp.app, "employment_specialist");
    expect((await specialist.get(`/participants/${two.id}/merge`)).statusCode).toBe(403);
    expect(
      (await merge(specialist, two.id, { other: one.id, keep: "other", checked: "yes" })).statusCode,
    ).toBe(403);
    expect((await specialist.get(`/participants/${two.id}/referral`)).body).not.toContain(
      `/participants/${two.id}/merge`,
    );

    const unchecked = await merge(leader, two.id, { other: one.id, keep: "other" });
    expect(unchecked.statusCode).toBe(400);
    expect(unchecked.body).toContain("Tick the box to confirm you have checked these are the same person");
    const forged = await merge(leader, two.id, { other: "not-an-id", keep: "sideways", checked: "yes" });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain("Choose which record to keep");
    const controlled = await merge(leader, two.id, {
      other: `${one.id}\u0000`,
      keep: "other",
      checked: "yes",
    });
    expect(controlled.statusCode).toBe(400);
    const self = await merge(leader, two.id, { other: two.id, keep: "this", checked: "yes" });
    expect(self.statusCode).toBe(409);

    expect(await snapshot()).toEqual(before);
    for (const id of [one.id, two.id, unrelated.id]) expect(await mergedInto(id)).toBeNull();
  });
});
