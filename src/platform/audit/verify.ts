import { asc, gt, gte, sql } from "drizzle-orm";
import { type Database, rowsOf } from "../db";
import { type AnchorKey, anchorMatches, type ChainAnchor } from "./anchor";
import { GENESIS_HASH, linkHash } from "./chain";
import { type AuditEventRow, auditEvent, auditSeal } from "./table";

export type ChainVerdict = {
  checked: number;
  unsealed: number;
  /** Seals checked against the anchor key; null when no key was given. */
  anchoredSeals: number | null;
  /** Seals written before the anchor key was set (nothing to check them against but the chain). */
  sealsBeforeAnchoring: number;
  /** Places in the chain checked against heads recorded outside the database (the log). */
  externalAnchorsChecked: number;
} & ({ intact: true } | { intact: false; firstBrokenLink: { chainSeq: number; problem: string } });

type SealRow = typeof auditSeal.$inferSelect;

export type VerifyOptions = {
  pageSize?: number;
  /** The key seals are anchored with (AUDIT_ANCHOR_KEY); without it the seals' anchors are not checked. */
  anchorKey?: AnchorKey | null;
  /** Chain heads recorded outside the database, e.g. read from the log. */
  anchors?: ChainAnchor[];
};

/**
 * Walks the whole chain in order and reports the first link that does not hold: an event whose
 * hash does not match, a gap, a seal that does not match the chain at its end, a seal whose anchor
 * does not match (or is missing after anchoring began), or a head recorded in the log that the
 * chain no longer has.
 */
export async function verifyAuditChain(
  db: Database,
  options: VerifyOptions | number = {},
): Promise<ChainVerdict> {
  const {
    pageSize = 5000,
    anchorKey = null,
    anchors = [],
  } = typeof options === "number" ? { pageSize: options } : options;
  const [{ unsealed } = { unsealed: 0 }] = await rowsOf<{ unsealed: number }>(
    db,
    sql`select count(*)::int as unsealed from audit_event where hash is null`,
  );
  const external = new Map<number, string[]>();
  for (const anchor of anchors) external.set(anchor.seq, [...(external.get(anchor.seq) ?? []), anchor.hash]);

  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let anchoredSeals = 0;
  let sealsBeforeAnchoring = 0;
  let anchoringBegan = false;
  let externalAnchorsChecked = 0;
  const counts = () => ({
    checked,
    unsealed,
    anchoredSeals: anchorKey ? anchoredSeals : null,
    sealsBeforeAnchoring,
    externalAnchorsChecked,
  });
  const broken = (chainSeq: number, problem: string): ChainVerdict => ({
    intact: false,
    ...counts(),
    firstBrokenLink: { chainSeq, problem },
  });

  // Seals are read in step with the events, a page at a time, by the place they end.
  let seals: SealRow[] = [];
  let sealIndex = 0;
  let sealsAfter = 0;
  const nextSeal = async (): Promise<SealRow | undefined> => {
    if (sealIndex >= seals.length) {
      seals = await db
        .select()
        .from(auditSeal)
        .where(gt(auditSeal.lastSeq, sealsAfter))
        .orderBy(asc(auditSeal.lastSeq))
        .limit(pageSize);
      sealIndex = 0;
      if (seals.length === 0) return undefined;
    }
    return seals[sealIndex];
  };

  /** The problem with the seal ending here, if any, once the event at its end has been checked. */
  const checkSeal = (seal: SealRow, hash: string): string | undefined => {
    if (seal.lastHash !== hash)
      return `the seal ending at event ${seal.lastSeq} does not match the chain: events were rewritten`;
    if (!anchorKey) return undefined;
    if (seal.anchor === null) {
      if (anchoringBegan)
        return `the seal ending at event ${seal.lastSeq} has no anchor although earlier seals do: the seals were rewritten`;
      sealsBeforeAnchoring += 1;
      return undefined;
    }
    anchoringBegan = true;
    if (seal.anchorKeyId !== anchorKey.id)
      return `the seal ending at event ${seal.lastSeq} was anchored with another key (${seal.anchorKeyId ?? "none"}), not AUDIT_ANCHOR_KEY (${anchorKey.id})`;
    if (!anchorMatches(anchorKey.key, seal, seal.anchor))
      return `the anchor of the seal ending at event ${seal.lastSeq} does not match: the seal was forged or rewritten`;
    anchoredSeals += 1;
    return undefined;
  };

  for (;;) {
    const page: AuditEventRow[] = await db
      .select()
      .from(auditEvent)
      .where(gte(auditEvent.chainSeq, expectedSeq))
      .orderBy(asc(auditEvent.chainSeq))
      .limit(pageSize);
    for (const event of page) {
      const chainSeq = event.chainSeq ?? 0;
      if (chainSeq !== expectedSeq) {
        return broken(expectedSeq, `event ${expectedSeq} is missing: the chain jumps to ${chainSeq}`);
      }
      const expectedHash = linkHash(previousHash, chainSeq, event);
      if (expectedHash !== event.hash) {
        return broken(chainSeq, `event ${chainSeq} (id ${event.id}) does not match its hash: it was altered`);
      }
      for (const recorded of external.get(chainSeq) ?? []) {
        if (recorded !== expectedHash)
          return broken(
            chainSeq,
            `event ${chainSeq} does not have the hash the log recorded for it: the chain was rewritten`,
          );
        externalAnchorsChecked += 1;
      }
      previousHash = expectedHash;
      expectedSeq += 1;
      checked += 1;
      let seal = await nextSeal();
      while (seal && seal.lastSeq === chainSeq) {
        const problem = checkSeal(seal, expectedHash);
        if (problem) return broken(chainSeq, problem);
        sealsAfter = seal.lastSeq;
        sealIndex += 1;
        seal = await nextSeal();
      }
    }
    if (page.length < pageSize) break;
  }
  const beyond = anchors.filter((anchor) => anchor.seq > checked).sort((a, b) => a.seq - b.seq)[0];
  if (beyond) {
    return broken(
      checked + 1,
      `the log recorded the chain reaching event ${beyond.seq} but it ends at ${checked}: events were deleted`,
    );
  }
  const leftover = await nextSeal();
  if (leftover) {
    return broken(
      checked + 1,
      `a seal records ${leftover.lastSeq} events but the chain ends at ${checked}: events were deleted`,
    );
  }
  return { intact: true, ...counts() };
}
