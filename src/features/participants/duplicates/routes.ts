import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AccessRefusedError } from "../../../platform/access/door";
import type { AppDeps } from "../../../platform/http/feature";
import { checkForm } from "../../../platform/http/form-post";
import { sendPage, translatorFor } from "../../../platform/http/pages";
import { participantIdParam } from "../../../platform/http/participant";
import type { FieldError } from "../../../platform/web/components";
import { mergeForm } from "../record/forms";
import { frameOf, type Refused } from "../record/pages";
import { possibleDuplicatesOf } from "../referrals/service";
import { mergeComparison, mergeRecords } from "./merge";
import { type MergeComparison, MergePage } from "./views";

const anId = z.uuid();

// Merging a possible duplicate into the record kept for the same person (decision 63). Only the
// team leader may (`participant.merge`); both records are opened through the door together.
export function registerMergeRoutes(app: FastifyInstance, { door, clock }: AppDeps) {
  const showMergePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    chosen: string | undefined,
    refused: Refused = {},
    status = 200,
  ) => {
    const staff = request.staff!;
    const participantId = participantIdParam(request);
    const { frame, matches } = await door.withParticipant(
      staff,
      participantId,
      { purpose: "read", what: "merge_comparison", ipAddress: request.ip },
      async (record) => ({
        frame: await frameOf(record, request, reply),
        matches: (await possibleDuplicatesOf(record)).map((match) => match.participantId),
      }),
    );
    // Each match is opened with this record, so the reader sees only the ones their role admits;
    // the others are counted, never named.
    const compared: MergeComparison[] = [];
    let hiddenCount = 0;
    for (const otherId of chosen && matches.includes(chosen) ? [chosen] : matches) {
      try {
        const comparison = await door.withParticipants(
          staff,
          [participantId, otherId],
          { purpose: "read", what: "merge_comparison", ipAddress: request.ip },
          async ([self, other]) => ({ result: await mergeComparison(self!, other!) }),
        );
        if (comparison) compared.push(comparison);
      } catch (error) {
        if (!(error instanceof AccessRefusedError)) throw error;
        hiddenCount += 1;
      }
    }
    return sendPage(
      reply,
      MergePage({
        ...frame,
        comparison: compared.length === 1 ? compared[0] : undefined,
        choices: compared.length > 1 ? compared.map((comparison) => comparison.other) : [],
        hiddenCount,
        ...refused,
      }),
      status,
    );
  };

  app.get(
    "/participants/:participantId/merge",
    { config: { access: "participant.merge" } },
    async (request, reply) => {
      const chosen = anId.safeParse((request.query as { with?: unknown } | undefined)?.with);
      return showMergePage(request, reply, chosen.success ? chosen.data : undefined);
    },
  );

  app.post(
    "/participants/:participantId/merge",
    { config: { access: "participant.merge" } },
    async (request, reply) => {
      const participantId = participantIdParam(request);
      const t = translatorFor(request);
      const checked = checkForm(mergeForm, request);
      const chosen = anId.safeParse(checked.body.other);
      const again = (errors: FieldError[], status: number) =>
        showMergePage(
          request,
          reply,
          chosen.success ? chosen.data : undefined,
          { values: checked.body, errors },
          status,
        );
      if (!checked.ok)
        // A missing or forged pair is said beside the choice of record, the one field it concerns.
        return again(
          checked.errors.map((error) => (error.field === "other" ? { ...error, field: "keep" } : error)),
          400,
        );
      const { other, keep } = checked.form;
      const [keptId, duplicateId] = keep === "this" ? [participantId, other] : [other, participantId];
      const outcome = await door.withParticipants(
        request.staff!,
        [keptId, duplicateId],
        { purpose: "write", what: "merge", ipAddress: request.ip },
        async ([kept, duplicate]) => {
          const result = await mergeRecords(kept!, duplicate!, clock);
          // Each record's audit event names both and what moved; table names, never contents.
          const detail: Record<string, string> =
            result.kind === "merged"
              ? {
                  keptRecord: keptId,
                  mergedRecord: duplicateId,
                  moved: Object.entries(result.moved)
                    .map(([table, n]) => `${table}:${n}`)
                    .join(" "),
                }
              : { keptRecord: keptId, mergedRecord: duplicateId, notMerged: result.kind };
          return { result, detail };
        },
      );
      switch (outcome.kind) {
        case "merged":
          return reply.redirect(`/participants/${outcome.keptId}?notice=merged`);
        case "not_flagged":
          return again([{ field: "keep", message: t.t("merge.notFlagged") }], 409);
        case "both_have":
          return again(
            [
              {
                field: "keep",
                message: t.t("merge.bothHave", {
                  tables: outcome.tables.map((table) => t.t(`merge.held.${table}`)).join(", "),
                }),
              },
            ],
            409,
          );
      }
    },
  );
}
