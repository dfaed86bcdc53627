import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorKeyId, anchorMatches, anchorsFromLog, parseAnchorArgument, sealAnchor } from "./anchor";

const seal = { firstSeq: 1, lastSeq: 40, lastHash: "a".repeat(64) };
const key = "k".repeat(40);

describe("the seal's anchor", () => {
  it("matches only the seal it was made for, under the key it was made with", () => {
    const anchor = sealAnchor(key, seal);
    expect(anchorMatches(key, seal, anchor)).toBe(true);
    expect(anchorMatches(`${key}x`, seal, anchor)).toBe(false);
    expect(anchorMatches(key, { ...seal, lastSeq: 41 }, anchor)).toBe(false);
    expect(anchorMatches(key, { ...seal, lastHash: "b".repeat(64) }, anchor)).toBe(false);
    expect(anchorMatches(key, seal, "not hex")).toBe(false);
  });

  it("names a key by a fingerprint that does not give the key away", () => {
    expect(anchorKeyId(key)).toMatch(/^[0-9a-f]{12}$/);
    expect(anchorKeyId(key)).not.toBe(anchorKeyId(`${key}x`));
    expect(anchorKeyId(key)).not.toContain("k");
  });
});

describe("reading recorded heads", () => {
  it("takes SEQ:HASH and refuses anything else", () => {
    expect(parseAnchorArgument(`12:${"c".repeat(64)}`)).toEqual({ seq: 12, hash: "c".repeat(64) });
    for (const bad of ["12", `x:${"c".repeat(64)}`, `12:${"c".repeat(63)}`, `12:${"C".repeat(64)}`, ""]) {
      expect(parseAnchorArgument(bad)).toBeUndefined();
    }
  });

  it("finds the sealer's heads among any other log lines, and nothing else", () => {
    const log = [
      '{"level":30,"msg":"server listening"}',
      `{"level":30,"auditSeal":{"firstSeq":1,"lastSeq":3,"lastHash":"${"d".repeat(64)}","anchor":null},"msg":"audit trail sealed"}`,
      'not json but mentions "auditSeal"',
      `{"auditSeal":{"lastSeq":"4","lastHash":"${"e".repeat(64)}"}}`,
    ].join("\n");
    expect(anchorsFromLog(log)).toEqual([{ seq: 3, hash: "d".repeat(64) }]);
  });

  it("never throws on arbitrary text", () => {
    fc.assert(fc.property(fc.string(), (text) => Array.isArray(anchorsFromLog(text))));
  });
});
