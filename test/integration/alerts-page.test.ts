import { gt, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AlertRule, participantAlert } from "../../src/features/monitoring/schema";
import { auditEvent } from "../../src/platform/audit/table";
import type { StaffRole } from "../../src/platform/directory/schema";
import { createTranslator, type MessageKey } from "../../src/platform/web/i18n";
import { demoStaff, signedInAs, startTestApp, type TestApp } from "../support/app";
import { createTestParticipant } from "../support/participants";

// The Alerts page lists every record with alerts waiting for this person in one pass through the
// door: one list event in the audit trail per page view, as the caseload writes, not one per person.

let testApp: TestApp;
let amara: { id: string; organisationId: string };
let bilal: { id: string; organisationId: string };
const english = createTranslator("en-GB");
const HOUR = 3_600_000;

type Seeded = {
  id: string;
  participantId: string;
  rule: AlertRule;
  status: "open" | "acknowledged" | "resolved";
  raisedAt: Date;
};
const seeded: Seeded[] = [];

async function raise(
  person: { id: string; organisationId: string },
  rule: AlertRule,
  audience: "clinical" | "employment" | "both" | "team_leader",
  status: Seeded["status"],
  hoursAgo: number,
) {
  const raisedAt = new Date(testApp.clock.now().getTime() - hoursAgo * HOUR);
  const [row] = await testApp.db
    .insert(participantAlert)
    .values({
      organisationId: person.organisationId,
      participantId: person.id,
      rule,
      ruleKey: `test:${seeded.length}`,
      severity: rule === "phq9_item9" ? "urgent" : "warning",
      audience,
      status,
      evidence: {},
      raisedAt,
      ...(status === "resolved" ? { resolvedAt: testApp.clock.now() } : {}),
    })
    .returning();
  seeded.push({ id: row!.id, participantId: person.id, rule, status, raisedAt });
}

beforeAll(async () => {
  testApp = await startTestApp();
  amara = await createTestParticipant(testApp, {
    stage: "job_seeking",
    givenName: "Amara",
    familyName: "Alertlist",
    withPeerWorker: true,
  });
  bilal = await createTestParticipant(testApp, {
    stage: "in_work",
    givenName: "Bilal",
    familyName: "Alertlist",
    withPeerWorker: true,
  });
  await raise(amara, "sleep_destabilisation", "both", "open", 72);
  await raise(amara, "phq9_item9", "clinical", "open", 24);
  await raise(amara, "reliable_deterioration", "clinical", "acknowledged", 120);
  await raise(amara, "no_contact", "employment", "resolved", 200);
  await raise(bilal, "missed_appointments", "employment", "open", 240);
  await raise(bilal, "job_ending", "both", "acknowledged", 48);
  await raise(bilal, "emergency_access", "team_leader", "open", 1);
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

/** Which seeded alerts each role is shown, in the page's order (oldest group first; within one, acknowledged before open, newest first). */
const expectedFor: Record<string, { person: () => { id: string }; rules: AlertRule[] }[]> = {
  employment_specialist: [
    { person: () => bilal, rules: ["job_ending", "missed_appointments"] },
    { person: () => amara, rules: ["sleep_destabilisation"] },
  ],
  peer_worker: [
    { person: () => bilal, rules: ["job_ending", "missed_appointments"] },
    { person: () => amara, rules: ["sleep_destabilisation"] },
  ],
  clinician: [
    { person: () => amara, rules: ["reliable_deterioration", "phq9_item9", "sleep_destabilisation"] },
    { person: () => bilal, rules: ["job_ending"] },
  ],
  team_leader: [
    { person: () => bilal, rules: ["job_ending", "emergency_access", "missed_appointments"] },
    {
      person: () => amara,
      rules: ["reliable_deterioration", "phq9_item9", "sleep_destabilisation"],
    },
  ],
};

/** The rows of the Alerts page's table about the seeded people: participant, alert id and the row's words. */
function seededRows(html: string) {
  const ids = new Set(seeded.map((alert) => alert.id));
  return [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].flatMap(([, row]) => {
    const link = /\/participants\/([0-9a-f-]{36})\/alerts\/([0-9a-f-]{36})"/.exec(row!);
    if (!link || !ids.has(link[2]!)) return [];
    const text = row!
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    return [{ participantId: link[1]!, alertId: link[2]!, text }];
  });
}

const lastAuditId = async () => {
  const [row] = await testApp.db.select({ id: max(auditEvent.id) }).from(auditEvent);
  return row?.id ?? 0;
};

describe("the Alerts page", () => {
  it.each(["employment_specialist", "peer_worker", "clinician", "team_leader"] as const)(
    "shows %s the alerts waiting for them, grouped by person, in order, with what each is",
    async (role: StaffRole) => {
      const client = await signedInAs(testApp.app, role);
      const page = await client.get("/alerts");
      expect(page.statusCode).toBe(200);
      const expected = expectedFor[role]!.flatMap(({ person, rules }) =>
        rules.map(
          (rule) => seeded.find((alert) => alert.participantId === person().id && alert.rule === rule)!,
        ),
      );
      const rows = seededRows(page.body);
      expect(rows.map((row) => row.alertId)).toEqual(expected.map((alert) => alert.id));
      for (const [index, alert] of expected.entries()) {
        const name = alert.participantId === amara.id ? "Amara Alertlist" : "Bilal Alertlist";
        const severity = english.t(`alerts.severity.${alert.rule === "phq9_item9" ? "urgent" : "warning"}`);
        expect(rows[index]!.text).toBe(
          [
            name,
            severity,
            english.t(`alerts.rule.${alert.rule}` as MessageKey),
            english.t(`alerts.status.${alert.status}` as MessageKey),
            english.formatDate(alert.raisedAt, "dateTime"),
          ].join(" "),
        );
        expect(page.body).toContain(`href="/participants/${alert.participantId}/assessments"`);
      }
      // Dealt-with alerts are not waiting for anyone.
      const resolved = seeded.find((alert) => alert.status === "resolved")!;
      expect(page.body).not.toContain(resolved.id);
    },
  );

  it("writes one list event to the audit trail per page view, naming the people shown", async () => {
    const clinician = await signedInAs(testApp.app, "clinician");
    const me = await demoStaff(testApp, "clinician");
    const before = await lastAuditId();
    const page = await clinician.get("/alerts");
    expect(page.statusCode).toBe(200);
    const events = await testApp.db.select().from(auditEvent).where(gt(auditEvent.id, before));
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      action: "participant.list",
      actorId: me.id,
      actorRole: "clinician",
      outcome: "succeeded",
      subjectId: null,
    });
    const shown = String((event!.detail as Record<string, unknown>).shown).split(" ");
    expect((event!.detail as Record<string, unknown>).what).toBe("alerts");
    // Everyone with a row on the page is named, each once, and nobody else.
    const onPage = [
      ...new Set([...page.body.matchAll(/\/participants\/([0-9a-f-]{36})\/alerts\//g)].map((m) => m[1])),
    ];
    expect(shown.sort()).toEqual(onPage.sort());
    expect(shown).toEqual(expect.arrayContaining([amara.id, bilal.id]));
  });
});
