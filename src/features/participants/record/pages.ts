import type { FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import type { z } from "zod";
import type { ParticipantDoor, ParticipantRecord } from "../../../platform/access/door";
import { hasPermission } from "../../../platform/access/roles";
import { checkForm } from "../../../platform/http/form-post";
import { participantIdParam } from "../../../platform/http/participant";
import {
  type RecordAnswer,
  type RecordFrame,
  recordFrame,
  recordRoute,
  sendRecordAnswer,
} from "../../../platform/http/record-page";
import type { FieldError } from "../../../platform/web/components";
import type { MessageKey } from "../../../platform/web/i18n";

// The participants feature's record pages on the shared record-page and form handling
// (platform/http/record-page.ts, form-post.ts): its one table of notices, and its pages that show
// a refused form again.

/** Success notices travel as a short key in the address after a redirect, never as free text. */
export const notices = {
  created: "referral.created",
  linked: "referral.linked",
  attempt: "referral.attempt.saved",
  taken: "referral.taken",
  closed: "referral.closed",
  details: "record.detailsSaved",
  lookingForWork: "stage.movedToLookingForWork",
  paused: "record.participation.paused",
  resumed: "record.participation.resumed",
  stopped: "record.participation.stopped",
  consent: "consent.saved",
  added: "careTeam.added",
  removed: "careTeam.removed",
  notDuplicate: "referral.notDuplicate.saved",
  merged: "merge.saved",
} as const satisfies Record<string, MessageKey>;

/** The frame of one of this feature's record pages: banner, tabs, emergency, and its notice. */
export const frameOf = (
  record: ParticipantRecord,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<RecordFrame> => recordFrame(record, request, reply, notices);

/** The record's own address; its tabs hang below it. */
export const recordPath = (participantId: string) => `/participants/${participantId}`;

/** Whether the reader may change the record, so a page offers its forms only to those who may. */
export const canWrite = (request: FastifyRequest) => hasPermission(request.staff!.role, "participant.write");

/** What a page is shown with after a form on it was refused: what was typed, and why not. */
export type Refused = { values?: Record<string, unknown>; errors?: FieldError[] };

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** A page of the record, opened for reading and shown with `state` at `status`. */
export type RecordPage<State> = (state?: State, status?: number) => Handler;

/** One of the record's pages: `view` builds it inside the door's transaction, opened for reading as `what`. */
export function readPage<State extends object>(
  door: ParticipantDoor,
  what: string,
  view: (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    state: State,
  ) => Promise<VNode>,
): RecordPage<State> {
  return (state = {} as State, status = 200) =>
    recordRoute(door, "read", what, async (record, request, reply) => ({
      page: await view(record, request, reply, state),
      status,
    }));
}

/** What a change on the record decided: an answer, or its page shown again with why not. */
export type ChangeAnswer<State> = RecordAnswer | { again: State; status: number };

/**
 * Opens the record for `purpose` as `what` and runs `work`; once that has committed, sends what it
 * decided. A refusal shows `page` again, opened afresh for reading as the page always is, so the
 * audit trail says what it always has: the change refused, then the page read.
 */
export async function changeThenAnswer<State>(
  door: ParticipantDoor,
  request: FastifyRequest,
  reply: FastifyReply,
  intent: { purpose: "read" | "write"; what: string; page: RecordPage<State> },
  work: (record: ParticipantRecord) => Promise<ChangeAnswer<State>>,
): Promise<unknown> {
  const answer = await door.withParticipant(
    request.staff!,
    participantIdParam(request),
    { purpose: intent.purpose, what: intent.what, ipAddress: request.ip },
    work,
  );
  if ("again" in answer) return intent.page(answer.again, answer.status)(request, reply);
  return sendRecordAnswer(request, reply, answer);
}

/**
 * A form posted on one of the record's pages: input its schema refuses shows the page again (opened
 * for reading, nothing written, 400); otherwise the record is opened for writing as `what` and
 * `save` decides, answered as `changeThenAnswer` does, a refusal with what was typed.
 */
export function formOnPage<Form, State extends Refused>(
  door: ParticipantDoor,
  spec: {
    what: string;
    schema: z.ZodType<Form>;
    page: RecordPage<State>;
    save(record: ParticipantRecord, form: Form, request: FastifyRequest): Promise<ChangeAnswer<State>>;
  },
): Handler {
  return async (request, reply) => {
    const checked = checkForm(spec.schema, request);
    if (!checked.ok)
      return spec.page({ values: checked.body, errors: checked.errors } as State, 400)(request, reply);
    return changeThenAnswer(
      door,
      request,
      reply,
      { purpose: "write", what: spec.what, page: spec.page },
      async (record) => {
        const answer = await spec.save(record, checked.form, request);
        return "again" in answer ? { ...answer, again: { values: checked.body, ...answer.again } } : answer;
      },
    );
  };
}
