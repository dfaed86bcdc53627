import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { calendarDateAt } from "../../../platform/clock";
import type { AppDeps } from "../../../platform/http/feature";
import { isIpsJobStart, tenure } from "./job-rules";
import { contractTypes, jobEndReasons } from "./schema";
import { jobsOf } from "./service";

const jobSchema = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  employerName: z.string(),
  applicationId: z.uuid().nullable(),
  title: z.string(),
  startedOn: z.iso.date(),
  hoursPerWeek: z.number(),
  hourlyPayPence: z.number().int().describe("Pay per hour in pence."),
  contractType: z.enum(contractTypes),
  openLabourMarket: z.boolean(),
  timeLimitedByService: z.boolean(),
  competitive: z.boolean().describe("Decided when recorded, against wageFloorPence."),
  wageFloorPence: z.number().int().describe("The wage floor in force when the job was recorded."),
  ipsJobStart: z.boolean().describe("Competitive and at least 4 hours a week."),
  endedOn: z.iso.date().nullable(),
  endReason: z.enum(jobEndReasons).nullable(),
  tenure: z.object({ weeks: z.number().int(), days: z.number().int() }).describe("Up to the end, or today."),
});

const params = z.strictObject({ participantId: z.uuid() });

export function registerWorkApi(app: FastifyInstance, { door, clock }: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/participants/:participantId/jobs",
    {
      config: { access: "participant.read" },
      schema: {
        summary: "A participant's jobs, latest start first",
        description: "Current and past jobs with whether each is competitive and counts as an IPS job start.",
        tags: ["employment"],
        params,
        response: { 200: z.object({ items: z.array(jobSchema) }) },
      },
    },
    async (request) => {
      const rows = await door.withParticipant(
        request.staff!,
        request.params.participantId,
        { purpose: "read", what: "jobs", ipAddress: request.ip },
        (record) => jobsOf(record),
      );
      const today = calendarDateAt(clock.now());
      return {
        items: rows.map((row) => ({
          id: row.id,
          employerId: row.employerId,
          employerName: row.employerName,
          applicationId: row.applicationId,
          title: row.title,
          startedOn: row.startedOn,
          hoursPerWeek: row.hoursPerWeek,
          hourlyPayPence: row.hourlyPayPence,
          contractType: row.contractType,
          openLabourMarket: row.openLabourMarket,
          timeLimitedByService: row.timeLimitedByService,
          competitive: row.competitive,
          wageFloorPence: row.wageFloorPence,
          ipsJobStart: isIpsJobStart(row),
          endedOn: row.endedOn,
          endReason: row.endReason,
          tenure: tenure(row.startedOn, row.endedOn ?? today),
        })),
      };
    },
  );
}
