import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bootstrapAdministrator } from "../../src/features/administration/invitations";
import { hashToken } from "../../src/platform/auth/tokens";
import { rowsOf } from "../../src/platform/db";
import { mintOneTimeLink } from "../../src/platform/mail/one-time-links";
import { queueEmail } from "../../src/platform/mail/outbox";
import { outboundEmail } from "../../src/platform/mail/schema";
import {
  CLAIM_MS,
  claimDueEmails,
  createMailTransport,
  deliverEmail,
  holdEmailsWithoutMailServer,
  sendDueEmails,
} from "../../src/platform/mail/sender";
import { signedInAs, type TestApp, TestClient } from "../support/app";
import { createTestParticipant } from "../support/participants";
import { codeOn, inviteByCode, PARTICIPANT_PASSWORD, words } from "../support/portal";
import {
  type Captured,
  linkIn,
  outboxAsAdminSees,
  pathOf,
  placesHolding,
  startCaptured,
  tablesHolding,
  tokenOf,
} from "../support/secrets";
import { type ReceivedEmail, startSmtpServer, type TestSmtpServer } from "../support/smtp";

// Security finding 2 of issue 11: a link or code that grants access is readable by nobody but the
// person it is for. Not in any table (every column of every table, the audit trail included), not
// in the app's log output, not on any outbox page an admin can open. Runs on PGlite, and on
// PostgreSQL with TEST_DATABASE=postgres.

let smtp: TestSmtpServer;
const received: ReceivedEmail[] = [];
let mailing: Captured;
let holding: Captured;

beforeAll(async () => {
  smtp = await startSmtpServer(0, received);
  mailing = await startCaptured({ SMTP_URL: smtp.url });
  holding = await startCaptured({});
}, 180_000);

afterAll(async () => {
  await mailing?.app.close();
  await holding?.app.close();
  await smtp?.stop();
});

beforeEach(() => {
  received.length = 0;
});

async function sendQueued(testApp: TestApp) {
  const transport = createMailTransport(testApp.config.mail.smtpUrl!);
  try {
    return await sendDueEmails(testApp.db, testApp.clock, transport, testApp.config.mail, testApp.app.log);
  } finally {
    transport.close();
  }
}

async function inviteByEmail(testApp: TestApp, participantId: string, email: string) {
  const specialist = await signedInAs(testApp.app, "employment_specialist");
  await specialist.get(`/participants/${participantId}/portal`);
  const response = await specialist.post(`/participants/${participantId}/portal/invitation`, {
    method: "email",
    email,
  });
  expect(response.statusCode).toBe(302);
  return { specialist, response };
}

/** Opens a participant's emailed link as the person would, and sets a password. */
async function acceptLink(testApp: TestApp, link: string) {
  const person = new TestClient(testApp.app);
  const form = await person.get(pathOf(link));
  if (form.statusCode !== 200) return form;
  const secret = /name="secret" value="([^"]+)"/.exec(form.body)![1]!;
  return person.post("/my/invitation", {
    secret,
    password: PARTICIPANT_PASSWORD,
    confirmPassword: PARTICIPANT_PASSWORD,
  });
}

