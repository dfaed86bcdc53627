import { asc, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/database";
import { manualClock } from "../clock";
import { rowsOf } from "../db";
import type { AuditAction } from "./actions";
import { anchorKeyFrom, type ChainAnchor } from "./anchor";
import { GENESIS_HASH, linkHash } from "./chain";
import {
  AuditUnavailableError,
  ensureAuditPartitions,
  recordAuditEvent,
  sealPendingEvents,
  searchAuditEvents,
  verifyAuditChain,
} from "./service";
import { auditEvent, auditSeal } from "./table";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const clock = manualClock("2026-03-10T12:00:00.000Z");

beforeEach(async () => {
  database = await openTestDatabase();
  await ensureAuditPartitions(database.db, clock);
});

afterEach(async () => {
  await database.cleanup();
});

// Actions made up for these tests, outside the list the app may write.
async function writeEvents(total: number, action = "test.event" as AuditAction) {
  for (let index = 0; index < total; index++) {
    clock.advance(1000);
    await recordAuditEvent(database.db, clock, {
      actor: { id: "00000000-0000-4000-8000-00000000000a", role: "admin" },
      action,
      subject: { type: "staff", id: `staff-${index}` },
      outcome: index % 3 === 0 ? "refused" : "succeeded",
      detail: { index },
    });
  }
}

/** Tampering as someone with direct database access would: with the append-only triggers bypassed. */
async function tamper(statement: string) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql.raw(statement));
  });
}

describe("the audit trail's hash chain", () => {
  it("seals events in batches into one chain that verifies intact", async () => {
    await writeEvents(5);
    expect(await sealPendingEvents(database.db, clock)).toBe(5);
    await writeEvents(4);
    expect(await sealPendingEvents(database.db, clock, 3)).toBe(3);
    expect(await sealPendingEvents(database.db, clock, 3)).toBe(1);
    expect(await sealPendingEvents(database.db, clock)).toBe(0);
    await writeEvents(2);
    expect(await verifyAuditChain(database.db, 4)).toEqual({
      intact: true,
      checked: 9,
      unsealed: 2,
      anchoredSeals: null,
      sealsBeforeAnchoring: 0,
      externalAnchorsChecked: 0,
    });
  });

  it("refuses updates, deletes and truncation through the database's own triggers", async () => {
    await writeEvents(2);
    await sealPendingEvents(database.db, clock);
    await expect(database.db.execute(sql`update audit_event set reason = 'edited'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_event`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_event`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_seal`)).rejects.toThrow();
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true, checked: 2 });
  });

  it("names the first altered event", async () => {
    await writeEvents(6);
    await sealPendingEvents(database.db, clock);
    await tamper("update audit_event set outcome = 'succeeded' where chain_seq = 4");
    const verdict = await verifyAuditChain(database.db);
    expect(verdict).toMatchObject({ intact: false, checked: 3, firstBrokenLink: { chainSeq: 4 } });
    expect(verdict.intact ? "" : verdict.firstBrokenLink.problem).toContain("altered");
  });

  it("notices an event deleted from the middle", async () => {
    await writeEvents(6);
    await sealPendingEvents(database.db, clock);
    await tamper("delete from audit_event where chain_seq = 2");
    const verdict = await verifyAuditChain(database.db);
    expect(verdict).toMatchObject({ intact: false, firstBrokenLink: { chainSeq: 2 } });
    expect(verdict.intact ? "" : verdict.firstBrokenLink.problem).toContain("missing");
  });

  it("notices the newest events deleted, from the seal", async () => {
    await writeEvents(6);
    await sealPendingEvents(database.db, clock);
    await tamper("delete from audit_event where chain_seq >= 5");
    const verdict = await verifyAuditChain(database.db);
    expect(verdict).toMatchObject({ intact: false, checked: 4 });
    expect(verdict.intact ? "" : verdict.firstBrokenLink.problem).toContain("deleted");
  });

  it("notices a forged chain whose hashes were all recomputed, because the seal no longer matches", async () => {
    await writeEvents(3);
    await sealPendingEvents(database.db, clock);
    await tamper("update audit_event set reason = 'nothing to see' where chain_seq = 2");
    const events = await database.db.select().from(auditEvent).orderBy(asc(auditEvent.chainSeq));
    let previous = GENESIS_HASH;
    for (const event of events) {
      previous = linkHash(previous, event.chainSeq!, event);
      await tamper(`update audit_event set hash = '${previous}' where chain_seq = ${event.chainSeq}`);
    }
    const verdict = await verifyAuditChain(database.db);
    expect(verdict).toMatchObject({ intact: false, checked: 3 });
    expect(verdict.intact ? "" : verdict.firstBrokenLink.problem).toContain("seal");
  });
});

