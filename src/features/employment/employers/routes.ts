import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { z } from "zod";
import { hasPermission } from "../../../platform/access/roles";
import { calendarDateAt } from "../../../platform/clock";
import type { AppDeps } from "../../../platform/http/feature";
import { pageContext, sendPage, translatorFor } from "../../../platform/http/pages";
import { uuidParam } from "../../../platform/http/params";
import { type FieldError, fieldErrors, formBody } from "../../../platform/web/forms";
import { currentEmploymentSettings } from "../settings/service";
import { EmployerContactFormPage } from "./contact-views";
import { currentPeople, currentPerson, logEmployerContact } from "./contacts";
import { EmployerPage } from "./employer-page";
import { employerContactForm, employerForm, employerListQuery, personForm, versionField } from "./forms";
import { employerOpportunities } from "./opportunities";
import type { EmployerRow } from "./schema";
import {
  addPerson,
  archivePerson,
  createEmployer,
  employerPeople,
  findEmployer,
  listEmployers,
  mergeCandidates,
  mergeEmployers,
  relationshipHistory,
  updateEmployer,
} from "./service";
import { EmployerFormPage, EmployerListPage, MergePage, PersonFormPage } from "./views";

export const readEmployers = { config: { access: "employers.read" as const } };
export const manageEmployers = { config: { access: "employers.manage" as const } };

export const notFound = (reply: FastifyReply) => {
  reply.callNotFound();
  return reply;
};

export const notice = (request: FastifyRequest) => (request.query as { notice?: string } | undefined)?.notice;

/** The employer named in the address, of the reader's organisation and not merged away. */
export async function employerFromRequest(request: FastifyRequest, { db }: AppDeps) {
  const employerId = uuidParam(request, "employerId");
  return employerId ? findEmployer(db, request.staff!.organisationId, employerId) : undefined;
}

/** A form about the employer named in the address: not found for an unknown one, 400 with errors. */
export async function sendEmployerForm(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  errors: FieldError[] | undefined,
  render: (employer: EmployerRow) => Promise<VNode> | VNode,
) {
  const found = await employerFromRequest(request, deps);
  if (!found) return notFound(reply);
  return sendPage(reply, await render(found), errors ? 400 : 200);
}