describe("with a mail server: a participant invited by email", () => {
  it("gets a link minted as the email is sent, found nowhere at rest, that works exactly once", async () => {
    const testApp = mailing.app;
    const person = await createTestParticipant(testApp, { stage: "engaged" });
    const { specialist, response } = await inviteByEmail(testApp, person.id, "jordan.invited@example.org");
    expect(response.headers.location).toBe(`/participants/${person.id}/portal?notice=emailed`);
    expect((await specialist.get(response.headers.location as string)).body).toContain(
      "An email with the invitation link has been sent",
    );
    // Queued, not yet sent: the outbox holds the message with a placeholder, and no link exists.
    const [queued] = await testApp.db
      .select()
      .from(outboundEmail)
      .where(sql`${outboundEmail.recipient} = 'jordan.invited@example.org'`);
    expect(queued).toMatchObject({ oneTimeLink: "participant_invitation", status: "pending" });
    expect(queued!.body).toContain("{one-time link}");
    expect(queued!.body).not.toMatch(/token=/);

    expect((await sendQueued(testApp)).sent).toBeGreaterThanOrEqual(1);
    const email = received.find((message) => message.envelopeTo.includes("jordan.invited@example.org"))!;
    const link = linkIn(email);
    const token = tokenOf(link);
    expect(link).toBe(`http://localhost:3000/my/invitation?token=${token}`);
    expect(email.text).not.toContain("{one-time link}");

    // Only the token's hash is kept, on the invitation.
    const [stored] = await rowsOf<{ token_hash: string }>(
      testApp.db,
      sql`select token_hash from participant_invitation where participant_id = ${person.id}`,
    );
    expect(stored!.token_hash).toBe(hashToken(token));
    expect(await placesHolding(mailing, [token, link])).toEqual([]);
    const seen = await outboxAsAdminSees(testApp);
    expect(seen).toContain("jordan.invited@example.org");
    expect(seen).toContain("[one-time link, made when the email is sent]");
    expect(seen).not.toContain(token);
    expect(seen).not.toMatch(/token=/);

    const accepted = await acceptLink(testApp, link);
    expect(accepted.statusCode).toBe(302);
    expect(accepted.headers.location).toBe("/my?notice=welcome");
    const again = await acceptLink(testApp, link);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain("This invitation has already been used");
    // Using it wrote nothing that holds it either.
    expect(await placesHolding(mailing, [token, link])).toEqual([]);
    // The search does find what is there: the hash on the invitation, and the requests in the log.
    expect(await tablesHolding(testApp, [hashToken(token)])).toEqual(["public.participant_invitation"]);
    expect(mailing.log.join("")).toContain('"path":"/my/invitation"');
  });

  it("gets a new link at each attempt, and only the newest works", async () => {
    const testApp = mailing.app;
    const { db, clock, config } = testApp;
    const person = await createTestParticipant(testApp, { stage: "engaged" });
    await inviteByEmail(testApp, person.id, "casey.retried@example.org");
    // A node mints the link and hands the email over, then dies before recording it.
    const transport = createMailTransport(config.mail.smtpUrl!);
    const claimed = (await claimDueEmails(db, clock, config.mail)).find(
      (email) => email.recipient === "casey.retried@example.org",
    )!;
    const body = await mintOneTimeLink(db, clock, config.mail, claimed);
    await deliverEmail(transport, config.mail, { ...claimed, body: body! });
    transport.close();
    clock.advance(CLAIM_MS);
    await sendQueued(testApp);

    const links = received
      .filter((message) => message.envelopeTo.includes("casey.retried@example.org"))
      .map(linkIn);
    expect(links).toHaveLength(2);
    expect(tokenOf(links[0]!)).not.toBe(tokenOf(links[1]!));
    expect(
      await placesHolding(
        mailing,
        links.flatMap((link) => [link, tokenOf(link)]),
      ),
    ).toEqual([]);
    const stale = await acceptLink(testApp, links[0]!);
    expect(stale.statusCode).toBe(410);
    expect((await acceptLink(testApp, links[1]!)).statusCode).toBe(302);
  });

  it("is not sent a replaced invitation's email: the outbox says why", async () => {
    const testApp = mailing.app;
    const person = await createTestParticipant(testApp, { stage: "engaged" });
    await inviteByEmail(testApp, person.id, "sam.replaced@example.org");
    await inviteByCode(await signedInAs(testApp.app, "employment_specialist"), person.id);
    await sendQueued(testApp);
    expect(received.filter((message) => message.envelopeTo.includes("sam.replaced@example.org"))).toEqual([]);
    const [row] = await testApp.db
      .select()
      .from(outboundEmail)
      .where(sql`${outboundEmail.recipient} = 'sam.replaced@example.org'`);
    expect(row).toMatchObject({ status: "failed" });
    expect(row!.lastError).toContain("replaced by a newer one");
  });
});

