import { createHash, createHmac, timingSafeEqual } from "node:crypto";

// The hash chain alone is checked against data in the same database: someone with full access to
// it (a database superuser) can alter an event, recompute every later hash and write matching
// seals. Two anchors sit outside the database so that is still caught (decision 60):
//  - a keyed MAC on every seal, with a key that lives only in the app's environment;
//  - the head of the chain written to the log after each seal, which `audit verify --anchor`
//    checks the chain against.

/** A seal as the anchor signs it: its place in the chain and the hash it ends on. */
export type SealHead = { firstSeq: number; lastSeq: number; lastHash: string };

export type AnchorKey = { key: string; id: string };

/** Short, public fingerprint of the key, kept with each seal so a rotated key is named, not guessed. */
export function anchorKeyId(key: string): string {
  return createHash("sha256").update("tandem-audit-anchor-key\n").update(key).digest("hex").slice(0, 12);
}

export function anchorKeyFrom(key: string | null | undefined): AnchorKey | null {
  return key ? { key, id: anchorKeyId(key) } : null;
}

export function sealAnchor(key: string, seal: SealHead): string {
  return createHmac("sha256", key)
    .update(`tandem-audit-seal\n${seal.firstSeq}\n${seal.lastSeq}\n${seal.lastHash}`)
    .digest("hex");
}

export function anchorMatches(key: string, seal: SealHead, anchor: string): boolean {
  const expected = Buffer.from(sealAnchor(key, seal), "hex");
  const given = Buffer.from(anchor, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A position in the chain and the hash it must have there, as recorded outside the database. */
export type ChainAnchor = { seq: number; hash: string };

const HASH = /^[0-9a-f]{64}$/;

/** `SEQ:HASH`, as typed after `audit verify --anchor`. */
export function parseAnchorArgument(text: string): ChainAnchor | undefined {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) return undefined;
  return { seq: Number(match[1]), hash: match[2]! };
}

/**
 * The chain heads found in log output: each JSON line the sealer wrote with `auditSeal`
 * (other lines, and lines that are not JSON, are passed over).
 */
export function anchorsFromLog(text: string): ChainAnchor[] {
  const anchors: ChainAnchor[] = [];
  for (const line of text.split("\n")) {
    if (!line.includes('"auditSeal"')) continue;
    try {
      const entry = JSON.parse(line) as { auditSeal?: { lastSeq?: unknown; lastHash?: unknown } };
      const seq = entry.auditSeal?.lastSeq;
      const hash = entry.auditSeal?.lastHash;
      if (typeof seq === "number" && Number.isSafeInteger(seq) && typeof hash === "string" && HASH.test(hash))
        anchors.push({ seq, hash });
    } catch {
      // Not a log line of ours.
    }
  }
  return anchors;
}