export function registerEmployerRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, clock } = deps;

  app.get("/employers", readEmployers, async (request, reply) => {
    const query = employerListQuery.parse(request.query ?? {});
    const { rows, total, page, pageCount } = await listEmployers(db, request.staff!.organisationId, query);
    const page_ = EmployerListPage({
      ...pageContext(request, reply),
      query: { ...query, page },
      rows,
      total,
      pageCount,
      mayManage: hasPermission(request.staff!.role, "employers.manage"),
    });
    return sendPage(reply, page_);
  });

  app.get("/employers/new", manageEmployers, async (request, reply) =>
    sendPage(reply, EmployerFormPage({ ...pageContext(request, reply), values: {} })),
  );

  app.post("/employers", manageEmployers, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = employerForm.safeParse(body);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error, translatorFor(request));
      return sendPage(reply, EmployerFormPage({ ...pageContext(request, reply), values: body, errors }), 400);
    }
    const created = await createEmployer(db, clock, request.staff!, parsed.data);
    return reply.redirect(`/employers/${created.id}?notice=saved`);
  });

  app.get("/employers/:employerId", readEmployers, async (request, reply) => {
    const found = await employerFromRequest(request, deps);
    if (!found) return notFound(reply);
    const [people, history, opportunities, settings] = [
      await employerPeople(db, found.id),
      await relationshipHistory(db, found.id),
      await employerOpportunities(db, found.id),
      await currentEmploymentSettings(db, found.organisationId),
    ];
    return sendPage(
      reply,
      EmployerPage({
        ...pageContext(request, reply),
        employer: found,
        people,
        history,
        opportunities,
        wageFloorPence: settings.wageFloorPence,
        mayManage: hasPermission(request.staff!.role, "employers.manage"),
        notice: notice(request),
      }),
    );
  });

  app.get("/employers/:employerId/edit", manageEmployers, async (request, reply) => {
    const found = await employerFromRequest(request, deps);
    if (!found) return notFound(reply);
    return sendPage(
      reply,
      EmployerFormPage({
        ...pageContext(request, reply),
        values: found,
        editing: { employer: found, version: found.version },
      }),
    );
  });

  app.post("/employers/:employerId/edit", manageEmployers, async (request, reply) => {
    const found = await employerFromRequest(request, deps);
    if (!found) return notFound(reply);
    const body = formBody(request.body);
    const { version } = versionField.parse(body);
    const parsed = employerForm.safeParse(body);
    const context = pageContext(request, reply);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error, translatorFor(request));
      return sendPage(
        reply,
        EmployerFormPage({ ...context, values: body, errors, editing: { employer: found, version } }),
        400,
      );
    }
    const outcome = await updateEmployer(db, clock, request.staff!, found.id, version, parsed.data);
    if (outcome.kind === "not_found") return notFound(reply);
    if (outcome.kind === "stale") {
      // The form keeps what this person typed, and is now based on the saved version.
      const editing = { employer: outcome.current, version: outcome.current.version, saved: outcome.current };
      return sendPage(reply, EmployerFormPage({ ...context, values: body, editing }), 409);
    }
    return reply.redirect(`/employers/${found.id}?notice=saved`);
  });

  const showPersonForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: FieldError[],
  ) =>
    sendEmployerForm(request, reply, deps, errors, (employer) =>
      PersonFormPage({ ...pageContext(request, reply), employer, values, errors }),
    );

  app.get("/employers/:employerId/people/new", manageEmployers, async (request, reply) =>
    showPersonForm(request, reply, {}),
  );

  app.post("/employers/:employerId/people", manageEmployers, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = personForm.safeParse(body);
    if (!parsed.success)
      return showPersonForm(request, reply, body, fieldErrors(parsed.error, translatorFor(request)));
    const found = await employerFromRequest(request, deps);
    if (!found) return notFound(reply);
    await addPerson(db, clock, found, parsed.data);
    return reply.redirect(`/employers/${found.id}?notice=person`);
  });

  app.post("/employers/:employerId/people/:personId/archive", manageEmployers, async (request, reply) => {
    const found = await employerFromRequest(request, deps);
    const personId = uuidParam(request, "personId");
    if (!found || !personId || !(await archivePerson(db, clock, found, personId))) return notFound(reply);
    return reply.redirect(`/employers/${found.id}?notice=archived`);
  });

  const showMerge = async (request: FastifyRequest, reply: FastifyReply, errors?: FieldError[]) => {
    const found = await employerFromRequest(request, deps);
    if (!found) return notFound(reply);
    const candidates = await mergeCandidates(db, found);
    return sendPage(
      reply,
      MergePage({ ...pageContext(request, reply), employer: found, candidates, errors }),
      errors ? 400 : 200,
    );
  };

  app.get("/employers/:employerId/merge", manageEmployers, async (request, reply) =>
    showMerge(request, reply),
  );

  app.post("/employers/:employerId/merge", manageEmployers, async (request, reply) => {
    const keptId = uuidParam(request, "employerId");
    const duplicate = z.uuid().safeParse(formBody(request.body).duplicateId);
    const refused = [
      { field: "duplicateId", message: translatorFor(request).t("validation.employer.duplicate") },
    ];
    if (!keptId) return notFound(reply);
    if (!duplicate.success) return showMerge(request, reply, refused);
    const outcome = await mergeEmployers(db, clock, request.staff!, keptId, duplicate.data, request.ip);
    if (outcome.kind === "not_found") return showMerge(request, reply, refused);
    return reply.redirect(`/employers/${keptId}?notice=merged`);
  });

  const showContactForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: FieldError[],
  ) =>
    sendEmployerForm(request, reply, deps, errors, async (employer) =>
      EmployerContactFormPage({
        ...pageContext(request, reply),
        employer,
        people: await currentPeople(db, employer.id),
        values,
        errors,
      }),
    );

  app.get("/employers/:employerId/contacts/new", manageEmployers, async (request, reply) =>
    showContactForm(request, reply, { occurredOn: calendarDateAt(clock.now()) }),
  );

  app.post("/employers/:employerId/contacts", manageEmployers, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = employerContactForm(calendarDateAt(clock.now())).safeParse(body);
    if (!parsed.success)
      return showContactForm(request, reply, body, fieldErrors(parsed.error, translatorFor(request), body));
    const found = await employerFromRequest(request, deps);
    if (!found) return notFound(reply);
    const person = await currentPerson(db, found.id, parsed.data.contactPersonId);
    if (!person && !parsed.data.withWhom) {
      const errors = [
        { field: "withWhom", message: translatorFor(request).t("validation.employerContact.whoMissing") },
      ];
      return showContactForm(request, reply, body, errors);
    }
    await logEmployerContact(db, clock, request.staff!, found, {
      ...parsed.data,
      contactPersonId: person?.id,
    });
    return reply.redirect(`/employers/${found.id}?notice=contact`);
  });
}
