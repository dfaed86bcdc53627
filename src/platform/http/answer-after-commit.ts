import type { FastifyInstance } from "fastify";
import { isInsideDoor } from "../access/inside-door";

export class AnsweredInsideDoorError extends Error {
  constructor(url: string) {
    super(`${url} answered from inside the door's transaction; answer once it has committed (decision 34)`);
  }
}

/**
 * No answer leaves while a door transaction is open (decision 34): the audit event that records the
 * reading is not yet committed, and may never be. A route that sends from inside the work is a
 * programming error, caught here in every test that calls it rather than left to a race.
 */
export function registerAnswerAfterCommit(app: FastifyInstance) {
  app.addHook("onSend", async (request, _reply, payload) => {
    if (isInsideDoor()) throw new AnsweredInsideDoorError(request.routeOptions.url ?? "a route");
    return payload;
  });
}
