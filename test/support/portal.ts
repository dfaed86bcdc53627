import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { TestClient } from "./app";

// Giving a test participant their own pages, as a care-team member and the person would.

export const PARTICIPANT_PASSWORD = "a long enough password 1";

/** Rendered HTML escapes apostrophes and quotes; compare the words a person reads. */
export const words = (html: string) =>
  html.replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

/** The code as printed for the person, not any look-alike elsewhere on the page (a form token). */
export const codeOn = (html: string) =>
  /app-monospace"[^>]*>\s*([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\s*</.exec(html)?.[1];

/** A care-team member prints an invitation code; returns the page and the code on it. */
export async function inviteByCode(client: TestClient, participantId: string) {
  await client.get(`/participants/${participantId}/portal`);
  const page = await client.post(`/participants/${participantId}/portal/invitation`, { method: "printed" });
  expect(page.statusCode).toBe(200);
  return { page, code: codeOn(page.body)! };
}

/** Accepts a printed code as the person would, in a fresh browser; returns that browser. */
export async function acceptCode(app: FastifyInstance, code: string, signInName: string) {
  const person = new TestClient(app);
  await person.get("/my/invitation");
  const form = await person.post("/my/invitation/code", { code: code.toLowerCase().replaceAll("-", " ") });
  expect(form.statusCode).toBe(200);
  const secret = /name="secret" value="([^"]+)"/.exec(form.body)![1]!;
  const accepted = await person.post("/my/invitation", {
    secret,
    signInName,
    password: PARTICIPANT_PASSWORD,
    confirmPassword: PARTICIPANT_PASSWORD,
  });
  return { person, accepted };
}
