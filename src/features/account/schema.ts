import { z } from "zod";

// Your account keeps no tables of its own: it changes the staff account, its second factor and
// its API tokens, which belong to platform/auth and platform/directory.

export { changePasswordForm } from "../../platform/auth/forms";

export const apiTokenForm = z.object({
  name: z.string().trim().min(1, "validation.token.name").max(100, "validation.tooLong"),
  validDays: z.coerce
    .number({ message: "validation.token.validity" })
    .int()
    .refine((days) => [7, 30, 90, 365].includes(days), "validation.token.validity"),
});
