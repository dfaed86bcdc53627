import { z } from "zod";
import { newPasswordForm } from "../../platform/auth/forms";
import { MAX_PASSWORD_LENGTH } from "../../platform/auth/passwords";
import { participantInvitationMethods } from "../../platform/auth/schema";
import { consentPurposes } from "../participants/schema";

// The portal keeps no tables of its own: accounts, invitations and sessions are platform/auth's.
// These are its forms; messages are catalogue keys.

export const signInForm = z.object({
  signInName: z.string().trim().min(1, "validation.portal.signInName").max(320, "validation.tooLong"),
  password: z.string().min(1, "validation.signIn.password").max(MAX_PASSWORD_LENGTH, "validation.tooLong"),
  next: z.string().optional(),
});

export const codeForm = z.object({
  code: z.string().trim().min(1, "validation.portal.code").max(64, "validation.tooLong"),
});

/** A name the person chooses (printed code): easy to type on a phone, no spaces. */
export const chosenSignInName = z
  .string({ message: "validation.portal.chooseName" })
  .trim()
  .min(4, "validation.portal.chooseName")
  .max(64, "validation.tooLong")
  .regex(/^[A-Za-z0-9._@-]+$/, "validation.portal.nameCharacters");

export const acceptForm = newPasswordForm;

export const inviteForm = z
  .object({
    method: z.enum(participantInvitationMethods, { message: "validation.portal.method" }),
    email: z
      .string()
      .trim()
      .max(320, "validation.tooLong")
      .optional()
      .transform((value) => (value ? value : null)),
  })
  .superRefine((form, context) => {
    if (form.method === "email" && !z.email().safeParse(form.email).success)
      context.addIssue({ code: "custom", path: ["email"], message: "validation.portal.email" });
  });

export const withdrawConsentForm = z.object({ purpose: z.enum(consentPurposes) });

export const markDoneForm = z.object({ version: z.coerce.number().int().min(1) });

export const participationChangeForm = z.object({
  change: z.enum(["pause", "resume", "stop"]),
  version: z.coerce.number().int().min(1),
});

export const enrolForm = z.object({
  secret: z.string().regex(/^[A-Z2-7]{32}$/, "validation.secondFactor.restart"),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "validation.secondFactor.enrolCode"),
});
