import { AsyncLocalStorage } from "node:async_hooks";

// The door writes the audit event in the same transaction as the work, and the answer may go out
// only once that transaction has committed (decision 34): a page sent from inside it reaches the
// reader even when the commit, and with it the audit event, then fails — audit would fail open —
// and a reader on another connection can act on the answer before the event is visible. This marks
// the door's transactions so the HTTP layer can refuse to answer from inside one.
const doorWork = new AsyncLocalStorage<true>();

/** Runs a door transaction so that anything called from inside it knows. */
export function insideDoor<T>(transaction: () => Promise<T>): Promise<T> {
  return doorWork.run(true, transaction);
}

/** True while the caller is inside one of the door's transactions. */
export function isInsideDoor(): boolean {
  return doorWork.getStore() === true;
}