/**
 * What a database superuser can do that the plain chain cannot see: alter an event, then recompute
 * every hash after it and rewrite every seal to match.
 */
async function rewriteHistory(alteration: string) {
  await tamper(alteration);
  const events = await database.db.select().from(auditEvent).orderBy(asc(auditEvent.chainSeq));
  let previous = GENESIS_HASH;
  const hashAt = new Map<number, string>();
  for (const event of events) {
    previous = linkHash(previous, event.chainSeq!, event);
    hashAt.set(event.chainSeq!, previous);
    await tamper(`update audit_event set hash = '${previous}' where chain_seq = ${event.chainSeq}`);
  }
  for (const seal of await database.db.select().from(auditSeal)) {
    await tamper(
      `update audit_seal set last_hash = '${hashAt.get(seal.lastSeq)}' where batch_id = ${seal.batchId}`,
    );
  }
}

describe("anchors outside the database", () => {
  const anchorKey = anchorKeyFrom("a-test-anchor-key-that-is-long-enough-0123456789")!;

  /** Seals in three batches with the key, keeping what the sealer would have written to the log. */
  async function sealWithLog(): Promise<ChainAnchor[]> {
    const logged: ChainAnchor[] = [];
    const log = (head: { lastSeq: number; lastHash: string }) =>
      logged.push({ seq: head.lastSeq, hash: head.lastHash });
    for (const batch of [3, 2, 4]) {
      await writeEvents(batch);
      await sealPendingEvents(database.db, clock, 2000, anchorKey, log);
    }
    return logged;
  }

  it("verifies an intact chain against every seal's anchor and every head the log recorded", async () => {
    const logged = await sealWithLog();
    expect(logged.map((anchor) => anchor.seq)).toEqual([3, 5, 9]);
    expect(await verifyAuditChain(database.db, { anchorKey, anchors: logged })).toMatchObject({
      intact: true,
      checked: 9,
      anchoredSeals: 3,
      externalAnchorsChecked: 3,
    });
  });

  it("catches a history rewritten by a superuser, seals included, through the key the database never held", async () => {
    await sealWithLog();
    await rewriteHistory("update audit_event set outcome = 'succeeded' where chain_seq = 4");
    // Without anything from outside the database the forgery holds: this is the gap anchors close.
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true, checked: 9 });
    const verdict = await verifyAuditChain(database.db, { anchorKey });
    expect(verdict).toMatchObject({ intact: false, firstBrokenLink: { chainSeq: 5 } });
    expect(verdict.intact ? "" : verdict.firstBrokenLink.problem).toContain("forged or rewritten");
  });

  it("catches the same rewrite without the key, from the heads written to the log", async () => {
    const logged = await sealWithLog();
    await rewriteHistory("update audit_event set reason = 'nothing to see' where chain_seq = 2");
    const verdict = await verifyAuditChain(database.db, { anchors: logged });
    expect(verdict).toMatchObject({ intact: false, firstBrokenLink: { chainSeq: 3 } });
    expect(verdict.intact ? "" : verdict.firstBrokenLink.problem).toContain("the log recorded");
  });

  it("catches the newest events and their seal removed together, from the log", async () => {
    const logged = await sealWithLog();
    await tamper("delete from audit_event where chain_seq >= 6");
    await tamper("delete from audit_seal where last_seq = 9");
    expect(await verifyAuditChain(database.db, { anchorKey })).toMatchObject({ intact: true, checked: 5 });
    const verdict = await verifyAuditChain(database.db, { anchorKey, anchors: logged });
    expect(verdict).toMatchObject({ intact: false, checked: 5 });
    expect(verdict.intact ? "" : verdict.firstBrokenLink.problem).toContain("events were deleted");
  });

  it("refuses a seal whose anchor was stripped after anchoring began, and one anchored with another key", async () => {
    await sealWithLog();
    await tamper("update audit_seal set anchor = null, anchor_key_id = null where last_seq = 5");
    const stripped = await verifyAuditChain(database.db, { anchorKey });
    expect(stripped.intact ? "" : stripped.firstBrokenLink.problem).toContain("has no anchor");
    const otherKey = anchorKeyFrom("another-key-another-key-another-key-0000")!;
    const verdict = await verifyAuditChain(database.db, { anchorKey: otherKey });
    expect(verdict).toMatchObject({ intact: false, firstBrokenLink: { chainSeq: 3 } });
    expect(verdict.intact ? "" : verdict.firstBrokenLink.problem).toContain("another key");
  });

  it("counts seals made before the key was set as not anchored, without calling them broken", async () => {
    await writeEvents(2);
    await sealPendingEvents(database.db, clock);
    await sealWithLog();
    expect(await verifyAuditChain(database.db, { anchorKey })).toMatchObject({
      intact: true,
      checked: 11,
      sealsBeforeAnchoring: 1,
      anchoredSeals: 3,
    });
  });
});

