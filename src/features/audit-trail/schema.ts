import { z } from "zod";
import { calendarDate } from "../../platform/calendar-date";

// The audit trail's tables belong to platform/audit; this feature only browses them, so its
// schema is the filter form shared by the page and the API.

const optionalText = z
  .string()
  .trim()
  .max(200, "validation.tooLong")
  .optional()
  .transform((value) => (value ? value : undefined));

const isoDay = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .pipe(calendarDate("validation.audit.date").optional());

export const auditFilterSchema = z
  .object({
    from: isoDay,
    to: isoDay,
    action: optionalText,
    actorId: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(z.uuid({ message: "validation.audit.actorId" }).optional()),
    actorEmail: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(z.email({ message: "validation.audit.actorEmail" }).optional()),
    subjectType: optionalText,
    subjectId: optionalText,
    outcome: z
      .enum(["", "succeeded", "failed", "refused"], { message: "validation.audit.outcome" })
      .optional()
      .transform((value) => (value ? value : undefined)),
    before: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_\d+$/, "validation.audit.cursor")
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    message: "validation.audit.dateOrder",
    path: ["to"],
  });

export type AuditFilter = z.infer<typeof auditFilterSchema>;
