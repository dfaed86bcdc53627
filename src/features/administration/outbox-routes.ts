import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/http/feature";
import { pageContext, sendPage } from "../../platform/http/pages";
import { uuidParam } from "../../platform/http/params";
import { listOutbox, OUTBOX_PAGE_SIZE, readOutboundEmail } from "./outbox";
import { OutboundEmailPage, OutboxListPage } from "./outbox-views";
import { adminRequest } from "./page-answers";
import { outboxListQuery } from "./schema";

const access = { config: { access: "directory.manage" as const } };

export function registerOutboxRoutes(app: FastifyInstance, { db, clock, config }: AppDeps) {
  app.get("/admin/outbox", access, async (request, reply) => {
    const query = outboxListQuery.parse(request.query ?? {});
    const result = await listOutbox(db, query);
    return sendPage(
      reply,
      OutboxListPage({
        ...pageContext(request, reply),
        query,
        result,
        pageSize: OUTBOX_PAGE_SIZE,
        mailServerConfigured: config.mail.smtpUrl !== null,
      }),
    );
  });

  app.get("/admin/outbox/:id", access, async (request, reply) => {
    const id = uuidParam(request, "id");
    const email = id && (await readOutboundEmail(db, clock, adminRequest(request), id));
    if (!email) return reply.callNotFound();
    return sendPage(reply, OutboundEmailPage({ ...pageContext(request, reply), email }));
  });
}