describe("writing events", () => {
  it("leaves no event when the work it records rolls back", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await recordAuditEvent(tx, clock, {
          actor: null,
          action: "doomed" as AuditAction,
          outcome: "succeeded",
        });
        throw new Error("the work failed");
      }),
    ).rejects.toThrow("the work failed");
    expect(await searchAuditEvents(database.db, { action: "doomed", limit: 10 })).toEqual([]);
  });

  it("raises AuditUnavailableError when the event cannot be written", async () => {
    await database.db.execute(sql`alter table audit_event rename to audit_event_gone`);
    await expect(
      recordAuditEvent(database.db, clock, { actor: null, action: "lost" as AuditAction, outcome: "failed" }),
    ).rejects.toBeInstanceOf(AuditUnavailableError);
    await database.db.execute(sql`alter table audit_event_gone rename to audit_event`);
  });

  it("files events into monthly partitions, and old ones into the default partition where they are still found", async () => {
    await writeEvents(1, "this.month" as AuditAction);
    const old = manualClock("2019-07-01T08:00:00.000Z");
    await recordAuditEvent(database.db, old, {
      actor: null,
      action: "long.ago" as AuditAction,
      outcome: "succeeded",
    });
    const placement = await rowsOf<{ partition: string; action: string }>(
      database.db,
      sql`select tableoid::regclass::text as partition, action from audit_event order by action`,
    );
    expect(placement).toEqual([
      { partition: "audit_event_default", action: "long.ago" },
      { partition: "audit_event_2026_03", action: "this.month" },
    ]);
    const found = await searchAuditEvents(database.db, {
      from: new Date("2019-01-01"),
      action: "long.ago",
      limit: 5,
    });
    expect(found).toHaveLength(1);
  });
});

describe("searching the trail", () => {
  it("pages newest first, every event exactly once, with filters", async () => {
    await writeEvents(23);
    const seen: number[] = [];
    let before: { occurredAt: Date; id: number } | undefined;
    for (;;) {
      const page = await searchAuditEvents(database.db, { action: "test.event", before, limit: 5 });
      if (page.length === 0) break;
      seen.push(...page.map((event) => event.id));
      const last = page.at(-1)!;
      before = { occurredAt: last.occurredAt, id: last.id };
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    const refused = await searchAuditEvents(database.db, { outcome: "refused", limit: 100 });
    expect(refused).toHaveLength(8);
    expect(refused.every((event) => event.outcome === "refused")).toBe(true);
  });
});
