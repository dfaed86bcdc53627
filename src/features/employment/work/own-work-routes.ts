import type { FastifyInstance } from "fastify";
import type { OwnRecord } from "../../../platform/access/own-record";
import type { AppDeps } from "../../../platform/http/feature";
import { ownPagesContext, ownRecordOpener } from "../../../platform/http/own-pages";
import { sendPage, translatorFor } from "../../../platform/http/pages";
import { uuidParam } from "../../../platform/http/params";
import { fieldErrors, formBody } from "../../../platform/web/forms";
import { disclosureForm } from "./forms";
import { OwnDisclosurePage, OwnWorkPage } from "./own-work-pages";
import { recordDisclosure, workOverview } from "./service";

const signedIn = { config: { access: "participant" as const } };

/**
 * The person's own view of their work: their jobs and applications, whether the service may
 * contact employers, and what each employer they are connected to may be told, which is their
 * choice and theirs to change here.
 */
export function registerOwnWorkRoutes(app: FastifyInstance, { ownRecordDoor, clock }: AppDeps) {
  const open = ownRecordOpener(ownRecordDoor);

  app.get("/my/work", signedIn, async (request, reply) => {
    const overview = await open(request, "read", "work", workOverview);
    const notice = (request.query as { notice?: string } | undefined)?.notice;
    return sendPage(reply, OwnWorkPage({ ...ownPagesContext(request, reply), ...overview, notice }));
  });

  // Only employers the person is already connected to (a job, an application, an earlier choice):
  // their own pages never list the organisation's other employers.
  const connectedEmployer = async (record: OwnRecord, employerId: string | undefined) =>
    employerId ? (await workOverview(record)).employers.find((row) => row.id === employerId) : undefined;

  app.get("/my/work/employers/:employerId", signedIn, async (request, reply) => {
    const employerId = uuidParam(request, "employerId");
    const found = await open(request, "read", "work_disclosure", (record) =>
      connectedEmployer(record, employerId),
    );
    if (!found) return reply.callNotFound();
    const values = { choice: found.disclosure.choice, wording: found.disclosure.wording };
    return sendPage(
      reply,
      OwnDisclosurePage({ ...ownPagesContext(request, reply), employer: found, values }),
    );
  });

  app.post("/my/work/employers/:employerId", signedIn, async (request, reply) => {
    const employerId = uuidParam(request, "employerId");
    const body = formBody(request.body);
    const parsed = disclosureForm.safeParse({ ...body, employerId });
    const outcome = await open(
      request,
      parsed.success ? "write" : "read",
      "work_disclosure",
      async (record) => {
        const found = await connectedEmployer(record, employerId);
        if (!found) return { kind: "not_found" as const };
        if (!parsed.success) return { kind: "invalid" as const, employer: found };
        await recordDisclosure(record, clock, parsed.data, null);
        return { kind: "saved" as const };
      },
    );
    if (outcome.kind === "not_found") return reply.callNotFound();
    if (outcome.kind === "saved") return reply.redirect("/my/work?notice=disclosure");
    const t = translatorFor(request);
    // The staff form's messages speak of "the person"; here the person is the reader. Only the
    // missing-words message is reworded: words that are too long keep their own message, with the limit.
    const wordingMissing =
      !parsed.success &&
      parsed.error.issues.some(
        (issue) => issue.path[0] === "wording" && issue.message === "validation.disclosure.wording",
      );
    const errors = (parsed.success ? [] : fieldErrors(parsed.error, t)).map((error) =>
      error.field === "wording" && wordingMissing
        ? { ...error, message: t.t("ownWork.wordingMissing") }
        : error,
    );
    const page = OwnDisclosurePage({
      ...ownPagesContext(request, reply),
      employer: outcome.employer,
      values: body,
      errors,
    });
    return sendPage(reply, page, 400);
  });
}