describe("with a mail server: a colleague invited by an admin", () => {
  it("is emailed the link, which the admin never sees, found nowhere at rest, working once", async () => {
    const testApp = mailing.app;
    const admin = await signedInAs(testApp.app, "admin");
    const form = await admin.get("/admin/staff/invite");
    const organisationId = /<option value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
    const invited = await admin.post("/admin/staff", {
      fullName: "Priya Emailed",
      email: "priya.emailed@example.nhs.uk",
      role: "clinician",
      profession: "nurse",
      organisationId,
    });
    expect(invited.statusCode).toBe(200);
    expect(words(invited.body)).toContain("Tandem is emailing Priya Emailed at priya.emailed@example.nhs.uk");
    expect(invited.body).not.toMatch(/token=|id="invitation-link"/);

    await sendQueued(testApp);
    const email = received.find((message) => message.envelopeTo.includes("priya.emailed@example.nhs.uk"))!;
    expect(email.header("subject")).toBe("Your invitation to Tandem");
    const link = linkIn(email);
    const token = tokenOf(link);
    expect(link).toBe(`http://localhost:3000/accept-invitation?token=${token}`);
    expect(await placesHolding(mailing, [token, link])).toEqual([]);
    const seen = await outboxAsAdminSees(testApp);
    expect(seen).toContain("priya.emailed@example.nhs.uk");
    expect(seen).not.toContain(token);

    const colleague = new TestClient(testApp.app);
    expect((await colleague.get(pathOf(link))).statusCode).toBe(200);
    const set = await colleague.post("/accept-invitation", {
      token,
      password: "correct horse battery staple",
      confirmPassword: "correct horse battery staple",
    });
    expect(set.statusCode).toBe(302);
    const again = await new TestClient(testApp.app).get(pathOf(link));
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain("already been used");
    expect(await placesHolding(mailing, [token, link])).toEqual([]);
  });
});

describe("the API's staff invitation", () => {
  const invite = async (testApp: TestApp, email: string) => {
    const admin = await signedInAs(testApp.app, "admin");
    const form = await admin.get("/admin/staff/invite");
    const organisationId = /<option value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
    return admin.request("POST", "/api/v1/staff", {
      fullName: "Api Invitee",
      email,
      role: "peer_worker",
      organisationId,
    });
  };

  it("with a mail server, says where it was emailed and holds no link", async () => {
    const response = await invite(mailing.app, "api.emailed@example.nhs.uk");
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      invitationEmailedTo: "api.emailed@example.nhs.uk",
      expiresInDays: 7,
    });
    expect(response.body).not.toMatch(/token=/);
  });

  it("with no mail server, answers the link this once and keeps it nowhere", async () => {
    const response = await invite(holding.app, "api.linked@example.nhs.uk");
    expect(response.statusCode).toBe(201);
    const link = response.json().invitationLink as string;
    expect(link).toMatch(/\/accept-invitation\?token=/);
    expect(await placesHolding(holding, [tokenOf(link), link])).toEqual([]);
  });
});

