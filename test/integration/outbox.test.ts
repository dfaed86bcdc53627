import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvent } from "../../src/platform/audit/table";
import { type OutgoingEmail, queueEmail } from "../../src/platform/mail/outbox";
import { retryDelayMs } from "../../src/platform/mail/retry";
import { outboundEmail } from "../../src/platform/mail/schema";
import {
  CLAIM_MS,
  claimDueEmails,
  createMailTransport,
  deliverEmail,
  sendDueEmails,
  startMailSender,
} from "../../src/platform/mail/sender";
import { signedInAs, startTestApp, type TestApp, TestClient } from "../support/app";
import {
  type ReceivedEmail,
  SMTP_USER,
  startSmtpServer,
  type TestSmtpServer,
  UNKNOWN_DOMAIN,
} from "../support/smtp";

// Emails go through the outbox to a real SMTP server started here; the app's own database runs
// underneath (PGlite, or PostgreSQL with TEST_DATABASE=postgres).

let smtp: TestSmtpServer;
let received: ReceivedEmail[];
let withServer: TestApp;
let withoutServer: TestApp;
const logged: string[] = [];
const logger = {
  info: (details: object, message: string) => logged.push(JSON.stringify({ ...details, message })),
  error: (details: object, message: string) => logged.push(JSON.stringify({ ...details, message })),
};

beforeAll(async () => {
  received = [];
  smtp = await startSmtpServer(0, received);
  withServer = await startTestApp({
    SMTP_URL: smtp.url,
    MAIL_MAX_ATTEMPTS: "3",
    MAIL_SEND_INTERVAL_MS: "100",
  });
  withoutServer = await startTestApp();
}, 180_000);

afterAll(async () => {
  await withServer?.close();
  await withoutServer?.close();
  await smtp?.stop();
});

// Each test starts with an empty outbox: the demo service queues its own emails when seeded.
beforeEach(async () => {
  await withServer.db.delete(outboundEmail);
  await withoutServer.db.delete(outboundEmail);
  received.length = 0;
  logged.length = 0;
});

// An ordinary notification: a link to sign in, nothing that grants access by itself.
const notification = (overrides: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  organisationId: null,
  to: "alex.morgan@example.org",
  subject: "You are invited to Tandem",
  text: "You have a new alert to review:\nhttp://localhost:3000/alerts/abc123\n\nThe link works for 7 days.",
  purpose: "alert.raised",
  ...overrides,
});

async function outboxRows(app: TestApp) {
  return app.db.select().from(outboundEmail).orderBy(outboundEmail.subject);
}

