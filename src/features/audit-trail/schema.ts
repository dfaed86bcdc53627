import { z } from "zod";

// The audit trail's tables belong to platform/audit; this feature only browses them, so its
// schema is the filter form shared by the page and the API.

const optionalText = z
  .string()
  .trim()
  .max(200, "Enter 200 characters or fewer")
  .optional()
  .transform((value) => (value ? value : undefined));

const isoDay = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .pipe(z.iso.date({ message: "Enter a real date, like 2026-11-22" }).optional());

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
      .pipe(z.uuid({ message: "Enter a staff identifier in the form shown on their staff page" }).optional()),
    actorEmail: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(z.email({ message: "Enter a staff email address in the correct format" }).optional()),
    subjectType: optionalText,
    subjectId: optionalText,
    outcome: z
      .enum(["", "succeeded", "failed", "refused"], { message: "Choose an outcome from the list" })
      .optional()
      .transform((value) => (value ? value : undefined)),
    before: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_\d+$/, "This page link is not valid: start from the first page")
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    message: "The 'to' date must be the same as or after the 'from' date",
    path: ["to"],
  });

export type AuditFilter = z.infer<typeof auditFilterSchema>;