describe("with no mail server", () => {
  it("holds a participant's emailed invitation with no link anywhere, and says to give a printed code", async () => {
    const testApp = holding.app;
    const person = await createTestParticipant(testApp, { stage: "engaged" });
    const { specialist, response } = await inviteByEmail(testApp, person.id, "alex.held@example.org");
    expect(response.headers.location).toBe(`/participants/${person.id}/portal?notice=held`);
    const tab = words((await specialist.get(response.headers.location as string)).body);
    expect(tab).toContain("No mail server is set up, so this invitation cannot be emailed");
    expect(tab).toContain("Give the person a printed code instead");

    const admin = await signedInAs(testApp.app, "admin");
    const list = await admin.get("/admin/outbox");
    expect(list.body).toContain("alex.held@example.org");
    expect(list.body).toContain("Invitation to a participant");
    const [row] = await testApp.db
      .select()
      .from(outboundEmail)
      .where(sql`${outboundEmail.recipient} = 'alex.held@example.org'`);
    // The sender on a node with no mail server holds it, as it does every email.
    await holdEmailsWithoutMailServer(testApp.db, testApp.clock);
    const page = words((await admin.get(`/admin/outbox/${row!.id}`)).body);
    expect(page).toContain("Not sent: no mail server configured");
    expect(page).toContain("This email carries a one-time link");
    expect(page).toContain("give them a printed invitation code");
    expect(page).not.toMatch(/token=/);
    expect(await outboxAsAdminSees(testApp)).not.toMatch(/token=/);
  });

  it("keeps a printed code nowhere at rest, and the code works", async () => {
    const testApp = holding.app;
    const person = await createTestParticipant(testApp, { stage: "engaged" });
    const { page, code } = await inviteByCode(
      await signedInAs(testApp.app, "employment_specialist"),
      person.id,
    );
    expect(codeOn(page.body)).toBe(code);
    expect(await placesHolding(holding, [code, code.replaceAll("-", "")])).toEqual([]);
    const visitor = new TestClient(testApp.app);
    await visitor.get("/my/invitation");
    const form = await visitor.post("/my/invitation/code", { code });
    expect(form.statusCode).toBe(200);
  });

  it("shows a colleague's link once to the inviting admin, and keeps it nowhere", async () => {
    const testApp = holding.app;
    const admin = await signedInAs(testApp.app, "admin");
    const form = await admin.get("/admin/staff/invite");
    const organisationId = /<option value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
    const invited = await admin.post("/admin/staff", {
      fullName: "Sol Handed",
      email: "sol.handed@example.nhs.uk",
      role: "peer_worker",
      organisationId,
    });
    const link = words(/id="invitation-link">([^<]+)</.exec(invited.body)![1]!);
    expect(words(invited.body)).toContain("the link is shown to you this once and kept nowhere");
    const token = tokenOf(link);
    expect(await placesHolding(holding, [token, link])).toEqual([]);
    const staffId = /href="\/admin\/staff\/([0-9a-f-]{36})"/.exec(invited.body)![1]!;
    expect((await admin.get(`/admin/staff/${staffId}`)).body).not.toContain(token);
    expect(await outboxAsAdminSees(testApp)).not.toContain(token);
    expect((await new TestClient(testApp.app).get(pathOf(link))).statusCode).toBe(200);
  });

  it("keeps the first administrator's link from the command line, and an API token, nowhere", async () => {
    const testApp = holding.app;
    const first = await bootstrapAdministrator(testApp.db, testApp.clock, {
      email: "first.admin@example.nhs.uk",
      fullName: "First Admin",
      organisationName: "Example NHS Trust",
    });
    if (first.kind !== "invited") throw new Error("expected an invitation");
    const specialist = await signedInAs(testApp.app, "employment_specialist");
    await specialist.get("/account");
    const issued = await specialist.post("/account/api-tokens", { name: "Reporting", validDays: "30" });
    const apiToken = /(tdm_[\w-]{20,})/.exec(issued.body)![1]!;
    expect(await placesHolding(holding, [first.invitationToken, apiToken])).toEqual([]);
  });
});

describe("the outbox itself", () => {
  it("refuses to queue an email whose text carries a secret, or a one-time link without its place", async () => {
    const { db, clock } = holding.app;
    const base = { organisationId: null, to: "a@example.org", subject: "Hello", purpose: "alert.raised" };
    await expect(
      queueEmail(db, clock, { ...base, text: "Open http://localhost:3000/my/invitation?token=abc" }),
    ).rejects.toThrow();
    await expect(
      queueEmail(db, clock, {
        ...base,
        text: "No placeholder here",
        oneTimeLink: { kind: "participant_invitation", for: "00000000-0000-4000-8000-000000000000" },
      }),
    ).rejects.toThrow();
    await expect(queueEmail(db, clock, { ...base, text: "Stray {one-time link}" })).rejects.toThrow();
  });
});
