import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { insideDoor } from "../access/inside-door";
import { registerAnswerAfterCommit } from "./answer-after-commit";

// A stand-in for the door's transaction: the guard only needs to know the work is inside one.
const transaction = <T>(work: () => Promise<T>) => insideDoor(async () => work());

async function appWithGuard() {
  const app = Fastify();
  registerAnswerAfterCommit(app);
  app.get("/inside", async (_request, reply) => transaction(async () => reply.send("the record")));
  app.get("/after", async (_request, reply) => {
    const page = await transaction(async () => "the record");
    return reply.send(page);
  });
  await app.ready();
  return app;
}

describe("answering only after the door's transaction has committed", () => {
  it("refuses a page sent from inside the transaction, so the reader never sees it", async () => {
    const app = await appWithGuard();
    const answer = await app.inject({ method: "GET", url: "/inside" });
    expect(answer.statusCode).toBe(500);
    expect(answer.body).not.toContain("the record");
    await app.close();
  });

  it("sends the page once the work has returned from the transaction", async () => {
    const app = await appWithGuard();
    const answer = await app.inject({ method: "GET", url: "/after" });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toBe("the record");
    await app.close();
  });
});
