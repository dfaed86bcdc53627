import type { MessageKey } from "./web/i18n";

// The one family of results a service gives for a change to a record. Every feature returns these
// kinds, so pages and the API turn them into answers one way (platform/http/record-page.ts and
// platform/http/api-answers.ts) instead of each feature mapping stale, missing and invalid itself.

/** Saved; `row` is what was saved (or `undefined` where the caller needs nothing back). */
export type Saved<Row> = { kind: "saved"; row: Row };
/** Someone saved a newer version first: nothing was written, `current` is what is there now. */
export type Stale<Row> = { kind: "stale"; current: Row };
/** The thing to change is not on this record (or not there at all). */
export type NotFound = { kind: "not_found" };
/** A rule only the service can check refused one field: the message goes beside it. */
export type Invalid<Message extends MessageKey = MessageKey> = {
  kind: "invalid";
  field: string;
  message: Message;
};

/** An edit made against the version it was based on: a stale form never overwrites. */
export type EditOutcome<Row, Message extends MessageKey = MessageKey> =
  | Saved<Row>
  | Stale<Row>
  | Invalid<Message>
  | NotFound;

export const saved = <Row>(row: Row): Saved<Row> => ({ kind: "saved", row });
export const stale = <Row>(current: Row): Stale<Row> => ({ kind: "stale", current });
export const notFound: NotFound = { kind: "not_found" };
export const invalid = <Message extends MessageKey>(field: string, message: Message): Invalid<Message> => ({
  kind: "invalid",
  field,
  message,
});