describe("sending email through the outbox", () => {
  it("delivers a queued email once, to the right person, with its subject and text", async () => {
    const { db, clock, config } = withServer;
    await db.transaction((tx) => queueEmail(tx, clock, notification()));
    const stop = startMailSender(db, clock, config.mail, logger);
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(async () => (await outboxRows(withServer))[0]?.status, { timeout: 10_000 })
      .toBe("sent");
    await stop();

    const [email] = received;
    expect(email!.envelopeTo).toEqual(["alex.morgan@example.org"]);
    expect(email!.header("to")).toBe("alex.morgan@example.org");
    expect(email!.header("subject")).toBe("You are invited to Tandem");
    expect(email!.header("from")).toBe("Tandem <no-reply@localhost>");
    expect(email!.text).toBe(notification().text);
    expect(email!.user).toBe(SMTP_USER);
    const [row] = await outboxRows(withServer);
    expect(row).toMatchObject({
      status: "sent",
      attempts: 1,
      lastError: null,
      messageId: `<${row!.id}@localhost>`,
    });
    expect(email!.header("message-id")).toBe(row!.messageId);
    expect(row!.sentAt).toEqual(clock.now());

    // Nothing is left to send: running again delivers nothing more.
    const transport = createMailTransport(config.mail.smtpUrl!);
    expect(await sendDueEmails(db, clock, transport, config.mail)).toEqual({ sent: 0, failed: 0 });
    transport.close();
    expect(received).toHaveLength(1);
  });

  it("two app nodes racing over 50 queued emails deliver each exactly once", async () => {
    const { db, clock, config } = withServer;
    await db.transaction(async (tx) => {
      for (let index = 1; index <= 50; index++)
        await queueEmail(
          tx,
          clock,
          notification({ subject: `Invitation ${String(index).padStart(2, "0")}` }),
        );
    });
    const nodes = [createMailTransport(config.mail.smtpUrl!), createMailTransport(config.mail.smtpUrl!)];
    const reports = await Promise.all(
      nodes.map((transport) => sendDueEmails(db, clock, transport, config.mail)),
    );
    for (const transport of nodes) transport.close();

    expect(reports.map((report) => report.sent).every((sent) => sent > 0)).toBe(true);
    expect(reports[0]!.sent + reports[1]!.sent).toBe(50);
    const subjects = received.map((email) => email.header("subject")).sort();
    expect(subjects).toEqual(
      Array.from({ length: 50 }, (_, index) => `Invitation ${String(index + 1).padStart(2, "0")}`),
    );
    const rows = await outboxRows(withServer);
    expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
  });

  it("never sends an email queued by an action that rolled back", async () => {
    const { db, clock, config } = withServer;
    await expect(
      db.transaction(async (tx) => {
        await queueEmail(tx, clock, notification());
        throw new Error("the action failed after queueing its email");
      }),
    ).rejects.toThrow("the action failed");
    const transport = createMailTransport(config.mail.smtpUrl!);
    expect(await sendDueEmails(db, clock, transport, config.mail)).toEqual({ sent: 0, failed: 0 });
    transport.close();
    expect(received).toHaveLength(0);
    expect(await outboxRows(withServer)).toHaveLength(0);
  });

  it("keeps emails while the mail server is down and delivers them when it is back", async () => {
    const { db, clock, config } = withServer;
    const port = smtp.port;
    const afterOutageAttempts = new Map<string, number>();
    await smtp.stop();
    try {
      await db.transaction(async (tx) => {
        for (const name of ["A", "B", "C"])
          await queueEmail(tx, clock, notification({ subject: `Invitation ${name}` }));
      });
      const transport = createMailTransport(config.mail.smtpUrl!);
      expect(await sendDueEmails(db, clock, transport, config.mail, logger)).toEqual({ sent: 0, failed: 1 });
      // One attempt failed; the others were handed back untried rather than spending attempts.
      const afterOutage = await outboxRows(withServer);
      for (const row of afterOutage) afterOutageAttempts.set(row.subject, row.attempts);
      const tried = afterOutage.filter((row) => row.attempts === 1);
      const untried = afterOutage.filter((row) => row.attempts === 0);
      expect(afterOutage.every((row) => row.status === "pending")).toBe(true);
      expect([tried.length, untried.length]).toEqual([1, 2]);
      expect(tried[0]!.lastError).toContain("ECONNREFUSED");
      expect(tried[0]!.nextAttemptAt).toEqual(new Date(clock.now().getTime() + retryDelayMs(1)));
      expect(untried.every((row) => row.lastError === null && row.nextAttemptAt <= clock.now())).toBe(true);
      // The log names the email by id only: no address, subject or text.
      expect(logged.join("\n")).not.toMatch(/alex\.morgan|Invitation|alerts\/abc123/);
      expect(logged.join("\n")).not.toContain(smtp.url.split("@")[0]);
      transport.close();
    } finally {
      smtp = await startSmtpServer(port, received);
    }
    clock.advance(retryDelayMs(1));
    const transport = createMailTransport(config.mail.smtpUrl!);
    expect(await sendDueEmails(db, clock, transport, config.mail)).toEqual({ sent: 3, failed: 0 });
    transport.close();
    expect(received.map((email) => email.header("subject")).sort()).toEqual([
      "Invitation A",
      "Invitation B",
      "Invitation C",
    ]);
    expect((await outboxRows(withServer)).map((row) => [row.subject, row.status, row.attempts])).toEqual([
      ["Invitation A", "sent", afterOutageAttempts.get("Invitation A")! + 1],
      ["Invitation B", "sent", afterOutageAttempts.get("Invitation B")! + 1],
      ["Invitation C", "sent", afterOutageAttempts.get("Invitation C")! + 1],
    ]);
  });

  it("takes over a crashed node's email once its claim runs out, with the same Message-ID", async () => {
    const { db, clock, config } = withServer;
    await db.transaction((tx) => queueEmail(tx, clock, notification()));
    // A node claims it, the server accepts it, and the node dies before recording that.
    const transport = createMailTransport(config.mail.smtpUrl!);
    const [claimed] = await claimDueEmails(db, clock, config.mail);
    await deliverEmail(transport, config.mail, claimed!);

    expect(await sendDueEmails(db, clock, transport, config.mail)).toEqual({ sent: 0, failed: 0 });
    clock.advance(CLAIM_MS);
    expect(await sendDueEmails(db, clock, transport, config.mail)).toEqual({ sent: 1, failed: 0 });
    transport.close();
    // At least once: the resend is the same message, which a receiver can recognise.
    expect(received).toHaveLength(2);
    expect(received[1]!.header("message-id")).toBe(received[0]!.header("message-id"));
    const [row] = await outboxRows(withServer);
    expect(row).toMatchObject({ status: "sent", attempts: 2, messageId: received[0]!.header("message-id") });
  });

  it("marks an email failed at once when the server refuses its address for good, and sends the rest", async () => {
    const { db, clock, config } = withServer;
    await db.transaction(async (tx) => {
      await queueEmail(tx, clock, notification({ subject: "Invitation A", to: `alex@${UNKNOWN_DOMAIN}` }));
      await queueEmail(tx, clock, notification({ subject: "Invitation B" }));
    });
    const transport = createMailTransport(config.mail.smtpUrl!);
    expect(await sendDueEmails(db, clock, transport, config.mail)).toEqual({ sent: 1, failed: 1 });
    transport.close();
    const [refused, delivered] = await outboxRows(withServer);
    expect(refused).toMatchObject({ status: "failed", attempts: 1 });
    expect(refused!.lastError).toContain("550");
    expect(delivered).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("does not retry an email whose last attempt was lost with its node: it is marked failed", async () => {
    const { db, clock, config } = withServer;
    await db.transaction((tx) => queueEmail(tx, clock, notification()));
    for (let attempt = 1; attempt <= config.mail.maxAttempts; attempt++) {
      expect(await claimDueEmails(db, clock, config.mail)).toHaveLength(1);
      clock.advance(CLAIM_MS);
    }
    const transport = createMailTransport(config.mail.smtpUrl!);
    expect(await sendDueEmails(db, clock, transport, config.mail)).toEqual({ sent: 0, failed: 0 });
    transport.close();
    const [row] = await outboxRows(withServer);
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
    expect(row!.lastError).toContain("may or may not have been delivered");
  });
});

describe("the outbox page", () => {
  it("shows an email that failed after its last attempt, and records who read it", async () => {
    const { db, clock, config } = withServer;
    await db.transaction((tx) =>
      queueEmail(tx, clock, notification({ subject: "Invitation that cannot go" })),
    );
    const port = smtp.port;
    await smtp.stop();
    try {
      const transport = createMailTransport(config.mail.smtpUrl!);
      for (let attempt = 1; attempt <= 3; attempt++) {
        expect(await sendDueEmails(db, clock, transport, config.mail)).toEqual({ sent: 0, failed: 1 });
        clock.advance(retryDelayMs(attempt));
      }
      // Given up: no fourth attempt, however long we wait.
      clock.advance(retryDelayMs(10));
      expect(await sendDueEmails(db, clock, transport, config.mail)).toEqual({ sent: 0, failed: 0 });
      transport.close();
    } finally {
      smtp = await startSmtpServer(port, received);
    }
    const [row] = await outboxRows(withServer);
    expect(row).toMatchObject({ status: "failed", attempts: 3 });

    const admin = await signedInAs(withServer.app, "admin");
    const failedList = await admin.get("/admin/outbox?status=failed");
    expect(failedList.statusCode).toBe(200);
    expect(failedList.body).toContain("Invitation that cannot go");
    expect(failedList.body).toContain("alex.morgan@example.org");
    expect(failedList.body).toContain("ECONNREFUSED");
    expect(failedList.body).toMatch(/nhsuk-tag--red">Failed</);
    const sentList = await admin.get("/admin/outbox?status=sent");
    expect(sentList.body).not.toContain("Invitation that cannot go");

    const page = await admin.get(`/admin/outbox/${row!.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("http://localhost:3000/alerts/abc123");
    const [reading] = await withServer.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "outbound_email.read"), eq(auditEvent.subjectId, row!.id)));
    expect(reading).toMatchObject({ actorRole: "admin", outcome: "succeeded" });
  });

  it("lists newest first, a page at a time", async () => {
    const { db, clock } = withServer;
    for (let index = 1; index <= 30; index++) {
      await queueEmail(db, clock, notification({ subject: `Reminder ${String(index).padStart(2, "0")}` }));
      clock.advance(1000);
    }
    const admin = await signedInAs(withServer.app, "admin");
    const first = await admin.get("/admin/outbox");
    expect(first.body).toContain("30 results");
    expect(first.body.indexOf("Reminder 30")).toBeLessThan(first.body.indexOf("Reminder 29"));
    expect(first.body).not.toContain("Reminder 05");
    const second = await admin.get("/admin/outbox?page=2");
    expect(second.body).toContain("Reminder 05");
    expect(second.body).not.toContain("Reminder 06");
  });

  it("with no mail server, keeps each email for admins to read and hand over", async () => {
    const { db, clock, config } = withoutServer;
    expect(config.mail.smtpUrl).toBeNull();
    await db.transaction((tx) => queueEmail(tx, clock, notification({ subject: "Your Tandem invitation" })));
    const stop = startMailSender(db, clock, config.mail, logger);
    await expect
      .poll(async () => (await outboxRows(withoutServer))[0]?.status, { timeout: 10_000 })
      .toBe("not_sent");
    await stop();

    const admin = await signedInAs(withoutServer.app, "admin");
    const list = await admin.get("/admin/outbox");
    expect(list.body).toContain("No mail server is set up");
    expect(list.body).toContain("Your Tandem invitation");
    expect(list.body).toContain("Not sent: no mail server configured");
    expect(list.body).toContain('href="/admin/outbox"');
    const [row] = await outboxRows(withoutServer);
    const page = await admin.get(`/admin/outbox/${row!.id}`);
    expect(page.body).toContain("http://localhost:3000/alerts/abc123");
    expect(page.body).toContain("The link works for 7 days.");
  });

  it("is refused to every role but admin, and to anyone signed out", async () => {
    const { db, clock } = withServer;
    await queueEmail(db, clock, notification());
    const [row] = await outboxRows(withServer);
    for (const role of ["team_leader", "manager", "clinician"] as const) {
      const client = await signedInAs(withServer.app, role);
      expect((await client.get("/admin/outbox")).statusCode).toBe(403);
      const single = await client.get(`/admin/outbox/${row!.id}`);
      expect(single.statusCode).toBe(403);
      expect(single.body).not.toContain("alerts/abc123");
      expect((await client.get("/")).body).not.toContain('href="/admin/outbox"');
    }
    const anonymous = new TestClient(withServer.app);
    const signedOut = await anonymous.get("/admin/outbox");
    expect(signedOut.statusCode).toBe(302);
    expect(signedOut.headers.location).toMatch(/^\/sign-in/);
  });
});
