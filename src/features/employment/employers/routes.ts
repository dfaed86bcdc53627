import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { hasPermission } from "../../../platform/access/roles";
import { calendarDateAt } from "../../../platform/clock";
import type { AppDeps } from "../../../platform/http/feature";
import { checkForm } from "../../../platform/http/form-post";
import { pageContext, sendPage, translatorFor } from "../../../platform/http/pages";
import { uuidParam } from "../../../platform/http/params";
import { type FieldError, formBody } from "../../../platform/web/forms";
import { currentEmploymentSettings } from "../settings/service";
import { EmployerContactFormPage } from "./contact-views";
import { currentPeople, currentPerson, logEmployerContact } from "./contacts";
import { EmployerPage } from "./employer-page";
import { employerContactForm, employerForm, employerListQuery, personForm, versionField } from "./forms";
import { employerOpportunities } from "./opportunities";
import {
  employerFromRequest,
  manageEmployers,
  notFound,
  notice,
  readEmployers,
  registerEmployerForm,
  sendEditAnswer,
} from "./pages";
import type { EmployerRow } from "./schema";
import {
  addPerson,
  archivePerson,
  createEmployer,
  employerPeople,
  listEmployers,
  mergeCandidates,
  mergeEmployers,
  relationshipHistory,
  updateEmployer,
} from "./service";
import { EmployerFormPage, EmployerListPage, MergePage, PersonFormPage } from "./views";

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
    const checked = checkForm(employerForm, request);
    if (!checked.ok) {
      const page = EmployerFormPage({
        ...pageContext(request, reply),
        values: checked.body,
        errors: checked.errors,
      });
      return sendPage(reply, page, 400);
    }
    const created = await createEmployer(db, clock, request.staff!, checked.form);
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
    const checked = checkForm(employerForm, request);
    // A missing version is version 0, which no saved employer has: a conflict, never an overwrite.
    const { version } = versionField.parse(checked.body);
    const show = (state: { errors?: FieldError[]; conflict?: EmployerRow }) =>
      EmployerFormPage({
        ...pageContext(request, reply),
        values: checked.body,
        errors: state.errors,
        // After a conflict the form keeps what this person typed, and is based on the saved version.
        editing: state.conflict
          ? { employer: state.conflict, version: state.conflict.version, saved: state.conflict }
          : { employer: found, version },
      });
    if (!checked.ok) return sendPage(reply, show({ errors: checked.errors }), 400);
    const outcome = await updateEmployer(db, clock, request.staff!, found.id, version, checked.form);
    return sendEditAnswer(request, reply, outcome, {
      saved: (row) => `/employers/${row.id}?notice=saved`,
      show,
    });
  });

  registerEmployerForm(app, deps, "/employers/:employerId/people", {
    schema: () => personForm,
    page: (request, reply, employer, values, errors) =>
      PersonFormPage({ ...pageContext(request, reply), employer, values, errors }),
    save: async (_request, found, form) => {
      await addPerson(db, clock, found, form);
      return `/employers/${found.id}?notice=person`;
    },
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

  registerEmployerForm(app, deps, "/employers/:employerId/contacts", {
    schema: () => employerContactForm(calendarDateAt(clock.now())),
    initial: () => ({ occurredOn: calendarDateAt(clock.now()) }),
    page: async (request, reply, employer, values, errors) =>
      EmployerContactFormPage({
        ...pageContext(request, reply),
        employer,
        people: await currentPeople(db, employer.id),
        values,
        errors,
      }),
    save: async (request, found, form) => {
      const person = await currentPerson(db, found.id, form.contactPersonId);
      if (!person && !form.withWhom)
        return [
          { field: "withWhom", message: translatorFor(request).t("validation.employerContact.whoMissing") },
        ];
      await logEmployerContact(db, clock, request.staff!, found, { ...form, contactPersonId: person?.id });
      return `/employers/${found.id}?notice=contact`;
    },
  });
}
