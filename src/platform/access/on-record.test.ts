import { and, eq, gt } from "drizzle-orm";
import { integer, PgDialect, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { onRecord } from "./on-record";

// A table of its own: the platform imports no feature, not even in a test.
const note = pgTable("note", {
  id: uuid("id").primaryKey(),
  participantId: uuid("participant_id").notNull(),
  kind: text("kind").notNull(),
  version: integer("version").notNull(),
});

const dialect = new PgDialect();
const rendered = (condition: ReturnType<typeof onRecord> | undefined) => {
  const { sql, params } = dialect.sqlToQuery(condition!);
  return { sql, params };
};

const record = { participantId: "11111111-1111-4111-8111-111111111111" };

describe("onRecord", () => {
  it("alone is the record's own rows, exactly as the hand-written condition", () => {
    expect(rendered(onRecord(record, note))).toEqual(rendered(eq(note.participantId, record.participantId)));
    expect(rendered(onRecord(record, note))).toEqual({
      sql: '"note"."participant_id" = $1',
      params: [record.participantId],
    });
  });

  it("with further conditions is all of them together, the record's own first", () => {
    const further = [eq(note.kind, "clinical"), gt(note.version, 2)];
    expect(rendered(onRecord(record, note, ...further))).toEqual(
      rendered(and(eq(note.participantId, record.participantId), ...further)),
    );
    expect(rendered(onRecord(record, note, ...further))).toEqual({
      sql: '("note"."participant_id" = $1 and "note"."kind" = $2 and "note"."version" > $3)',
      params: [record.participantId, "clinical", 2],
    });
  });

  it("skips a condition that is not there, as and() does, but never the record's own", () => {
    expect(rendered(onRecord(record, note, undefined, eq(note.kind, "clinical"), undefined))).toEqual(
      rendered(and(eq(note.participantId, record.participantId), eq(note.kind, "clinical"))),
    );
    expect(rendered(onRecord(record, note, undefined)).sql).toBe('"note"."participant_id" = $1');
  });

  it("stays on whichever participant the handle names", () => {
    const other = { participantId: "22222222-2222-4222-8222-222222222222" };
    expect(rendered(onRecord(other, note)).params).toEqual([other.participantId]);
  });
});
